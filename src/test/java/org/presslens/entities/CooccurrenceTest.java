package org.presslens.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Date;
import java.util.ArrayList;
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
import org.presslens.config.CooccurrenceSettings;

class CooccurrenceTest {
  private static final StructType MENTIONS = new StructType()
      .add(EntityMentions.ARTICLE_ID, DataTypes.StringType).add(EntityMentions.OUTLET, DataTypes.StringType)
      .add(EntityMentions.PUBLISHED_DATE, DataTypes.DateType).add(EntityMentions.ENTITY_ID, DataTypes.StringType)
      .add(EntityMentions.ENTITY_NAME, DataTypes.StringType).add(EntityMentions.ENTITY_TYPE, DataTypes.StringType)
      .add(EntityMentions.FIELD, DataTypes.StringType).add(EntityMentions.SENTENCE_INDEX, DataTypes.IntegerType);
  private final List<Row> rows = new ArrayList<>();

  private void mention(String article, String outlet, String date, int sentence, String entity) {
    rows.add(RowFactory.create(article, outlet, Date.valueOf(date), entity, "name " + entity, "PERSON", "text",
        sentence));
  }

  /** Three canonical articles; d1 stands for a cluster of three copies. */
  private Map<String, Row> run() {
    return run(1);
  }

  private Map<String, Row> run(int minPairCount) {
    mention("d1", "X", "2024-01-05", 0, "A");
    mention("d1", "X", "2024-01-05", 0, "B");
    mention("d1", "X", "2024-01-05", 0, "A"); // a second mention in the same sentence counts once
    mention("d1", "X", "2024-01-05", 1, "A");
    mention("d1", "X", "2024-01-05", 1, "C");
    mention("d2", "Y", "2024-01-20", 0, "A");
    mention("d2", "Y", "2024-01-20", 0, "B");
    mention("d3", "X", "2024-02-01", 0, "B");
    mention("d3", "X", "2024-02-01", 0, "C");
    var spark = SparkTestSession.get();
    Dataset<Row> mentions = spark.createDataFrame(rows, MENTIONS);
    Dataset<Row> sizes = spark.createDataFrame(List.of(RowFactory.create("d1", 3L)), new StructType()
        .add(EntityMentions.ARTICLE_ID, DataTypes.StringType).add("cluster_size", DataTypes.LongType));
    return Cooccurrence.of(mentions, sizes, new CooccurrenceSettings(true, "sentence,document", "month", minPairCount, 1))
        .collectAsList().stream().collect(Collectors.toMap(
            r -> r.getAs("window") + "/" + r.getAs("scope") + "/" + r.getAs("outlet") + "/" + r.getAs("period_start")
                + "/" + r.getAs("entity_a") + r.getAs("entity_b"), r -> r));
  }

  @Test
  void pairsDroppedEarlyForTheirCorpusCountAreThoseTheMinimumDropsInEveryScope() {
    Map<String, Row> all = run(1);
    rows.clear();
    Map<String, Row> frequent = run(2);
    Map<String, Row> expected = all.entrySet().stream().filter(e -> (Long) e.getValue().getAs("n_ab") >= 2)
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    // the corpus pair {A,B} (2 sentences) survives; in the outlet scopes it is once per outlet and drops out
    assertThat(expected).containsKey("sentence/corpus/null/null/AB").doesNotContainKey("sentence/outlet/X/null/AB");
    assertThat(frequent).isEqualTo(expected);
  }

  @Test
  void countsAndWeightsMatchHandComputedValues() {
    Map<String, Row> c = run();
    // sentence windows, whole corpus: {A,B} {A,C} {A,B} {B,C}: N 4, n_A 3, n_B 3, n_AB 2
    Row ab = c.get("sentence/corpus/null/null/AB");
    assertThat((Long) ab.getAs("n_ab")).isEqualTo(2);
    assertThat((Long) ab.getAs("n_a")).isEqualTo(3);
    assertThat((Long) ab.getAs("n_b")).isEqualTo(3);
    assertThat((Long) ab.getAs("n")).isEqualTo(4);
    assertThat((Double) ab.getAs("pmi")).isCloseTo(Math.log(8.0 / 9.0), within(1e-9));
    assertThat((Double) ab.getAs("npmi")).isCloseTo(Math.log(8.0 / 9.0) / -Math.log(0.5), within(1e-9));
    // G² of the table (2, 1, 1, 0) with rows (3, 1) and columns (3, 1), N 4
    double g2 = 2 * (2 * Math.log(2 * 4.0 / 9) + Math.log(4.0 / 3) + Math.log(4.0 / 3));
    assertThat((Double) ab.getAs("g2")).isCloseTo(g2, within(1e-9));
    assertThat((Long) ab.getAs("outlets")).isEqualTo(2);
    assertThat(ab.getList(ab.fieldIndex("example_articles"))).containsExactly("d1", "d2");
    assertThat((String) ab.getAs("name_a")).isEqualTo("name A");
  }

  @Test
  void aDuplicateClusterCountsOnceWithItsCopiesApart() {
    Map<String, Row> c = run();
    // documents: d1 {A,B,C} (3 copies), d2 {A,B}, d3 {B,C}
    Row ab = c.get("document/corpus/null/null/AB");
    assertThat((Long) ab.getAs("n_ab")).isEqualTo(2);
    assertThat((Long) ab.getAs("n_ab_with_copies")).isEqualTo(4);
    assertThat((Long) ab.getAs("n")).isEqualTo(3);
  }

  @Test
  void scopesCountWithinThemselves() {
    Map<String, Row> c = run();
    Row outletX = c.get("document/outlet/X/null/BC");
    assertThat((Long) outletX.getAs("n_ab")).isEqualTo(2);
    assertThat((Long) outletX.getAs("n")).isEqualTo(2);
    Row january = c.get("document/period/null/2024-01-01/AB");
    assertThat((Long) january.getAs("n")).isEqualTo(2);
    assertThat(c).containsKey("document/outlet_period/X/2024-02-01/BC");
    assertThat(c).doesNotContainKey("document/outlet_period/Y/2024-02-01/BC");
  }
}
