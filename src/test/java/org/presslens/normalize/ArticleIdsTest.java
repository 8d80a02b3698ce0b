package org.presslens.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArticleIdsTest {
  @Test
  void sourceIdIsPrefixedByInputName() {
    assertThat(ArticleIds.of("allsides", " 004Gt3gcsotuiYmz ", "cnn", "t", "x")).isEqualTo("allsides:004Gt3gcsotuiYmz");
  }

  @Test
  void withoutSourceIdTheContentHashIsStableAndContentSensitive() {
    String a = ArticleIds.of("wire", null, "reuters", "Title", "Body text");
    assertThat(a).matches("wire:h[0-9a-f]{16}");
    assertThat(ArticleIds.of("wire", "", "reuters", "Title", "Body text")).isEqualTo(a);
    assertThat(ArticleIds.of("wire", null, "reuters", "Title", "Body text!")).isNotEqualTo(a);
    assertThat(ArticleIds.of("wire", null, "ap", "Title", "Body text")).isNotEqualTo(a);
  }

  @Test
  void placeholderIdsFallBackToTheContentHash() {
    String empty = ArticleIds.of("basil", "empty", "huffpost", "A", "Text one");
    assertThat(empty).matches("basil:h[0-9a-f]{16}");
    assertThat(ArticleIds.of("basil", "EMPTY", "huffpost", "B", "Text two")).isNotEqualTo(empty);
    assertThat(ArticleIds.of("basil", "N/A", "huffpost", "A", "Text one")).isEqualTo(empty);
  }

  @Test
  void sha256HexMatchesAKnownVector() {
    assertThat(ArticleIds.sha256Hex("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
