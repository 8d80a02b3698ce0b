package org.presslens.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** CSV with a header row. Each record is mapped through the header to the input's field mapping. */
final class CsvSource implements RecordSource {
  private final InputStream stream;
  private final FileContext file;
  private final LineReader lines;
  private final CsvParser parser;
  private List<String> header;
  private boolean done;

  CsvSource(InputStream stream, FileContext file) {
    this.stream = stream;
    this.file = file;
    this.lines = new LineReader(stream, file.options().maxRecordBytes());
    char delimiter = file.path().toLowerCase(java.util.Locale.ROOT).matches(".*\\.tsv(\\.[a-z0-9]+)?$")
        && file.options().csvDelimiter() == ',' ? '\t' : file.options().csvDelimiter();
    this.parser = new CsvParser(lines, delimiter, file.options().maxRecordBytes());
  }

  @Override
  public SourceRecord next() throws IOException {
    if (done) {
      return null;
    }
    CsvParser.Row row;
    try {
      row = parser.next();
    } catch (IOException e) {
      done = true;
      return Readers.truncated(file, lines.nextNumber(), e, Utf8.lenient(lines.partial()));
    }
    if (row == null) {
      done = true;
      return null;
    }
    if (header == null) {
      if (row.problem() != null) {
        done = true;
        return Readers.reject(file, row.line(), RejectReason.UNREADABLE_FILE,
            "bad CSV header, file not read: " + row.message(), row.text());
      }
      header = row.fields();
      return next();
    }
    if (row.problem() != null) {
      return Readers.reject(file, row.line(), row.problem(), row.message(), row.text());
    }
    if (row.fields().size() != header.size()) {
      return Readers.reject(file, row.line(), RejectReason.BAD_CSV_ROW,
          "expected " + header.size() + " fields as in the header, found " + row.fields().size(), row.text());
    }
    Map<String, String> columns = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      columns.put(header.get(i), row.fields().get(i));
    }
    SourceRecord record = new SourceRecord(file, row.line());
    Fields.fromColumns(record, columns, file.options());
    return record;
  }

  @Override
  public void close() throws IOException {
    stream.close();
  }
}
