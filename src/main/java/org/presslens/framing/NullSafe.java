package org.presslens.framing;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Joins on key columns that may be null (articles without an outlet or a date form a group of their own): keys
 * match with {@code <=>}, and the right side's copies of the keys are dropped.
 */
final class NullSafe {
  private NullSafe() {}

  static Dataset<Row> leftJoin(Dataset<Row> left, Dataset<Row> right, String... keys) {
    return join(left, right, "left", keys);
  }

  static Dataset<Row> innerJoin(Dataset<Row> left, Dataset<Row> right, String... keys) {
    return join(left, right, "inner", keys);
  }

  private static Dataset<Row> join(Dataset<Row> left, Dataset<Row> right, String type, String... keys) {
    Dataset<Row> r = right;
    for (String key : keys) {
      r = r.withColumnRenamed(key, "__right_" + key);
    }
    Dataset<Row> rr = r;
    Column on = Arrays.stream(keys).map(k -> left.col(k).eqNullSafe(rr.col("__right_" + k)))
        .reduce(Column::and).orElseThrow();
    Dataset<Row> joined = left.join(rr, on, type);
    for (String key : keys) {
      joined = joined.drop("__right_" + key);
    }
    return joined;
  }
}
