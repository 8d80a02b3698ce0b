package org.presslens.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines ({@code \n}, with a trailing {@code \r} dropped) without decoding, so that
 * each line can be checked for valid UTF-8 on its own. Lines longer than the limit are skipped to their end
 * and returned cut, flagged as oversized. IO errors (a truncated gzip stream) propagate to the caller.
 */
final class LineReader {
  /** One physical line. {@code bytes} holds at most the limit; {@code oversized} says it was cut. */
  record Line(byte[] bytes, long number, boolean oversized) {}

  private final InputStream in;
  private final int maxBytes;
  private final byte[] chunk = new byte[64 * 1024];
  private int chunkPos;
  private int chunkLen;
  private byte[] line = new byte[1024];
  private long number;
  private boolean eof;

  LineReader(InputStream in, int maxBytes) {
    this.in = in;
    this.maxBytes = maxBytes;
  }

  /** The number of the line that {@link #next()} returns next (1-based). */
  long nextNumber() {
    return number + 1;
  }

  /** Bytes of the line being read when an IO error interrupted it (for the reject payload). */
  byte[] partial() {
    return Arrays.copyOf(line, Math.min(pendingLength, line.length));
  }

  private int pendingLength;

  /** The next line, or null at the end of the stream. */
  Line next() throws IOException {
    if (eof) {
      return null;
    }
    pendingLength = 0;
    long total = 0;
    while (true) {
      if (chunkPos == chunkLen) {
        chunkLen = in.read(chunk);
        chunkPos = 0;
        if (chunkLen <= 0) {
          chunkLen = 0;
          eof = true;
          if (total == 0) {
            return null;
          }
          return finish(total);
        }
      }
      int start = chunkPos;
      int end = start;
      while (end < chunkLen && chunk[end] != '\n') {
        end++;
      }
      append(start, end - start);
      total += end - start;
      if (end < chunkLen) {
        chunkPos = end + 1;
        return finish(total);
      }
      chunkPos = chunkLen;
    }
  }

  private void append(int from, int length) {
    int room = maxBytes - pendingLength;
    int take = Math.min(room, length);
    if (take <= 0) {
      return;
    }
    if (pendingLength + take > line.length) {
      line = Arrays.copyOf(line, Math.max(pendingLength + take, Math.min(maxBytes, line.length * 2)));
    }
    System.arraycopy(chunk, from, line, pendingLength, take);
    pendingLength += take;
  }

  private Line finish(long total) {
    number++;
    int length = pendingLength;
    if (length > 0 && line[length - 1] == '\r' && total == length) {
      length--;
    }
    byte[] bytes = Arrays.copyOf(line, length);
    pendingLength = 0;
    return new Line(bytes, number, total > maxBytes);
  }
}
