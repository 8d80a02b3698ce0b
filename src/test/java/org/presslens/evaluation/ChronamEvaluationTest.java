package org.presslens.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.presslens.Pipeline;
import org.presslens.SparkTestSession;
import org.presslens.config.ConfigLoader;
import org.presslens.dedup.MinHasher;
import org.presslens.dedup.SetSimilarity;
import org.presslens.dedup.Shingles;
import org.presslens.output.RunReport;

/**
 * Dedup on real OCR front pages (../shared/data/chronam-1916-frontpages): our exact and MinHash-estimated
 * Jaccard against the overlaps measured independently in measured_overlaps.csv (word 5-grams), and no false
 * clusters with default settings. {@code mvn test -Pshared -Dtest=ChronamEvaluationTest}.
 */
@Tag("shared")
class ChronamEvaluationTest {
  private static final Path DATA = Path.of("../shared/data/chronam-1916-frontpages");
  @TempDir
  Path out;

  @Test
  void jaccardEstimatesTrackTheMeasuredOverlaps() throws IOException {
    List<String> rows = Files.readAllLines(DATA.resolve("measured_overlaps.csv"));
    StringBuilder report = new StringBuilder("| permutations | pairs | mean abs error | max abs error | within ±0.05 |\n"
        + "|---|---|---|---|---|\n");
    double maxExactDiff = 0;
    java.util.Map<Integer, double[]> results = new java.util.TreeMap<>();
    for (int permutations : new int[] {128, 256, 512}) { // the default is 256
      // seed 42 is the default dedup.seed
      MinHasher hasher = new MinHasher(permutations, 42);
      double sum = 0;
      double max = 0;
      int within = 0;
      for (String row : rows.subList(1, rows.size())) {
        String[] f = row.split(",");
        int[] a = Shingles.of(Files.readString(DATA.resolve(f[0]), StandardCharsets.UTF_8), Shingles.Kind.WORD, 5);
        int[] b = Shingles.of(Files.readString(DATA.resolve(f[1]), StandardCharsets.UTF_8), Shingles.Kind.WORD, 5);
        double measured = Double.parseDouble(f[3]);
        maxExactDiff = Math.max(maxExactDiff, Math.abs(SetSimilarity.of(a, b).jaccard() - measured));
        double error = Math.abs(MinHasher.estimate(hasher.signature(a), hasher.signature(b)) - measured);
        sum += error;
        max = Math.max(max, error);
        within += error <= 0.05 ? 1 : 0;
      }
      int n = rows.size() - 1;
      report.append(String.format("| %d | %d | %.4f | %.4f | %d (%.1f%%) |%n", permutations, n, sum / n, max, within,
          100.0 * within / n));
      results.put(permutations, new double[] {sum / n, max, (double) within / n});
    }
    report.append(String.format("%nLargest difference between our exact Jaccard and measured_overlaps.csv: %.4f%n",
        maxExactDiff));
    System.out.println("CHRONAM JACCARD\n" + report);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/chronam-evaluation.md"), report.toString());
    assertThat(maxExactDiff).as("exact Jaccard agrees with the independent measurement").isLessThan(0.01);
    assertThat(results.get(128)[0]).as("mean abs error at 128 permutations").isLessThan(0.02);
    assertThat(results.get(256)[1]).as("max abs error at the default 256 permutations").isLessThanOrEqualTo(0.05);
  }

  /**
   * The whole job with default settings links no two different papers' pages unless the measured overlap says one
   * contains the other (containment_word5 >= 0.5); every linked pair is printed with its evidence and measured
   * overlap, and written to target/chronam-links.md.
   */
  @Test
  void defaultSettingsLinkDifferentPapersOnlyWhereOnePageContainsTheOther() throws IOException {
    RunReport report = Pipeline.run(SparkTestSession.get(), ConfigLoader.load(Path.of("jobs/chronam.yaml"),
        new ConfigLoader.Overrides(null, null, out.toString(), List.of("entities.enabled=false", "framing.enabled=false"))));
    System.out.println("CHRONAM DEDUP " + report.dedup());
    assertThat(report.counts().read()).isEqualTo(2294);

    java.util.Map<String, String[]> measured = new java.util.HashMap<>();
    for (String row : Files.readAllLines(DATA.resolve("measured_overlaps.csv")).stream().skip(1).toList()) {
      String[] f = row.split(",");
      measured.put(f[0] + " " + f[1], f);
      measured.put(f[1] + " " + f[0], f);
    }
    var spark = SparkTestSession.get();
    var articles = spark.read().parquet(out.resolve("articles").toString()).select("article_id", "outlet", "source_file");
    List<org.apache.spark.sql.Row> links = spark.read().parquet(out.resolve("duplicate_pairs").toString())
        .join(articles.toDF("article_a", "outlet_a", "file_a"), "article_a")
        .join(articles.toDF("article_b", "outlet_b", "file_b"), "article_b")
        .orderBy("file_a", "file_b").collectAsList();
    StringBuilder table = new StringBuilder("| page a | page b | same paper | relation | evidence | measured word "
        + "5-gram containment |\n|---|---|---|---|---|---|\n");
    int differentPapers = 0;
    for (org.apache.spark.sql.Row link : links) {
      String a = page(link.getAs("file_a"));
      String b = page(link.getAs("file_b"));
      boolean samePaper = link.<String>getAs("outlet_a").equals(link.getAs("outlet_b"));
      String[] overlap = measured.get(a + " " + b);
      table.append(String.format("| %s | %s | %s | %s | %s | %s |%n", a, b, samePaper ? "yes" : "no",
          link.getAs("relation"), link.getAs("evidence"), overlap == null ? "not measured (< 0.10)" : overlap[4]));
      if (!samePaper) {
        differentPapers++;
        assertThat(overlap).as("a link between two papers' pages must be a measured overlap: " + a + " " + b)
            .isNotNull();
        assertThat(Double.parseDouble(overlap[4])).as("measured containment of " + a + " " + b)
            .isGreaterThanOrEqualTo(0.5);
      }
    }
    System.out.println("CHRONAM LINKS (" + links.size() + ", " + differentPapers + " between different papers)\n" + table);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/chronam-links.md"), table.toString());
  }

  /** The page's path as measured_overlaps.csv writes it: pages/DATE/FILE. */
  private static String page(String sourceFile) {
    int at = sourceFile.lastIndexOf("pages/");
    return sourceFile.substring(at);
  }
}
