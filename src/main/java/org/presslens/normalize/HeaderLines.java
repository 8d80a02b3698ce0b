package org.presslens.normalize;

import java.util.Locale;

/**
 * The header of a plain-text article: a leading date line, a title line, and copies of the title repeated at
 * the top of the body (web scrapes often repeat it two or three times, sometimes with lost punctuation).
 */
public final class HeaderLines {
  /** Text split into an extracted header line (null when none) and the remaining text. */
  public record Split(String line, String rest) {}

  /** Text after removing repeated title lines, and how many were removed. */
  public record Dropped(int removed, String text) {}

  private HeaderLines() {}

  /** Takes the first line off the text when it is nothing but a date. */
  public static Split dateLine(String text) {
    Split first = firstLine(text);
    return first.line() != null && DateParser.isDateLine(first.line()) ? first : new Split(null, text);
  }

  /**
   * Takes the first paragraph as the title when it is a single line of at most {@code maxWords} words that
   * does not end like a sentence, and text follows it.
   */
  public static Split title(String text, int maxWords) {
    int end = text.indexOf("\n\n");
    if (end < 0) {
      return new Split(null, text);
    }
    String candidate = text.substring(0, end);
    int words = TextCleaner.wordCount(candidate);
    boolean sentenceEnd = candidate.matches(".*[.!,;:]$");
    if (candidate.contains("\n") || words == 0 || words > maxWords || sentenceEnd) {
      return new Split(null, text);
    }
    return new Split(candidate, text.substring(end + 2));
  }

  /** Removes lines repeating the title among the first {@code scanLines} lines; returns the removed count. */
  public static Dropped dropRepeatedTitle(String text, String title, int scanLines) {
    String titleKey = key(title);
    if (titleKey.isEmpty()) {
      return new Dropped(0, text);
    }
    String[] lines = text.split("\n", -1);
    StringBuilder out = new StringBuilder(text.length());
    int seen = 0;
    int removed = 0;
    for (String line : lines) {
      boolean scanning = seen < scanLines;
      if (!line.isEmpty()) {
        seen++;
      }
      if (scanning && !line.isEmpty() && key(line).equals(titleKey)) {
        removed++;
        continue;
      }
      out.append(line).append('\n');
    }
    return new Dropped(removed, removed == 0 ? text : TextCleaner.tidy(out.toString()));
  }

  /** Letters and digits only, lower case: "Russias FM" and "Russia's FM" have the same key. */
  public static String key(String line) {
    if (line == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(line.length());
    line.toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
    return out.toString();
  }

  private static Split firstLine(String text) {
    int end = text.indexOf('\n');
    String line = end < 0 ? text : text.substring(0, end);
    String rest = end < 0 ? "" : text.substring(end + 1).strip();
    return line.isBlank() ? new Split(null, text) : new Split(line.strip(), rest);
  }
}
