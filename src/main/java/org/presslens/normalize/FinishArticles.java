package org.presslens.normalize;

import java.util.Iterator;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.presslens.common.MappedRows;
import org.presslens.common.RowValues;
import org.presslens.ingest.Payloads;
import org.presslens.ingest.RejectReason;

/**
 * The per-article steps after boilerplate removal: prompt lines at the text's ends ({@link PromptLines}), title line of
 * text files, repeated title lines, counts, content hash, and the length checks (texts emptied by boilerplate removal
 * are rejected, not kept empty).
 */
final class FinishArticles implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;
  private final int minWords;
  private final int titleMaxWords;
  private final int titleScanLines;
  private final boolean prompts;
  private final int maxPayloadChars;

  FinishArticles(int minWords, int titleMaxWords, int titleScanLines, boolean prompts, int maxPayloadChars) {
    this.minWords = minWords;
    this.titleMaxWords = titleMaxWords;
    this.titleScanLines = titleScanLines;
    this.prompts = prompts;
    this.maxPayloadChars = maxPayloadChars;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    return new MappedRows(rows, this::finish);
  }

  Row finish(Row in) {
    if (in.getAs(Normalized.REJECT_REASON) != null) {
      return in;
    }
    String text = in.getAs(Articles.TEXT);
    String title = in.getAs(Articles.TITLE);
    boolean headerInText = in.getAs(Normalized.HEADER_IN_TEXT);
    int boilerplateLines = in.<Integer>getAs(Articles.BOILERPLATE_LINES_REMOVED);
    if (prompts) {
      PromptLines.Stripped stripped = PromptLines.strip(text);
      text = stripped.text();
      boilerplateLines += stripped.removed();
    }
    if (headerInText && title == null) {
      HeaderLines.Split split = HeaderLines.title(text, titleMaxWords);
      if (split.line() != null) {
        title = split.line();
        text = split.rest();
      }
    }
    int titleLines = 0;
    if (title != null) {
      HeaderLines.Dropped dropped = HeaderLines.dropRepeatedTitle(text, title, titleScanLines);
      titleLines = dropped.removed();
      text = dropped.text();
    }
    int words = TextCleaner.wordCount(text);
    RowValues out = new RowValues(Normalized.SCHEMA).copyFrom(in)
        .set(Articles.TITLE, title)
        .set(Articles.TEXT, text)
        .set(Articles.TITLE_LINES_REMOVED, titleLines)
        .set(Articles.BOILERPLATE_LINES_REMOVED, boilerplateLines)
        .set(Articles.WORD_COUNT, words)
        .set(Articles.PARAGRAPH_COUNT, TextCleaner.paragraphCount(text))
        .set(Articles.TEXT_HASH, ArticleIds.sha256Hex(text));
    if (text.isEmpty()) {
      reject(out, in, RejectReason.EMPTY_TEXT, "no text left after removing "
          + boilerplateLines + " boilerplate and " + titleLines + " title lines");
    } else if (words < minWords) {
      reject(out, in, RejectReason.TOO_SHORT, words + " words, fewer than text.min_words=" + minWords);
    }
    return out.build();
  }

  private void reject(RowValues out, Row in, RejectReason reason, String message) {
    String payload = "{\"title\": " + quote(in.getAs(Articles.TITLE)) + ", \"text\": " + quote(in.getAs(Articles.TEXT))
        + "}";
    out.set(Normalized.REJECT_STAGE, Normalize.STAGE).set(Normalized.REJECT_REASON, reason.code()).set(Normalized.REJECT_MESSAGE, message)
        .set(Normalized.PAYLOAD, Payloads.cut(payload, maxPayloadChars));
  }

  private static String quote(String s) {
    return s == null ? "null" : com.fasterxml.jackson.databind.node.TextNode.valueOf(s).toString();
  }
}
