package org.presslens.framing;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Date;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.presslens.SparkTestSession;
import org.presslens.config.FramingSettings;
import org.presslens.dedup.Duplicates;
import org.presslens.normalize.Articles;

/** The framing tables on hand-made articles (no entities): counts, zero rows, grains and copies. */
class FramingTest {
  private static final StructType ARTICLES = new StructType().add(Articles.ARTICLE_ID, DataTypes.StringType)
      .add(Articles.OUTLET, DataTypes.StringType).add(Articles.PUBLISHED_DATE, DataTypes.DateType)
      .add(Articles.TITLE, DataTypes.StringType).add(Articles.TEXT, DataTypes.StringType);
  private static final StructType DUPLICATES = new StructType().add(Duplicates.ARTICLE_ID, DataTypes.StringType)
      .add(Duplicates.CLUSTER_ID, DataTypes.StringType).add(Duplicates.IS_CANONICAL, DataTypes.BooleanType);
  private static Framing.Tables tables;
  private static Dataset<Row> scored;

  @BeforeAll
  static void run() {
    SparkSession spark = SparkTestSession.get();
    String wire = "The regime shelled the city again. The regime said it fought terrorists. Talks on the economy "
        + "and trade and jobs stalled, and the budget crisis deepened.\n\n“We will not give up the fight,” the "
        + "commander said.";
    Dataset<Row> articles = spark.createDataFrame(List.of(
        RowFactory.create("a1", "Alpha", Date.valueOf("2024-03-04"), "Shelling goes on", wire),
        RowFactory.create("a2", "Alpha", Date.valueOf("2024-03-20"), "Government answers",
            "The government promised help. Rebels and activists met in the north."),
        RowFactory.create("b1", "Beta", Date.valueOf("2024-03-05"), "Rebels hold the line",
            "Rebels held the line against the government. Activists counted the dead. The government denied it."),
        RowFactory.create("c1", "Gamma", Date.valueOf("2024-03-05"), "Shelling goes on", wire)), ARTICLES);
    Dataset<Row> duplicates = spark.createDataFrame(List.of(RowFactory.create("a1", "k1", true),
        RowFactory.create("c1", "k1", false), RowFactory.create("a2", "k2", true),
        RowFactory.create("b1", "k3", true)), DUPLICATES);
    Dataset<Row> canonical = articles.join(duplicates.filter(col(Duplicates.IS_CANONICAL))
        .select(Duplicates.ARTICLE_ID), Articles.ARTICLE_ID);
    FramingSettings config = new FramingSettings(null, "month", Map.of("fighting", List.of("shelled", "fight")), 10,
        new FramingSettings.WordSettings(1, 10.0, 5, 1, List.of("Alpha|Beta"), null, null), null, null, null, 1);
    Framing.Settings settings = Framing.Settings.of(config);
    scored = Framing.score(canonical, null, settings).cache();
    tables = Framing.tables(scored, null, articles, duplicates, settings);
  }

  /** The session is shared: what this class cached is released for the classes after it. */
  @AfterAll
  static void release() {
    scored.unpersist();
  }

  private static Row one(Dataset<Row> table, String condition) {
    List<Row> rows = table.filter(condition).collectAsList();
    assertThat(rows).as(condition).hasSize(1);
    return rows.get(0);
  }

  @Test
  void labelChoicesCountCanonicalArticlesWithZeroRows() {
    Dataset<Row> labels = tables.labelChoices();
    // Alpha: regime x2 (a1), government x1 (a2); the copy c1 (Gamma) is not canonical, so Gamma has no row at all
    Row regime = one(labels, "outlet = 'Alpha' and label = 'regime'");
    assertThat(regime.<Long>getAs(LabelChoices.COUNT)).isEqualTo(2L);
    assertThat(regime.<Long>getAs(LabelChoices.FAMILY_COUNT)).isEqualTo(3L);
    assertThat(regime.<Double>getAs(Columns.SHARE)).isCloseTo(2.0 / 3, within(1e-12));
    Row betaRegime = one(labels, "outlet = 'Beta' and label = 'regime'");
    assertThat(betaRegime.<Long>getAs(LabelChoices.COUNT)).isZero();
    assertThat(betaRegime.<Double>getAs(Columns.Z)).isNegative();
    assertThat(regime.<Double>getAs(Columns.Z)).isPositive();
    assertThat(labels.filter("outlet = 'Gamma'").count()).isZero();
    // every outlet x every configured label
    int configured = FramingSettings.DEFAULT_LABELS.values().stream().mapToInt(List::size).sum();
    assertThat(labels.count()).isEqualTo(2L * configured);
    // "terrorists" in Alpha's wire story is outside quotes; the quotation's own words are not labels
    Row terrorists = one(labels, "outlet = 'Alpha' and label = 'terrorists'");
    assertThat(terrorists.<Long>getAs(LabelChoices.OUTSIDE_QUOTES)).isEqualTo(1L);
  }

  @Test
  void framesHaveEveryFrameForEveryOutletPeriod() {
    Dataset<Row> frames = tables.frames();
    assertThat(frames.count()).isEqualTo(2L * FrameLexicon.FRAMES.size());
    Row economic = one(frames, "outlet = 'Alpha' and frame = 'economic'");
    assertThat(economic.<Long>getAs(Columns.ARTICLES)).isEqualTo(2L);
    assertThat(economic.<Long>getAs(FrameShares.INVOKING)).isEqualTo(1L);
    assertThat(economic.<Double>getAs(Columns.SHARE_LOW)).isLessThan(0.5);
    assertThat(economic.<Double>getAs(Columns.SHARE_HIGH)).isGreaterThan(0.5);
  }

