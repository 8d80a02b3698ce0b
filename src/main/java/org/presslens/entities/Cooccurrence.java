package org.presslens.entities;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.presslens.common.Periods;
import org.presslens.common.Schemas;
import org.presslens.config.CooccurrenceSettings;

/**
 * Entity co-occurrence: a window is a sentence or an article; each window's distinct entities give each
 * unordered pair once. Only canonical articles have mentions, so a duplicate cluster counts once; the cluster
 * sizes give n_ab_with_copies. Counts and weights per scope: the corpus, each outlet, each period, each outlet
 * and period; N, n_a and n_b are counted in the same scope as n_ab.
 */
public final class Cooccurrence {
  private Cooccurrence() {}

  /**
   * {@code mentions}: the entity_mentions table; {@code clusterSizes}: (article_id, cluster_size) of canonical
   * articles (missing: 1). Output: {@link CooccurrenceTable#SCHEMA}.
   */
  public static Dataset<Row> of(Dataset<Row> mentions, Dataset<Row> clusterSizes, CooccurrenceSettings settings) {
    List<Dataset<Row>> windows = new ArrayList<>();
    for (String window : settings.windows().split(",")) {
      Column id = window.strip().equals("sentence")
          ? concat_ws("|", col(EntityMentions.ARTICLE_ID), col(EntityMentions.FIELD),
              col(EntityMentions.SENTENCE_INDEX).cast(DataTypes.StringType))
          : col(EntityMentions.ARTICLE_ID);
      windows.add(mentions.select(lit(window.strip()).as("window"), id.as("unit"), col(EntityMentions.ARTICLE_ID),
          col(EntityMentions.OUTLET), Periods.start(col(EntityMentions.PUBLISHED_DATE), settings.period()).as("period_start"),
          col(EntityMentions.ENTITY_ID)));
    }
    Dataset<Row> items = windows.stream().reduce(Dataset::unionByName).orElseThrow().distinct()
        .join(clusterSizes, Schemas.columns(EntityMentions.ARTICLE_ID), "left")
        .withColumn("copies", coalesce(col("cluster_size"), lit(1L)))
        .withColumn("article_outlet", coalesce(col(EntityMentions.OUTLET), lit("")))
        .localCheckpoint();
    Column[] scopeKeys = {col("window"), col("scope"), col("outlet"), col("period_start")};
    Dataset<Row> scoped = inScopes(items).select(col("window"), col("scope"), col("outlet"), col("period_start"),
        col("unit"), col(EntityMentions.ENTITY_ID));
    Dataset<Row> totals = scoped.groupBy(scopeKeys).agg(countDistinct("unit").as("n"));
    Dataset<Row> single = scoped.groupBy(col("window"), col("scope"), col("outlet"), col("period_start"),
        col(EntityMentions.ENTITY_ID)).agg(count(lit(1)).as("count"));
    // Each window's pairs, made once (not once per scope). A pair in fewer windows of the whole corpus than
    // min_pair_count is in fewer in every scope too: those pairs (about half the rows on AllSides articles, most
    // of them pairs seen once) are dropped before the scopes multiply the rows. The rest are counted per outlet and
    // period of their articles, and the scopes add up those counts. An article is in one (outlet, period), so the
    // example articles of a scope are among the first three of each of its (outlet, period) groups.
    Dataset<Row> b = items.select(col("window").as("w2"), col("unit").as("u2"),
        col(EntityMentions.ENTITY_ID).as("entity_b"));
    Dataset<Row> unitPairs = items.join(b, col("window").equalTo(col("w2"))
            .and(col("unit").equalTo(col("u2"))).and(col(EntityMentions.ENTITY_ID).lt(col("entity_b"))))
        .select(col("window"), col("article_outlet"), col(EntityMentions.OUTLET), col("period_start"),
            col(EntityMentions.ARTICLE_ID), col("copies"), col(EntityMentions.ENTITY_ID).as("entity_a"),
            col("entity_b"));
    if (settings.minPairCount() > 1) {
      Dataset<Row> frequent = unitPairs.groupBy("window", "entity_a", "entity_b").agg(count(lit(1)).as("corpus_n"))
          .filter(col("corpus_n").geq(settings.minPairCount())).drop("corpus_n");
      unitPairs = unitPairs.join(frequent, Schemas.columns("window", "entity_a", "entity_b"), "left_semi");
    }
    Dataset<Row> perOutletAndPeriod = unitPairs
        .groupBy(col("window"), col("article_outlet"), col(EntityMentions.OUTLET), col("period_start"),
            col("entity_a"), col("entity_b"))
        .agg(count(lit(1)).as("n_ab"), sum("copies").as("n_ab_with_copies"),
            slice(sort_array(collect_set(EntityMentions.ARTICLE_ID)), 1, 3).as("examples"));
    Dataset<Row> pairs = inScopes(perOutletAndPeriod)
        .groupBy(col("window"), col("scope"), col("outlet"), col("period_start"), col("entity_a"), col("entity_b"))
        .agg(sum("n_ab").as("n_ab"), sum("n_ab_with_copies").as("n_ab_with_copies"),
            countDistinct("article_outlet").as("outlets"),
            slice(sort_array(flatten(collect_list("examples"))), 1, 3).as("example_articles"))
        .filter(col("n_ab").geq(settings.minPairCount()).and(col("outlets").geq(settings.minOutlets())));
    Dataset<Row> a = single.select(col("window").as("w1"), col("scope").as("s1"), col("outlet").as("o1"),
        col("period_start").as("p1"), col(EntityMentions.ENTITY_ID).as("e1"), col("count").as("n_a"));
    Dataset<Row> bb = single.select(col("window").as("w4"), col("scope").as("s4"), col("outlet").as("o3"),
        col("period_start").as("p3"), col(EntityMentions.ENTITY_ID).as("e2"), col("count").as("n_b"));
    Dataset<Row> t = totals.select(col("window").as("w3"), col("scope").as("s3"), col("outlet").as("o4"),
        col("period_start").as("p4"), col("n"));
    Dataset<Row> names = mentions.select(col(EntityMentions.ENTITY_ID).as("id"),
        col(EntityMentions.ENTITY_NAME).as("name"), col(EntityMentions.ENTITY_TYPE).as("type")).distinct();
    Dataset<Row> weighted = pairs
        .join(a, col("window").equalTo(col("w1")).and(col("scope").equalTo(col("s1")))
            .and(col("outlet").eqNullSafe(col("o1"))).and(col("period_start").eqNullSafe(col("p1")))
            .and(col("entity_a").equalTo(col("e1"))))
        .join(bb, col("window").equalTo(col("w4")).and(col("scope").equalTo(col("s4")))
            .and(col("outlet").eqNullSafe(col("o3"))).and(col("period_start").eqNullSafe(col("p3")))
            .and(col("entity_b").equalTo(col("e2"))))
        .join(t, col("window").equalTo(col("w3")).and(col("scope").equalTo(col("s3")))
            .and(col("outlet").eqNullSafe(col("o4"))).and(col("period_start").eqNullSafe(col("p4"))))
        .join(names.select(col("id").as("ia"), col("name").as("name_a"), col("type").as("type_a")),
            col("entity_a").equalTo(col("ia")))
        .join(names.select(col("id").as("ib"), col("name").as("name_b"), col("type").as("type_b")),
            col("entity_b").equalTo(col("ib")))
        .withColumn("pmi", expr("ln(n_ab * n / (n_a * n_b))"))
        .withColumn("npmi", when(col("n_ab").equalTo(col("n")), lit(1.0))
            .otherwise(expr("ln(n_ab * n / (n_a * n_b)) / -ln(n_ab / n)")))
        .withColumn("g2", expr(g2()));
    return Schemas.conform(weighted, CooccurrenceTable.SCHEMA, CooccurrenceTable.TABLE);
  }

