package org.presslens.ingest;

import java.io.Serializable;
import java.util.List;

/** Per-input reading options resolved from the config: plain, serialisable values. */
public record ReadOptions(
    List<String> idFields,
    List<String> outletFields,
    List<String> dateFields,
    List<String> titleFields,
    List<String> textFields,
    List<String> urlFields,
    char csvDelimiter,
    int outletDirLevel,
    String fixedOutlet,
    int maxRecordBytes,
    int maxPayloadChars) implements Serializable {

  /** Physical records (a line, a CSV record, a text file) larger than this are rejected unread. */
  public static final int DEFAULT_MAX_RECORD_BYTES = 16 * 1024 * 1024;
}
