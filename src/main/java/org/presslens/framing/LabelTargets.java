package org.presslens.framing;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.presslens.normalize.TextCleaner;

/**
 * What a label names, when the text says so in the label's own phrase. Rules, in order:
 * <ol>
 *   <li>{@code before}: a name written right before the label, or before up to two lower-case adjectives (known by
 *       their ending or a hyphen) that describe it: "the Syrian regime", "Assad regime", "Assad's brutal regime", "ISIS terrorists", "Turkish-backed
 *       rebels" (the name is "Turkish-backed");</li>
 *   <li>{@code after}: "of", "in", "from", "loyal to", "backed by" or "linked to" and a name right after the label:
 *       "the regime in Damascus", "the regime of Bashar al-Assad", "terrorists in Eastern Ghouta".</li>
 * </ol>
 * A name is a run of capitalised words (stop words inside it allowed when a capitalised word follows: "Bashar
 * al-Assad", "Hayat Tahrir al-Sham") in the label's phrase (punctuation ends a phrase). Otherwise the label's target is
 * unknown (null): "the regime" alone, "rebels in the north". The target is the name as written, possessive dropped;
 * the framing tables put the entity of a mention that covers it in its place.
 */
public final class LabelTargets {
  /** A label's target: the name as written and its [begin, end) offsets in the text, and the rule that found it. */
  public record Target(String name, int begin, int end, String rule) {}

  /** Lower-case words between a name and the label that describe the label ("Assad's brutal regime"). */
  private static final int MAX_DESCRIBING_WORDS = 2;
  /** Words after the label that tie it to a name after them. */
  private static final List<List<String>> AFTER = List.of(List.of("of"), List.of("in"), List.of("from"),
      List.of("loyal", "to"), List.of("backed", "by"), List.of("linked", "to"), List.of("allied", "to"),
      List.of("allied", "with"), List.of("positioned", "in"), List.of("based", "in"), List.of("located", "in"),
      List.of("stationed", "in"), List.of("deployed", "in"), List.of("entrenched", "in"));
  /** Endings of a hyphenated word that says who backs a name rather than naming it ("al-Qaeda-linked al-Nusra"). */
  private static final Pattern TIE_WORD = Pattern.compile(".+-(?:linked|backed|led|affiliated|allied|aligned|funded|"
      + "sponsored|supported|run|held)");
  /** Words after a tying word that the name may start with. */
  private static final Set<String> ARTICLES = Set.of("the");
  /** Sentence-initial or capitalised function words that are never names. */
  private static final Set<String> NOT_NAMES = Set.of("the", "a", "an", "this", "that", "these", "those", "his", "her",
      "its", "their", "our", "and", "or", "but", "in", "of", "on", "at", "by", "for", "with", "from", "to", "as",
      "when", "while", "after", "before", "since", "if", "he", "she", "they", "we", "it", "i", "some", "many", "most",
      "all", "both", "other", "such", "so-called", "former", "new", "local", "foreign", "armed", "moderate", "several",
      "few", "various", "numerous", "dozens", "hundreds", "thousands");

  private LabelTargets() {}

  /** The target of the label at tokens [first, last] of {@code text}, or null. */
  public static Target of(String text, List<Terms.Token> tokens, int first, int last) {
    Target before = before(text, tokens, first);
    return before != null ? before : after(text, tokens, last);
  }

  private static Target before(String text, List<Terms.Token> tokens, int first) {
    int phrase = tokens.get(first).phrase();
    int end = first - 1;
    if (first > 0 && text.substring(tokens.get(first - 1).end(), tokens.get(first).begin()).strip().equals(")")) {
      // a parenthesis between a name and its label: "Daesh (banned in Russia) militants"
      int open = text.lastIndexOf('(', tokens.get(first - 1).begin());
      while (end >= 0 && tokens.get(end).begin() > open) {
        end--;
      }
      if (open < 0 || end < 0 || !text.substring(tokens.get(end).end(), open).isBlank()) {
        return null;
      }
      phrase = tokens.get(end).phrase();
      if (!isNameWord(text, tokens.get(end))) {
        return null;
      }
    }
    int skipped = 0;
    while (end >= 0 && tokens.get(end).phrase() == phrase && !isNameWord(text, tokens.get(end))
        && skipped < MAX_DESCRIBING_WORDS && describes(text, tokens.get(end))) {
      end--;
      skipped++;
    }
    if (end < 0 || tokens.get(end).phrase() != phrase || !isNameWord(text, tokens.get(end))) {
      return null;
    }
    int start = end;
    while (start - 1 >= 0 && tokens.get(start - 1).phrase() == phrase) {
      Terms.Token previous = tokens.get(start - 1);
      if (isNameWord(text, previous)) {
        start--;
      } else if (isNameJoiner(previous) && start - 2 >= 0 && tokens.get(start - 2).phrase() == phrase
          && isNameWord(text, tokens.get(start - 2))) {
        start -= 2; // "Hayat Tahrir al-Sham", "Bank of England"
      } else {
        break;
      }
    }
    // who backs the name is no part of it ("al-Qaeda-linked al-Nusra Front", "US-led coalition"); in a title-case
    // phrase an acronym right before the label is the name ("Qamishli ISIL Terrorist Attack")
    for (int i = end - 1; i >= start; i--) {
      if (TIE_WORD.matcher(tokens.get(i).word()).matches()) {
        start = i + 1;
        break;
      }
    }
    if (end > start && isAcronym(text, tokens.get(end)) && !isAcronym(text, tokens.get(end - 1))) {
      start = end;
    }
    return target(text, tokens.get(start), tokens.get(end), "before");
  }

