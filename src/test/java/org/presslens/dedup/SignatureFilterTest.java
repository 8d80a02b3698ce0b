package org.presslens.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The LSH pair filter on planted pairs of known Jaccard similarity, fixed seeds. */
class SignatureFilterTest {
  private static final int PERMUTATIONS = 256;
  private static final LshParams LSH = new LshParams(51, 2);
  private final MinHasher hasher = new MinHasher(PERMUTATIONS, 42);
  private final SignatureFilter filter = new SignatureFilter(PERMUTATIONS, LSH.bands() * LSH.rows(), 0.15, 0.67);

  @Test
  void countsZeroBytesExactly() {
    SplittableRandom random = new SplittableRandom(3);
    for (int trial = 0; trial < 10_000; trial++) {
      long x = random.nextLong();
      for (int b = 0; b < 8; b++) {
        if (random.nextInt(3) == 0) {
          x &= ~(0xffL << (8 * b)); // some zero bytes, some 0x80 and 0x01 ones
        } else if (random.nextInt(4) == 0) {
          x = (x & ~(0xffL << (8 * b))) | ((random.nextBoolean() ? 0x80L : 0x01L) << (8 * b));
        }
      }
      int expected = 0;
      for (int b = 0; b < 8; b++) {
        expected += ((x >>> (8 * b)) & 0xff) == 0 ? 1 : 0;
      }
      assertThat(SignatureFilter.zeroBytes(x)).as(Long.toHexString(x)).isEqualTo(expected);
    }
  }

  @Test
  void usesThePositionsTheBandsLeaveAndAtMost128() {
    assertThat(filter.words()).isEqualTo(16);
    assertThat(new SignatureFilter(128, 128, 0.15, 0.67).words()).isEqualTo(16); // none left: all positions
    assertThat(new SignatureFilter(128, 90, 0.15, 0.67).words()).isEqualTo(4); // 38 left: 32 of them
  }

  @Test
  void keepsPairsThatCanBeCopiesAndDropsTextsThatShareLittle() {
    SplittableRandom random = new SplittableRandom(7);
    // equal sizes of 500: common 130 gives Jaccard 0.149, common 10 gives 0.010
    assertThat(keptShare(random, 500, 500, 130)).isGreaterThanOrEqualTo(0.99);
    assertThat(keptShare(random, 500, 500, 10)).isLessThanOrEqualTo(0.01);
    assertThat(keptShare(random, 500, 500, 0)).isZero();
  }

  @Test
  void keepsAShortTextContainedInALongOne() {
    SplittableRandom random = new SplittableRandom(11);
    // 100 shingles of which 80 in a text of 1,000: containment 0.8, Jaccard 0.078
    assertThat(keptShare(random, 100, 1000, 80)).isEqualTo(1.0);
  }

  private double keptShare(SplittableRandom random, int leftSize, int rightSize, int common) {
    int trials = 400;
    int kept = 0;
    for (int trial = 0; trial < trials; trial++) {
      int[][] pair = MinHashTest.plantedPair(random, Math.max(leftSize, rightSize), common);
      int[] left = pair[0];
      if (leftSize < rightSize) {
        // the short set: the common shingles (the first of both sets) and shingles of its own
        left = java.util.Arrays.copyOf(pair[0], leftSize);
        for (int i = common; i < leftSize; i++) {
          left[i] = -1 - i;
        }
        java.util.Arrays.sort(left);
      }
      long[] packed = new long[2 * filter.words()];
      filter.pack(hasher.signature(left), packed, 0);
      filter.pack(hasher.signature(pair[1]), packed, filter.words());
      if (filter.keep(filter.estimate(packed, 0, packed, filter.words()), left.length, pair[1].length)) {
        kept++;
      }
    }
    return (double) kept / trials;
  }
}
