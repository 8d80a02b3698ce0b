package org.presslens.normalize;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.xxhash64;
import static org.presslens.common.Schemas.column;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.presslens.common.Schemas;

/**
 * Boilerplate learnt from the corpus: a line is boilerplate for an outlet when it recurs, verbatim up to case,
 * in at least {@code minArticles} of the outlet's articles and in at least {@code minShare} of them.
 * Articles are counted by identity ({@link Normalized#IDENTITY}, the hash of their longest line), so reprints of one story do not make
 * its own lines look like boilerplate; a line unique to one article is never boilerplate. Records without
 * an outlet are grouped by input. Lines travel through shuffles as 64-bit hashes only.
 */
public final class Boilerplate {
  public static final String TABLE = "boilerplate";
  public static final String GRAIN = "one row per (outlet group, boilerplate line)";

  public static final String OUTLET_GROUP = "outlet_group";
  public static final String LINE = "line";
  public static final String ARTICLES = "articles";
  public static final String OUTLET_ARTICLES = "outlet_articles";
  public static final String SHARE = "share";

  public static final StructType SCHEMA = Schemas.struct(
      column(OUTLET_GROUP, DataTypes.StringType, false,
          "Canonical outlet, or input:<input_name> for articles without an outlet"),
      column(LINE, DataTypes.StringType, false, "The boilerplate line (one spelling of it; matching ignores case)"),
      column(ARTICLES, DataTypes.LongType, false, "Distinct articles of the outlet group containing the line"),
      column(OUTLET_ARTICLES, DataTypes.LongType, false, "Distinct articles of the outlet group"),
      column(SHARE, DataTypes.DoubleType, false, "articles / outlet_articles"));

  private static final String KEY = "line_key";
  private static final String IDENTITY = "identity";
  private static final String LINES = "bp_keys";

  private Boilerplate() {}

  /** Learned boilerplate lines plus the articles with them removed. */
  public record Result(Dataset<Row> articles, Dataset<Row> lines) {}

  /**
   * Input and output: {@link Normalized#SCHEMA} rows; rejected rows pass through. In the others the text has
   * boilerplate lines removed and boilerplate_lines_removed is set.
   */
  static Result remove(Dataset<Row> rows, int minArticles, double minShare) {
    return remove(rows, minArticles, minShare, null);
  }

  /**
   * As {@link #remove(Dataset, int, double)}, also removing {@code known} lines ({@link #OUTLET_GROUP},
   * {@link #LINE}: the lines earlier batches of an incremental run learnt). The result's table holds the lines learnt
   * from {@code rows}.
   */
  static Result remove(Dataset<Row> rows, int minArticles, double minShare, Dataset<Row> known) {
    Dataset<Row> articles = rows.filter(col(Normalized.REJECT_REASON).isNull());
    Dataset<Row> lines = articles
        .select(group().as(OUTLET_GROUP), identity().as(IDENTITY),
            explode(split(col(Articles.TEXT), "\n")).as(LINE))
        .filter(col(LINE).notEqual(""))
        .withColumn(KEY, xxhash64(lower(col(LINE))));
    Dataset<Row> support = lines.select(OUTLET_GROUP, KEY, IDENTITY).distinct()
        .groupBy(OUTLET_GROUP, KEY).agg(count(lit(1)).as(ARTICLES));
    Dataset<Row> sizes = articles.select(group().as(OUTLET_GROUP), identity().as(IDENTITY)).distinct()
        .groupBy(OUTLET_GROUP).agg(count(lit(1)).as(OUTLET_ARTICLES));
    Dataset<Row> learned = support.join(sizes, OUTLET_GROUP)
        .filter(col(ARTICLES).geq(Math.max(2, minArticles))
            .and(col(ARTICLES).geq(col(OUTLET_ARTICLES).multiply(minShare))))
        .withColumn(SHARE, col(ARTICLES).divide(col(OUTLET_ARTICLES)));

    Dataset<Row> keys = learned.select(OUTLET_GROUP, KEY);
    if (known != null) {
      keys = keys.unionByName(known.select(col(OUTLET_GROUP), xxhash64(lower(col(LINE))).as(KEY)));
    }
    Dataset<Row> keysByGroup = keys.groupBy(OUTLET_GROUP).agg(collect_set(KEY).as(LINES));
    Dataset<Row> cleaned = rows.withColumn(OUTLET_GROUP, group())
        .join(broadcast(keysByGroup), Schemas.columns(OUTLET_GROUP), "left")
        .withColumn("bp_all", split(col(Articles.TEXT), "\n"))
        .withColumn("bp_kept", expr("filter(bp_all, l -> l = '' OR " + Normalized.REJECT_REASON + " IS NOT NULL OR " + LINES + " IS NULL OR NOT array_contains("
            + LINES + ", xxhash64(lower(l))))"))
        .withColumn(Articles.BOILERPLATE_LINES_REMOVED,
            expr("size(filter(bp_all, l -> l != '')) - size(filter(bp_kept, l -> l != ''))"))
        .withColumn(Articles.TEXT, expr("regexp_replace(regexp_replace(array_join(bp_kept, '\\n'), '\\n{3,}', '\\n\\n'), "
            + "'^\\\\s+|\\\\s+$', '')"))
        .drop("bp_all", "bp_kept", LINES, OUTLET_GROUP);

    Dataset<Row> table = lines.join(broadcast(learned.select(OUTLET_GROUP, KEY, ARTICLES, OUTLET_ARTICLES, SHARE)),
            Schemas.columns(OUTLET_GROUP, KEY))
        .groupBy(OUTLET_GROUP, KEY, ARTICLES, OUTLET_ARTICLES, SHARE).agg(min(LINE).as(LINE))
        .drop(KEY);
    return new Result(cleaned, Schemas.conform(table, SCHEMA, TABLE));
  }

  private static Column group() {
    return coalesce(col(Articles.OUTLET), concat(lit("input:"), col(Articles.INPUT_NAME)));
  }

  /** Hash of the longest line: the same story reprinted keeps it, different stories do not share it. */
  private static Column identity() {
    return col(Normalized.IDENTITY);
  }
}