  @Test
  void originalityCountsCopiesFromOtherOutletsOverAllArticles() {
    Row gamma = one(tables.originality(), "outlet = 'Gamma'");
    assertThat(gamma.<Long>getAs(Columns.ARTICLES)).isEqualTo(1L);
    assertThat(gamma.<Long>getAs(Originality.COPIES)).isEqualTo(1L);
    Row alpha = one(tables.originality(), "outlet = 'Alpha'");
    assertThat(alpha.<Long>getAs(Originality.COPIES)).isZero();
    assertThat(alpha.<Long>getAs(Originality.ORIGINALS)).isEqualTo(2L);
    Row source = one(tables.copySources(), "outlet = 'Gamma'");
    assertThat(source.<String>getAs(CopySources.SOURCE_OUTLET)).isEqualTo("Alpha");
  }

  @Test
  void attentionToTopicsQuotesToneAndWords() {
    Row fighting = one(tables.attention(), "outlet = 'Alpha' and subject_id = 'fighting'");
    assertThat(fighting.<Long>getAs(Attention.MATCHING)).isEqualTo(1L);
    assertThat(fighting.<Long>getAs(Attention.TOTAL)).isEqualTo(2L);
    assertThat(fighting.<Long>getAs(Attention.ALL_TOTAL)).isEqualTo(3L);
    assertThat(fighting.<Double>getAs(Attention.RELATIVE)).isCloseTo(0.5 / (1.0 / 3), within(1e-12));
    assertThat(one(tables.attention(), "outlet = 'Beta' and subject_id = 'fighting'").<Long>getAs(Attention.MATCHING))
        .isZero();
    Row quote = one(tables.quotes(), "outlet = 'Alpha'");
    assertThat(quote.<String>getAs(QuoteTable.SPEAKER)).isEqualTo("the commander");
    assertThat(tables.toneByOutlet().count()).isEqualTo(2L);
    assertThat(tables.articleFraming().count()).isEqualTo(3L);
    Row b1 = one(tables.articleFraming(), "article_id = 'b1'");
    assertThat(b1.<Integer>getAs(ArticleFraming.SENTENCES)).isEqualTo(3);
    assertThat(b1.getList(b1.fieldIndex(ArticleFraming.SENTENCE_TONES))).hasSize(3);
    Row regime = one(tables.distinctiveWords(), "outlet = 'Alpha' and other is null and term = 'regime'");
    assertThat(regime.<Double>getAs(Columns.Z)).isPositive();
    assertThat(regime.<Double>getAs(DistinctiveWords.P_ADJUSTED)).isBetween(regime.getAs(DistinctiveWords.P_VALUE),
        1.0);
    Row pair = one(tables.distinctiveWords(), "outlet = 'Alpha' and other = 'Beta' and term = 'regime'");
    assertThat(pair.<Long>getAs(DistinctiveWords.OTHER_COUNT)).isZero();
  }

  @Test
  void vocabularyKeepsTheMostUsedTermsPerSubsetWithTiesBrokenByTerm() {
    StructType schema = new StructType().add(DistinctiveWords.SUBSET_ENTITY_ID, DataTypes.StringType)
        .add(DistinctiveWords.TERM, DataTypes.StringType).add(Framing.TERM_TOTAL, DataTypes.LongType);
    List<Row> rows = new java.util.ArrayList<>(List.of(RowFactory.create(null, "a", 10L),
        RowFactory.create(null, "d", 8L), RowFactory.create(null, "c", 8L), RowFactory.create(null, "b", 8L),
        RowFactory.create(null, "e", 5L), RowFactory.create(null, "f", 3L), RowFactory.create("e1", "y", 4L),
        RowFactory.create("e1", "x", 4L), RowFactory.create("e1", "z", 9L), RowFactory.create("e1", "w", 2L)));
    Dataset<Row> totals = SparkTestSession.get().createDataFrame(rows, schema);
    assertThat(vocabulary(totals, 4, 3)).containsExactly("e1 x", "e1 y", "e1 z", "null a", "null b", "null c");
    assertThat(vocabulary(totals, 4, 10)).containsExactly("e1 x", "e1 y", "e1 z", "null a", "null b",
        "null c", "null d", "null e");
    // against the definition, one window over each whole subset, on many ties
    java.util.Random random = new java.util.Random(7);
    rows.clear();
    for (int i = 0; i < 400; i++) {
      rows.add(RowFactory.create(i % 3 == 0 ? "e1" : null, "t" + i, (long) random.nextInt(12)));
    }
    Dataset<Row> many = SparkTestSession.get().createDataFrame(rows, schema);
    for (int size : new int[] {1, 17, 50, 400}) {
      List<String> expected = keys(many.filter(col(Framing.TERM_TOTAL).geq(3))
          .withColumn("r", org.apache.spark.sql.functions.row_number().over(org.apache.spark.sql.expressions.Window
              .partitionBy(DistinctiveWords.SUBSET_ENTITY_ID).orderBy(col(Framing.TERM_TOTAL).desc(),
                  col(DistinctiveWords.TERM))))
          .filter(col("r").leq(size)));
      assertThat(vocabulary(many, 3, size)).as("size %d", size).isEqualTo(expected).isNotEmpty();
    }
  }

  private static List<String> vocabulary(Dataset<Row> totals, int minCount, int size) {
    return keys(Framing.vocabulary(totals, minCount, size));
  }

  private static List<String> keys(Dataset<Row> terms) {
    return terms.collectAsList().stream().map(r -> r.getAs(DistinctiveWords.SUBSET_ENTITY_ID) + " "
        + r.getAs(DistinctiveWords.TERM)).sorted().toList();
  }
}
