package org.presslens.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VerifyPairsTest {
  @Test
  void nearWhenJaccardReachesTheThreshold() {
    assertThat(VerifyPairs.relation(new SetSimilarity(100, 150, 150), 0.5, 0.8, 50)).isEqualTo("near"); // 0.5
    assertThat(VerifyPairs.relation(new SetSimilarity(99, 150, 150), 0.5, 0.8, 50)).isNull(); // 0.497, c=0.66
  }

  @Test
  void containedWhenTheShorterTextIsMostlyInsideTheLongerOne() {
    SetSimilarity cut = new SetSimilarity(100, 100, 330); // a third of the original, all of it inside
    assertThat(cut.jaccard()).isLessThan(0.5);
    assertThat(VerifyPairs.relation(cut, 0.5, 0.8, 50)).isEqualTo("contained");
    assertThat(VerifyPairs.relation(new SetSimilarity(79, 100, 330), 0.5, 0.8, 50)).isNull();
  }

  @Test
  void aTinyTextIsNeverContained() {
    assertThat(VerifyPairs.relation(new SetSimilarity(20, 20, 600), 0.5, 0.8, 50)).isNull();
    assertThat(VerifyPairs.relation(new SetSimilarity(20, 20, 600), 0.5, 0.8, 20)).isEqualTo("contained");
  }

  @Test
  void sameEventDifferentWordingIsNotADuplicate() {
    assertThat(VerifyPairs.relation(new SetSimilarity(30, 600, 650), 0.5, 0.8, 50)).isNull();
  }
}
