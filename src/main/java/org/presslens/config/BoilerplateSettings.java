package org.presslens.config;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Per-outlet boilerplate learning. A line is boilerplate when both thresholds hold. */
public record BoilerplateSettings(
    @JsonPropertyDescription("Learn recurring lines per outlet and remove them from article text")
    Boolean enabled,
    @JsonPropertyDescription("A line must recur in at least this many articles of one outlet with different titles (never below 2)")
    Integer minArticles,
    @JsonPropertyDescription("... and in at least this share of the outlet's articles")
    Double minShare) {

  public BoilerplateSettings {
    enabled = enabled == null ? Boolean.TRUE : enabled;
    minArticles = minArticles == null ? 5 : minArticles;
    minShare = minShare == null ? 0.01 : minShare;
  }
}
