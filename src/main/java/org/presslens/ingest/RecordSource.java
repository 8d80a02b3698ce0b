package org.presslens.ingest;

import java.io.Closeable;
import java.io.IOException;

/**
 * Pulls records from one open file, one at a time. A reader never throws for bad content: it returns a
 * reject record instead, and after an unrecoverable error (truncated stream) it returns one reject for the
 * rest of the file and then null.
 */
interface RecordSource extends Closeable {
  /** The next record or reject, or null when the file is exhausted. */
  SourceRecord next() throws IOException;
}
