package org.presslens.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextCleanerTest {
  @Test
  void normalisesToNfcAndRemovesControlAndInvisibleCharacters() {
    String decomposed = "Cafe\u0301\u0007 au\u200B lait\uFEFF";
    assertThat(TextCleaner.clean(decomposed)).isEqualTo("Caf\u00e9 au lait");
  }

  @Test
  void makesEverySpaceAPlainSingleSpace() {
    assertThat(TextCleaner.clean("at\u00A0 least\t50\u2009killed  ")).isEqualTo("at least 50 killed");
  }

  @Test
  void blankLinesSeparateParagraphsAndSingleNewlinesStayInside() {
    String raw = "\r\n  First line\r\nsecond line  \r\n\r\n\r\n\r\nNext paragraph\n\n";
    assertThat(TextCleaner.clean(raw)).isEqualTo("First line\nsecond line\n\nNext paragraph");
  }

  @Test
  void textWithoutBlankLinesHasOneParagraphPerLine() {
    assertThat(TextCleaner.clean("One.\nTwo.\nThree.\n\n")).isEqualTo("One.\n\nTwo.\n\nThree.");
  }

  @Test
  void nullStaysNullAndWhitespaceBecomesEmpty() {
    assertThat(TextCleaner.clean(null)).isNull();
    assertThat(TextCleaner.clean(" \n\t\u00A0\n")).isEmpty();
  }

  @Test
  void countsWordsWithALetterOrDigit() {
    assertThat(TextCleaner.wordCount("Lavrov (is) travelling – to tell Assad, 11 months")).isEqualTo(8);
    assertThat(TextCleaner.wordCount("— … ***")).isZero();
    assertThat(TextCleaner.wordCount(null)).isZero();
  }

  @Test
  void countsParagraphs() {
    assertThat(TextCleaner.paragraphCount("a\n\nb\nc\n\nd")).isEqualTo(3);
    assertThat(TextCleaner.paragraphCount("")).isZero();
  }
}
