package org.presslens.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.presslens.SparkTestSession;

class OutputComparisonTest {
  private final SparkSession spark = SparkTestSession.get();
  private static final StructType SCHEMA = new StructType()
      .add("id", DataTypes.StringType)
      .add("share", DataTypes.DoubleType)
      .add("tones", DataTypes.createArrayType(DataTypes.DoubleType))
      .add("hits", DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType));

  private Dataset<Row> table(Row... rows) {
    return spark.createDataFrame(List.of(rows), SCHEMA);
  }

  private static Row row(String id, Double share, double tone, Map<String, Integer> hits) {
    return RowFactory.create(id, share, scala.jdk.javaapi.CollectionConverters.asScala(List.of(tone)).toSeq(),
        scala.jdk.javaapi.CollectionConverters.asScala(hits));
  }

  @Test
  void rowOrderMapOrderAndLastBitsOfDoublesDoNotCount() {
    Dataset<Row> a = table(row("a", 0.1 + 0.2, 0.5, Map.of("x", 1, "y", 2)), row("b", null, -1.0, Map.of()));
    Dataset<Row> b = table(row("b", null, -1.0, Map.of()), row("a", 0.3, 0.5, new java.util.TreeMap<>(Map.of("y", 2, "x", 1))));

    OutputComparison.TableDiff diff = OutputComparison.compare("t", a, b);

    assertThat(diff.same()).as(diff.describe()).isTrue();
    assertThat(diff.rowsA()).isEqualTo(2);
  }

  @Test
  void aChangedValueAndADuplicatedRowAreDifferences() {
    Dataset<Row> a = table(row("a", 0.25, 0.5, Map.of("x", 1)), row("b", 0.5, 0.0, Map.of()));
    Dataset<Row> b = table(row("a", 0.2500001, 0.5, Map.of("x", 1)), row("b", 0.5, 0.0, Map.of()),
        row("b", 0.5, 0.0, Map.of()));

    OutputComparison.TableDiff diff = OutputComparison.compare("t", a, b);

    assertThat(diff.same()).isFalse();
    assertThat(diff.onlyInA()).isEqualTo(1);
    assertThat(diff.onlyInB()).isEqualTo(2);
    assertThat(diff.describe()).contains("2 rows vs 3 rows").contains("2.50000000e-01");
  }

  @Test
  void differentColumnsAreReported() {
    Dataset<Row> a = table(row("a", 0.25, 0.5, Map.of()));
    OutputComparison.TableDiff diff = OutputComparison.compare("t", a, a.drop("hits"));
    assertThat(diff.same()).isFalse();
    assertThat(diff.problem()).startsWith("columns differ");
  }

  @Test
  void directoriesCompareTableByTableLeavingOutIgnoredColumnsAndAOneSidedBatchColumn(@TempDir Path dir) {
    Dataset<Row> a = table(row("a", 0.25, 0.5, Map.of()), row("b", 0.5, 0.0, Map.of()));
    a.write().parquet(dir.resolve("a/duplicate_pairs").toString());
    // b: another share for "b", and partitioned by batch as an incremental output is
    a.withColumn("share", org.apache.spark.sql.functions.lit(0.75)).withColumn("batch",
            org.apache.spark.sql.functions.col("id"))
        .write().partitionBy("batch").parquet(dir.resolve("b/duplicate_pairs").toString());

    List<OutputComparison.TableDiff> plain = OutputComparison.compare(spark, dir.resolve("a").toString(),
        dir.resolve("b").toString());
    List<OutputComparison.TableDiff> ignoring = OutputComparison.compare(spark, dir.resolve("a").toString(),
        dir.resolve("b").toString(), List.of("duplicate_pairs.share"));

    assertThat(plain).singleElement().satisfies(d -> assertThat(d.onlyInA()).isEqualTo(2));
    assertThat(ignoring).singleElement().satisfies(d -> assertThat(d.same()).as(d.describe()).isTrue());
  }
}
