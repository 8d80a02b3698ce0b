package org.presslens.config;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Entity co-occurrence statistics. */
public record CooccurrenceSettings(
    @JsonPropertyDescription("Compute the cooccurrence table (runs only with entities.enabled)")
    Boolean enabled,
    @JsonPropertyDescription("Windows, comma-separated among sentence and document: a pair counts once per window that mentions both")
    String windows,
    @JsonPropertyDescription("Period of the period scopes: day, week (starting Monday) or month")
    String period,
    @JsonPropertyDescription("Pairs in fewer windows than this (within their scope) are left out")
    Integer minPairCount,
    @JsonPropertyDescription("Pairs seen in fewer distinct outlets than this (within their scope) are left out")
    Integer minOutlets) {

  public CooccurrenceSettings {
    enabled = enabled == null ? Boolean.TRUE : enabled;
    windows = windows == null ? "sentence,document" : windows;
    period = period == null ? "month" : period;
    minPairCount = minPairCount == null ? 2 : minPairCount;
    minOutlets = minOutlets == null ? 1 : minOutlets;
  }
}
