package org.presslens.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.presslens.SparkTestSession;
import org.presslens.dedup.bench.BenchmarkCorpus;

/**
 * How many clean, born-digital texts the noise estimate takes for scans, by the size of the sample the vocabulary
 * is learnt from (docs/dedup.md, step 2): random AllSides articles (seeded) with each sample its own archive. Why
 * {@link Vocabulary#MIN_SAMPLE} is what it is. Run: {@code mvn test -Pshared -Dtest=VocabularyEvaluationTest}.
 */
@Tag("shared")
class VocabularyEvaluationTest {
  private static final Path ALLSIDES = Path.of("../shared/data/allsides_abp");
  private static final double SCANNED = 0.08;

  @Test
  void cleanTextsLookScannedOnlyInSmallSamples() throws IOException {
    List<String> texts = new ArrayList<>(BenchmarkCorpus.readAllsides(ALLSIDES).stream()
        .map(a -> a.get("content_original").asText()).filter(t -> !t.isBlank()).toList());
    BenchmarkCorpus.shuffle(texts, new SplittableRandom(11));
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(SparkTestSession.get().sparkContext());
    System.out.println("| sampled texts | words in vocabulary | 99th percentile of noise | clean texts >= 0.08 |");
    System.out.println("|---|---|---|---|");
    double[] share = new double[3];
    int[] sizes = {800, Vocabulary.MIN_SAMPLE, 5000};
    for (int i = 0; i < sizes.length; i++) {
      List<String> sample = texts.subList(0, sizes[i]);
      Vocabulary vocabulary = Vocabulary.learn(jsc.parallelize(sample, 2), 1);
      double[] noise = sample.stream().mapToDouble(vocabulary::noise).sorted().toArray();
      share[i] = Arrays.stream(noise).filter(x -> x >= SCANNED).count() / (double) noise.length;
      System.out.printf("| %,d | %,d | %.3f | %.1f %% |%n", sizes[i], vocabulary.size(),
          noise[(int) (0.99 * (noise.length - 1))], 100 * share[i]);
    }
    // at the minimum sample, at most 1 % of clean texts pass for scans; far more in a sample of 800
    assertThat(share[1]).isLessThan(0.01);
    assertThat(share[0]).isGreaterThan(2 * share[1]);
  }
}
