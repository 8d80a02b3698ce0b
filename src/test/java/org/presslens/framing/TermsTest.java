package org.presslens.framing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TermsTest {
  @Test
  void wordsAndBigramsWithinPhrasesWithoutStopWords() {
    Map<String, Integer> counts = Terms.counts(Terms.tokens(
        "The Syrian regime's forces shelled Homs, U.S. officials said. The regime denied it."));
    assertThat(counts).containsEntry("regime", 2).containsEntry("syrian regime", 1)
        .containsEntry("regime forces", 1).containsEntry("u.s. officials", 1).containsEntry("shelled homs", 1)
        .containsEntry("regime denied", 1);
    assertThat(counts).doesNotContainKeys("the", "said", "homs u.s.", "officials said", "the regime", "it");
  }

  @Test
  void numbersAndSingleLettersAreNotTerms() {
    assertThat(Terms.counts(Terms.tokens("In 2012 a 50 km convoy"))).containsOnlyKeys("km", "convoy", "km convoy");
  }

  @Test
  void labelsMatchTheirInflectionsAndTheLongestCueWins() {
    PhraseMatcher m = new PhraseMatcher(Map.of("rebels", List.of("rebels"), "war", List.of("war"),
        "civil war", List.of("civil war"), "authorities", List.of("authorities")), true);
    List<PhraseMatcher.Match> found = m.find(Terms.tokens("A rebel said the civil war and the war hurt authority."));
    assertThat(found).extracting(PhraseMatcher.Match::key).containsExactly("rebels", "civil war", "war",
        "authorities");
  }

  @Test
  void prefixCuesMatchWordsTheyStart() {
    PhraseMatcher m = new PhraseMatcher(Map.of("economic", List.of("econom*", "trade deficit")), false);
    assertThat(m.find(Terms.tokens("Economists fear the economy and the trade deficit, not economics."))).hasSize(4);
  }

  @Test
  void anOutletsOwnNameAndBrandAreNoTerms() {
    String text = "Shelling resumed, Vardo Times reported. Source VTWorld and agencies. Follow VT World on air.";
    assertThat(Terms.counts(Terms.withoutName(Terms.tokens(text), text, "vardotimes")))
        .doesNotContainKeys("vardo", "times", "vardo times").containsKeys("shelling", "vtworld");
    assertThat(Terms.counts(Terms.withoutName(Terms.tokens(text), text, "vt")))
        .as("names under 3 letters are left alone").containsKeys("vt", "vtworld");
    Map<String, Integer> brand = Terms.counts(Terms.withoutName(Terms.tokens(text), text, "vtw"));
    assertThat(brand).as("'VTWorld' and 'VT World' spell the brand").doesNotContainKeys("vtworld", "vt", "world")
        .containsKeys("agencies", "shelling", "vardo times");
    String reuters = "Reporting by Ana Lind; Editing by Tom Ray Our Standards: The Marlow Wire Trust Principles.";
    assertThat(Terms.counts(Terms.withoutName(Terms.tokens(reuters), reuters, "wire")))
        .doesNotContainKeys("marlow", "wire", "trust", "principles").containsKeys("reporting", "standards");
  }
}
