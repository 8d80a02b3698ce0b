package org.presslens.config;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/**
 * The whole job configuration: one immutable tree bound from a YAML job file, then overridden from the
 * command line. Every key has a default (filled in by the compact constructors) and a description
 * (the {@link JsonPropertyDescription} annotations, which {@link ConfigReference} turns into the README table).
 */
public record JobConfig(
    @JsonPropertyDescription("Input archives to read; each has paths, a format and a field mapping (see inputs[].*)")
    List<InputSpec> inputs,
    @JsonPropertyDescription("Output directory (local path or any Hadoop URI); tables are replaced atomically per run")
    String output,
    @JsonPropertyDescription("Text cleaning and length limits")
    TextSettings text,
    @JsonPropertyDescription("Boilerplate lines learnt per outlet from the corpus")
    BoilerplateSettings boilerplate,
    @JsonPropertyDescription("Date validity rules")
    DateSettings dates,
    @JsonPropertyDescription("Outlet name normalisation")
    OutletSettings outlets,
    @JsonPropertyDescription("Near-duplicate detection")
    DedupSettings dedup,
    @JsonPropertyDescription("Named entities and name resolution")
    EntitySettings entities,
    @JsonPropertyDescription("Entity co-occurrence statistics")
    CooccurrenceSettings cooccurrence,
    @JsonPropertyDescription("Per-outlet framing statistics")
    FramingSettings framing,
    @JsonPropertyDescription("Rejects table and reject-ratio guard")
    RejectSettings rejects,
    @JsonPropertyDescription("Spark session settings")
    SparkSettings spark,
    @JsonPropertyDescription("Incremental (nightly) runs over new input batches")
    IncrementalSettings incremental) {

  public JobConfig {
    inputs = inputs == null ? List.of() : List.copyOf(inputs);
    text = text == null ? new TextSettings(null, null, null, null) : text;
    boilerplate = boilerplate == null ? new BoilerplateSettings(null, null, null, null) : boilerplate;
    dates = dates == null ? new DateSettings(null, null) : dates;
    outlets = outlets == null ? new OutletSettings(null) : outlets;
    dedup = dedup == null ? DedupSettings.defaults() : dedup;
    entities = entities == null ? new EntitySettings(null, null) : entities;
    cooccurrence = cooccurrence == null ? new CooccurrenceSettings(null, null, null, null, null) : cooccurrence;
    framing = framing == null ? FramingSettings.defaults() : framing;
    rejects = rejects == null ? new RejectSettings(null, null) : rejects;
    spark = spark == null ? new SparkSettings(null, null, null, null) : spark;
    incremental = incremental == null ? new IncrementalSettings(null, null) : incremental;
  }

  /** The same configuration with other incremental settings (a run records the batch id it resolved). */
  public JobConfig withIncremental(IncrementalSettings settings) {
    return new JobConfig(inputs, output, text, boilerplate, dates, outlets, dedup, entities, cooccurrence, framing,
        rejects, spark, settings);
  }

  /** The configuration with every key at its default. */
  public static JobConfig defaults() {
    return new JobConfig(null, null, null, null, null, null, null, null, null, null, null, null, null);
  }
}
