package org.presslens.ingest;

import java.util.Locale;

/** Why a record was rejected. The codes are the values of rejects.reason (documented in docs/tables.md). */
public enum RejectReason {
  /** A JSON line or element that does not parse, or is not a JSON object. */
  MALFORMED_JSON,
  /** A CSV record with the wrong number of fields, a stray quote, or an unterminated quoted field. */
  BAD_CSV_ROW,
  /** Bytes that are not valid UTF-8. */
  INVALID_UTF8,
  /** No text field in the record. */
  MISSING_TEXT,
  /** A text field that is empty after cleaning (or after boilerplate removal). */
  EMPTY_TEXT,
  /** Fewer words than text.min_words. */
  TOO_SHORT,
  /** More characters than text.max_chars, or a physical record larger than the reader's limit. */
  TOO_LONG,
  /** A file that cannot be opened or is not in the format it claims (e.g. not gzip). */
  UNREADABLE_FILE,
  /** A file that ends early or is corrupt after its readable part: the rest of it. */
  TRUNCATED_FILE,
  /** A second record with an article_id already taken by an earlier record (by file, then position). */
  DUPLICATE_ID;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
