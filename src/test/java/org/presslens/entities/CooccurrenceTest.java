package org.presslens.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
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

  /**
   * Random articles, some without an outlet or a date, against counts made by brute force: every window's pairs,
   * every scope, with minimums of 1 and 2.
   */
  @Test
  void everyScopeMatchesABruteForceCount() {
    SplittableRandom random = new SplittableRandom(7);
    String[] outlets = {"X", "Y", "Z", null};
    String[] dates = {"2024-01-10", "2024-01-25", "2024-02-03", "2024-03-30", null};
    Map<String, Long> sizes = new HashMap<>();
    for (int d = 0; d < 40; d++) {
      String article = "d" + (10 + d);
      String outlet = outlets[random.nextInt(outlets.length)];
      String date = dates[random.nextInt(dates.length)];
      for (int m = 0, n = 2 + random.nextInt(6); m < n; m++) {
        rows.add(RowFactory.create(article, outlet, date == null ? null : Date.valueOf(date),
            "E" + random.nextInt(6), "name", "ORG", random.nextBoolean() ? "text" : "title", random.nextInt(3)));
      }
      if (random.nextInt(4) == 0) {
        sizes.put(article, 2L + random.nextInt(3));
      }
    }
    for (int minPairCount : new int[] {1, 2}) {
      Map<String, List<Object>> expected = bruteForce(rows, sizes, minPairCount);
      var spark = SparkTestSession.get();
      Dataset<Row> clusterSizes = spark.createDataFrame(sizes.entrySet().stream()
          .map(e -> RowFactory.create(e.getKey(), e.getValue())).toList(), new StructType()
          .add(EntityMentions.ARTICLE_ID, DataTypes.StringType).add("cluster_size", DataTypes.LongType));
      Map<String, List<Object>> actual = Cooccurrence.of(spark.createDataFrame(rows, MENTIONS), clusterSizes,
          new CooccurrenceSettings(true, "sentence,document", "month", minPairCount, 1)).collectAsList().stream()
          .collect(Collectors.toMap(r -> r.getAs("window") + "/" + r.getAs("scope") + "/" + r.getAs("outlet") + "/"
              + r.getAs("period_start") + "/" + r.getAs("entity_a") + "/" + r.getAs("entity_b"),
              r -> List.of(r.getAs("n_ab"), r.getAs("n_a"), r.getAs("n_b"), r.getAs("n"),
                  r.getAs("n_ab_with_copies"), r.getAs("outlets"), r.getList(r.fieldIndex("example_articles")))));
      assertThat(actual).hasSizeGreaterThan(100).isEqualTo(expected);
    }
  }

  private static Map<String, List<Object>> bruteForce(List<Row> mentions, Map<String, Long> sizes, int minPairCount) {
    // scope key -> window unit -> entities
    Map<String, Map<String, NavigableSet<String>>> windows = new TreeMap<>();
    Map<String, String> articleOf = new HashMap<>();
    Map<String, String> outletOf = new HashMap<>();
    for (Row m : mentions) {
      String article = m.getString(0);
      String outlet = m.getString(1);
      Date date = m.getDate(2);
      String month = date == null ? null : date.toLocalDate().withDayOfMonth(1).toString();
      List<String> scopes = new ArrayList<>(List.of("corpus/null/null"));
      if (outlet != null) {
        scopes.add("outlet/" + outlet + "/null");
      }
      if (month != null) {
        scopes.add("period/null/" + month);
      }
      if (outlet != null && month != null) {
        scopes.add("outlet_period/" + outlet + "/" + month);
      }
      for (String window : List.of("sentence", "document")) {
        String unit = window.equals("document") ? article : article + "|" + m.getString(6) + "|" + m.getInt(7);
        articleOf.put(unit, article);
        outletOf.put(unit, String.valueOf(outlet));
        for (String scope : scopes) {
          windows.computeIfAbsent(window + "/" + scope, k -> new TreeMap<>())
              .computeIfAbsent(unit, k -> new TreeSet<>()).add(m.getString(3));
        }
      }
    }
    Map<String, List<Object>> expected = new HashMap<>();
    windows.forEach((scope, units) -> {
      Map<String, Long> single = new HashMap<>();
      Map<String, List<String>> pairUnits = new TreeMap<>();
      units.forEach((unit, entities) -> {
        entities.forEach(e -> single.merge(e, 1L, Long::sum));
        for (String a : entities) {
          for (String b : entities.tailSet(a, false)) {
            pairUnits.computeIfAbsent(a + "/" + b, k -> new ArrayList<>()).add(unit);
          }
        }
      });
      pairUnits.forEach((pair, inUnits) -> {
        if (inUnits.size() < minPairCount) {
          return;
        }
        String[] ab = pair.split("/");
        long withCopies = inUnits.stream().mapToLong(u -> sizes.getOrDefault(articleOf.get(u), 1L)).sum();
        long outletCount = inUnits.stream().map(outletOf::get).distinct().count();
        List<String> examples = inUnits.stream().map(articleOf::get).distinct().sorted().limit(3).toList();
        expected.put(scope + "/" + pair, List.of((long) inUnits.size(), single.get(ab[0]), single.get(ab[1]),
            (long) units.size(), withCopies, outletCount, examples));
      });
    });
    return expected;
  }
}
