package org.presslens.framing;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds cue phrases in a token sequence: each cue is one or more words, a word ending in {@code *} matches any
 * word it starts, and a cue may also match the plural or singular of its last word (s, es, ies). At each
 * position the longest cue wins and matches do not overlap, so "civil war" is not also "war".
 */
public final class PhraseMatcher implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A cue found in the text: its key (the label, frame or topic it stands for) and its token range. */
  public record Match(String key, String cue, int firstToken, int lastToken) {}

  private record Cue(String key, String text, String[] words) implements Serializable {}

  /** Length of the key that indexes cues whose first word is a prefix ({@code econom*} under "eco"). */
  private static final int PREFIX_KEY = 3;

  private final Map<String, List<Cue>> byFirstWord = new HashMap<>();
  private final Map<String, List<Cue>> byPrefixKey = new HashMap<>();
  private final List<Cue> shortPrefixes = new ArrayList<>();

  /**
   * @param cues key -> cue phrases
   * @param inflect whether a cue's last word also matches its plural/singular forms
   */
  public PhraseMatcher(Map<String, List<String>> cues, boolean inflect) {
    for (Map.Entry<String, List<String>> entry : cues.entrySet()) {
      for (String phrase : entry.getValue()) {
        String[] words = phrase.strip().toLowerCase(Locale.ROOT).replace('’', '\'').split("\\s+");
        List<String[]> variants = new ArrayList<>();
        variants.add(words);
        if (inflect && !words[words.length - 1].endsWith("*")) {
          for (String form : forms(words[words.length - 1])) {
            String[] variant = words.clone();
            variant[variant.length - 1] = form;
            variants.add(variant);
          }
        }
        for (String[] variant : variants) {
          Cue cue = new Cue(entry.getKey(), phrase.strip(), variant);
          String first = variant[0];
          if (first.endsWith("*") && first.length() - 1 >= PREFIX_KEY) {
            byPrefixKey.computeIfAbsent(first.substring(0, PREFIX_KEY), k -> new ArrayList<>()).add(cue);
          } else if (first.endsWith("*")) {
            shortPrefixes.add(cue);
          } else {
            byFirstWord.computeIfAbsent(variant[0], w -> new ArrayList<>()).add(cue);
          }
        }
      }
    }
  }

  /** The matcher of label families (family -> labels): each label its own key, plural and singular matched. */
  public static PhraseMatcher labels(Map<String, List<String>> families) {
    Map<String, List<String>> byLabel = new java.util.TreeMap<>();
    families.values().forEach(labels -> labels.forEach(l -> byLabel.put(l, List.of(l))));
    return new PhraseMatcher(byLabel, true);
  }

  /** Plural and singular forms of a word (regular English inflection only). */
  static List<String> forms(String word) {
    List<String> forms = new ArrayList<>();
    forms.add(word + "s");
    forms.add(word + "es");
    if (word.endsWith("y") && word.length() > 2) {
      forms.add(word.substring(0, word.length() - 1) + "ies");
    }
    if (word.endsWith("ies") && word.length() > 4) {
      forms.add(word.substring(0, word.length() - 3) + "y");
    }
    if (word.endsWith("es") && word.length() > 3) {
      forms.add(word.substring(0, word.length() - 2));
    }
    if (word.endsWith("s") && !word.endsWith("ss") && word.length() > 2) {
      forms.add(word.substring(0, word.length() - 1));
    }
    return forms;
  }

  public List<Match> find(List<Terms.Token> tokens) {
    List<Match> out = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      Cue best = null;
      for (Cue cue : candidates(tokens.get(i).word())) {
        if ((best == null || cue.words().length > best.words().length) && matches(cue, tokens, i)) {
          best = cue;
        }
      }
      if (best == null) {
        i++;
      } else {
        out.add(new Match(best.key(), best.text(), i, i + best.words().length - 1));
        i += best.words().length;
      }
    }
    return out;
  }

  private List<Cue> candidates(String word) {
    List<Cue> exact = byFirstWord.getOrDefault(word, List.of());
    List<Cue> prefixed = word.length() >= PREFIX_KEY
        ? byPrefixKey.getOrDefault(word.substring(0, PREFIX_KEY), List.of()) : List.of();
    if (prefixed.isEmpty() && shortPrefixes.isEmpty()) {
      return exact;
    }
    List<Cue> all = new ArrayList<>(exact);
    all.addAll(prefixed);
    all.addAll(shortPrefixes);
    return all;
  }

  private static boolean matches(Cue cue, List<Terms.Token> tokens, int at) {
    if (at + cue.words().length > tokens.size()) {
      return false;
    }
    for (int k = 0; k < cue.words().length; k++) {
      String want = cue.words()[k];
      String word = tokens.get(at + k).word();
      boolean ok = want.endsWith("*") ? word.startsWith(want.substring(0, want.length() - 1)) : word.equals(want);
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
