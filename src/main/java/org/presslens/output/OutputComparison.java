package org.presslens.output;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_entries;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Compares two output directories table by table, as multisets of rows: the check that a cluster run, a rerun or a
 * run that survived a lost executor wrote what a local run writes. Floating-point values are compared to
 * {@value #SIGNIFICANT_DIGITS} significant digits (sums over differently partitioned data differ in the last
 * bits); maps are compared as sorted entries. The run report is not compared (its run id and clock differ by
 * design); its counts are in the tables.
 */
public final class OutputComparison {
  static final int SIGNIFICANT_DIGITS = 9;
  private static final int EXAMPLES = 3;
  private static final int EXAMPLE_CHARS = 240;

  /** How one table compares: rows on each side and rows only on one side. */
  public record TableDiff(String table, long rowsA, long rowsB, long onlyInA, long onlyInB, String problem,
      List<String> examples) {
    public boolean same() {
      return problem == null && onlyInA == 0 && onlyInB == 0;
    }

    public String describe() {
      if (problem != null) {
        return table + ": " + problem;
      }
      String line = String.format("%s: %,d rows vs %,d rows", table, rowsA, rowsB);
      return same() ? line + ", identical"
          : line + String.format(", %,d only in the first, %,d only in the second%s", onlyInA, onlyInB,
              examples.isEmpty() ? "" : "\n    " + String.join("\n    ", examples));
    }
  }

  private OutputComparison() {}

  /** Every table of {@link TableReference#TABLES} that either directory holds. */
  public static List<TableDiff> compare(SparkSession spark, String a, String b) {
    List<TableDiff> diffs = new ArrayList<>();
    for (TableReference.Table table : TableReference.TABLES) {
      boolean inA = exists(spark, a + "/" + table.name());
      boolean inB = exists(spark, b + "/" + table.name());
      if (!inA && !inB) {
        continue;
      }
      if (inA != inB) {
        diffs.add(new TableDiff(table.name(), 0, 0, 0, 0, "only in " + (inA ? a : b), List.of()));
        continue;
      }
      diffs.add(compare(table.name(), spark.read().parquet(a + "/" + table.name()),
          spark.read().parquet(b + "/" + table.name())));
    }
    return diffs;
  }

  static TableDiff compare(String table, Dataset<Row> a, Dataset<Row> b) {
    if (!sameColumns(a.schema(), b.schema())) {
      return new TableDiff(table, 0, 0, 0, 0, "columns differ: " + a.schema().simpleString() + " vs "
          + b.schema().simpleString(), List.of());
    }
    Dataset<Row> left = comparable(a);
    Column[] order = java.util.Arrays.stream(a.columns()).map(c -> col("`" + c + "`")).toArray(Column[]::new);
    Dataset<Row> right = comparable(b.select(order));
    Dataset<Row> onlyA = left.exceptAll(right).cache();
    Dataset<Row> onlyB = right.exceptAll(left).cache();
    try {
      List<String> examples = new ArrayList<>();
      onlyA.limit(EXAMPLES).collectAsList().forEach(r -> examples.add("first:  " + shortened(r)));
      onlyB.limit(EXAMPLES).collectAsList().forEach(r -> examples.add("second: " + shortened(r)));
      return new TableDiff(table, a.count(), b.count(), onlyA.count(), onlyB.count(), null, examples);
    } finally {
      onlyA.unpersist();
      onlyB.unpersist();
    }
  }

  private static String shortened(Row row) {
    String text = row.toString().replace('\n', ' ');
    return text.length() <= EXAMPLE_CHARS ? text : text.substring(0, EXAMPLE_CHARS) + " ...";
  }

  private static boolean sameColumns(StructType a, StructType b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (StructField field : a.fields()) {
      if (!List.of(b.fieldNames()).contains(field.name())
          || !b.apply(field.name()).dataType().sameType(field.dataType())) {
        return false;
      }
    }
    return true;
  }

  /** The rows with every double as text of fixed precision and every map as sorted entries. */
  static Dataset<Row> comparable(Dataset<Row> data) {
    Column[] columns = new Column[data.schema().size()];
    for (int i = 0; i < columns.length; i++) {
      StructField field = data.schema().fields()[i];
      columns[i] = comparable(col("`" + field.name() + "`"), field.dataType()).as(field.name());
    }
    return data.select(columns);
  }

  private static Column comparable(Column value, DataType type) {
    if (type.sameType(DataTypes.DoubleType) || type.sameType(DataTypes.FloatType)) {
      return when(value.isNull(), lit(null).cast(DataTypes.StringType))
          .otherwise(format_string("%." + (SIGNIFICANT_DIGITS - 1) + "e", value.cast(DataTypes.DoubleType)));
    }
    if (type instanceof ArrayType array) {
      return transform(value, element -> comparable(element, array.elementType()));
    }
    if (type instanceof MapType map) {
      Function<Column, Column> entry = e -> struct(comparable(e.getField("key"), map.keyType()).as("key"),
          comparable(e.getField("value"), map.valueType()).as("value"));
      return array_sort(transform(map_entries(value), entry::apply));
    }
    if (type instanceof StructType struct) {
      List<Column> fields = new ArrayList<>();
      for (StructField field : struct.fields()) {
        fields.add(comparable(value.getField(field.name()), field.dataType()).as(field.name()));
      }
      return when(value.isNull(), lit(null)).otherwise(struct(fields.toArray(Column[]::new)));
    }
    return value;
  }

  private static boolean exists(SparkSession spark, String path) {
    try {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      return fs.exists(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
