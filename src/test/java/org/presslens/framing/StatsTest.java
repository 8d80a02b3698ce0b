package org.presslens.framing;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.presslens.SparkTestSession;

/** Every formula against values computed by hand (and checked against published tables / R's p.adjust). */
class StatsTest {
  private static Row one(Dataset<Row> data) {
    return data.collectAsList().get(0);
  }

  private static Dataset<Row> counts(long k, long n) {
    return SparkTestSession.get().createDataFrame(List.of(RowFactory.create(k, n)),
        new StructType().add("k", DataTypes.LongType).add("n", DataTypes.LongType));
  }

  @Test
  void wilsonIntervalMatchesTheScoreFormula() {
    // 3 of 10: p = 0.3, z = 1.96; centre (0.3 + z^2/20) / (1 + z^2/10), half-width
    // z * sqrt(0.3 * 0.7 / 10 + z^2 / 400) / (1 + z^2/10): (0.10779, 0.60322), as in Newcombe (1998) table I.
    Row r = one(counts(3, 10).select(Stats.wilsonLow(col("k"), col("n")), Stats.wilsonHigh(col("k"), col("n")),
        Stats.share(col("k"), col("n"))));
    assertThat(r.getDouble(0)).isCloseTo(0.1077913, within(1e-6));
    assertThat(r.getDouble(1)).isCloseTo(0.6032219, within(1e-6));
    assertThat(r.getDouble(2)).isEqualTo(0.3);
    // 0 of 10: the interval still has width (the point of Wilson over the Wald interval)
    Row zero = one(counts(0, 10).select(Stats.wilsonLow(col("k"), col("n")), Stats.wilsonHigh(col("k"), col("n"))));
    assertThat(zero.getDouble(0)).isEqualTo(0.0);
    assertThat(zero.getDouble(1)).isCloseTo(0.2775328, within(1e-6));
    Row all = one(counts(10, 10).select(Stats.wilsonLow(col("k"), col("n")), Stats.wilsonHigh(col("k"), col("n"))));
    assertThat(all.getDouble(0)).isCloseTo(0.7224672, within(1e-6));
    assertThat(all.getDouble(1)).isCloseTo(1.0, within(1e-12));
    Row none = one(counts(0, 0).select(Stats.wilsonLow(col("k"), col("n")), Stats.share(col("k"), col("n"))));
    assertThat(none.isNullAt(0)).isTrue();
    assertThat(none.isNullAt(1)).isTrue();
  }

  @Test
  void logOddsWithInformativePriorAndItsZScore() {
    // y_i = 10 of n_i = 100, y_j = 5 of n_j = 200, a_w = 1, a_0 = 10:
    // delta = ln(11 / 99) - ln(6 / 204) = 1.3291359; var = 1/11 + 1/99 + 1/6 + 1/204 = 0.2725787;
    // z = 2.5457950 (Monroe's eq. 18 alone, 1/11 + 1/6, would give 2.6188879)
    Dataset<Row> d = SparkTestSession.get().range(1).select(lit(10.0).as("yi"), lit(100.0).as("ni"),
        lit(5.0).as("yj"), lit(200.0).as("nj"), lit(1.0).as("a"), lit(10.0).as("a0"));
    Row r = one(d.select(
        Stats.logOdds(col("yi"), col("ni"), col("yj"), col("nj"), col("a"), col("a0")).as("delta"),
        Stats.logOddsVariance(col("yi"), col("ni"), col("yj"), col("nj"), col("a"), col("a0")).as("var"))
        .withColumn("z", col("delta").divide(org.apache.spark.sql.functions.sqrt(col("var"))))
        .withColumn("p", Stats.pValue(col("z"))));
    assertThat(r.getDouble(0)).isCloseTo(1.3291359, within(1e-6));
    assertThat(r.getDouble(1)).isCloseTo(0.2725787, within(1e-6));
    assertThat(r.getDouble(2)).isCloseTo(2.5457950, within(1e-6));
    assertThat(r.getDouble(3)).isCloseTo(0.0109029, within(1e-6));
  }

  @Test
  void twoSidedNormalPValues() {
    assertThat(Stats.twoSidedP(1.959963984540054)).isCloseTo(0.05, within(1e-9));
    assertThat(Stats.twoSidedP(-2.5)).isCloseTo(0.0124193, within(1e-6));
    assertThat(Stats.twoSidedP(0.0)).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void benjaminiHochbergAsRsPAdjustWithinEachFamily() {
    StructType schema = new StructType().add("family", DataTypes.StringType).add("p", DataTypes.DoubleType);
    Dataset<Row> d = SparkTestSession.get().createDataFrame(List.of(
        RowFactory.create("a", 0.01), RowFactory.create("a", 0.04), RowFactory.create("a", 0.03),
        RowFactory.create("a", 0.2), RowFactory.create("b", 0.01), RowFactory.create("b", 0.02)), schema);
    // R: p.adjust(c(0.01, 0.04, 0.03, 0.2), "BH") = 0.04 0.05333 0.05333 0.2; p.adjust(c(0.01, 0.02), "BH") = 0.02 0.02
    Map<String, Double> adjusted = Stats.benjaminiHochberg(d, "p", "q", "family").collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getString(0) + r.getDouble(1), r -> r.getDouble(2)));
    assertThat(adjusted.get("a0.01")).isCloseTo(0.04, within(1e-12));
    assertThat(adjusted.get("a0.04")).isCloseTo(0.0533333, within(1e-6));
    assertThat(adjusted.get("a0.03")).isCloseTo(0.0533333, within(1e-6));
    assertThat(adjusted.get("a0.2")).isCloseTo(0.2, within(1e-12));
    assertThat(adjusted.get("b0.01")).isCloseTo(0.02, within(1e-12));
    assertThat(adjusted.get("b0.02")).isCloseTo(0.02, within(1e-12));
  }
}
