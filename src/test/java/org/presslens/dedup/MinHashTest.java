package org.presslens.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Property tests with planted pairs of known Jaccard similarity and fixed seeds. */
class MinHashTest {
  /** Two sorted sets of the given size whose Jaccard similarity is exactly common / (2·size − common). */
  static int[][] plantedPair(SplittableRandom random, int size, int common) {
    int[] left = new int[size];
    int[] right = new int[size];
    int next = random.nextInt(1 << 20);
    for (int i = 0; i < size; i++) {
      next += 1 + random.nextInt(1000);
      left[i] = next;
      if (i < common) {
        right[i] = next;
      } else {
        next += 1 + random.nextInt(1000);
        right[i] = next;
      }
    }
    Arrays.sort(left);
    Arrays.sort(right);
    return new int[][] {left, right};
  }

  @Test
  void signaturesAreReproducibleForASeed() {
    int[] set = plantedPair(new SplittableRandom(1), 300, 100)[0];
    assertThat(new MinHasher(128, 42).signature(set)).isEqualTo(new MinHasher(128, 42).signature(set));
    assertThat(new MinHasher(128, 43).signature(set)).isNotEqualTo(new MinHasher(128, 42).signature(set));
  }

  @Test
  void estimatesTrackTheExactJaccardOnPlantedPairs() {
    SplittableRandom random = new SplittableRandom(7);
    MinHasher hasher = new MinHasher(256, 42);
    double maxError = 0;
    for (int common : new int[] {0, 60, 150, 250, 333, 400, 480, 500}) {
      for (int trial = 0; trial < 20; trial++) {
        int[][] pair = plantedPair(random, 500, common);
        double exact = SetSimilarity.of(pair[0], pair[1]).jaccard();
        double estimate = MinHasher.estimate(hasher.signature(pair[0]), hasher.signature(pair[1]));
        maxError = Math.max(maxError, Math.abs(estimate - exact));
      }
    }
    // standard error at k=256 is at most 0.031; 160 trials stay within 4 standard errors
    assertThat(maxError).isLessThan(0.125);
  }

  @Test
  void estimatesAreUnbiased() {
    SplittableRandom random = new SplittableRandom(11);
    MinHasher hasher = new MinHasher(128, 42);
    double sum = 0;
    int trials = 200;
    for (int trial = 0; trial < trials; trial++) {
      int[][] pair = plantedPair(random, 400, 240); // Jaccard 240/560
      sum += MinHasher.estimate(hasher.signature(pair[0]), hasher.signature(pair[1]));
    }
    assertThat(sum / trials).isCloseTo(240.0 / 560, within(0.01));
  }

  @Test
  void exactSimilarityCountsIntersectionUnionAndContainment() {
    SetSimilarity s = SetSimilarity.of(new int[] {1, 2, 3, 4, 5, 6}, new int[] {4, 5, 6});
    assertThat(s.intersection()).isEqualTo(3);
    assertThat(s.jaccard()).isEqualTo(0.5);
    assertThat(s.containment()).isEqualTo(1.0);
    assertThat(SetSimilarity.of(new int[0], new int[0]).jaccard()).isZero();
  }
}
