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

  @Test
  void defaultSettingsFindNoFalseClusters() {
    RunReport report = Pipeline.run(SparkTestSession.get(), ConfigLoader.load(Path.of("jobs/chronam.yaml"),
        new ConfigLoader.Overrides(null, null, out.toString(), List.of("entities.enabled=false", "framing.enabled=false"))));
    System.out.println("CHRONAM DEDUP " + report.dedup());
    assertThat(report.counts().read()).isEqualTo(2294);
    assertThat(report.dedup().clusters()).isZero();
  }
}
