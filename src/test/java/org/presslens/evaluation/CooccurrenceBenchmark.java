package org.presslens.evaluation;

import static org.apache.spark.sql.functions.col;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
      String initial = switch (layout.strip()) {
        case "fixed" -> spark.conf().get("spark.sql.shuffle.partitions");
        case "sized" -> Integer.toString(SparkDefaults.initialPartitions(articles,
            Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions"))));
        default -> throw new IllegalArgumentException("unknown layout " + layout + ": fixed or sized");
      };
      spark.conf().set(SparkDefaults.INITIAL_PARTITIONS, initial);
      String table = dir.resolve(layout.strip()).toString();
      double seconds = DedupBenchmark.time(() -> {
        Cooccurrence.of(mentions, sizes, new CooccurrenceSettings(null, null, null, null, null)).write().parquet(table);
        return 0;
      });
      Dataset<Row> written = spark.read().parquet(table);
      long rows = written.count();
      boolean equal = rows == expectedRows && written.exceptAll(expected).isEmpty()
          && expected.exceptAll(written).isEmpty();
      lines.add(String.format("| %s | %s | %.1f | %d | %s |", layout.strip(), initial, seconds, rows,
          equal ? "yes" : "no"));
      System.out.println(lines.get(lines.size() - 1));
      assertThat(equal).as("layout %s: the same table as the run's", layout).isTrue();
    }
    System.out.println("co-occurrence on " + output + "\n" + String.join("\n", lines));
  }
}
