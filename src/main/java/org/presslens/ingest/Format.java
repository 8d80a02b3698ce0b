package org.presslens.ingest;

import java.util.Locale;

/** Physical input formats. */
public enum Format {
  TEXT, JSONL, JSON, CSV, PARQUET;

  private static final String[] COMPRESSION = {".gz", ".bz2", ".deflate", ".zst", ".lz4", ".snappy"};

  public static Format parse(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }

  /** The format of one file when the input says "auto": by extension (after any compression suffix). */
  public static Format fromFileName(String fileName) {
    String name = stripCompression(fileName.toLowerCase(Locale.ROOT));
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      return JSONL;
    }
    if (name.endsWith(".json")) {
      return JSON;
    }
    if (name.endsWith(".csv") || name.endsWith(".tsv")) {
      return CSV;
    }
    if (name.endsWith(".parquet") || name.endsWith(".parq")) {
      return PARQUET;
    }
    return TEXT;
  }

  public static String stripCompression(String fileName) {
    for (String suffix : COMPRESSION) {
      if (fileName.endsWith(suffix)) {
        return fileName.substring(0, fileName.length() - suffix.length());
      }
    }
    return fileName;
  }
}
