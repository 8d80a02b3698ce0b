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
    return new MappedRows(rows, row -> {
      String id = row.getAs(Dedup.ID);
      return RowFactory.create(id, key(id), Dedup.pack(Shingles.of(row.getAs(Dedup.TEXT), kind, n)));
    });
  }

  /** 64-bit key of an article id (collisions among a billion ids have probability below 3%). */
  static long key(String id) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < id.length(); i++) {
      h = (h ^ id.charAt(i)) * 0x100000001b3L;
    }
    return Shingles.mix(h);
  }
}
