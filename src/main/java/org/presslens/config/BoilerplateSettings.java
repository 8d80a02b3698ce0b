package org.presslens.config;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Per-outlet boilerplate learning. A line is boilerplate when both thresholds hold. */
public record BoilerplateSettings(
    @JsonPropertyDescription("Learn recurring lines per outlet and remove them from article text")
    Boolean enabled,
    @JsonPropertyDescription("A line is boilerplate when it recurs in at least this many distinct articles of one outlet (reprints of one story count once; at least 2)")
    Integer minArticles,
    @JsonPropertyDescription("A line is boilerplate only when it also recurs in at least this share of the outlet's distinct articles")
    Double minShare,
    @JsonPropertyDescription("Remove call-to-action lines at the top and bottom of each text (Read more, Share this, Subscribe to ..., Follow us on ..., Support ...!, Leave a comment, Advertisement), which one article alone shows")
    Boolean prompts) {

  public BoilerplateSettings {
    enabled = enabled == null ? Boolean.TRUE : enabled;
    minArticles = minArticles == null ? 5 : minArticles;
    minShare = minShare == null ? 0.01 : minShare;
    prompts = prompts == null ? Boolean.TRUE : prompts;
  }
}
