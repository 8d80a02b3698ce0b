package org.presslens.common;

import java.util.Iterator;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Row;

/** Lazily maps a partition's rows one by one (what a row-wise mapPartitions function returns). */
public final class MappedRows implements Iterator<Row> {
  private final Iterator<Row> rows;
  private final UnaryOperator<Row> function;

  public MappedRows(Iterator<Row> rows, UnaryOperator<Row> function) {
    this.rows = rows;
    this.function = function;
  }

  @Override
  public boolean hasNext() {
    return rows.hasNext();
  }

  @Override
  public Row next() {
    return function.apply(rows.next());
  }
}
