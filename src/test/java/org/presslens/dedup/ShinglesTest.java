package org.presslens.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShinglesTest {
  @Test
  void wordShinglesIgnoreCasePunctuationAndLayout() {
    int[] a = Shingles.of("The minister, Sergei Lavrov, arrived in Damascus on Tuesday.", Shingles.Kind.WORD, 3);
    int[] b = Shingles.of("the minister\n\nSERGEI LAVROV arrived   in Damascus -- on Tuesday", Shingles.Kind.WORD, 3);
    assertThat(a).hasSize(7).isEqualTo(b); // 9 tokens give 7 word 3-grams
  }

  @Test
  void setsAreSortedAndDistinct() {
    int[] s = Shingles.of("a b a b a b a b", Shingles.Kind.WORD, 2);
    assertThat(s).hasSize(2);
    assertThat(s[0]).isLessThan(s[1]);
  }

  @Test
  void wordOrderMatters() {
    assertThat(Shingles.of("one two three", Shingles.Kind.WORD, 3))
        .isNotEqualTo(Shingles.of("three two one", Shingles.Kind.WORD, 3));
  }

  @Test
  void textsShorterThanOneShingleHaveNone() {
    assertThat(Shingles.of("only four words here", Shingles.Kind.WORD, 5)).isEmpty();
    assertThat(Shingles.of("", Shingles.Kind.CHAR, 5)).isEmpty();
  }

  @Test
  void characterShinglesSurviveBrokenWords() {
    String clean = "the committee approved the harbour expansion after a long debate";
    String ocr = "the comrnittee approved the harb0ur expansion after a long debate";
    SetSimilarity words = SetSimilarity.of(Shingles.of(clean, Shingles.Kind.WORD, 3), Shingles.of(ocr, Shingles.Kind.WORD, 3));
    SetSimilarity chars = SetSimilarity.of(Shingles.of(clean, Shingles.Kind.CHAR, 5), Shingles.of(ocr, Shingles.Kind.CHAR, 5));
    assertThat(chars.jaccard()).isGreaterThan(0.6).isGreaterThan(words.jaccard());
  }

  @Test
  void foldedShinglesSurviveScanningErrors() {
    String clean = "The committee approved the harbour expansion after a long debate on Monday evening.";
    // run-together words, a hyphenated line break, punctuation inside a word and rn/m, 0/o, 1/l confusions
    String scanned = "The comrnittee approved theharbour ex-\npansion after a lo'ng debate 0n Monday eve-\nning.";
    int[] a = Shingles.of(clean, Shingles.Kind.FOLDED, 7);
    int[] b = Shingles.of(scanned, Shingles.Kind.FOLDED, 7);
    assertThat(b).isEqualTo(a);
    SetSimilarity chars = SetSimilarity.of(Shingles.of(clean, Shingles.Kind.CHAR, 7),
        Shingles.of(scanned, Shingles.Kind.CHAR, 7));
    assertThat(chars.jaccard()).isLessThan(0.6);
  }

  @Test
  void foldedShinglesStillTellDifferentTextsApart() {
    SetSimilarity s = SetSimilarity.of(
        Shingles.of("The committee approved the harbour expansion after a long debate.", Shingles.Kind.FOLDED, 7),
        Shingles.of("The council rejected the airport extension after a short meeting.", Shingles.Kind.FOLDED, 7));
    assertThat(s.jaccard()).isLessThan(0.1); // "after a" and "the" are shared
  }

  @Test
  void samplingKeepsTheSameShinglesInEveryText() {
    String text = "Sergei Lavrov arrived in Damascus on Tuesday for talks with President Bashar al-Assad.";
    int[] all = Shingles.of(text, Shingles.Kind.FOLDED, 7, 1);
    int[] sampled = Shingles.of(text, Shingles.Kind.FOLDED, 7, 4);
    assertThat(all).contains(sampled);
    // the same text again with a different sentence around it keeps the same sample of the shared part
    int[] longer = Shingles.of("In other news: " + text, Shingles.Kind.FOLDED, 7, 4);
    assertThat(longer).contains(sampled);
    // a quarter of the shingles, give or take
    assertThat(sampled.length).isBetween(all.length / 8, all.length / 2);
  }
}
