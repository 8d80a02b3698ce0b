package org.presslens.normalize;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Date;
import java.util.Iterator;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.presslens.common.MappedRows;
import org.presslens.common.RowValues;
import org.presslens.ingest.Payloads;
import org.presslens.ingest.RejectReason;
import org.presslens.ingest.SourceRecords;

/**
 * Per-record normalisation of readable source records: text cleaned, leading date line of text files taken
 * off, date parsed, outlet canonicalised, stable id computed. Records without usable text become rejects.
 * Everything it needs arrives as plain values.
 */
final class CleanRecords implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;
  private final Map<String, DateParser> datesByInput;
  private final Map<String, String> keyedAliases;
  private final int maxChars;
  private final int maxPayloadChars;

  CleanRecords(Map<String, DateParser> datesByInput, Map<String, String> keyedAliases, int maxChars,
      int maxPayloadChars) {
    this.datesByInput = datesByInput;
    this.keyedAliases = keyedAliases;
    this.maxChars = maxChars;
    this.maxPayloadChars = maxPayloadChars;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    ObjectMapper json = new ObjectMapper();
    return new MappedRows(rows, row -> clean(row, json));
  }

  Row clean(Row in, ObjectMapper json) {
    if (in.getAs(SourceRecords.REJECT_REASON) != null) {
      return new RowValues(Normalized.SCHEMA)
          .set(Articles.INPUT_NAME, in.getAs(SourceRecords.INPUT_NAME))
          .set(Articles.SOURCE_FILE, in.getAs(SourceRecords.SOURCE_FILE))
          .set(Articles.SOURCE_POSITION, in.getAs(SourceRecords.SOURCE_POSITION))
          .set(Articles.SOURCE_FORMAT, in.getAs(SourceRecords.SOURCE_FORMAT))
          .set(Normalized.HEADER_IN_TEXT, false)
          .set(Normalized.REJECT_STAGE, Normalize.INGEST_STAGE)
          .set(Normalized.REJECT_REASON, in.getAs(SourceRecords.REJECT_REASON))
          .set(Normalized.REJECT_MESSAGE, in.getAs(SourceRecords.REJECT_MESSAGE))
          .set(Normalized.PAYLOAD, in.getAs(SourceRecords.PAYLOAD))
          .build();
    }
    String input = in.getAs(SourceRecords.INPUT_NAME);
    String rawText = in.getAs(SourceRecords.TEXT_RAW);
    boolean headerInText = in.getAs(SourceRecords.HEADER_IN_TEXT);
    String text = TextCleaner.clean(rawText);
    String dateRaw = in.getAs(SourceRecords.DATE_RAW);
    if (headerInText && text != null) {
      HeaderLines.Split date = HeaderLines.dateLine(text);
      if (date.line() != null) {
        text = date.rest();
        dateRaw = dateRaw == null ? date.line() : dateRaw;
      }
    }
    String title = singleLine(in.getAs(SourceRecords.TITLE_RAW));
    String outletRaw = in.getAs(SourceRecords.OUTLET_RAW);
    String outlet = OutletNames.canonical(outletRaw, keyedAliases);
    DateParser.Result date = datesByInput.get(input).parse(dateRaw);
    String url = in.getAs(SourceRecords.URL);
    RowValues out = new RowValues(Normalized.SCHEMA)
        .set(Articles.INPUT_NAME, input)
        .set(Articles.SOURCE_ID, in.getAs(SourceRecords.SOURCE_ID))
        .set(Articles.OUTLET, outlet)
        .set(Articles.OUTLET_RAW, outletRaw)
        .set(Articles.PUBLISHED_DATE, date.date() == null ? null : Date.valueOf(date.date()))
        .set(Articles.DATE_RAW, dateRaw)
        .set(Articles.DATE_STATUS, date.status().code())
        .set(Articles.TITLE, title)
        .set(Articles.TEXT, text)
        .set(Articles.URL, url == null || url.isBlank() ? null : url.strip())
        .set(Articles.SOURCE_FILE, in.getAs(SourceRecords.SOURCE_FILE))
        .set(Articles.SOURCE_POSITION, in.getAs(SourceRecords.SOURCE_POSITION))
        .set(Articles.SOURCE_FORMAT, in.getAs(SourceRecords.SOURCE_FORMAT))
        .set(Normalized.HEADER_IN_TEXT, headerInText)
        .set(Normalized.IDENTITY, text == null ? null : longestLineHash(text))
        .set(Articles.ARTICLE_ID, ArticleIds.of(input, in.getAs(SourceRecords.SOURCE_ID), outlet, title, text));
    RejectReason reason = null;
    String message = null;
    if (rawText == null) {
      reason = RejectReason.MISSING_TEXT;
      message = "the record has no text field (looked for the mapped text field)";
    } else if (text.isEmpty()) {
      reason = RejectReason.EMPTY_TEXT;
      message = "text is empty after cleaning";
    } else if (text.length() > maxChars) {
      reason = RejectReason.TOO_LONG;
      message = "text has " + text.length() + " characters, more than text.max_chars=" + maxChars;
    }
    if (reason != null) {
      out.set(Normalized.REJECT_STAGE, Normalize.STAGE).set(Normalized.REJECT_REASON, reason.code()).set(Normalized.REJECT_MESSAGE, message)
          .set(Normalized.PAYLOAD, payload(in, json));
    }
    return out.build();
  }

  private String payload(Row in, ObjectMapper json) {
    ObjectNode node = json.createObjectNode();
    for (String field : new String[] {SourceRecords.SOURCE_ID, SourceRecords.OUTLET_RAW, SourceRecords.DATE_RAW,
        SourceRecords.TITLE_RAW, SourceRecords.URL, SourceRecords.TEXT_RAW}) {
      node.put(field, (String) in.getAs(field));
    }
    return Payloads.cut(node.toString(), maxPayloadChars);
  }

  /** FNV-1a (64 bit) of the longest line, the article identity used by boilerplate learning. */
  static long longestLineHash(String text) {
    int bestStart = 0;
    int bestLength = 0;
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\n') {
        if (i - start > bestLength) {
          bestStart = start;
          bestLength = i - start;
        }
        start = i + 1;
      }
    }
    long hash = 0xcbf29ce484222325L;
    for (int i = bestStart; i < bestStart + bestLength; i++) {
      hash = (hash ^ text.charAt(i)) * 0x100000001b3L;
    }
    return hash;
  }

  static String singleLine(String raw) {
    if (raw == null) {
      return null;
    }
    String cleaned = TextCleaner.clean(raw).replace('\n', ' ').replaceAll(" {2,}", " ").strip();
    return cleaned.isEmpty() ? null : cleaned;
  }
}
