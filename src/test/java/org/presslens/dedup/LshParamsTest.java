package org.presslens.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LshParamsTest {
  @Test
  void choosesBandsAndRowsWhoseSCurveCrossesNearTheThreshold() {
    for (double t : new double[] {0.3, 0.5, 0.7, 0.8}) {
      LshParams p = LshParams.optimal(t, 128, 0.5, 0.5);
      assertThat(p.bands() * p.rows()).isLessThanOrEqualTo(128);
      assertThat(p.candidateProbability(Math.min(1, t + 0.2))).as("t=" + t + " " + p).isGreaterThan(0.9);
      assertThat(p.candidateProbability(Math.max(0, t - 0.2))).as("t=" + t + " " + p).isLessThan(0.35);
    }
  }

  @Test
  void agreesWithDatasketchsRule() {
    // datasketch's _optimal_param with equal weights, re-computed independently (Python, trapezoid rule)
    assertThat(LshParams.optimal(0.3, 128, 0.5, 0.5)).isEqualTo(new LshParams(37, 3));
    assertThat(LshParams.optimal(0.5, 128, 0.5, 0.5)).isEqualTo(new LshParams(25, 5));
    assertThat(LshParams.optimal(0.7, 128, 0.5, 0.5)).isEqualTo(new LshParams(14, 9));
    assertThat(LshParams.optimal(0.8, 128, 0.5, 0.5)).isEqualTo(new LshParams(9, 13));
    assertThat(LshParams.optimal(0.9, 128, 0.5, 0.5)).isEqualTo(new LshParams(5, 25));
  }

  @Test
  void weightingFalseNegativesMoreGivesMoreBands() {
    LshParams balanced = LshParams.optimal(0.5, 128, 0.5, 0.5);
    LshParams recall = LshParams.optimal(0.5, 128, 0.1, 0.9);
    assertThat(recall.candidateProbability(0.5)).isGreaterThan(balanced.candidateProbability(0.5));
  }

  @Test
  void bandingFindsPlantedPairsAtTheRateTheSCurvePredicts() {
    LshParams p = LshParams.optimal(0.3, 128, 0.5, 0.5);
    MinHasher hasher = new MinHasher(128, 42);
    SplittableRandom random = new SplittableRandom(3);
    int trials = 300;
    for (int common : new int[] {40, 230, 400}) { // Jaccard 0.04, 0.30, 0.67 on sets of 500
      int hits = 0;
      for (int trial = 0; trial < trials; trial++) {
        int[][] pair = MinHashTest.plantedPair(random, 500, common);
        if (shareABand(hasher.signature(pair[0]), hasher.signature(pair[1]), p)) {
          hits++;
        }
      }
      double s = common / (1000.0 - common);
      double expected = p.candidateProbability(s);
      double sd = Math.sqrt(expected * (1 - expected) / trials);
      assertThat((double) hits / trials).as("s=%.2f %s", s, p).isBetween(expected - 4 * sd - 0.03, expected + 4 * sd + 0.03);
    }
  }

  static boolean shareABand(int[] left, int[] right, LshParams p) {
    for (int band = 0; band < p.bands(); band++) {
      boolean equal = true;
      for (int row = 0; row < p.rows() && equal; row++) {
        equal = left[band * p.rows() + row] == right[band * p.rows() + row];
      }
      if (equal) {
        return true;
      }
    }
    return false;
  }
}
