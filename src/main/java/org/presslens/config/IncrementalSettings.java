package org.presslens.config;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Incremental (nightly) runs: only a new input batch is read and the output is updated by batch. */
public record IncrementalSettings(
    @JsonPropertyDescription("Read only this run's input as a new batch and update the output by batch, "
        + "deduplicating the whole archive again (see docs/incremental.md); false: a full run that replaces "
        + "the output")
    Boolean enabled,
    @JsonPropertyDescription("The batch id of an incremental run ([A-Za-z0-9_.-]+; empty: the run's UTC date, "
        + "yyyy-MM-dd). Re-running a batch id replaces that batch")
    String batch) {

  public IncrementalSettings {
    enabled = enabled != null && enabled;
    batch = batch == null ? "" : batch;
  }
}
