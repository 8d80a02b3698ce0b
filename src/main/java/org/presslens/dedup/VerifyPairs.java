package org.presslens.dedup;

import java.io.Serializable;

/**
 * Executor side: exact Jaccard and containment of a candidate pair from its two shingle sets, the MinHash
 * estimate, and the relation (near, contained, or null when the pair is not a duplicate).
 */
final class VerifyPairs implements Serializable {
  private static final long serialVersionUID = 1L;
  private final Bands bands;
  private final double threshold;
  private final double containment;
  private final int minContainedShingles;

  VerifyPairs(Bands bands, double threshold, double containment, int minContainedShingles) {
    this.bands = bands;
    this.threshold = threshold;
    this.containment = containment;
    this.minContainedShingles = minContainedShingles;
  }

  Bands bands() {
    return bands;
  }

  Pair verify(Sketch a, Sketch b) {
    SetSimilarity s = SetSimilarity.of(a.shingles, b.shingles);
    double estimate = MinHasher.estimate(bands.signature(a.shingles), bands.signature(b.shingles));
    return Pair.of(a, b, relation(s), s.jaccard(), s.containment(), estimate);
  }

  String relation(SetSimilarity s) {
    return relation(s, threshold, containment, minContainedShingles);
  }

  static String relation(SetSimilarity s, double threshold, double containment, int minContainedShingles) {
    if (s.jaccard() >= threshold) {
      return "near";
    }
    if (s.containment() >= containment && Math.min(s.leftSize(), s.rightSize()) >= minContainedShingles) {
      return "contained";
    }
    return null;
  }
}
