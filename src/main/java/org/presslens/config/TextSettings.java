package org.presslens.config;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Text cleaning and length limits. */
public record TextSettings(
    @JsonPropertyDescription("Articles with fewer words after cleaning are rejected (too_short)")
    Integer minWords,
    @JsonPropertyDescription("Articles with more characters after cleaning are rejected (too_long)")
    Integer maxChars,
    @JsonPropertyDescription("Text inputs: the first paragraph is taken as the title only if it has at most this many words and does not end like a sentence")
    Integer titleMaxWords,
    @JsonPropertyDescription("Lines at the top of the body that repeat the title are dropped when among the first N lines")
    Integer titleScanLines) {

  public TextSettings {
    minWords = minWords == null ? 20 : minWords;
    maxChars = maxChars == null ? 500_000 : maxChars;
    titleMaxWords = titleMaxWords == null ? 20 : titleMaxWords;
    titleScanLines = titleScanLines == null ? 5 : titleScanLines;
  }
}
