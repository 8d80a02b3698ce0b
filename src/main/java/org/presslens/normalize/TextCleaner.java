package org.presslens.normalize;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Deterministic text cleaning: Unicode NFC, control and invisible characters removed, every kind of space
 * made a plain space, lines trimmed, and paragraphs made explicit. Paragraphs are separated by one blank
 * line ({@code \n\n}); lines inside a paragraph keep their single {@code \n}. A text with no blank line at
 * all is taken to have one paragraph per line.
 */
public final class TextCleaner {
  private TextCleaner() {}

  public static String clean(String raw) {
    if (raw == null) {
      return null;
    }
    String text = Normalizer.normalize(raw, Normalizer.Form.NFC);
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r') {
        out.append('\n');
        if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
      } else if (c == '\n' || c == '\u2028' || c == '\u2029' || c == '\u0085' || c == '\u000B' || c == '\u000C') {
        out.append('\n');
      } else if (c == '\t' || Character.getType(c) == Character.SPACE_SEPARATOR) {
        out.append(' ');
      } else if (c == '\u200B' || c == '\uFEFF' || c == '\u00AD' || c == '\u2060'
          || Character.getType(c) == Character.CONTROL) {
        continue;
      } else {
        out.append(c);
      }
    }
    return paragraphs(out.toString());
  }

  private static String paragraphs(String text) {
    String[] lines = text.split("\n", -1);
    boolean hasBlankLine = false;
    boolean seenContent = false;
    boolean blankAfterContent = false;
    for (String line : lines) {
      if (line.isBlank()) {
        blankAfterContent = seenContent;
      } else {
        hasBlankLine |= blankAfterContent;
        seenContent = true;
      }
    }
    List<String> out = new ArrayList<>();
    StringBuilder paragraph = new StringBuilder();
    for (String line : lines) {
      String trimmed = collapseSpaces(line);
      if (trimmed.isEmpty()) {
        flush(paragraph, out);
      } else if (!hasBlankLine) {
        flush(paragraph, out);
        paragraph.append(trimmed);
      } else {
        paragraph.append(paragraph.length() == 0 ? "" : "\n").append(trimmed);
      }
    }
    flush(paragraph, out);
    return String.join("\n\n", out);
  }

  private static void flush(StringBuilder paragraph, List<String> out) {
    if (paragraph.length() > 0) {
      out.add(paragraph.toString());
      paragraph.setLength(0);
    }
  }

  static String collapseSpaces(String line) {
    StringBuilder out = new StringBuilder(line.length());
    boolean space = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == ' ') {
        space = out.length() > 0;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Re-joins cleaned lines after some were removed: no leading, trailing or doubled blank lines. */
  public static String tidy(String text) {
    return text.replaceAll("\n{3,}", "\n\n").strip();
  }

  /** Words: whitespace-separated tokens holding at least one letter or digit. */
  public static int wordCount(String text) {
    if (text == null) {
      return 0;
    }
    int count = 0;
    boolean inToken = false;
    boolean hasAlnum = false;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : ' ';
      if (Character.isWhitespace(c)) {
        if (inToken && hasAlnum) {
          count++;
        }
        inToken = false;
        hasAlnum = false;
      } else {
        inToken = true;
        hasAlnum |= Character.isLetterOrDigit(c);
      }
    }
    return count;
  }

  public static int paragraphCount(String text) {
    return text == null || text.isEmpty() ? 0 : text.split("\n\n").length;
  }

  /**
   * Whether a sentence starts at {@code begin} of {@code text}: only spaces and opening quotes between it and a
   * sentence end, a colon, a line break or the start of the text.
   */
  public static boolean sentenceStartsAt(String text, int begin) {
    int i = begin - 1;
    while (i >= 0 && (text.charAt(i) == ' ' || "\"“‘'(".indexOf(text.charAt(i)) >= 0)) {
      i--;
    }
    return i < 0 || text.charAt(i) == '\n' || ".!?:".indexOf(text.charAt(i)) >= 0;
  }
}
