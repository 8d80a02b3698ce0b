package org.presslens.dedup.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterScoresTest {
  @Test
  void perfectClusteringScoresOne() {
    Map<String, String> truth = Map.of("a", "1", "b", "1", "c", "2", "d", "3");
    ClusterScores s = ClusterScores.of(truth, Map.of("a", "x", "b", "x", "c", "y", "d", "z"));
    assertThat(s.ari()).isEqualTo(1.0);
    assertThat(s.precision()).isEqualTo(1.0);
    assertThat(s.recall()).isEqualTo(1.0);
  }

  @Test
  void matchesHandComputedValues() {
    // truth {a,b,c} {d,e}; predicted {a,b} {c,d,e}
    Map<String, String> truth = Map.of("a", "1", "b", "1", "c", "1", "d", "2", "e", "2");
    Map<String, String> predicted = Map.of("a", "x", "b", "x", "c", "y", "d", "y", "e", "y");
    ClusterScores s = ClusterScores.of(truth, predicted);
    // true pairs 3+1=4, predicted 1+3=4, correct: ab, de = 2
    assertThat(s.truePairs()).isEqualTo(4);
    assertThat(s.predictedPairs()).isEqualTo(4);
    assertThat(s.correctPairs()).isEqualTo(2);
    // ARI = (2 - 4*4/10) / (4 - 1.6) = 0.4 / 2.4
    assertThat(s.ari()).isCloseTo(0.4 / 2.4, within(1e-12));
    assertThat(s.f1()).isEqualTo(0.5);
  }

  @Test
  void perKindScoresSeeOnlyPairsOfThatKind() {
    Map<String, String> truth = Map.of("o", "o", "t", "o", "n", "n"); // clusters are named after their original
    Map<String, String> predicted = Map.of("o", "x", "t", "y", "n", "x");
    Map<String, String> kinds = Map.of("o", "original", "t", "trim", "n", "basil");
    List<ClusterScores.KindScore> scores = ClusterScores.byKind(truth, predicted, kinds, List.of("original", "trim", "basil"));
    assertThat(scores.get(1).recall()).isEqualTo(0.0);
    assertThat(scores.get(2).wrongPairs()).isEqualTo(1);
    assertThat(scores.get(0).precision()).isEqualTo(0.0);
  }
}
