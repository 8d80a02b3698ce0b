package org.presslens.normalize;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Built-in boilerplate that one article alone shows: call-to-action lines at the top or bottom of the text ("Support
 * The Moscow Times!", "Read more", "Share this story", "Subscribe to ...", "Follow us on Twitter", "Leave a comment",
 * "Advertisement"). Only whole lines of at most {@link #MAX_WORDS} words, and only the run of them at each end of the
 * text: a prompt between two paragraphs of reporting stays.
 */
final class PromptLines {
  /** A longer line is reporting, whatever it starts with. */
  static final int MAX_WORDS = 10;
  private static final Pattern PROMPT = Pattern.compile("(?iu)^(?:"
      + "support\\s.{2,60}!"
      + "|read\\s+more(?:\\s*[:.]?|\\s+(?:at|on|from|about|here|stories|news|in)\\b.*|\\s*:.*)"
      + "|(?:leave|post|add|write|view|show|read|see)\\s+(?:a\\s+|your\\s+|all\\s+|the\\s+)?comments?\\b.*"
      + "|comments?(?:\\s*\\(\\d+\\))?\\s*:?"
      + "|share(?:\\s*:?|\\s+(?:this|on|via|the|with|article|story)\\b.*)"
      + "|(?:subscribe|sign\\s+up|register)(?:\\s*[:.!]?|\\s+(?:to|for|now|here|today)\\b.*)"
      + "|follow\\s+(?:us|@\\S+|.{1,40}\\s+on\\s+(?:twitter|facebook|instagram|telegram|youtube|x))\\b.*"
      + "|(?:like\\s+us|join\\s+us|find\\s+us)\\s+on\\s+.*"
      + "|click\\s+here\\b.*|advertisements?|sponsored(?:\\s+content)?"
      + "|(?:related|see\\s+also)(?:\\s+(?:articles?|stories|news|coverage))?\\s*:?"
      + "|print(?:\\s+this)?(?:\\s+(?:article|page|story))?|e-?mail\\s+(?:this|the)\\s+(?:article|page|story)"
      + "|(?:download|get)\\s+(?:our|the)\\s+(?:free\\s+)?app\\b.*|(?:donate|become\\s+a\\s+(?:member|subscriber))\\b.*"
      + ")$");

  /** The text without its prompt lines, and how many were removed. */
  record Stripped(String text, int removed) {}

  private PromptLines() {}

  /** Whether a line is a prompt. */
  static boolean isPrompt(String line) {
    String trimmed = line.strip();
    return !trimmed.isEmpty() && TextCleaner.wordCount(trimmed) <= MAX_WORDS && PROMPT.matcher(trimmed).matches();
  }

  /** Removes the prompt lines at the top and at the bottom of the text (blank lines between them included). */
  static Stripped strip(String text) {
    if (text == null || text.isEmpty()) {
      return new Stripped(text, 0);
    }
    String[] lines = text.split("\n", -1);
    int removed = 0;
    int first = 0;
    while (first < lines.length && (lines[first].isBlank() || isPrompt(lines[first]))) {
      removed += lines[first].isBlank() ? 0 : 1;
      first++;
    }
    int last = lines.length - 1;
    while (last >= first && (lines[last].isBlank() || isPrompt(lines[last]))) {
      removed += lines[last].isBlank() ? 0 : 1;
      last--;
    }
    if (removed == 0) {
      return new Stripped(text, 0);
    }
    return new Stripped(TextCleaner.tidy(String.join("\n", Arrays.copyOfRange(lines, first, last + 1))), removed);
  }
}
