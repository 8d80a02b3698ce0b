package org.presslens.entities;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
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
  /** The scopes, by their number in the stage. */
  private static final List<String> SCOPES = List.of("corpus", "outlet", "period", "outlet_period");

  private Cooccurrence() {}

  /**
   * {@code mentions}: the entity_mentions table; {@code clusterSizes}: (article_id, cluster_size) of canonical
   * articles (missing: 1). Output: {@link CooccurrenceTable#SCHEMA}.
   */
  public static Dataset<Row> of(Dataset<Row> mentions, Dataset<Row> clusterSizes, CooccurrenceSettings settings) {
    List<String> windowNames = Arrays.stream(settings.windows().split(",")).map(String::strip).toList();
    List<Dataset<Row>> windows = new ArrayList<>();
    for (int w = 0; w < windowNames.size(); w++) {
      Column id = windowNames.get(w).equals("sentence")
          ? concat_ws("|", col(EntityMentions.ARTICLE_ID), col(EntityMentions.FIELD),
              col(EntityMentions.SENTENCE_INDEX).cast(DataTypes.StringType))
          : col(EntityMentions.ARTICLE_ID);
      windows.add(mentions.select(lit(w).as("w"), id.as("unit"), col(EntityMentions.ARTICLE_ID),
          col(EntityMentions.OUTLET), Periods.start(col(EntityMentions.PUBLISHED_DATE), settings.period()).as("period_start"),
          col(EntityMentions.ENTITY_ID)));
    }
    // Entities and outlets are numbered (entities in the order of their ids, so that a < b as entity_a < entity_b),
    // and so are windows and scopes: every key the pairs are sorted, grouped and joined by is then a number. With
    // string keys, the rows of one pair (which share its two 16-character entity ids) left each comparison of their
    // sorts to three string comparisons; ids and names come back in the last joins, with the per-entity counts.
    Dataset<Row> entities = numbered(mentions, EntityMentions.ENTITY_ID, "e")
        .join(mentions.select(col(EntityMentions.ENTITY_ID), col(EntityMentions.ENTITY_NAME).as("name"),
            col(EntityMentions.ENTITY_TYPE).as("type")).distinct(), EntityMentions.ENTITY_ID)
        .localCheckpoint();
    Dataset<Row> outlets = numbered(mentions, EntityMentions.OUTLET, "o");
    Dataset<Row> items = windows.stream().reduce(Dataset::unionByName).orElseThrow().distinct()
        .join(clusterSizes, Schemas.columns(EntityMentions.ARTICLE_ID), "left")
        .withColumn("copies", coalesce(col("cluster_size"), lit(1L)))
        .join(entities.select(EntityMentions.ENTITY_ID, "e"), EntityMentions.ENTITY_ID)
        .join(outlets, Schemas.columns(EntityMentions.OUTLET), "left")
        .withColumn("unit_hash", xxhash64(col("w"), col("unit")))
        .localCheckpoint();
    Dataset<Row> scoped = inScopes(items).select(col("w"), col("scope"), col("o"), col("period_start"), col("unit"),
        col("e"));
    Dataset<Row> totals = scoped.groupBy(col("w"), col("scope"), col("o"), col("period_start"))
        .agg(countDistinct("unit").as("n"));
    Dataset<Row> single = scoped.groupBy(col("e"), col("w"), col("scope"), col("o"), col("period_start"))
        .agg(count(lit(1)).as("count"));
    Dataset<Row> b = items.select(col("unit_hash").as("h2"), col("w").as("w2"), col("unit").as("u2"), col("e").as("b"));
    Dataset<Row> unitPairs = items.join(b, col("unit_hash").equalTo(col("h2")).and(col("w").equalTo(col("w2")))
            .and(col("unit").equalTo(col("u2"))).and(col("e").lt(col("b"))))
        .select(col("e").as("a"), col("b"), col("w"), col("o"), col("period_start"), col(EntityMentions.ARTICLE_ID),
            col("copies"));
    // Every pair's windows are counted in its scopes' cells in one pass (PairScopes), which Spark hands the windows
    // of one pair to together: the rows are shuffled by the pair and sorted within their partitions. unitPairs has
    // PairScopes.INPUT's columns, in its order (the row encoder reads them by position).
    if (!Arrays.equals(unitPairs.columns(), PairScopes.INPUT.fieldNames())) {
      throw new IllegalStateException("window pairs " + Arrays.toString(unitPairs.columns()) + " are not "
          + Arrays.toString(PairScopes.INPUT.fieldNames()));
    }
    Dataset<Row> pairs = unitPairs.groupBy(col("a"), col("b"), col("w"))
        .as(Encoders.row(PairScopes.KEY), Encoders.row(PairScopes.INPUT))
        .flatMapGroups(new PairScopes(settings.minPairCount(), settings.minOutlets()),
            Encoders.row(PairScopes.OUTPUT))
        .withColumnRenamed("examples", "example_articles");
    // n_a and n_b come with the entity's id, name and type, N with the outlet's name: three joins of the pairs.
    Dataset<Row> singleNamed = single.join(entities, "e");
    Dataset<Row> a = singleNamed.select(col("e").as("e1"), col("w").as("w1"), col("scope").as("s1"),
        col("o").as("o1"), col("period_start").as("p1"), col("count").as("n_a"),
        col(EntityMentions.ENTITY_ID).as("entity_a"), col("name").as("name_a"), col("type").as("type_a"));
    Dataset<Row> bb = singleNamed.select(col("e").as("e2"), col("w").as("w4"), col("scope").as("s4"),
        col("o").as("o3"), col("period_start").as("p3"), col("count").as("n_b"),
        col(EntityMentions.ENTITY_ID).as("entity_b"), col("name").as("name_b"), col("type").as("type_b"));
    Dataset<Row> t = totals.join(outlets, Schemas.columns("o"), "left").select(col("w").as("w3"),
        col("scope").as("s3"), col("o").as("o4"), col("period_start").as("p4"), col("n"),
        col(EntityMentions.OUTLET));
    Dataset<Row> weighted = pairs
        .join(a, col("a").equalTo(col("e1")).and(col("w").equalTo(col("w1"))).and(col("scope").equalTo(col("s1")))
            .and(col("o").eqNullSafe(col("o1"))).and(col("period_start").eqNullSafe(col("p1"))))
        .join(bb, col("b").equalTo(col("e2")).and(col("w").equalTo(col("w4"))).and(col("scope").equalTo(col("s4")))
            .and(col("o").eqNullSafe(col("o3"))).and(col("period_start").eqNullSafe(col("p3"))))
        .join(t, col("w").equalTo(col("w3")).and(col("scope").equalTo(col("s3")))
            .and(col("o").eqNullSafe(col("o4"))).and(col("period_start").eqNullSafe(col("p4"))))
        .withColumn("window", element_at(array(windowNames.stream().map(functions::lit).toArray(Column[]::new)),
            col("w").plus(1)))
        .withColumn("scope", element_at(array(SCOPES.stream().map(functions::lit).toArray(Column[]::new)),
            col("scope").plus(1)))
        .withColumn("pmi", expr("ln(n_ab * n / (n_a * n_b))"))
        .withColumn("npmi", when(col("n_ab").equalTo(col("n")), lit(1.0))
            .otherwise(expr("ln(n_ab * n / (n_a * n_b)) / -ln(n_ab / n)")))
        .withColumn("g2", expr(g2()));
    return Schemas.conform(weighted, CooccurrenceTable.SCHEMA, CooccurrenceTable.TABLE);
  }

  /**
   * The distinct non-null values of {@code column} with their number {@code code}: 0, 1, ... in the values' order.
   * Materialised (it is read by several joins).
   */
  private static Dataset<Row> numbered(Dataset<Row> rows, String column, String code) {
    JavaRDD<Row> numbered = rows.select(column).where(col(column).isNotNull()).distinct().orderBy(column).javaRDD()
        .zipWithIndex().map(v -> RowFactory.create(v._1().getString(0), v._2()));
    return rows.sparkSession().createDataFrame(numbered, new StructType().add(column, DataTypes.StringType, false)
        .add(code, DataTypes.LongType, false)).localCheckpoint();
  }

  /**
   * Each row once per scope it counts in: the corpus; its outlet and its period (when it has one); its outlet and
   * period (when it has both). {@code scope} is the scope's number in {@link #SCOPES}; columns {@code o} (the
   * outlet's number) and {@code period_start} become the scope's.
   */
  private static Dataset<Row> inScopes(Dataset<Row> rows) {
    Column noOutlet = lit(null).cast(DataTypes.LongType);
    Column noPeriod = lit(null).cast(DataTypes.DateType);
    Column hasOutlet = col("o").isNotNull();
    Column hasPeriod = col("period_start").isNotNull();
    // a scope the row is not in is null, and its row dropped (not a filter function: those are evaluated row by row
    // without generated code, and were a visible part of the stage's profile)
    Column scopes = array(
        struct(lit(0).as("scope"), noOutlet.as("s_outlet"), noPeriod.as("s_period")),
        when(hasOutlet, struct(lit(1).as("scope"), col("o").as("s_outlet"), noPeriod.as("s_period"))),
        when(hasPeriod, struct(lit(2).as("scope"), noOutlet.as("s_outlet"), col("period_start").as("s_period"))),
        when(hasOutlet.and(hasPeriod), struct(lit(3).as("scope"), col("o").as("s_outlet"),
            col("period_start").as("s_period"))));
    return rows.withColumn("s", explode(scopes)).filter(col("s").isNotNull()).drop("o", "period_start")
        .withColumn("scope", col("s.scope")).withColumn("o", col("s.s_outlet"))
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