  private static boolean isAcronym(String text, Terms.Token token) {
    String surface = text.substring(token.begin(), token.end());
    return surface.length() >= 2 && surface.chars().allMatch(c -> Character.isUpperCase(c) || c == '.');
  }

  private static Target after(String text, List<Terms.Token> tokens, int last) {
    int phrase = tokens.get(last).phrase();
    for (List<String> tie : AFTER) {
      int at = last + 1;
      boolean matches = true;
      for (String word : tie) {
        if (at >= tokens.size() || tokens.get(at).phrase() != phrase || !tokens.get(at).word().equals(word)) {
          matches = false;
          break;
        }
        at++;
      }
      if (!matches) {
        continue;
      }
      if (at < tokens.size() && ARTICLES.contains(tokens.get(at).word()) && tokens.get(at).phrase() == phrase) {
        at++;
      }
      if (at >= tokens.size() || tokens.get(at).phrase() != phrase || !isNameWord(text, tokens.get(at))) {
        return null;
      }
      int end = at;
      while (end + 1 < tokens.size() && tokens.get(end + 1).phrase() == phrase) {
        if (isNameWord(text, tokens.get(end + 1))) {
          end++;
        } else if (isNameJoiner(tokens.get(end + 1)) && end + 2 < tokens.size()
            && tokens.get(end + 2).phrase() == phrase && isNameWord(text, tokens.get(end + 2))) {
          end += 2;
        } else {
          break;
        }
      }
      return target(text, tokens.get(at), tokens.get(end), "after");
    }
    return null;
  }

  private static Target target(String text, Terms.Token start, Terms.Token end, String rule) {
    int stop = end.end();
    String name = text.substring(start.begin(), stop);
    if (name.endsWith("'s") || name.endsWith("’s")) {
      stop -= 2;
      name = name.substring(0, name.length() - 2);
    }
    return new Target(name, start.begin(), stop, rule);
  }

  /**
   * A capitalised word (or an acronym, or "al-Assad") that is no function word, nor a sentence's first word that the
   * text also writes in lower case ("Meanwhile rebels ...") or that ends like a verb ("Holding Assad regime ...").
   */
  private static boolean isNameWord(String text, Terms.Token token) {
    if (NOT_NAMES.contains(token.word()) || Terms.isStopWord(token.word())) {
      return false;
    }
    String surface = text.substring(token.begin(), token.end());
    char c = surface.charAt(0);
    if (Character.isUpperCase(c)) {
      boolean first = TextCleaner.sentenceStartsAt(text, token.begin());
      boolean verbForm = token.word().endsWith("ing") || token.word().endsWith("ed");
      return !(first && (verbForm || text.contains(" " + token.word() + " ")));
    }
    return (surface.startsWith("al-") || surface.startsWith("el-")) && surface.length() > 3
        && Character.isUpperCase(surface.charAt(3));
  }

  /** A lower-case word that may join two capitalised words of one name ("Bank of England"). */
  private static boolean isNameJoiner(Terms.Token token) {
    return token.word().equals("of") || token.word().equals("al") || token.word().equals("el")
        || token.word().equals("bin");
  }

  /** Endings of adjectives that may stand between a name and its label ("brutal", "murderous", "hard-line"). */
  private static final Pattern ADJECTIVE = Pattern.compile(".*(?:al|ic|ive|ous|ful|ian|ist|ish|ary|ent|ant|ible|able|"
      + "less)|.+-.+");

  /**
   * A lower-case adjective that may describe the label between its name and it ("Assad's brutal regime"), known by its
   * ending or a hyphen ("hard-line"); not a verb ("Assad killed rebels", "shelling hit terrorists").
   */
  private static boolean describes(String text, Terms.Token token) {
    String surface = text.substring(token.begin(), token.end());
    String word = token.word();
    return Character.isLowerCase(surface.charAt(0)) && Terms.isContentWord(word) && !NOT_NAMES.contains(word)
        && ADJECTIVE.matcher(word).matches();
  }
}
