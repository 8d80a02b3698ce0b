package org.presslens.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.presslens.config.CooccurrenceSettings;
import org.presslens.config.EntitySettings;
import org.presslens.dedup.bench.BenchmarkCorpus;
import org.presslens.entities.Cooccurrence;
import org.presslens.entities.CoreNlpBackend;
import org.presslens.entities.Entities;
import org.presslens.entities.NerBackend;
import org.presslens.normalize.Articles;
import org.presslens.normalize.TextCleaner;

/**
 * NER-stage throughput against CoreNLP alone, and the time of the entity tables and co-occurrence, on AllSides
 * articles: {@code jobs/benchmark-entities} ({@code mvn test -Pbenchmark -Dtest=EntityBenchmark
 * -Dbench.articles=2000}). Prints the figures and writes them to docs/benchmarks.md (section "Entities").
 */
@Tag("benchmark")
class EntityBenchmark {
  private static final Path ALLSIDES = Path.of("../shared/data/allsides_abp");
  /** The article columns the entity stage reads. */
  static final StructType ARTICLES = new StructType().add(Articles.ARTICLE_ID, DataTypes.StringType)
      .add(Articles.OUTLET, DataTypes.StringType).add(Articles.PUBLISHED_DATE, DataTypes.DateType)
      .add(Articles.TITLE, DataTypes.StringType).add(Articles.TEXT, DataTypes.StringType);

  @Test
  void nerStageAgainstCoreNlpAlone() throws IOException {
    int wanted = Integer.getInteger("bench.articles", 2000);
    int cores = Runtime.getRuntime().availableProcessors();
    List<Row> rows = new ArrayList<>();
    for (JsonNode a : BenchmarkCorpus.readAllsides(ALLSIDES)) {
      String text = a.path("content_original").asText("");
      if (text.split("\\s+").length >= 100) {
        String clean = TextCleaner.clean(text);
        String title = a.path("title").asText(null);
        rows.add(RowFactory.create("allsides:" + a.get("ID").asText(), a.path("source").asText(null), null,
            title == null ? null : TextCleaner.clean(title), clean));
      }
      if (rows.size() == wanted) {
        break;
      }
    }
    NerBackend backend = CoreNlpBackend.get();
    for (Row r : rows.subList(0, Math.min(50, rows.size()))) { // warm-up, untimed
      backend.tag(r.getString(4));
    }
    long tokens = 0;
    long start = System.nanoTime();
    for (Row r : rows) {
      if (r.getString(3) != null) {
        tokens += backend.tag(r.getString(3)).size();
      }
      tokens += backend.tag(r.getString(4)).size();
    }
    double raw = (System.nanoTime() - start) / 1e9;

    SparkSession spark = BenchmarkSession.get("presslens-entity-benchmark");
    Dataset<Row> articles = spark.createDataFrame(rows, ARTICLES).repartition(4 * cores).cache();
    articles.count();
    Entities.extract(articles.limit(50), new EntitySettings(null, null)).count(); // warm-up, untimed
    start = System.nanoTime();
    Dataset<Row> extracted = Entities.extract(articles, new EntitySettings(null, null))
        .persist(StorageLevel.MEMORY_AND_DISK());
    long mentions = extracted.count();
    double stage = (System.nanoTime() - start) / 1e9;

    start = System.nanoTime();
    Entities.Result tables = Entities.tables(extracted);
    long entities = tables.entities().count();
    double resolution = (System.nanoTime() - start) / 1e9;
    start = System.nanoTime();
    Dataset<Row> sizes = spark.emptyDataFrame().selectExpr("cast(null as string) as article_id",
        "cast(null as long) as cluster_size");
    long pairs = Cooccurrence.of(tables.mentions(), sizes, new CooccurrenceSettings(null, null, null, null, null))
        .count();
    double cooccurrence = (System.nanoTime() - start) / 1e9;

    double rawRate = tokens / raw;
    double stageRate = tokens / stage / cores;
    String table = String.format("| measure | value |%n|---|---|%n"
            + "| articles (AllSides, >= 100 words) | %d |%n| tokens (title and text, CoreNLP's tokens) | %d |%n"
            + "| CoreNLP alone, one thread: time | %.1f s |%n| CoreNLP alone, one thread: tokens/s | %.0f |%n"
            + "| NER stage (Entities.extract, local[%d]): time | %.1f s |%n"
            + "| NER stage: tokens/s per core | %.0f |%n| NER stage per core / CoreNLP alone | %.0f%% |%n"
            + "| mentions | %d |%n| resolution and entity tables: time (%d entities) | %.1f s |%n"
            + "| co-occurrence (all windows and scopes): time (%d rows) | %.1f s |%n",
        rows.size(), tokens, raw, rawRate, cores, stage, stageRate, 100 * stageRate / rawRate, mentions, entities,
        resolution, pairs, cooccurrence);
    System.out.println("ENTITY BENCHMARK\n" + table);
    write(table, rows.size());
    assertThat(mentions).isPositive();
  }

  private static void write(String table, int articles) throws IOException {
    BenchmarkReport.writeSection("## Entities (issue 4)", "Command: `jobs/benchmark-entities` (`mvn test -Pbenchmark -Dtest=EntityBenchmark "
        + "-Dbench.articles=" + articles + "`). Measured " + LocalDate.now() + " on "
        + Runtime.getRuntime().availableProcessors() + " cores, one JVM (C2, 4 GB), after an untimed warm-up of "
        + "each path. The same texts go through CoreNLP alone in one thread (title and text, as the stage tags "
        + "them) and through the NER stage on local[*]; tokens per second per core of the stage = tokens / "
        + "stage time / cores. Resolution and co-occurrence are timed on the stage's output.\n\n" + table);
  }
}
