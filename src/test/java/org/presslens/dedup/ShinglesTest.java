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
}
