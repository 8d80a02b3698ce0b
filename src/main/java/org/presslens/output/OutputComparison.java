package org.presslens.output;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_entries;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.hadoop.fs.Path;
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
import org.apache.spark.storage.StorageLevel;

/**
 * Compares two output directories table by table, as multisets of rows: the check that a cluster run, a rerun or a
 * run that survived a lost executor wrote what a local run writes. Floating-point values are compared to
 * {@value #SIGNIFICANT_DIGITS} significant digits (sums over differently partitioned data differ in the last
 * bits); maps are compared as sorted entries. The run report is not compared (its run id and clock differ by
 * design); its counts are in the tables. A {@code batch} partition column on one side only (an incremental output
 * against a full run) is left out.
 */
public final class OutputComparison {
  static final int SIGNIFICANT_DIGITS = 9;
  private static final int EXAMPLES = 3;
  private static final int EXAMPLE_CHARS = 240;
  private static final String SIDE = "__side";
  private static final String IN_A = "__in_a";
  private static final String IN_B = "__in_b";

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
    return compare(spark, a, b, List.of());
  }

  /** As {@link #compare(SparkSession, String, String)}, leaving out the given {@code table.column}s. */
  public static List<TableDiff> compare(SparkSession spark, String a, String b, List<String> ignored) {
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
      Dataset<Row> rowsA = spark.read().parquet(a + "/" + table.name());
      Dataset<Row> rowsB = spark.read().parquet(b + "/" + table.name());
      // an incremental output's batch partitions against a full run: the rows are compared, not their batch
      boolean batchA = Arrays.asList(rowsA.columns()).contains(TableWriter.BATCH);
      boolean batchB = Arrays.asList(rowsB.columns()).contains(TableWriter.BATCH);
      if (batchA != batchB) {
        rowsA = rowsA.drop(TableWriter.BATCH);
        rowsB = rowsB.drop(TableWriter.BATCH);
      }
      for (String column : ignored) {
        if (column.startsWith(table.name() + ".")) {
          rowsA = rowsA.drop(column.substring(table.name().length() + 1));
          rowsB = rowsB.drop(column.substring(table.name().length() + 1));
        }
      }
      diffs.add(compare(table.name(), rowsA, rowsB));
    }
    return diffs;
  }

  /**
   * One shuffle: both sides' rows, made comparable, grouped by all their columns with a count per side; a row
   * differs when its two counts do.
   */
  static TableDiff compare(String table, Dataset<Row> a, Dataset<Row> b) {
    if (!sameColumns(a.schema(), b.schema())) {
      return new TableDiff(table, 0, 0, 0, 0, "columns differ: " + a.schema().simpleString() + " vs "
          + b.schema().simpleString(), List.of());
    }
    Column[] columns = Arrays.stream(a.columns()).map(c -> col("`" + c + "`")).toArray(Column[]::new);
    Dataset<Row> counted = comparable(a).withColumn(SIDE, lit(1))
        .union(comparable(b.select(columns)).withColumn(SIDE, lit(2)))
        .groupBy(columns)
        .agg(count(when(col(SIDE).equalTo(1), true)).as(IN_A), count(when(col(SIDE).equalTo(2), true)).as(IN_B))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Row totals = counted.agg(sum(IN_A), sum(IN_B), sum(greatest(col(IN_A).minus(col(IN_B)), lit(0))),
          sum(greatest(col(IN_B).minus(col(IN_A)), lit(0)))).first();
      List<String> examples = new ArrayList<>();
      for (Row r : counted.filter(col(IN_A).notEqual(col(IN_B))).limit(2 * EXAMPLES).collectAsList()) {
        long surplus = r.<Long>getAs(IN_A) - r.<Long>getAs(IN_B);
        examples.add((surplus > 0 ? "first:  " : "second: ") + (Math.abs(surplus) > 1 ? Math.abs(surplus) + " x " : "")
            + shortened(r, columns.length));
      }
      return new TableDiff(table, total(totals, 0), total(totals, 1), total(totals, 2), total(totals, 3), null,
          examples);
    } finally {
      counted.unpersist();
    }
  }

  private static long total(Row totals, int i) {
    return totals.isNullAt(i) ? 0 : totals.getLong(i);
  }

  /** The row's data columns (not its counts) as one line of at most {@value #EXAMPLE_CHARS} characters. */
  private static String shortened(Row row, int dataColumns) {
    StringBuilder text = new StringBuilder("[");
    for (int i = 0; i < dataColumns; i++) {
      text.append(i == 0 ? "" : ",").append(row.isNullAt(i) ? "null" : row.get(i));
    }
    String line = text.append(']').toString().replace('\n', ' ');
    return line.length() <= EXAMPLE_CHARS ? line : line.substring(0, EXAMPLE_CHARS) + " ...";
  }

  private static boolean sameColumns(StructType a, StructType b) {
    return a.size() == b.size() && Arrays.stream(a.fields()).allMatch(field -> b.getFieldIndex(field.name())
        .isDefined() && b.apply(field.name()).dataType().sameType(field.dataType()));
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
      Path p = new Path(path);
      return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
