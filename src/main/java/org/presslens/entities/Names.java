package org.presslens.entities;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** String rules for entity names: cleaning a surface form, comparing names, folding spelling variants. */
public final class Names {
  /** Titles and honorifics stripped from the front of a name ("Foreign Minister Sergei Lavrov"). */
  static final List<String> TITLES = List.of("foreign minister", "prime minister", "deputy prime minister",
      "defence minister", "defense minister", "interior minister", "secretary of state", "secretary-general",
      "secretary general", "vice president", "president", "minister", "secretary", "chancellor", "senator", "sen.",
      "sen", "rep.", "rep", "governor", "gov.", "gov", "mayor", "king", "queen", "prince", "princess", "sheikh",
      "general", "gen.", "gen", "colonel", "col.", "lieutenant", "lt.", "captain", "capt.", "admiral", "judge",
      "justice", "ambassador", "envoy", "pope", "dr.", "dr", "mr.", "mr", "mrs.", "mrs", "ms.", "ms", "miss", "sir",
      "lord", "lady", "professor", "prof.", "prof", "rev.", "reverend", "father", "archbishop", "bishop",
      "first lady", "speaker", "leader", "majority leader", "minority leader", "attorney general", "former", "sheriff",
      "congressman", "congresswoman", "chairman", "chairwoman", "commissioner", "director", "president-elect",
      "sergeant", "sgt.", "pastor", "rabbi", "cardinal", "coach", "detective", "officer", "messrs.", "messrs");
  /** Honorifics that say a man is meant. */
  static final Set<String> MALE = Set.of("mr", "sir", "lord", "king", "prince", "father");
  /** Honorifics that say a woman is meant. */
  static final Set<String> FEMALE = Set.of("mrs", "ms", "miss", "lady", "queen", "princess", "first lady");
  /** Gender of a mention or an entity: male, female, or not known. */
  public static final String MAN = "M";
  public static final String WOMAN = "F";
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern POSSESSIVE = Pattern.compile("(?i)['’]s$|['’]$");
  private static final Pattern EDGE_PUNCTUATION =
      Pattern.compile("^[\\p{Punct}“”‘’«»]+|[\\p{Punct}“”‘’«»&&[^.]]+$");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern DOTS_AND_APOSTROPHES = Pattern.compile("[.']");
  private static final Pattern NON_NAME = Pattern.compile("[^\\p{L}\\p{N}-]+");
  private static final Pattern DOUBLED = Pattern.compile("(\\p{L})\\1+");
  private static final Pattern INNER_MARKS = Pattern.compile("[\\[\\](){}\"“”«»]+");
  private static final String HIGH = "\\u0080-\\u00bf€™œ\\u201a-\\u201e\\u2020-\\u2030\\u0152\\u0153\\u0160\\u0161"
      + "\\u0178\\u017d\\u017e\\u02c6\\u02dc";
  private static final Pattern MOJIBAKE = Pattern.compile("[ÃÂ][" + HIGH + "]*|â[€\\u0080-\\u00bf][" + HIGH + "]*");
  private static final Set<String> CONNECTORS = Set.of("of", "the", "and", "for", "de", "du", "des", "la", "le");

  private Names() {}

  /**
   * The name a surface form stands for: without leading titles and honorifics (while a name remains), a
   * trailing possessive, and surrounding punctuation; inner spacing collapsed.
   */
  public static String clean(String surface) {
    String name = INNER_MARKS.matcher(repairMojibake(surface)).replaceAll(" ");
    name = SPACES.matcher(name.strip()).replaceAll(" ");
    name = POSSESSIVE.matcher(name).replaceAll("");
    name = stripTitles(EDGE_PUNCTUATION.matcher(name).replaceAll("").strip(), new ArrayList<>());
    return name.isEmpty() ? surface.strip() : name;
  }

  /** Words that make a title part of an institution's name ("Justice Department", "Director of ..."). */
  private static final Set<String> INSTITUTIONS = Set.of("department", "court", "committee", "ministry", "office",
      "agency", "service", "division", "council", "bureau", "commission", "board", "house", "senate", "general",
      "corps", "staff", "guard", "assembly", "party");

  /** What follows a title is a name: it starts with a capital and is no institution ("Justice Department"). */
  private static boolean isNameAfterTitle(String rest) {
    return !rest.isEmpty() && Character.isUpperCase(rest.codePointAt(0))
        && !INSTITUTIONS.contains(rest.split(" ")[0].toLowerCase(Locale.ROOT));
  }

  /**
   * The titles and honorifics {@link #clean} strips from the front of a surface form, lower case without dots, in
   * order ("Mr. President Trump" -> [mr, president]); empty when there are none.
   */
  public static List<String> honorifics(String surface) {
    List<String> out = new ArrayList<>();
    String name = SPACES.matcher(INNER_MARKS.matcher(surface).replaceAll(" ").strip()).replaceAll(" ");
    stripTitles(EDGE_PUNCTUATION.matcher(name).replaceAll("").strip(), out);
    return out;
  }

  /** {@code name} without its leading titles (while a name remains); each stripped title, without dots, to {@code out}. */
  private static String stripTitles(String name, List<String> out) {
    boolean stripped = true;
    while (stripped) {
      stripped = false;
      String lower = name.toLowerCase(Locale.ROOT);
      for (String title : TITLES) {
        if (lower.startsWith(title + " ") && isNameAfterTitle(name.substring(title.length() + 1).strip())) {
          name = name.substring(title.length() + 1).strip();
          out.add(title.replace(".", ""));
          stripped = true;
          break;
        }
      }
    }
    return name;
  }

