package org.presslens.evaluation;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.xxhash64;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.presslens.common.SparkDefaults;
import org.presslens.config.CooccurrenceSettings;
import org.presslens.dedup.Duplicates;
import org.presslens.entities.Cooccurrence;
import org.presslens.entities.CooccurrenceTable;
import org.presslens.entities.EntityMentions;

/**
 * The co-occurrence stage alone, on a finished run's output: its entity_mentions and the canonical articles'
 * cluster sizes in, the cooccurrence table written as the job writes it (Parquet), with default settings. Timed
 * under each shuffle layout in {@code bench.layouts} and checked equal, row for row, to the run's own
 * cooccurrence table: {@code jobs/benchmark-cooccurrence [OUTPUT]} (default: the scale benchmark's 10,000-article
 * output). For profiling and trying changes to the stage without running the NLP before it.
 *
 * <p>{@code bench.slices=N} (N > 1) also times the stage on the same mentions spread over N times the archive's span
 * of months: each article's date is moved by (a hash of its id mod N) spans, so each slice has about 1/N of the
 * articles, in the same outlets but in months of its own, one slice after another. That is an archive grown in
 * time rather than in how full its months are; its table differs from the run's, so it is not compared, and the
 * rows per window and scope are printed instead.
 */
@Tag("benchmark")
class CooccurrenceBenchmark {
  @TempDir
  Path dir;

  @Test
  void timeTheStageOnARunsOutput() {
    Path output = Path.of(System.getProperty("bench.output", "target/bench-scale/out-10000"));
    SparkSession spark = BenchmarkSession.get("presslens-cooccurrence-benchmark");
    Dataset<Row> mentions = spark.read().parquet(output.resolve(EntityMentions.TABLE).toString());
    Dataset<Row> duplicates = spark.read().parquet(output.resolve(Duplicates.TABLE).toString());
    Dataset<Row> sizes = duplicates
        .filter(col(Duplicates.IS_CANONICAL)).select(Duplicates.ARTICLE_ID, Duplicates.CLUSTER_SIZE);
    Dataset<Row> expected = spark.read().parquet(output.resolve(CooccurrenceTable.TABLE).toString());
    long expectedRows = expected.count();
    long articles = duplicates.count();
    List<String> lines = new ArrayList<>();
    lines.add("| layout | initial shuffle partitions | wall (s) | rows | equal to the run's table |");
    lines.add("|---|---|---|---|---|");
    for (String layout : System.getProperty("bench.layouts", "fixed,sized").split(",")) {
      String initial = initialPartitions(spark, layout.strip(), articles);
      String table = dir.resolve(layout.strip()).toString();
      double seconds = timeStage(mentions, sizes, table);
      Dataset<Row> written = spark.read().parquet(table);
      long rows = written.count();
      boolean equal = rows == expectedRows && written.exceptAll(expected).isEmpty()
          && expected.exceptAll(written).isEmpty();
      lines.add(String.format("| %s | %s | %.1f | %d | %s |", layout.strip(), initial, seconds, rows,
          equal ? "yes" : "no"));
      System.out.println(lines.get(lines.size() - 1));
      assertThat(equal).as("layout %s: the same table as the run's", layout).isTrue();
    }
    int slices = Integer.parseInt(System.getProperty("bench.slices", "1"));
    if (slices > 1) {
      Row range = mentions.agg(min(EntityMentions.PUBLISHED_DATE), max(EntityMentions.PUBLISHED_DATE)).first();
      if (range.isNullAt(0)) {
        throw new IllegalArgumentException(output + ": no mention has a published_date to spread");
      }
      int span = (int) ChronoUnit.MONTHS.between(range.getDate(0).toLocalDate().withDayOfMonth(1),
          range.getDate(1).toLocalDate().withDayOfMonth(1)) + 1;
      Dataset<Row> spread = mentions.withColumn(EntityMentions.PUBLISHED_DATE, add_months(
          col(EntityMentions.PUBLISHED_DATE), pmod(xxhash64(col(EntityMentions.ARTICLE_ID)), lit(slices))
              .cast("int").multiply(span)));
      String initial = initialPartitions(spark, "sized", articles);
      String table = dir.resolve("spread").toString();
      double seconds = timeStage(spread, sizes, table);
      List<ScaleBenchmark.ScopeRows> spreadRows = ScaleBenchmark.scopeRows(spark.read().parquet(table));
      lines.add(String.format("| sized, dates spread over %d × %d months | %s | %.1f | %d | not compared |", slices,
          span, initial, seconds, spreadRows.stream().mapToLong(ScaleBenchmark.ScopeRows::rows).sum()));
      lines.add("");
      lines.add("| window | scope | rows in the run's table (cells) | rows with dates spread (cells) |");
      lines.add("|---|---|---|---|");
      for (ScaleBenchmark.ScopeRows run : ScaleBenchmark.scopeRows(expected)) {
        ScaleBenchmark.ScopeRows at = spreadRows.stream()
            .filter(r -> r.window().equals(run.window()) && r.scope().equals(run.scope())).findFirst()
            .orElse(new ScaleBenchmark.ScopeRows(run.window(), run.scope(), 0, 0));
        lines.add(String.format("| %s | %s | %d (%d) | %d (%d) |", run.window(), run.scope(), run.rows(), run.cells(),
            at.rows(), at.cells()));
      }
    }
    System.out.println("co-occurrence on " + output + "\n" + String.join("\n", lines));
  }

  /** Sets and returns the initial shuffle partitions of a layout: fixed (the session's) or sized (by the archive). */
  private static String initialPartitions(SparkSession spark, String layout, long articles) {
    String initial = switch (layout) {
      case "fixed" -> spark.conf().get("spark.sql.shuffle.partitions");
      case "sized" -> Integer.toString(SparkDefaults.initialPartitions(articles,
          Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions"))));
      default -> throw new IllegalArgumentException("unknown layout " + layout + ": fixed or sized");
    };
    spark.conf().set(SparkDefaults.INITIAL_PARTITIONS, initial);
    return initial;
  }

  /** Seconds to compute the cooccurrence table from these mentions, with default settings, and write it. */
  private static double timeStage(Dataset<Row> mentions, Dataset<Row> sizes, String table) {
    return DedupBenchmark.time(() -> {
      Cooccurrence.of(mentions, sizes, new CooccurrenceSettings(null, null, null, null, null)).write().parquet(table);
      return 0;
    });
  }
}
