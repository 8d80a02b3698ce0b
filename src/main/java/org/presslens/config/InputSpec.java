package org.presslens.config;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** One input archive: where it is, how it is laid out, and which source field means what. */
public record InputSpec(
    @JsonPropertyDescription("Input name, prefixed to source ids (default: the last directory or file name of the first path)")
    String name,
    @JsonPropertyDescription("Files, directories (read recursively) or globs; local paths or Hadoop URIs")
    List<String> paths,
    @JsonPropertyDescription("auto, text, jsonl, json, csv or parquet; auto decides per file from its extension (see docs/ingest.md)")
    String format,
    @JsonPropertyDescription("Which source field holds id, outlet, date, title, text and url (null: the common names listed in docs/ingest.md)")
    FieldMapping fields,
    @JsonPropertyDescription("Text inputs: CSV with a file column and metadata columns named as in fields (default outlet, url, date, title); file is the path below the input path, a path ending with it, or a bare file name")
    String manifest,
    @JsonPropertyDescription("Text inputs: take the outlet from this directory level below the input path (1 = first level, -1 = the file's parent; 0 = off)")
    Integer outletDirLevel,
    @JsonPropertyDescription("Outlet for every record of this input when the source names none")
    String outlet,
    @JsonPropertyDescription("CSV inputs: field delimiter")
    String csvDelimiter,
    @JsonPropertyDescription("Order of numeric dates such as 2/7/12: MDY or DMY")
    String dateOrder,
    @JsonPropertyDescription("Earliest plausible publication date for this archive (ISO date; earlier dates become null with date_status out_of_range)")
    String datesFrom,
    @JsonPropertyDescription("Latest plausible publication date for this archive (ISO date; later dates become null with date_status out_of_range)")
    String datesTo) {

  public InputSpec {
    paths = paths == null ? List.of() : List.copyOf(paths);
    format = format == null ? "auto" : format.trim().toLowerCase(java.util.Locale.ROOT);
    fields = fields == null ? new FieldMapping(null, null, null, null, null, null) : fields;
    outletDirLevel = outletDirLevel == null ? 0 : outletDirLevel;
    csvDelimiter = csvDelimiter == null ? "," : csvDelimiter;
    dateOrder = dateOrder == null ? "MDY" : dateOrder.trim().toUpperCase(java.util.Locale.ROOT);
  }

  /** An input with defaults for everything but its paths and format (what {@code --input} builds). */
  public static InputSpec of(List<String> paths, String format) {
    return new InputSpec(null, paths, format, null, null, null, null, null, null, null, null);
  }

  public InputSpec withName(String newName) {
    return new InputSpec(newName, paths, format, fields, manifest, outletDirLevel, outlet, csvDelimiter,
        dateOrder, datesFrom, datesTo);
  }
}
