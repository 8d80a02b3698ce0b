package org.presslens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.presslens.config.ConfigException;
import org.presslens.config.ConfigLoader;
import org.presslens.config.IncrementalSettings;
import org.presslens.config.InputSpec;
import org.presslens.config.JobConfig;
import org.presslens.output.OutputComparison;
import org.presslens.output.RunReport;

/**
 * Incremental runs against full runs on the same articles: the sample split into two batches, and a later batch
 * that brings an earlier copy of an article (the canonical moves to it).
 */
class IncrementalRunTest {
  private final SparkSession spark = SparkTestSession.get();
  @TempDir
  Path dir;

  private static JobConfig load(Path jobFile, String output, String... sets) {
    return ConfigLoader.load(jobFile, new ConfigLoader.Overrides(null, null, output, List.of(sets)));
  }

  /** The config reading only some of its inputs, as one batch of an incremental run. */
  private static JobConfig batch(JobConfig c, String batch, int... inputs) {
    List<InputSpec> some = new ArrayList<>();
    for (int i : inputs) {
      some.add(c.inputs().get(i));
    }
    return new JobConfig(some, c.output(), c.text(), c.boilerplate(), c.dates(), c.outlets(), c.dedup(),
        c.entities(), c.cooccurrence(), c.framing(), c.rejects(), c.spark(), new IncrementalSettings(true, batch));
  }

  private List<String> differing(Path a, Path b) {
    return OutputComparison.compare(spark, a.toString(), b.toString()).stream().filter(d -> !d.same())
        .map(OutputComparison.TableDiff::table).toList();
  }

  private static long processed(RunReport report, String stage) {
    return report.stages().stream().filter(s -> s.stage().equals(stage)).findFirst().orElseThrow().recordsIn();
  }

  @Test
  void twoBatchesGiveTheFullRunsTablesAndRerunningTheLatestBatchChangesNothing() {
    Path sample = Path.of("jobs/sample.yaml");
    Path full = dir.resolve("full");
    Path inc = dir.resolve("incremental");
    RunReport all = Pipeline.run(spark, load(sample, full.toString()));
    JobConfig config = load(sample, inc.toString());

    RunReport first = Pipeline.run(spark, batch(config, "b1", 0, 1));
    RunReport second = Pipeline.run(spark, batch(config, "b2", 2, 3));

    assertThat(second.settings().at("/incremental/batch").asText()).isEqualTo("b2");
    // each run reconciles its own batch; together they read what the full run read
    assertThat(first.counts().read() + second.counts().read()).isEqualTo(all.counts().read());
    assertThat(second.counts().read()).isEqualTo(second.counts().kept() + second.counts().rejected());
    // NLP ran on the second batch's canonical articles only (the first batch's were done by the first run)
    long canonicalOfSecond = spark.read().parquet(inc.resolve("duplicates").toString()).filter("is_canonical")
        .join(spark.read().parquet(inc.resolve("articles").toString()).filter("batch = 'b2'"), "article_id")
        .count();
    assertThat(processed(second, "entities")).isEqualTo(canonicalOfSecond).isLessThan(processed(all, "entities"));
    assertThat(processed(second, "framing")).isEqualTo(canonicalOfSecond);
    // the same tables; only the boilerplate table's counts are per batch
    assertThat(differing(full, inc)).containsExactly("boilerplate");
    assertThat(spark.read().parquet(inc.resolve("articles").toString()).groupBy("batch").count().collectAsList())
        .extracting(r -> r.getString(0)).containsExactlyInAnyOrder("b1", "b2");

    Path again = dir.resolve("again");
    copy(inc, again);
    JobConfig rerun = load(sample, again.toString());
    Pipeline.run(spark, batch(rerun, "b2", 2, 3));
    assertThat(differing(inc, again)).isEmpty();

    assertThatThrownBy(() -> Pipeline.run(spark, batch(rerun, "b1", 0, 1)))
        .hasMessageContaining("batch b1 is not the most recent batch (b2)");
    assertThatThrownBy(() -> Pipeline.run(spark, batch(load(sample, again.toString(), "dedup.threshold=0.6",
        "framing.quote_min_words=4"), "b3", 2)))
        .hasMessageContaining("settings [dedup, framing] differ from those of batch b2");
    assertThatThrownBy(() -> Pipeline.run(spark, batch(load(sample, full.toString()), "b3", 2)))
        .hasMessageContaining("holds a full run's tables");

    // a full run into an incremental output replaces it whole, state included
    Pipeline.run(spark, load(sample, again.toString(), "entities.enabled=false", "framing.enabled=false"));
    assertThat(again.resolve("_state")).doesNotExist();
    assertThat(spark.read().parquet(again.resolve("articles").toString()).columns()).doesNotContain("batch");
  }

