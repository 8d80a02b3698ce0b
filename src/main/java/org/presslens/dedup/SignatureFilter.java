package org.presslens.dedup;

import java.io.Serializable;

/**
 * Executor side: drops an LSH pair whose MinHash signatures say it cannot pass verification, before it is paired up
 * and shuffled with its shingle sets. LSH bands of two rows, as a low centre needs, also collide for texts that
 * share only a few common phrases; the number of such pairs grows with the square of the archive, while the copies
 * grow with it. Each text carries the low byte of {@link #positions} signature positions the bands do not use (so
 * the collision that made the pair does not count); two bytes agree when the positions agree, and by chance 1 in
 * 256 otherwise, which {@link #estimate} takes out.
 *
 * <p>The verdict needs a Jaccard similarity of at least {@code minJaccard}, or a containment of at least
 * {@code minContainment} (for sets of sizes a ≤ b: a Jaccard of c·a / (a + b − c·a)). A pair is kept unless its
 * estimate falls more than {@link #STANDARD_ERRORS} standard errors below the lower of the two: with 128 positions
 * and the default rule, a pair of equal sizes and Jaccard 0.15 is kept with probability 0.9995 and one of Jaccard 0.01
 * dropped with probability 0.9995 (binomial tails: 8 agreeing bytes are needed). A pair whose sizes differ so much
 * that containment needs a Jaccard under about 0.07 is always kept.
 */
final class SignatureFilter implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Signature positions carried for the estimate: at most this many, a multiple of 8. */
  static final int MAX_POSITIONS = 128;
  static final double STANDARD_ERRORS = 3.0;
  private static final double CHANCE = 1.0 / 256;
  private static final long LOW_SEVEN = 0x7F7F7F7F7F7F7F7FL;
  private final int from;
  private final int positions;
  private final double minJaccard;
  private final double minContainment;

  /**
   * @param permutations signature length
   * @param banded positions the bands use (bands × rows): the positions after them are used when at least 32 are
   *     left, all positions from the first otherwise
   */
  SignatureFilter(int permutations, int banded, double minJaccard, double minContainment) {
    int spare = permutations - banded;
    this.from = spare >= 32 ? banded : 0;
    this.positions = Math.min(MAX_POSITIONS, (spare >= 32 ? spare : permutations) / 8 * 8);
    this.minJaccard = minJaccard;
    this.minContainment = minContainment;
  }

  /** Longs a text's bytes take. */
  int words() {
    return positions / 8;
  }

  /** The low byte of each carried position, packed eight to a long, into {@code out} from {@code offset}. */
  void pack(int[] signature, long[] out, int offset) {
    for (int w = 0; w < words(); w++) {
      long word = 0;
      for (int i = 0; i < 8; i++) {
        word |= (signature[from + 8 * w + i] & 0xffL) << (8 * i);
      }
      out[offset + w] = word;
    }
  }

  /** Estimated Jaccard similarity of two packed texts, corrected for bytes that agree by chance. */
  double estimate(long[] left, int leftOffset, long[] right, int rightOffset) {
    int equal = 0;
    for (int w = 0; w < words(); w++) {
      equal += zeroBytes(left[leftOffset + w] ^ right[rightOffset + w]);
    }
    return Math.max(0, ((double) equal / positions - CHANCE) / (1 - CHANCE));
  }

  /** Whether a pair of sets of these sizes, with this estimate, can still be a copy. */
  boolean keep(double estimate, int leftSize, int rightSize) {
    int small = Math.min(leftSize, rightSize);
    int large = Math.max(leftSize, rightSize);
    double contained = minContainment * small / Math.max(1.0, small + large - minContainment * small);
    double needed = Math.min(minJaccard, contained);
    return estimate >= needed - STANDARD_ERRORS * Math.sqrt(needed * (1 - needed) / positions);
  }

  /** Number of zero bytes in a long, exactly (no carries between bytes). */
  static int zeroBytes(long x) {
    long y = (x & LOW_SEVEN) + LOW_SEVEN;
    return Long.bitCount(~(y | x | LOW_SEVEN));
  }
}
