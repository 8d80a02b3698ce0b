package org.presslens.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;

/** JSON Lines: one object per line. A bad line is rejected on its own; reading goes on with the next. */
final class JsonLinesSource implements RecordSource {
  private final ObjectMapper mapper;
  private final InputStream stream;
  private final LineReader lines;
  private final FileContext file;
  private final Utf8 utf8 = new Utf8();
  private boolean done;

  JsonLinesSource(InputStream stream, FileContext file, ObjectMapper mapper) {
    this.stream = stream;
    this.file = file;
    this.mapper = mapper;
    this.lines = new LineReader(stream, file.options().maxRecordBytes());
  }

  @Override
  public SourceRecord next() throws IOException {
    while (!done) {
      LineReader.Line line;
      try {
        line = lines.next();
      } catch (IOException e) {
        done = true;
        return Readers.truncated(file, lines.nextNumber(), e, Utf8.lenient(lines.partial()));
      }
      if (line == null) {
        done = true;
        return null;
      }
      if (line.oversized()) {
        return Readers.reject(file, line.number(), RejectReason.TOO_LONG,
            "line longer than " + file.options().maxRecordBytes() + " bytes", Utf8.lenient(line.bytes()));
      }
      String text = utf8.decodeOrNull(line.bytes());
      if (text == null) {
        return Readers.reject(file, line.number(), RejectReason.INVALID_UTF8, "line is not valid UTF-8",
            Utf8.lenient(line.bytes()));
      }
      if (text.isBlank()) {
        continue; // blank lines separate nothing and hold no record
      }
      return parse(text, line.number());
    }
    return null;
  }

  private SourceRecord parse(String text, long number) {
    JsonNode node;
    try {
      node = mapper.readTree(text);
    } catch (JsonProcessingException e) {
      return Readers.reject(file, number, RejectReason.MALFORMED_JSON, e.getOriginalMessage(), text);
    }
    if (node == null || !node.isObject()) {
      return Readers.reject(file, number, RejectReason.MALFORMED_JSON,
          "expected a JSON object, found " + (node == null ? "nothing" : node.getNodeType()), text);
    }
    SourceRecord record = new SourceRecord(file, number);
    Fields.fromJson(record, node, file.options());
    return record;
  }

  @Override
  public void close() throws IOException {
    stream.close();
  }
}