  /** {@link #MAN} or {@link #WOMAN} when an honorific says so ("Mr.", "Mrs.", "Queen"), else null. */
  public static String gender(List<String> honorifics) {
    for (String h : honorifics) {
      if (MALE.contains(h)) {
        return MAN;
      }
      if (FEMALE.contains(h)) {
        return WOMAN;
      }
    }
    return null;
  }

  /**
   * Text with UTF-8 that was read as Windows-1252 ("JosÃ© MourinhoÃ¢Â€Â™s") read back when it can be ("José"), and
   * its left-over marks cut otherwise ("Bill ClintonÃ" -> "Bill Clinton").
   */
  static String repairMojibake(String s) {
    if (s.indexOf('Ã') < 0 && s.indexOf('Â') < 0 && s.indexOf('â') < 0) {
      return s;
    }
    java.nio.charset.CharsetEncoder encoder = java.nio.charset.Charset.forName("windows-1252").newEncoder();
    java.nio.charset.CharsetDecoder decoder = java.nio.charset.StandardCharsets.UTF_8.newDecoder();
    try {
      String repaired = decoder.decode(encoder.encode(java.nio.CharBuffer.wrap(s))).toString();
      if (!repaired.equals(s)) {
        return repairMojibake(repaired);
      }
    } catch (java.nio.charset.CharacterCodingException notMojibake) {
      // not a clean round trip: cut the marks below
    }
    return MOJIBAKE.matcher(s).replaceAll("");
  }

  /** Lower case, accents removed, punctuation except inner hyphens dropped: the key of an exact name. */
  public static String key(String name) {
    String s = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
    s = NON_NAME.matcher(DOTS_AND_APOSTROPHES.matcher(s.replace('’', '\'')).replaceAll("")).replaceAll(" ");
    return SPACES.matcher(s.strip()).replaceAll(" ");
  }

  /** Tokens of a name key without Arabic article prefixes ("al-assad" and "al assad" -> "assad"). */
  static List<String> tokens(String key) {
    String[] parts = key.split(" ");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < parts.length; i++) {
      String t = parts[i];
      if ((t.startsWith("al-") || t.startsWith("el-")) && t.length() > 3) {
        t = t.substring(3);
      } else if ((t.equals("al") || t.equals("el")) && i < parts.length - 1) {
        continue;
      }
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }

  /**
   * A name key without its middle initials: single letters, or two or three consonants ("hw" of "George H.W.
   * Bush"), between the first and the last word ("donald j trump" -> "donald trump").
   */
  static String withoutMiddleInitials(String key) {
    String[] words = key.split(" ");
    if (words.length < 3) {
      return key;
    }
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < words.length; i++) {
      boolean middle = i > 0 && i < words.length - 1;
      if (!(middle && isInitials(words[i]))) {
        kept.add(words[i]);
      }
    }
    return String.join(" ", kept);
  }

  private static boolean isInitials(String word) {
    return word.length() == 1 || (word.length() <= 3 && word.chars().noneMatch(c -> "aeiouy".indexOf(c) >= 0)
        && word.chars().allMatch(Character::isLetter));
  }

  /**
   * Whether a name's {@link #tokens} {@code s} are the tail of a longer name's {@code l} ("Lavrov" of "Sergei
   * Lavrov").
   */
  static boolean isTailOf(List<String> s, List<String> l) {
    if (s.isEmpty() || s.size() >= l.size()) {
      return false;
    }
    return l.subList(l.size() - s.size(), l.size()).equals(s);
  }

  /**
   * An acronym's letters ("U.N." -> "UN") when the name looks like one (2 to 6 capitals, dots allowed), else
   * null.
   */
  static String acronym(String name) {
    String letters = name.replace(".", "");
    return letters.length() >= 2 && letters.length() <= 6 && letters.chars().allMatch(Character::isUpperCase)
        ? letters : null;
  }

  /** The initials of a name's words, connectors skipped ("United Nations" -> "UN"). */
  static String initials(String name) {
    StringBuilder out = new StringBuilder();
    for (String word : name.split("[\\s-]+")) {
      if (!word.isEmpty() && !CONNECTORS.contains(word.toLowerCase(Locale.ROOT))) {
        out.append(Character.toUpperCase(word.charAt(0)));
      }
    }
    return out.toString();
  }

  /**
   * A spelling-variant key: the name key with Arabic article prefixes dropped, y read as i, doubled letters
   * single ("Sergey Lavrov" and "Sergei Lavrov" -> "sergei lavrov"; "Bashar al-Assad" and "Bashar Assad" ->
   * "bashar asad"). Used across documents only, under the guards of {@link CrossDocument}.
   */
  public static String fold(String key) {
    List<String> out = new ArrayList<>();
    for (String token : tokens(key)) {
      String t = DOUBLED.matcher(token.replace('y', 'i')).replaceAll("$1").replace("-", "");
      out.add(t);
    }
    return String.join(" ", out);
  }

  /** Damerau-Levenshtein distance (optimal string alignment), bounded: returns max + 1 once over max. */
  static int distance(String a, String b, int max) {
    if (Math.abs(a.length() - b.length()) > max) {
      return max + 1;
    }
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int rowMin = Integer.MAX_VALUE;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
        rowMin = Math.min(rowMin, d[i][j]);
      }
      if (rowMin > max) {
        return max + 1;
      }
    }
    return d[a.length()][b.length()];
  }
}
