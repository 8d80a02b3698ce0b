package org.presslens.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Entity spans from token tags: a maximal run of tokens of one sentence and one line with the same entity tag is
 * one mention; its surface form is the text between the first token's start and the last token's end, so
 * "Ban Ki-moon" and "al-Assad" stay whole whatever the tokenizer did inside them. (The CoNLL 4-class model tags
 * without B-/I- prefixes, so two adjacent names of one type read as one mention, as in CoreNLP itself.)
 *
 * <p>The tagger's runs are then trimmed ({@link #trim}): a run never crosses a line break (a caption and the
 * paragraph after it are two mentions) nor repeats a word ("Trump Trump", from a template's link text), and its edges lose what is not part of a name:
 * brackets, quote marks and other punctuation, mojibake ("Bill ClintonÃ"), and lower-case words the tagger
 * swallowed ("dislike Obamacare"), except name particles ("Ludwig van Beethoven", "Osama bin Laden"). A run
 * with no letter or digit left (the model sometimes tags stray quote marks) gives no mention.
 */
public final class Spans {
  /** One mention: [begin, end) character offsets, entity type, sentence, surface text. */
  public record Span(int begin, int end, String type, int sentence, String surface) {}

  /** Lower-case words that belong inside names. */
  static final Set<String> PARTICLES = Set.of("al", "el", "bin", "ibn", "bint", "abu", "van", "von", "der", "den",
      "de", "da", "di", "del", "della", "dos", "das", "du", "des", "la", "le", "ter", "ten", "y", "e", "of", "the",
      "and", "for", "on", "in", "at", "d", "st", "zu");
  /** Characters of mojibake: UTF-8 read as Windows-1252 or Latin-1 ("â€™", "Ã©", "Â"). */
  private static final String MOJIBAKE = "ÃÂâ€™œ\u009d\u0080\u0099\u0093\u0094\u00a0¢¦©®";

  private Spans() {}

  public static List<Span> of(String text, List<NerBackend.Token> tokens) {
    List<Span> spans = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= tokens.size(); i++) {
      NerBackend.Token token = i < tokens.size() ? tokens.get(i) : null;
      boolean continues = start >= 0 && token != null && token.tag().equals(tokens.get(start).tag())
          && token.sentence() == tokens.get(start).sentence()
          && text.substring(tokens.get(i - 1).end(), token.begin()).indexOf('\n') < 0;
      if (start >= 0 && !continues) {
        NerBackend.Token first = tokens.get(start);
        Span span = trim(text, first.begin(), tokens.get(i - 1).end(), first.tag(), first.sentence());
        if (span != null) {
          spans.addAll(splitRepeats(text, span));
        }
        start = -1;
      }
      if (start < 0 && token != null && !token.tag().equals(NerBackend.OUTSIDE)) {
        start = i;
      }
    }
    return spans;
  }

  /**
   * The span [begin, end) of {@code text} without the edges that are not part of a name (see the class comment),
   * or null when nothing of a name is left.
   */
  static Span trim(String text, int begin, int end, String type, int sentence) {
    boolean changed = true;
    while (changed && begin < end) {
      changed = false;
      while (begin < end && isEdgeJunk(text.charAt(begin), true)) {
        begin++;
        changed = true;
      }
      while (end > begin && isEdgeJunk(text.charAt(end - 1), false)) {
        end--;
        changed = true;
      }
      int firstSpace = indexOfSpace(text, begin, end);
      if (firstSpace > 0 && isStrayWord(text.substring(begin, firstSpace))) {
        begin = firstSpace + 1;
        changed = true;
      }
      int lastSpace = lastIndexOfSpace(text, begin, end);
      if (lastSpace > 0 && isStrayWord(text.substring(lastSpace + 1, end))) {
        end = lastSpace;
        changed = true;
      }
    }
    String surface = text.substring(begin, end);
    return surface.codePoints().anyMatch(Character::isLetterOrDigit)
        ? new Span(begin, end, type, sentence, surface) : null;
  }

  /**
   * A run that repeats a word ("Trump Trump", where a template's link text runs into the sentence) is one mention per
   * repetition: names do not repeat a word.
   */
  static List<Span> splitRepeats(String text, Span span) {
    List<Span> out = new ArrayList<>();
    int from = span.begin();
    String previous = null;
    int previousStart = -1;
    int i = span.begin();
    while (i < span.end()) {
      while (i < span.end() && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      int wordStart = i;
      while (i < span.end() && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      String word = text.substring(wordStart, i);
      if (word.equals(previous)) {
        Span part = trim(text, from, previousStart + previous.length(), span.type(), span.sentence());
        if (part != null) {
          out.add(part);
        }
        from = wordStart;
      }
      previous = word;
      previousStart = wordStart;
    }
    if (from == span.begin()) {
      return List.of(span);
    }
    Span last = trim(text, from, span.end(), span.type(), span.sentence());
    if (last != null) {
      out.add(last);
    }
    return out;
  }

  /** Punctuation or mojibake at an edge; a dot ("U.S.", "Jr.") and an apostrophe (a possessive) stay at the end. */
  private static boolean isEdgeJunk(char c, boolean atStart) {
    if (Character.isWhitespace(c) || MOJIBAKE.indexOf(c) >= 0) {
      return true;
    }
    if (Character.isLetterOrDigit(c) || (!atStart && c == '.')) {
      return false;
    }
    return atStart || c != '\'';
  }

  /** A lower-case word at an edge of a run, not a name particle: the tagger took it in with the name. */
  private static boolean isStrayWord(String word) {
    if (word.isEmpty() || !Character.isLowerCase(word.codePointAt(0)) || word.contains("-")) {
      return false; // "al-Assad", "de-escalation" stays for the key rules
    }
    return !PARTICLES.contains(word.toLowerCase(Locale.ROOT).replace(".", "").replace("'", ""));
  }

  private static int indexOfSpace(String text, int begin, int end) {
    for (int i = begin; i < end; i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static int lastIndexOfSpace(String text, int begin, int end) {
    for (int i = end - 1; i >= begin; i--) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }
}
