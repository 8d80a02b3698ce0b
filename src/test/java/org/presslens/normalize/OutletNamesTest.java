package org.presslens.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OutletNamesTest {
  private final Map<String, String> aliases = OutletNames.keyedAliases(Map.of(
      "Fox News (Online)", "Fox News", "Fox Online News", "Fox News", "fox", "Fox News"));

  @Test
  void keyIsTrimmedCaseFoldedAndSingleSpaced() {
    assertThat(OutletNames.key("  NORTHWIND   Wire ")).isEqualTo("northwind wire");
    assertThat(OutletNames.key("Ｆｏｘ")).isEqualTo("fox");
    assertThat(OutletNames.key("  ")).isNull();
    assertThat(OutletNames.key(null)).isNull();
  }

  @Test
  void aliasesMapVariantsToOneCanonicalKey() {
    assertThat(OutletNames.canonical("Fox News (Online)", aliases)).isEqualTo("fox news");
    assertThat(OutletNames.canonical("FOX ONLINE NEWS", aliases)).isEqualTo("fox news");
    assertThat(OutletNames.canonical("FOX", aliases)).isEqualTo("fox news");
    assertThat(OutletNames.canonical("Fox News", aliases)).isEqualTo("fox news");
  }

  @Test
  void unknownNamesKeepTheirKeyAndAreNotMergedWithSimilarOnes() {
    assertThat(OutletNames.canonical("Fox News Opinion", aliases)).isEqualTo("fox news opinion");
  }
}
