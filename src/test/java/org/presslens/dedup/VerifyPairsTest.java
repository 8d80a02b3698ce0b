package org.presslens.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class VerifyPairsTest {
  private static final VerifyPairs.Rule RULE = new VerifyPairs.Rule(0.5, 0.8, 0.67, 0.15, 50, 0.08);

  @Test
  void nearWhenJaccardReachesTheThreshold() {
    assertThat(RULE.relation(new SetSimilarity(100, 150, 150), false)).isEqualTo("near"); // 0.5
    assertThat(RULE.relation(new SetSimilarity(99, 150, 150), false)).isNull(); // 0.497, c=0.66
  }

  @Test
  void containedWhenTheShorterTextIsMostlyInsideTheLongerOne() {
    SetSimilarity cut = new SetSimilarity(100, 100, 330); // a third of the original, all of it inside
    assertThat(cut.jaccard()).isLessThan(0.5);
    assertThat(RULE.relation(cut, false)).isEqualTo("contained");
    SetSimilarity brief = new SetSimilarity(100, 100, 1000); // a brief: a tenth, all inside
    assertThat(RULE.relation(brief, false)).isEqualTo("contained");
    assertThat(RULE.relation(new SetSimilarity(79, 100, 330), false)).isNull();
  }

  @Test
  void aScannedCopyNeedsLessContainmentButSomeJaccard() {
    SetSimilarity scannedCut = new SetSimilarity(72, 100, 330); // c=0.72, j=0.20: a scanned copy cut to a third
    assertThat(RULE.relation(scannedCut, true)).isEqualTo("contained");
    assertThat(RULE.relation(scannedCut, false)).as("two clean texts need the full containment").isNull();
    // 70% of a short page's shingles inside a page seven times longer: a passage, not a copy
    assertThat(RULE.relation(new SetSimilarity(70, 100, 700), true)).isNull();
    assertThat(RULE.relation(new SetSimilarity(66, 100, 200), true)).isNull(); // c=0.66
  }

  @Test
  void aTextIsNoisyWhenManyOfItsWordsAreUnknown() {
    Sketch clean = sketch("a", "x", IntStream.range(0, 10));
    Sketch scanned = sketch("b", "y", IntStream.range(0, 10));
    clean.noise = 0.02f;
    scanned.noise = 0.2f;
    assertThat(RULE.noisy(clean, scanned)).isTrue();
    assertThat(RULE.noisy(clean, clean)).isFalse();
  }

  @Test
  void aTinyTextIsNeverContained() {
    assertThat(RULE.relation(new SetSimilarity(20, 20, 600), false)).isNull();
    assertThat(new VerifyPairs.Rule(0.5, 0.8, 0.67, 0.15, 20, 0.08).relation(new SetSimilarity(20, 20, 600), false))
        .isEqualTo("contained");
  }

  @Test
  void sameEventDifferentWordingIsNotADuplicate() {
    assertThat(RULE.relation(new SetSimilarity(30, 600, 650), false)).isNull();
  }

  private static Sketch sketch(String id, String outlet, IntStream shingles) {
    Sketch s = new Sketch();
    s.id = id;
    s.key = Sketch.key(id);
    s.outlet = outlet;
    s.shingles = shingles.sorted().distinct().toArray();
    s.shingleCount = s.shingles.length;
    return s;
  }

  @Test
  void twoArticlesOfOneOutletAreJudgedWithoutItsTemplate() {
    // 300 shingles of template (a photo gallery), then each article's own 100
    Templates templates = new Templates(Map.of("cnn", IntStream.range(0, 300).toArray()));
    Sketch a = sketch("a", "cnn", IntStream.concat(IntStream.range(0, 300), IntStream.range(1000, 1100)));
    Sketch b = sketch("b", "cnn", IntStream.concat(IntStream.range(0, 300), IntStream.range(2000, 2100)));
    VerifyPairs plain = new VerifyPairs(null, RULE, Templates.NONE, "test");
    VerifyPairs withTemplates = plain.withTemplates(templates);
    assertThat(plain.relation(plain.judge(a, b))).isEqualTo("near"); // 300 of 500 shared
    VerifyPairs.Judgement judged = withTemplates.judge(a, b);
    assertThat(judged.templateShingles()).isEqualTo(300);
    assertThat(judged.similarity().intersection()).isZero();
    assertThat(withTemplates.relation(judged)).isNull();

    // another outlet's copy of the same page keeps the template: it is a copy of the page
    Sketch copy = sketch("c", "mirror", IntStream.concat(IntStream.range(0, 300), IntStream.range(1000, 1100)));
    assertThat(withTemplates.judge(a, copy).templateShingles()).isZero();
    assertThat(withTemplates.relation(withTemplates.judge(a, copy))).isEqualTo("near");
  }

  @Test
  void aStoryRepeatedInsideOneOutletStillLinks() {
    // the outlet ran the same story three times: its shingles are all "template", so the pair is judged whole
    Templates templates = new Templates(Map.of("post", IntStream.range(0, 400).toArray()));
    VerifyPairs verifier = new VerifyPairs(null, RULE, templates, "test");
    Sketch a = sketch("a", "post", IntStream.range(0, 400));
    Sketch b = sketch("b", "post", IntStream.concat(IntStream.range(0, 400), IntStream.range(5000, 5010)));
    VerifyPairs.Judgement judged = verifier.judge(a, b);
    assertThat(judged.templateShingles()).isZero();
    assertThat(verifier.relation(judged)).isEqualTo("near");
  }
}
