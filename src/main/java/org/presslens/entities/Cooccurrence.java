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
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.RelationalGroupedDataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
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
        .withColumn("unit_hash", xxhash64(col("window"), col("unit")))
        .localCheckpoint();
    Column[] scopeKeys = {col("window"), col("scope"), col("outlet"), col("period_start")};
    Dataset<Row> scoped = inScopes(items).select(col("window"), col("scope"), col("outlet"), col("period_start"),
        col("unit"), col(EntityMentions.ENTITY_ID));
    Dataset<Row> totals = scoped.groupBy(scopeKeys).agg(countDistinct("unit").as("n"));
    Dataset<Row> single = scoped.groupBy(col("window"), col("scope"), col("outlet"), col("period_start"),
        col(EntityMentions.ENTITY_ID)).agg(count(lit(1)).as("count"));
    // Sorts (of joins and of the aggregations that keep example articles) compare a key's first column by an
    // 8-byte prefix: a string column shared by millions of rows ("document") leaves every comparison to the
    // string columns after it. So the large joins and groupings lead with a 64-bit hash of their string keys,
    // which decides nearly every comparison; the keys themselves follow it, so the hash only orders.
    Dataset<Row> b = items.select(col("unit_hash").as("h2"), col("window").as("w2"), col("unit").as("u2"),
        col(EntityMentions.ENTITY_ID).as("entity_b"));
    Dataset<Row> unitPairs = items.join(b, col("unit_hash").equalTo(col("h2")).and(col("window").equalTo(col("w2")))
            .and(col("unit").equalTo(col("u2"))).and(col(EntityMentions.ENTITY_ID).lt(col("entity_b"))))
        .select(xxhash64(col(EntityMentions.ENTITY_ID), col("entity_b")).as("pair_hash"), col("window"),
            col(EntityMentions.ENTITY_ID).as("entity_a"), col("entity_b"), col(EntityMentions.OUTLET),
            col("period_start"), col(EntityMentions.ARTICLE_ID), col("copies"));
    String[] pair = {"pair_hash", "window", "entity_a", "entity_b"};
    // A pair in fewer windows of the whole corpus than min_pair_count is in fewer in every scope too: those pairs
    // (about half the rows on AllSides articles, most of them pairs seen once) are dropped before anything else.
    if (settings.minPairCount() > 1) {
      Dataset<Row> frequent = unitPairs.groupBy(with(pair)).agg(count(lit(1)).as("corpus_n"))
          .filter(col("corpus_n").geq(settings.minPairCount())).drop("corpus_n");
      unitPairs = unitPairs.join(frequent, Schemas.columns(pair), "left_semi");
    }
    // The pairs are counted once per outlet and period of their articles. Each of those groups then counts in the
    // scopes of its outlet and period, added up first per scope and outlet (so that the groups of one outlet are one
    // row of the scope) and then per scope, whose distinct outlets are those rows (outlets are never empty strings,
    // and a null outlet is one group, as an outlet). An article is in one (outlet, period), so a scope's example
    // articles are among the first three of each group it adds up. Every grouping leads with the pair's columns,
    // which the early drop already partitioned the rows by: the scopes need no shuffle of their own.
    Dataset<Row> byOutletAndPeriod = unitPairs.groupBy(with(pair, EntityMentions.OUTLET, "period_start"))
        .agg(count(lit(1)).as("n_ab"), sum("copies").as("n_ab_with_copies"),
            slice(sort_array(collect_set(EntityMentions.ARTICLE_ID)), 1, 3).as("examples"));
    Dataset<Row> inEachScope = inScopes(byOutletAndPeriod.withColumn("group_outlet", col(EntityMentions.OUTLET)));
    Dataset<Row> byScopeAndOutlet = addUp(inEachScope.groupBy(with(pair, "scope", "outlet", "period_start",
        "group_outlet")));
    Dataset<Row> pairs = addUp(byScopeAndOutlet.groupBy(with(pair, "scope", "outlet", "period_start")))
        .filter(col("n_ab").geq(settings.minPairCount()).and(col("outlets").geq(settings.minOutlets())))
        .withColumnRenamed("examples", "example_articles");
    // n_a and n_b come with the entity's name and type: two joins of the pairs instead of four.
    Dataset<Row> names = mentions.select(col(EntityMentions.ENTITY_ID), col(EntityMentions.ENTITY_NAME).as("name"),
        col(EntityMentions.ENTITY_TYPE).as("type")).distinct();
    Dataset<Row> singleNamed = single.join(names, Schemas.columns(EntityMentions.ENTITY_ID))
        .withColumn("entity_hash", xxhash64(col(EntityMentions.ENTITY_ID)));
    Dataset<Row> a = singleNamed.select(col("entity_hash").as("ha"), col("window").as("w1"), col("scope").as("s1"),
        col("outlet").as("o1"), col("period_start").as("p1"), col(EntityMentions.ENTITY_ID).as("e1"),
        col("count").as("n_a"), col("name").as("name_a"), col("type").as("type_a"));
    Dataset<Row> bb = singleNamed.select(col("entity_hash").as("hb"), col("window").as("w4"), col("scope").as("s4"),
        col("outlet").as("o3"), col("period_start").as("p3"), col(EntityMentions.ENTITY_ID).as("e2"),
        col("count").as("n_b"), col("name").as("name_b"), col("type").as("type_b"));
    Dataset<Row> t = totals.select(col("window").as("w3"), col("scope").as("s3"), col("outlet").as("o4"),
        col("period_start").as("p4"), col("n"));
    Dataset<Row> weighted = pairs
        .join(a, xxhash64(col("entity_a")).equalTo(col("ha")).and(col("window").equalTo(col("w1")))
            .and(col("scope").equalTo(col("s1"))).and(col("outlet").eqNullSafe(col("o1")))
            .and(col("period_start").eqNullSafe(col("p1"))).and(col("entity_a").equalTo(col("e1"))))
        .join(bb, xxhash64(col("entity_b")).equalTo(col("hb")).and(col("window").equalTo(col("w4")))
            .and(col("scope").equalTo(col("s4"))).and(col("outlet").eqNullSafe(col("o3")))
            .and(col("period_start").eqNullSafe(col("p3"))).and(col("entity_b").equalTo(col("e2"))))
        .join(t, col("window").equalTo(col("w3")).and(col("scope").equalTo(col("s3")))
            .and(col("outlet").eqNullSafe(col("o4"))).and(col("period_start").eqNullSafe(col("p4"))))
        .withColumn("pmi", expr("ln(n_ab * n / (n_a * n_b))"))
        .withColumn("npmi", when(col("n_ab").equalTo(col("n")), lit(1.0))
            .otherwise(expr("ln(n_ab * n / (n_a * n_b)) / -ln(n_ab / n)")))
        .withColumn("g2", expr(g2()));
    return Schemas.conform(weighted, CooccurrenceTable.SCHEMA, CooccurrenceTable.TABLE);
  }

  private static Column[] with(String[] keys, String... more) {
    return Stream.concat(Arrays.stream(keys), Arrays.stream(more)).map(functions::col).toArray(Column[]::new);
  }

  /** Counts and example articles of the groups added up, and how many groups they were. */
  private static Dataset<Row> addUp(RelationalGroupedDataset groups) {
    return groups.agg(sum("n_ab").as("n_ab"), sum("n_ab_with_copies").as("n_ab_with_copies"),
        count(lit(1)).as("outlets"), slice(sort_array(flatten(collect_list("examples"))), 1, 3).as("examples"));
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
