package org.presslens.dedup;

/**
 * Bands and rows for LSH banding. With b bands of r rows, a pair with Jaccard s becomes a candidate with
 * probability P(s) = 1 - (1 - s^r)^b. The chosen (b, r), b·r ≤ permutations, minimises
 * {@code fpWeight · ∫_0^t P(s) ds + fnWeight · ∫_t^1 (1 - P(s)) ds}: the weighted areas of false positives
 * below the threshold t and false negatives above it (the rule of datasketch's MinHashLSH and text-dedup).
 */
public record LshParams(int bands, int rows) implements java.io.Serializable {

  public static LshParams optimal(double threshold, int permutations, double fpWeight, double fnWeight) {
    LshParams best = null;
    double bestError = Double.MAX_VALUE;
    for (int b = 1; b <= permutations; b++) {
      for (int r = 1; b * r <= permutations; r++) {
        double error = fpWeight * falsePositiveArea(threshold, b, r) + fnWeight * falseNegativeArea(threshold, b, r);
        if (error < bestError - 1e-12) {
          bestError = error;
          best = new LshParams(b, r);
        }
      }
    }
    return best;
  }

  /** Probability that a pair with Jaccard similarity s shares at least one band. */
  public double candidateProbability(double s) {
    return 1 - Math.pow(1 - Math.pow(s, rows), bands);
  }

  static double falsePositiveArea(double t, int b, int r) {
    return integrate(s -> 1 - Math.pow(1 - Math.pow(s, r), b), 0, t);
  }

  static double falseNegativeArea(double t, int b, int r) {
    return integrate(s -> Math.pow(1 - Math.pow(s, r), b), t, 1);
  }

  /** Composite Simpson's rule; the integrands are smooth polynomials in s. */
  private static double integrate(java.util.function.DoubleUnaryOperator f, double from, double to) {
    int steps = 200;
    double h = (to - from) / steps;
    double sum = f.applyAsDouble(from) + f.applyAsDouble(to);
    for (int i = 1; i < steps; i++) {
      sum += f.applyAsDouble(from + i * h) * (i % 2 == 1 ? 4 : 2);
    }
    return sum * h / 3;
  }
}
