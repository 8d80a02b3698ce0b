package org.presslens.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.presslens.Pipeline;
import org.presslens.SparkTestSession;
import org.presslens.config.ConfigLoader;
import org.presslens.config.JobConfig;
import org.presslens.dedup.Duplicates;
import org.presslens.normalize.Articles;
import org.presslens.output.RunReport;

/**
 * Ingest and normalisation on the real corpora in ../shared (not part of the normal test run):
 * {@code mvn test -Pshared -Dtest=IngestEvaluationTest}. Figures are printed and recorded in docs/ingest.md.
 */
@Tag("shared")
class IngestEvaluationTest {
  private final SparkSession spark = SparkTestSession.get();
  @TempDir
  Path out;

  /** The job of jobs/{@code job}; entity and framing stages are left out (their own evaluations cover them). */
  private RunReport run(String job) {
    JobConfig config = ConfigLoader.load(Path.of("jobs", job),
        new ConfigLoader.Overrides(null, null, out.resolve(job).toString(), List.of("entities.enabled=false", "framing.enabled=false")));
    long start = System.nanoTime();
    RunReport report = Pipeline.run(spark, config);
    System.out.printf("EVAL %s: read %d, kept %d, rejected %d %s, date_status %s, boilerplate lines removed %d,"
            + " %.1f s%n", job, report.counts().read(), report.counts().kept(), report.counts().rejected(),
        report.counts().rejectedByStageAndReason(), report.counts().keptByDateStatus(),
        report.counts().boilerplateLinesRemoved(), (System.nanoTime() - start) / 1e9);
    return report;
  }

  private Map<String, Row> articles(String job) {
    Dataset<Row> table = spark.read().parquet(out.resolve(job).resolve(Articles.TABLE).toString());
    return table.collectAsList().stream().collect(Collectors.toMap(r -> r.getAs(Articles.SOURCE_ID), r -> r));
  }

  @Test
  void seedsGiveFiveArticlesWithTheHeaderOfSeed000AndNoInventedDate() {
    RunReport report = run("seeds.yaml");
    assertThat(report.counts().read()).isEqualTo(5);
    assertThat(report.counts().kept()).isEqualTo(5);
    Map<String, Row> seeds = articles("seeds.yaml");
    Row s000 = seeds.get("000_9905ef1c51d06d62");
    assertThat(s000.getAs(Articles.PUBLISHED_DATE).toString()).isEqualTo("2012-02-07");
    assertThat((String) s000.getAs(Articles.TITLE)).isEqualTo("Russian envoy holds talks as Homs blasted");
    assertThat((String) s000.getAs(Articles.TEXT)).startsWith("Russia’s foreign minister holds talks");
    Row s001 = seeds.get("001_4e183b3610cb9fa8");
    assertThat((Object) s001.getAs(Articles.PUBLISHED_DATE)).isNull();
    assertThat((String) s001.getAs(Articles.DATE_STATUS)).isEqualTo("missing");
    assertThat((Object) s001.getAs(Articles.TITLE)).isNull();
    Row s003 = seeds.get("003_df531acc8ff2d763");
    assertThat((String) s003.getAs(Articles.TITLE)).isEqualTo("Russia's FM arrives in Syria for talks with Assad");
    assertThat((Integer) s003.getAs(Articles.TITLE_LINES_REMOVED)).isEqualTo(2);
    // prompt lines: seed 002's "Support The Moscow Times!" (then its title is found) and "Read more", seed 004's
    // "Leave a comment"; nothing else of their text
    Row s002 = seeds.get("002_e036a3cc0661bf75");
    assertThat((String) s002.getAs(Articles.TITLE)).isEqualTo("Russia Pressing for Talks to End Syria Bloodshed");
    assertThat((String) s002.getAs(Articles.TEXT)).doesNotContain("Support The Moscow Times").endsWith("(AP, Reuters)");
    assertThat((Integer) s002.getAs(Articles.BOILERPLATE_LINES_REMOVED)).isEqualTo(2);
    Row s004 = seeds.get("004_37ed7f42b980b81c");
    assertThat((String) s004.getAs(Articles.TEXT)).doesNotContain("Leave a comment").endsWith("Iran.");
    assertThat((Integer) s004.getAs(Articles.BOILERPLATE_LINES_REMOVED)).isEqualTo(1);

    // dedup: 000 and 001 are one article (with and without its header); 002, 003 and 004 stay apart
    Map<String, String> clusters = spark.read().parquet(out.resolve("seeds.yaml").resolve(Duplicates.TABLE).toString())
        .collectAsList().stream().collect(Collectors.toMap(r -> r.getAs(Duplicates.ARTICLE_ID),
            r -> r.getAs(Duplicates.CLUSTER_ID)));
    assertThat(clusters.get("seeds:001_4e183b3610cb9fa8")).isEqualTo("seeds:000_9905ef1c51d06d62");
    assertThat(clusters.get("seeds:000_9905ef1c51d06d62")).isEqualTo("seeds:000_9905ef1c51d06d62");
    for (String other : List.of("002_e036a3cc0661bf75", "003_df531acc8ff2d763", "004_37ed7f42b980b81c")) {
      assertThat(clusters.get("seeds:" + other)).isEqualTo("seeds:" + other);
    }
  }

  @Test
  void allsidesReconcilesAndHandlesItsOddDates() {
    RunReport report = run("allsides.yaml");
    RunReport.Counts c = report.counts();
    assertThat(c.read()).isEqualTo(37_554);
    assertThat(c.kept() + c.rejected()).isEqualTo(37_554);
    assertThat(c.keptByDateStatus()).containsEntry("missing", 4_407L).containsEntry("placeholder", 2L)
        .containsEntry("future", 1L);
    Dataset<Row> table = spark.read().parquet(out.resolve("allsides.yaml").resolve(Articles.TABLE).toString());
    assertThat(table.filter("published_date < '2012-01-01' or published_date > '2020-12-31'").count()).isZero();
    assertThat(table.filter("date_raw like '%/%' and published_date is null").count()).isZero();
    List<Row> fox = table.filter("outlet_raw in ('Fox News (Online)', 'Fox Online News')")
        .select(Articles.OUTLET).distinct().collectAsList();
    assertThat(fox).extracting(r -> (String) r.getAs(Articles.OUTLET)).containsExactly("fox news");
  }

  @Test
  void fakesSyriaAndBasilLoadThroughTheirJobFiles() {
    RunReport fakes = run("fakes_syria.yaml");
    assertThat(fakes.counts().read()).isEqualTo(804);
    assertThat(fakes.counts().kept() + fakes.counts().rejected()).isEqualTo(804);
    // FA-KES repeats 9 unit_ids (12 extra rows, 8 of the groups identical copies) and has 3 bodies under 20 words
    assertThat(fakes.counts().rejectedByStageAndReason())
        .isEqualTo(Map.of("normalize", Map.of("duplicate_id", 12L, "too_short", 3L)));
    assertThat(fakes.counts().keptByDateStatus()).isEqualTo(Map.of("ok", 789L));
    RunReport basil = run("basil.yaml");
    assertThat(basil.counts().read()).isEqualTo(300);
    assertThat(basil.counts().kept()).isEqualTo(300);
    Dataset<Row> table = spark.read().parquet(out.resolve("basil.yaml").resolve(Articles.TABLE).toString());
    assertThat(table.select(Articles.OUTLET).distinct().collectAsList()).extracting(r -> (String) r.getAs(Articles.OUTLET))
        .containsExactlyInAnyOrder("fox news", "new york times", "huffpost");
  }

}
