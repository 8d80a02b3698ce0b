package org.presslens.ingest;

import java.io.Serializable;

/**
 * Everything a reader needs to know about one file: plain values only, so it travels to executors.
 * {@code manifest*} fields carry per-file metadata from a text input's manifest (null when none).
 */
public record FileContext(
    String inputName,
    String path,
    String relativePath,
    long bytes,
    Format format,
    ReadOptions options,
    String manifestOutlet,
    String manifestUrl,
    String manifestDate,
    String manifestTitle) implements Serializable {}
