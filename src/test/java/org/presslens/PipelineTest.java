package org.presslens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.presslens.common.Rejects;
import org.presslens.config.ConfigLoader;
import org.presslens.config.JobConfig;
import org.presslens.normalize.Articles;
import org.presslens.output.RunReport;
import scala.jdk.javaapi.CollectionConverters;

/**
 * End to end on the bundled sample (data/, jobs/sample.yaml). The golden files under
 * src/test/resources/golden/ are regenerated only with -Dgolden.update=true.
 */
class PipelineTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private final SparkSession spark = SparkTestSession.get();
  @TempDir
  Path out;

  private JobConfig sample(String... sets) {
    return ConfigLoader.load(Path.of("jobs/sample.yaml"),
        new ConfigLoader.Overrides(null, null, out.toString(), List.of(sets)));
  }

  /** The sample without the entity and framing stages, for tests of the job's mechanics. */
  private JobConfig mechanics(String... sets) {
    List<String> all = new java.util.ArrayList<>(List.of(sets));
    all.add("entities.enabled=false");
    all.add("framing.enabled=false");
    return sample(all.toArray(String[]::new));
  }

  @Test
  void sampleRunMatchesTheGoldenTablesAndReconciles() throws IOException {
    RunReport report = Pipeline.run(spark, sample());

    RunReport.Counts counts = report.counts();
    assertThat(counts.read()).isEqualTo(counts.kept() + counts.rejected());
    RunReport written = RunReport.fromJson(Files.readString(out.resolve("_run.json")));
    assertThat(written.runId()).isEqualTo(report.runId());
    assertThat(written.counts()).isEqualTo(counts);
    assertThat(written.stages()).extracting(RunReport.StageMetrics::stage)
        .containsExactly("ingest", "normalize", "boilerplate", "dedup vocabulary", "dedup shingle",
        "dedup exact", "dedup frequent", "dedup candidates", "dedup templates", "dedup clusters", "entities",
        "framing");

    Dataset<Row> articles = spark.read().parquet(out.resolve("articles").toString());
    Dataset<Row> rejects = spark.read().parquet(out.resolve("rejects").toString());
    assertThat(articles.count()).isEqualTo(counts.kept());
    assertThat(rejects.count()).isEqualTo(counts.rejected());
    assertGolden("sample-articles.tsv", articles.selectExpr(Articles.ARTICLE_ID, Articles.OUTLET,
            "cast(" + Articles.PUBLISHED_DATE + " as string)", Articles.DATE_STATUS, Articles.TITLE,
            Articles.WORD_COUNT, Articles.BOILERPLATE_LINES_REMOVED, Articles.TITLE_LINES_REMOVED));
    assertGolden("sample-rejects.tsv", rejects.selectExpr(Rejects.INPUT_NAME,
        "regexp_extract(" + Rejects.SOURCE_FILE + ", '[^/]+$', 0)", Rejects.POSITION, Rejects.STAGE, Rejects.REASON));

    assertGolden("sample-duplicates.tsv", spark.read().parquet(out.resolve("duplicates").toString())
        .filter("cluster_size > 1").selectExpr("article_id", "cluster_id", "canonical_id", "relation"));
    assertThat(written.dedup().articlesInClusters()).isEqualTo(6);

    // entities of canonical articles only, every mention linked to an entity of the entities table
    Dataset<Row> mentions = spark.read().parquet(out.resolve("entity_mentions").toString());
    Dataset<Row> entities = spark.read().parquet(out.resolve("entities").toString());
    assertThat(mentions.join(spark.read().parquet(out.resolve("duplicates").toString())
        .filter("not is_canonical"), "article_id").count()).as("mentions of non-canonical copies").isZero();
    assertThat(mentions.join(entities, "entity_id", "left_anti").count()).as("mentions without an entity").isZero();
    assertThat(written.tables()).containsKeys("entity_mentions", "entities", "cooccurrence");
    assertThat(spark.read().parquet(out.resolve("cooccurrence").toString()).count()).isPositive();
    assertGolden("sample-entities.tsv", entities.filter("documents >= 2")
        .selectExpr("entity_type", "name", "mentions", "documents", "outlets"));

    // framing: one article_framing row per canonical article; label uses and speakers of the sample
    long canonical = spark.read().parquet(out.resolve("duplicates").toString()).filter("is_canonical").count();
    assertThat(spark.read().parquet(out.resolve("article_framing").toString()).count()).isEqualTo(canonical);
    assertThat(written.tables()).containsKeys("attention", "distinctive_words", "frames", "tone_by_outlet",
        "tone_by_entity", "label_choices", "label_targets", "quotes", "quoted_speakers", "originality", "copy_sources");
    assertGolden("sample-labels.tsv", spark.read().parquet(out.resolve("label_choices").toString())
        .filter("count > 0").selectExpr("outlet", "family", "label", "count", "count_outside_quotes"));
    assertGolden("sample-label-targets.tsv", spark.read().parquet(out.resolve("label_targets").toString())
        .selectExpr("outlet", "family", "label", "coalesce(target, '(none)')", "count"));
    assertGolden("sample-speakers.tsv", spark.read().parquet(out.resolve("quoted_speakers").toString())
        .selectExpr("outlet", "speaker", "quotes"));

    assertThat(Files.exists(out.resolve("articles/published_month=2024-02"))).isTrue();
    assertThat(Files.exists(out.resolve("_staging"))).isFalse();

    documentedSparkSqlExamplesRun();
  }

  /** docs/querying.md's Spark SQL examples, verbatim except for the output path, on this run's output. */
  private void documentedSparkSqlExamplesRun() throws IOException {
    String doc = Files.readString(Path.of("docs/querying.md"));
    String block = doc.substring(doc.indexOf("<!-- spark-sql:start -->"), doc.indexOf("<!-- spark-sql:end -->"));
    Matcher sql = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL)
        .matcher(block);
    int statements = 0;
    while (sql.find()) {
      for (String statement : sql.group(1).split(";\\s*\\n")) {
        if (statement.isBlank()) {
          continue;
        }
        List<Row> rows = spark.sql(statement.replace("out/sample", out.toString())).collectAsList();
        if (!statement.strip().startsWith("CREATE")) {
          assertThat(rows).as("rows of the documented query: " + statement).isNotEmpty();
        }
        if (statement.strip().startsWith("DESCRIBE")) {
          assertThat(rows).as("description of article_id")
              .anySatisfy(row -> assertThat(row.getString(0) + ": " + row.getString(2)).startsWith("article_id: S"));
        }
        statements++;
      }
    }
    assertThat(statements).as("statements in docs/querying.md's Spark SQL block").isGreaterThanOrEqualTo(8);
  }

  @Test
  void writtenTablesKeepTheirColumnDescriptions() {
    Pipeline.run(spark, mechanics());
    StructField[] written = spark.read().parquet(out.resolve("articles").toString()).schema().fields();
    assertThat(written).extracting(StructField::name).contains(Articles.PARTITION);
    for (StructField field : written) {
      if (field.name().equals(Articles.PARTITION)) {
        continue; // a partition column lives in directory names, not in the Parquet files: documented in docs only
      }
      assertThat(field.getComment().isDefined()).as(field.name()).isTrue();
      assertThat(field.getComment().get()).isEqualTo(Articles.SCHEMA.apply(field.name()).getComment().get());
    }
  }

  @Test
  void stageOutputsAreCoalescedToTheSessionsParallelism() {
    RunReport report = Pipeline.run(spark, mechanics("spark.read_partitions=40"));
    int bound = Math.max(Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions")),
        spark.sparkContext().defaultParallelism());
    Map<String, Integer> partitions = new HashMap<>();
    report.stages().forEach(s -> partitions.put(s.stage(), s.partitions()));
    // the input is read in 40 partitions; what later stages keep is coalesced to the bound
    assertThat(partitions).containsEntry("ingest", 40).containsEntry("normalize", bound)
        .containsEntry("boilerplate", bound).containsEntry("dedup clusters", null);
  }

  @Test
  void theLanguageStagesRunInThePersistedPartitionCount() {
    // a bound above the few partitions the staged articles are read back in: NER and framing are narrow, and without a
    // repartition they would keep those
    String shufflePartitions = spark.conf().get("spark.sql.shuffle.partitions");
    spark.conf().set("spark.sql.shuffle.partitions", "6");
    try {
      RunReport report = Pipeline.run(spark, sample("cooccurrence.enabled=false"));
      assertThat(report.stages()).filteredOn(s -> s.stage().equals("entities") || s.stage().equals("framing"))
          .extracting(RunReport.StageMetrics::partitions).containsExactly(6, 6);
    } finally {
      spark.conf().set("spark.sql.shuffle.partitions", shufflePartitions);
    }
  }

  @Test
  void theArticlesTextIsReleasedBeforeTheLanguageStages() throws Exception {
    // what this run has cached when its first NER job starts: the NER output being built, not the boilerplate
    // stage's output (other tests share the session, and what they left cached is not this run's)
    Set<Object> before = Set.copyOf(CollectionConverters.asJava(spark.sparkContext().getPersistentRDDs().keySet()));
    List<String> cachedAtNer = new CopyOnWriteArrayList<>();
    SparkListener listener = new SparkListener() {
      @Override
      public void onJobStart(SparkListenerJobStart job) {
        if ("presslens-entities".equals(job.properties().getProperty("spark.jobGroup.id")) && cachedAtNer.isEmpty()) {
          CollectionConverters.asJava(spark.sparkContext().getPersistentRDDs()).forEach((id, rdd) -> {
            if (!before.contains(id)) {
              cachedAtNer.add(String.valueOf(rdd.name()));
            }
          });
        }
      }
    };
    spark.sparkContext().addSparkListener(listener);
    try {
      Pipeline.run(spark, sample("framing.enabled=false", "cooccurrence.enabled=false"));
      spark.sparkContext().listenerBus().waitUntilEmpty();
    } finally {
      spark.sparkContext().removeSparkListener(listener);
    }
    assertThat(cachedAtNer).hasSize(1);
    assertThat(cachedAtNer.get(0)).contains("entity_type").contains("char_start");
  }

  @Test
  void aRerunReplacesTheOutputCleanly() {
    RunReport first = Pipeline.run(spark, mechanics());
    RunReport second = Pipeline.run(spark, mechanics());
    assertThat(second.runId()).isNotEqualTo(first.runId());
    assertThat(spark.read().parquet(out.resolve("articles").toString()).count()).isEqualTo(first.counts().kept());
    assertThat(spark.read().parquet(out.resolve("rejects").toString()).count()).isEqualTo(first.counts().rejected());
    assertThat(out.resolve("_staging")).doesNotExist();
  }

  @Test
  void tooManyRejectsFailTheRunAndLeaveThePreviousOutputAlone() throws IOException {
    RunReport good = Pipeline.run(spark, mechanics());
    String before = Files.readString(out.resolve("_run.json"));
    assertThatThrownBy(() -> Pipeline.run(spark, mechanics("rejects.max_ratio=0.05")))
        .hasMessageContaining("more than rejects.max_ratio=0.05")
        .hasMessageContaining("output not committed");
    assertThat(Files.readString(out.resolve("_run.json"))).isEqualTo(before);
    assertThat(spark.read().parquet(out.resolve("articles").toString()).count()).isEqualTo(good.counts().kept());
    try (Stream<Path> failed = Files.list(out.resolve("_failed"))) {
      Path run = failed.findFirst().orElseThrow();
      assertThat(run.resolve("rejects")).isDirectory();
    }
  }

  private static void assertGolden(String name, Dataset<Row> table) throws IOException {
    List<String> actual = table.collectAsList().stream()
        .map(r -> java.util.stream.IntStream.range(0, r.size()).mapToObj(i -> String.valueOf((Object) r.get(i)))
            .collect(Collectors.joining("\t")))
        .sorted().toList();
    Path golden = GOLDEN.resolve(name);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(GOLDEN);
      Files.write(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).as("golden file " + golden + " (regenerate with -Dgolden.update=true)")
        .containsExactlyElementsOf(Files.readAllLines(golden, StandardCharsets.UTF_8));
  }
}
