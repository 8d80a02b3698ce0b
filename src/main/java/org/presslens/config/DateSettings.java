package org.presslens.config;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Which parsed dates are plausible. Implausible ones become null with a status, never a wrong date. */
public record DateSettings(
    @JsonPropertyDescription("Earliest accepted publication date (ISO date) for every input")
    String min,
    @JsonPropertyDescription("Dates more than this many days after the run date are flagged future")
    Integer maxDaysAhead) {

  public DateSettings {
    min = min == null ? "1700-01-01" : min;
    maxDaysAhead = maxDaysAhead == null ? 1 : maxDaysAhead;
  }
}
