package org.presslens.dedup;

import java.util.Iterator;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.presslens.common.MappedRows;

/** Executor side: (article_id, text) rows to (article_id, sorted distinct shingle hashes). */
final class ShingleArticles implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;
  private final Shingles.Kind kind;
  private final int n;

  ShingleArticles(Shingles.Kind kind, int n) {
    this.kind = kind;
    this.n = n;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    return new MappedRows(rows, row -> RowFactory.create(row.getAs(Dedup.ID),
        Dedup.pack(Shingles.of(row.getAs(Dedup.TEXT), kind, n))));
  }
}
