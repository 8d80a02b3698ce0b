package org.presslens.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 record splitter over strictly decoded lines: quoted fields may hold delimiters, doubled quotes and
 * line breaks. A quote inside an unquoted field is kept literally (common in real exports); a character
 * after a closing quote, an unterminated quoted field, or invalid UTF-8 makes the record bad, and parsing
 * resumes at the next line.
 */
final class CsvParser {
  /** One record: its fields, or a problem; {@code text} is the raw record for reject payloads. */
  record Row(List<String> fields, long line, RejectReason problem, String message, String text) {}

  private final LineReader lines;
  private final char delimiter;
  private final int maxChars;
  private final Utf8 utf8 = new Utf8();

  CsvParser(LineReader lines, char delimiter, int maxChars) {
    this.lines = lines;
    this.delimiter = delimiter;
    this.maxChars = maxChars;
  }

  /** The next record, or null at the end. IO errors (truncated stream) propagate. */
  Row next() throws IOException {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    StringBuilder raw = new StringBuilder();
    boolean inQuotes = false;
    boolean quotedField = false;
    boolean afterClosingQuote = false;
    long startLine = -1;
    RejectReason problem = null;
    String message = null;
    while (true) {
      LineReader.Line line = lines.next();
      if (line == null) {
        if (startLine < 0) {
          return null;
        }
        return new Row(null, startLine, RejectReason.BAD_CSV_ROW,
            "unterminated quoted field (record starts at line " + startLine + ")", raw.toString());
      }
      String text = utf8.decodeOrNull(line.bytes());
      if (text == null) {
        text = Utf8.lenient(line.bytes());
        if (problem == null) {
          problem = RejectReason.INVALID_UTF8;
          message = "line " + line.number() + " is not valid UTF-8";
        }
      }
      if (startLine < 0) {
        if (text.isBlank() && problem == null) {
          continue; // blank lines between records hold nothing
        }
        startLine = line.number();
      } else {
        raw.append('\n');
        field.append('\n');
      }
      raw.append(text);
      if (line.oversized() && problem == null) {
        problem = RejectReason.TOO_LONG;
        message = "line " + line.number() + " is longer than the record limit";
      }
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (inQuotes) {
          if (c == '"') {
            if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
              field.append('"');
              i++;
            } else {
              inQuotes = false;
              afterClosingQuote = true;
            }
          } else {
            field.append(c);
          }
        } else if (c == delimiter) {
          fields.add(field.toString());
          field.setLength(0);
          quotedField = false;
          afterClosingQuote = false;
        } else if (afterClosingQuote) {
          if (problem == null) {
            problem = RejectReason.BAD_CSV_ROW;
            message = "character '" + c + "' after a closing quote at line " + line.number();
          }
          field.append(c);
        } else if (c == '"' && field.length() == 0 && !quotedField) {
          inQuotes = true;
          quotedField = true;
        } else {
          field.append(c);
        }
      }
      if (raw.length() > maxChars) {
        return new Row(null, startLine, RejectReason.TOO_LONG,
            "CSV record longer than " + maxChars + " characters", raw.toString());
      }
      if (!inQuotes) {
        fields.add(field.toString());
        return problem == null ? new Row(fields, startLine, null, null, raw.toString())
            : new Row(null, startLine, problem, message, raw.toString());
      }
    }
  }
}