  /**
   * Each row once per scope it counts in: the corpus; its outlet and its period (when it has one); its outlet and
   * period (when it has both). Columns {@code outlet} and {@code period_start} become the scope's.
   */
  private static Dataset<Row> inScopes(Dataset<Row> rows) {
    Column scopes = filter(array(
        struct(lit("corpus").as("scope"), lit(null).cast(DataTypes.StringType).as("s_outlet"),
            lit(null).cast(DataTypes.DateType).as("s_period")),
        struct(lit("outlet").as("scope"), col(EntityMentions.OUTLET).as("s_outlet"),
            lit(null).cast(DataTypes.DateType).as("s_period")),
        struct(lit("period").as("scope"), lit(null).cast(DataTypes.StringType).as("s_outlet"),
            col("period_start").as("s_period")),
        struct(lit("outlet_period").as("scope"), col(EntityMentions.OUTLET).as("s_outlet"),
            col("period_start").as("s_period"))),
        s -> s.getField("scope").equalTo("corpus")
            .or(s.getField("scope").equalTo("outlet").and(s.getField("s_outlet").isNotNull()))
            .or(s.getField("scope").equalTo("period").and(s.getField("s_period").isNotNull()))
            .or(s.getField("s_outlet").isNotNull().and(s.getField("s_period").isNotNull())));
    return rows.withColumn("s", explode(scopes)).drop(EntityMentions.OUTLET, "period_start")
        .withColumn("scope", col("s.scope")).withColumn("outlet", col("s.s_outlet"))
        .withColumn("period_start", col("s.s_period")).drop("s");
  }

  /** G² = 2 Σ k ln(k N / (row · column)) over the 2x2 table, with 0 ln 0 = 0. */
  static String g2() {
    String k11 = "n_ab";
    String k12 = "(n_a - n_ab)";
    String k21 = "(n_b - n_ab)";
    String k22 = "(n - n_a - n_b + n_ab)";
    return "2 * (" + term(k11, "n_a", "n_b") + " + " + term(k12, "n_a", "(n - n_b)") + " + "
        + term(k21, "(n - n_a)", "n_b") + " + " + term(k22, "(n - n_a)", "(n - n_b)") + ")";
  }

  private static String term(String k, String row, String column) {
    return "(case when " + k + " > 0 then " + k + " * ln(" + k + " * n / (" + row + " * " + column + ")) else 0 end)";
  }
}
