package org.presslens.config;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The rejects table and when rejects fail the run. */
public record RejectSettings(
    @JsonPropertyDescription("Raw payload kept per reject, in characters (longer payloads are cut and flagged)")
    Integer maxPayloadChars,
    @JsonPropertyDescription("The run fails when more than this share of read records is rejected (1.0 = never)")
    Double maxRatio) {

  public RejectSettings {
    maxPayloadChars = maxPayloadChars == null ? 4096 : maxPayloadChars;
    maxRatio = maxRatio == null ? 0.5 : maxRatio;
  }
}
