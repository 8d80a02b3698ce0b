package org.presslens.dedup;

import java.io.Serializable;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * MinHash signatures of {@code k} positions by one-permutation hashing with optimal densification (Li, Owen &
 * Zhang 2012; Shrivastava 2017): every shingle is hashed once with a seeded 64-bit mixer, its hash picks one of
 * k bins and the bin keeps its minimum; a bin no shingle fell into borrows the value of a non-empty bin chosen by
 * a seeded probe sequence. Each position is then a min-wise hash, so the fraction of equal positions of two
 * signatures estimates the Jaccard similarity, at O(|S| + k) cost instead of O(|S| · k) for k permutations.
 * Reproducible for a seed across runs and machines.
 */
public final class MinHasher implements Serializable {
  private static final long serialVersionUID = 1L;
  private final int k;
  private final long seed;
  private final long probeSeed;

  public MinHasher(int permutations, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    this.k = permutations;
    this.seed = random.nextLong();
    this.probeSeed = random.nextLong();
  }

  public int permutations() {
    return k;
  }

  /** The signature of a non-empty shingle set. */
  public int[] signature(int[] shingles) {
    int[] signature = new int[k];
    Arrays.fill(signature, Integer.MAX_VALUE);
    boolean[] filled = new boolean[k];
    for (int shingle : shingles) {
      long h = Shingles.mix((shingle & 0xffffffffL) ^ seed);
      int bin = (int) (((h >>> 32) * k) >>> 32);
      int value = (int) (h & 0x7fffffffL);
      if (value < signature[bin]) {
        signature[bin] = value;
      }
      filled[bin] = true;
    }
    if (shingles.length == 0) {
      return signature;
    }
    for (int bin = 0; bin < k; bin++) {
      if (!filled[bin]) {
        for (long attempt = 1; ; attempt++) {
          long probe = Shingles.mix(probeSeed ^ (bin * 0x9E3779B97F4A7C15L) ^ (attempt * 0xC2B2AE3D27D4EB4FL));
          int donor = (int) (((probe >>> 32) * k) >>> 32);
          if (filled[donor]) {
            signature[bin] = signature[donor];
            break;
          }
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
