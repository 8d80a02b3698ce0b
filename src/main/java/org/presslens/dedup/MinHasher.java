package org.presslens.dedup;

import java.io.Serializable;
import java.util.SplittableRandom;

/**
 * MinHash signatures with {@code k} seeded permutations, reproducible across runs and machines: permutation
 * i is the multiply-shift hash {@code (a_i * x + b_i) >>> 32} with odd 64-bit {@code a_i}, drawn from a
 * SplittableRandom with the configured seed. The fraction of equal positions of two signatures estimates
 * the Jaccard similarity of the sets.
 */
public final class MinHasher implements Serializable {
  private static final long serialVersionUID = 1L;
  private final long[] a;
  private final long[] b;

  public MinHasher(int permutations, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    a = new long[permutations];
    b = new long[permutations];
    for (int i = 0; i < permutations; i++) {
      a[i] = random.nextLong() | 1L;
      b[i] = random.nextLong();
    }
  }

  public int permutations() {
    return a.length;
  }

  /** The signature of a non-empty shingle set. */
  public int[] signature(int[] shingles) {
    int[] signature = new int[a.length];
    java.util.Arrays.fill(signature, Integer.MAX_VALUE);
    for (int shingle : shingles) {
      long x = shingle & 0xffffffffL;
      for (int i = 0; i < a.length; i++) {
        int h = (int) ((a[i] * x + b[i]) >>> 33);
        if (h < signature[i]) {
          signature[i] = h;
        }
      }
    }
    return signature;
  }

  /** Estimated Jaccard similarity: the share of positions where the signatures agree. */
  public static double estimate(int[] left, int[] right) {
    int equal = 0;
    for (int i = 0; i < left.length; i++) {
      if (left[i] == right[i]) {
        equal++;
      }
    }
    return (double) equal / left.length;
  }
}
