package org.presslens.dedup;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** One row per shingle of a shingled article (for counting document frequencies). */
final class ExplodeShingles implements FlatMapFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  @Override
  public Iterator<Row> call(Row row) {
    int[] shingles = Dedup.shingles(row);
    List<Row> out = new ArrayList<>(shingles.length);
    for (int shingle : shingles) {
      out.add(RowFactory.create(shingle));
    }
    return out.iterator();
  }
}
