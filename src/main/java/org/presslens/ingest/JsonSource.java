package org.presslens.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;

/**
 * A JSON document: either an array of objects, or one or more objects one after another (pretty-printed
 * or not). Elements stream one at a time. JSON cannot be resynchronised after a syntax error, so the first
 * error rejects the rest of the file as one record, naming where it stopped.
 */
final class JsonSource implements RecordSource {
  private final InputStream stream;
  private final FileContext file;
  private final ObjectMapper mapper;
  private JsonParser parser;
  private boolean inArray;
  private boolean done;
  private long element;

  JsonSource(InputStream stream, FileContext file, ObjectMapper mapper) {
    this.stream = stream;
    this.file = file;
    this.mapper = mapper;
  }

  @Override
  public SourceRecord next() throws IOException {
    if (done) {
      return null;
    }
    try {
      if (parser == null) {
        parser = mapper.getFactory().createParser(stream);
        JsonToken first = parser.nextToken();
        if (first == null) {
          done = true;
          return null;
        }
        inArray = first == JsonToken.START_ARRAY;
        if (inArray) {
          parser.nextToken();
        }
      } else {
        parser.nextToken();
      }
      JsonToken token = parser.currentToken();
      if (token == null || (inArray && token == JsonToken.END_ARRAY)) {
        done = true;
        if (inArray && parser.nextToken() != null) {
          return failure(RejectReason.MALFORMED_JSON, "content after the closing ] of the array");
        }
        return null;
      }
      JsonNode node = mapper.readTree(parser);
      element++;
      if (node == null || !node.isObject()) {
        return Readers.reject(file, element, RejectReason.MALFORMED_JSON,
            "expected a JSON object, found " + (node == null ? "nothing" : node.getNodeType()),
            node == null ? null : node.toString());
      }
      SourceRecord record = new SourceRecord(file, element);
      Fields.fromJson(record, node, file.options());
      return record;
    } catch (CharConversionException e) {
      done = true;
      return failure(RejectReason.INVALID_UTF8, e.getMessage());
    } catch (JsonProcessingException e) {
      done = true;
      boolean encoding = e.getOriginalMessage() != null && e.getOriginalMessage().contains("UTF-8");
      return failure(encoding ? RejectReason.INVALID_UTF8 : RejectReason.MALFORMED_JSON,
          e.getOriginalMessage() + " at " + location(e));
    } catch (IOException e) {
      done = true;
      return Readers.truncated(file, element + 1, e, null);
    }
  }

  private SourceRecord failure(RejectReason reason, String message) {
    long at = element + 1;
    return Readers.reject(file, at, reason, "the rest of the file from element " + at + " is unreadable: " + message,
        null);
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null ? "unknown position"
        : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }

  @Override
  public void close() throws IOException {
    if (parser != null) {
      parser.close();
    }
    stream.close();
  }
}