  @Test
  void batchIdsAreCheckedAndTheCommandLineSetsThem() {
    assertThatThrownBy(() -> load(Path.of("jobs/sample.yaml"), "out/x", "incremental.batch=2026 11 21"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("incremental.batch must match");
    JobConfig parsed = ConfigLoader.load(Path.of("jobs/sample.yaml"),
        PressLens.Arguments.parse(List.of("--incremental", "--batch", "2026-11-21")).overrides());
    assertThat(parsed.incremental()).isEqualTo(new IncrementalSettings(true, "2026-11-21"));
  }

  @Test
  void anEarlierCopyArrivingLaterBecomesTheCanonicalAndTheTablesFollow() throws IOException {
    String story = "The harbour board of Port Aster voted on Tuesday to close the eastern pier for repairs after "
        + "engineers found cracks in three of its concrete piles. Board chair Miriam Castell said the closure would "
        + "last at least six weeks and that ferry services would move to the grain quay. The Norland Dock and "
        + "Harbour Union said its members would be redeployed rather than laid off. Castell told reporters that "
        + "safety came first. The repairs are expected to cost about four million crowns, paid from the port's "
        + "reserve fund, and the board will review the timetable in March.";
    Path jobFile = twoInputJob("in", line("late-copy", "Harbour Times", "2024-02-07", story)
        + line("other", "Harbour Times", "2024-02-08", "An unrelated report about the city council budget, "
            + "which Mayor Tomas Keel presented on Thursday. Keel said spending on roads would rise by a tenth and "
            + "that the library opening hours would be extended from April, funded by the parking levy."),
        line("first-print", "Northwind Wire", "2024-02-06",
        story.replace("at least six weeks", "six weeks or more")), "framing");
    Path full = dir.resolve("full");
    Path inc = dir.resolve("incremental");
    Pipeline.run(spark, load(jobFile, full.toString()));
    JobConfig config = load(jobFile, inc.toString());
    Pipeline.run(spark, batch(config, "2024-02-08", 0));
    List<Row> before = spark.read().parquet(inc.resolve("entity_mentions").toString()).select("article_id").distinct()
        .collectAsList();
    assertThat(before).extracting(r -> r.getString(0)).containsExactlyInAnyOrder("one:late-copy", "one:other");
    RunReport second = Pipeline.run(spark, batch(config, "2024-02-09", 1));

    assertThat(processed(second, "entities")).isEqualTo(1);
    List<Row> rows = spark.read().parquet(inc.resolve("duplicates").toString())
        .filter("cluster_size = 2").orderBy("article_id").collectAsList();
    assertThat(rows).extracting(r -> r.<String>getAs("article_id") + " " + r.<Boolean>getAs("is_canonical"))
        .containsExactlyInAnyOrder("two:first-print true", "one:late-copy false");
    assertThat(spark.read().parquet(inc.resolve("entity_mentions").toString()).select("article_id").distinct()
        .collectAsList()).extracting(r -> r.getString(0)).containsExactlyInAnyOrder("two:first-print", "one:other");
    assertThat(differing(full, inc)).isEmpty();
  }

  @Test
  void anArticleThatALaterBatchSplitsFromItsClusterIsScoredThen() throws IOException {
    // The Gazette prints the same block of links and teasers inside every article's text. With two of its
    // articles the block is not yet known as its template, and the two are near duplicates; once twelve of its
    // articles are in, it is, and the two are different articles: the earlier copy becomes canonical.
    String block = "Gazette front page, local news, county sport, weather and traffic, letters to the editor, "
        + "obituaries and family notices, property and jobs, what's on, puzzles and the crossword. Five years ago "
        + "today the county fair opened with a parade of vintage tractors along the river road, and the brass band "
        + "of the old mill played until midnight while the lifeboat crew raised money for a new slipway. Most read "
        + "this week: the bypass consultation, the new swimming baths, the school run survey, the allotment "
        + "waiting list, the farmers market moving to the square and the library's longer opening hours. "
        + "Subscribe for the printed edition delivered to your door every Thursday morning before seven, or read "
        + "the digital replica on your tablet from midnight on Wednesday. Our newsroom is open from nine until "
        + "five on weekdays; send your photographs of village life, school plays, weddings and golden anniversaries "
        + "to the picture desk, and tell us about potholes, broken street lights and overgrown footpaths through the "
        + "reader panel. Gazette Media also publishes the Coast Advertiser, the Valley Shopper and the annual "
        + "Harvest Show guide, and runs the county business awards with the chamber of commerce every autumn.";
    String[] names = {"Tomas Keel", "Miriam Castell", "Anton Brisk", "Lena Varro", "Oskar Dunmore", "Ida Quell",
        "Petra Salk", "Jonas Ferrow", "Hanne Tolle", "Emil Rask", "Vera Lind", "Aldo Fenn"};
    String[] places = {"Port Aster", "Kellby", "Dunmarsh", "Westholm", "Ravensgate", "Tillow", "Brackmere",
        "Oldcastle Moor", "Fennick", "Harrowby", "Lowater", "Sandrun"};
    String[] words = ("harbour pier quay ferry grain timber repairs engineers cracks concrete piles closure weeks "
        + "union members redeployed safety reserve fund timetable budget roads library levy parking council "
        + "mayor spending hospital ward nurses clinic orchard frost harvest cider barley drought reservoir "
        + "pipeline leak village green cricket pavilion choir organ chapel roof lead thieves police patrol "
        + "lantern festival market stalls cheese bakery tram depot signal cable bridge toll cyclists").split(" ");
    java.util.SplittableRandom random = new java.util.SplittableRandom(5);
    StringBuilder one = new StringBuilder();
    StringBuilder two = new StringBuilder();
    for (int i = 0; i < names.length; i++) {
      StringBuilder body = new StringBuilder(names[i] + " of " + places[i] + " spoke about the");
      for (int w = 0; w < 50; w++) {
        body.append(' ').append(words[random.nextInt(words.length)]);
      }
      (i < 2 ? one : two).append(line("g" + i, "Gazette", "2024-03-" + (10 + i), block + " " + body + "."));
    }
    Path jobFile = twoInputJob("gazette", one.toString(), two.toString(), "entities");
    Path full = dir.resolve("full");
    Path inc = dir.resolve("incremental");
    Pipeline.run(spark, load(jobFile, full.toString()));
    JobConfig config = load(jobFile, inc.toString());
    RunReport first = Pipeline.run(spark, batch(config, "b1", 0));
    assertThat(processed(first, "framing")).as("the two first articles are one cluster").isEqualTo(1);
    RunReport second = Pipeline.run(spark, batch(config, "b2", 1));

    assertThat(spark.read().parquet(inc.resolve("duplicates").toString()).filter("cluster_size > 1").count())
        .as("no clusters once the block is known as the Gazette's template").isZero();
    assertThat(processed(second, "framing")).as("the ten new articles and the earlier copy").isEqualTo(11);
    assertThat(spark.read().parquet(inc.resolve("article_framing").toString()).count()).isEqualTo(12);
    assertThat(differing(full, inc)).isEmpty();
  }

  /** A job of two JSON Lines inputs, "one" and "two", with the given stage turned off. */
  private Path twoInputJob(String name, String one, String two, String disabledStage) throws IOException {
    Path inputs = dir.resolve(name);
    Files.createDirectories(inputs.resolve("one"));
    Files.createDirectories(inputs.resolve("two"));
    Files.writeString(inputs.resolve("one/a.jsonl"), one);
    Files.writeString(inputs.resolve("two/b.jsonl"), two);
    Path jobFile = dir.resolve(name + ".yaml");
    Files.writeString(jobFile, "inputs:\n  - name: one\n    paths: [" + inputs.resolve("one") + "]\n"
        + "  - name: two\n    paths: [" + inputs.resolve("two") + "]\n"
        + disabledStage + ":\n  enabled: false\n");
    return jobFile;
  }

  private static String line(String id, String source, String date, String body) {
    return "{\"id\": \"" + id + "\", \"source\": \"" + source + "\", \"published\": \"" + date
        + "\", \"headline\": \"Report " + id + "\", \"body\": \"" + body + "\"}\n";
  }

  private static void copy(Path from, Path to) {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
