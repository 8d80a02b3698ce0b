package org.presslens.framing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.presslens.normalize.HeaderLines;

/**
 * Words of a text as the framing statistics count them: lower-cased tokens (letters and digits, with inner
 * apostrophes and hyphens; dotted abbreviations such as "U.S." kept whole; a possessive 's dropped), grouped in
 * phrases that punctuation separates. Distinctive-word terms are the tokens that are not stop words (nor bare
 * numbers, nor one letter) and the bigrams of two such tokens adjacent in one phrase.
 */
public final class Terms {
  private static final Pattern TOKEN = Pattern.compile(
      "\\p{L}(?:\\.\\p{L})+\\.?|[\\p{L}\\p{N}]+(?:['’\\-][\\p{L}\\p{N}]+)*");
  private static final Set<String> STOP_WORDS = loadStopWords();

  /** One token: its normalised form, character offsets and phrase number. */
  public record Token(String word, int begin, int end, int phrase) {}

  private Terms() {}

  /** Every token of the text, stop words included, in order. */
  public static List<Token> tokens(String text) {
    List<Token> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    Matcher m = TOKEN.matcher(text);
    int phrase = 0;
    int previousEnd = -1;
    while (m.find()) {
      if (previousEnd >= 0 && !text.substring(previousEnd, m.start()).isBlank()) {
        phrase++;
      }
      previousEnd = m.end();
      String word = m.group().toLowerCase(Locale.ROOT).replace('’', '\'');
      if (word.endsWith("'s") && word.length() > 2) {
        word = word.substring(0, word.length() - 2);
      }
      out.add(new Token(word, m.start(), m.end(), phrase));
    }
    return out;
  }

  /** Capitalised words on each side of an outlet's name that belong to its brand ("TRT World", "Thomson Reuters"). */
  private static final int BRAND_WORDS = 2;

  /**
   * The tokens with the outlet's own name and brand blanked (word ""), so that they are counted as no term: a
   * capitalised token whose letters start with the outlet's ("TRTWorld", "Reuters", "sputniknews"), or capitalised
   * tokens whose letters together spell it ("Jordan Times", "Asharq Al-Awsat" for jordantimes, asharqalawsat), with up
   * to {@link #BRAND_WORDS} capitalised words of the same phrase on each side ("TRT World", "Thomson Reuters Trust
   * Principles"). Names of fewer than 3 letters are left alone.
   */
  public static List<Token> withoutName(List<Token> tokens, String text, String outlet) {
    String name = outlet == null ? "" : HeaderLines.key(outlet);
    if (name.length() < 3 || tokens.isEmpty()) {
      return tokens;
    }
    boolean[] blank = new boolean[tokens.size()];
    boolean any = false;
    for (int i = 0; i < tokens.size(); i++) {
      if (!capitalised(text, tokens.get(i))) {
        continue;
      }
      int end = i;
      String spelled = HeaderLines.key(tokens.get(i).word());
      while (spelled.length() < name.length() && name.startsWith(spelled) && end + 1 < tokens.size()
          && tokens.get(end + 1).phrase() == tokens.get(i).phrase() && capitalised(text, tokens.get(end + 1))) {
        end++;
        spelled += HeaderLines.key(tokens.get(end).word());
      }
      if (spelled.isEmpty() || !spelled.startsWith(name)) {
        continue;
      }
      int from = i;
      while (from > 0 && i - from < BRAND_WORDS && tokens.get(from - 1).phrase() == tokens.get(i).phrase()
          && capitalised(text, tokens.get(from - 1)) && !isStopWord(tokens.get(from - 1).word())) {
        from--;
      }
      int to = end;
      while (to + 1 < tokens.size() && to - end < BRAND_WORDS && tokens.get(to + 1).phrase() == tokens.get(i).phrase()
          && capitalised(text, tokens.get(to + 1)) && !isStopWord(tokens.get(to + 1).word())) {
        to++;
      }
      for (int k = from; k <= to; k++) {
        blank[k] = true;
      }
      any = true;
    }
    if (!any) {
      return tokens;
    }
    List<Token> out = new ArrayList<>(tokens.size());
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      out.add(blank[i] ? new Token("", t.begin(), t.end(), t.phrase()) : t);
    }
    return out;
  }

  private static boolean capitalised(String text, Token token) {
    return token.begin() < text.length() && Character.isUpperCase(text.charAt(token.begin()));
  }

  /** True for a word that is counted as a term: not a stop word, not a bare number, longer than one letter. */
  public static boolean isContentWord(String word) {
    if (word.length() < 2 || STOP_WORDS.contains(word)) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      if (Character.isLetter(word.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** Term counts of the tokens: content unigrams and bigrams of adjacent content words in one phrase. */
  public static Map<String, Integer> counts(List<Token> tokens) {
    Map<String, Integer> counts = new HashMap<>();
    Token previous = null;
    boolean previousContent = false;
    for (Token token : tokens) {
      boolean content = isContentWord(token.word());
      if (content) {
        counts.merge(token.word(), 1, Integer::sum);
        if (previousContent && previous.phrase() == token.phrase()) {
          counts.merge(previous.word() + " " + token.word(), 1, Integer::sum);
        }
      }
      previous = token;
      previousContent = content;
    }
    return counts;
  }

  public static boolean isStopWord(String word) {
    return STOP_WORDS.contains(word);
  }

  private static Set<String> loadStopWords() {
    Set<String> words = new HashSet<>();
    try (InputStream in = Terms.class.getResourceAsStream("stopwords.txt")) {
      if (in == null) {
        throw new IllegalStateException("stop-word list org/presslens/framing/stopwords.txt is not on the classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String word = line.strip();
        if (!word.isEmpty() && !word.startsWith("#")) {
          words.add(word.toLowerCase(Locale.ROOT).replace('’', '\''));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(words);
  }
}
