package org.presslens.framing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Direct quotations and their speakers. A quotation is text between a pair of double quotes (curly or straight)
 * inside one paragraph; a quote left open at the end of a paragraph runs to the paragraph's end (news style for
 * quotes that go on in the next paragraph). Its speaker is the phrase joined to it by a speech verb:
 * <ol>
 *   <li>after the quote: {@code "...," Lavrov said} / {@code "...," said Lavrov} / {@code "..." according to Lavrov};</li>
 *   <li>before it, in the same sentence: {@code Lavrov told reporters: "..."}.</li>
 * </ol>
 * The phrase (cut before a relative clause) resolves to the person or organisation mentioned inside it (a person
 * first), or, for a
 * pronoun (he, she), to the speaker of the last quotation named outright within three paragraphs, else to the first
 * person (the subject, usually) of the nearest sentence before the quote that names one. Otherwise the phrase
 * itself is the speaker ("a senior EU official"), with no entity. An unattributed quotation right after an
 * attributed one continues its speaker.
 */
public final class Quotes {
  static final String VERBS = "said|says|say|told|tells|added|adds|stated|states|declared|insisted|insists|warned"
      + "|warns|argued|argues|explained|noted|notes|wrote|writes|asked|replied|claimed|claims|continued|announced"
      + "|acknowledged|recalled|urged|stressed|emphasized|emphasised|tweeted|conceded|admitted|suggested|concluded"
      + "|remarked|maintained|countered|cautioned|vowed|predicted|complained|boasted|pleaded|testified|lamented"
      + "|responded|quipped|observed|posted|saying|writing|adding|telling|noting|arguing|declaring|insisting"
      + "|warning|responding|replying|tweeting|calling|called|described|dubbed|branded|labeled|labelled";
  /** A dot that ends an abbreviation (Mr., Gen., U.S.) rather than a sentence. */
  private static final String ABBREVIATION = "\\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Prof|St|Jr|Sr|Mt|[A-Z])";
  private static final String ABBREVIATION_DOT = "(?<=" + ABBREVIATION + ")\\.";
  private static final String SPEAKER = "(?:[^\"“”.!?;:\\n]|" + ABBREVIATION_DOT + ")";
  private static final String SPEAKER_NO_COMMA = "(?:[^\"“”,.!?;:(\\n]|" + ABBREVIATION_DOT + ")";
  private static final Pattern AFTER_NAME_VERB = Pattern.compile("^[\\s,;:\\-—–]*(?<speaker>" + SPEAKER
      + "{1,80}?)\\s+(?:has\\s+|had\\s+|would\\s+|will\\s+)?(?<verb>" + VERBS + ")\\b");
  private static final Pattern AFTER_VERB_NAME = Pattern.compile(
      "^[\\s,;:\\-—–]*(?<verb>" + VERBS + "|according\\s+to)\\s+(?<speaker>" + SPEAKER_NO_COMMA + "{1,80})");
  private static final Pattern VERB = Pattern.compile("\\b(?<verb>" + VERBS + ")\\b");
  private static final Pattern SENTENCE_END = Pattern.compile("(?:[!?\"“”\\n]|(?<!" + ABBREVIATION + ")\\.)");
  private static final Pattern RELATIVE_CLAUSE = Pattern.compile(",\\s*(?:who|which|whose|whom)\\b|,\\s*$");
  private static final Pattern LEADING_CONJUNCTION = Pattern.compile("^(?i:but|and|so|yet|however|then),?\\s+");
  private static final Set<String> PRONOUNS = Set.of("he", "she", "they", "i", "we");
  /** Pronouns resolved to a person mentioned before the quote (they/I/we are left as said). */
  private static final Set<String> PERSON_PRONOUNS = Set.of("he", "she");
  private static final int MAX_SPEAKER_WORDS = 8;

  /** A named-entity mention of the text (offsets in the text), as entity_mentions has it. */
  public record Mention(int begin, int end, String type, String entityId, String entityName) {}

  /**
   * One quotation: [begin, end) offsets of the quoted words (quote marks excluded), its speaker phrase and the
   * entity it resolved to (null when none), the speech verb and how the speaker was found (after, before,
   * pronoun; null when unattributed), and where the speaker's entity mention starts (null when none), so that the
   * speaker can be re-resolved when entity resolution changes (incremental runs).
   */
  public record Quote(int begin, int end, String text, String speaker, String entityId, String entityName,
      String verb, String attribution, Integer speakerStart) {}

  private static final Comparator<Mention> IN_TEXT_ORDER = Comparator.comparingInt(Mention::begin)
      .thenComparingInt(Mention::end).thenComparing(Mention::type)
      .thenComparing(Mention::entityId, Comparator.nullsFirst(Comparator.naturalOrder()));

  private Quotes() {}

  /** The quotations of a text with their speakers; the mentions may come in any order (the result does not). */
  public static List<Quote> extract(String text, List<Mention> unordered, int minWords) {
    List<Quote> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    List<Mention> mentions = unordered.stream().sorted(IN_TEXT_ORDER).toList();
    Quote previous = null;
    Quote lastNamed = null;
    for (int[] span : spans(text)) {
      String quoted = text.substring(span[0], span[1]).strip();
      if (quoted.isEmpty() || quoted.split("\\s+").length < minWords) {
        continue;
      }
      Quote quote = attribute(text, span[0], span[1], quoted, mentions);
      if (quote.speaker() == null && continues(text, previous, span[0])) {
        quote = new Quote(quote.begin(), quote.end(), quoted, previous.speaker(), previous.entityId(),
            previous.entityName(), previous.verb(), "continued", previous.speakerStart());
      }
      if ("pronoun".equals(quote.attribution()) && lastNamed != null && !lastNamed.attribution().equals("pronoun")
          && text.substring(lastNamed.end(), quote.begin()).split("\n\n", -1).length <= 3) {
        quote = new Quote(quote.begin(), quote.end(), quoted, quote.speaker(), lastNamed.entityId(),
            lastNamed.entityName(), quote.verb(), "pronoun", lastNamed.speakerStart());
      }
      out.add(quote);
      previous = quote;
      if (quote.entityId() != null && !"pronoun".equals(quote.attribution())) {
        lastNamed = quote;
      }
    }
    return out;
  }

  /**
   * An unattributed quotation continues the previous one's speaker when it follows it in the same or the next
   * paragraph with at most a short attribution between them ("...," she said. "...").
   */
  private static boolean continues(String text, Quote previous, int begin) {
    if (previous == null || previous.speaker() == null) {
      return false;
    }
    String between = text.substring(Math.min(previous.end() + 1, begin), Math.max(previous.end() + 1, begin - 1));
    int breaks = between.split("\n\n", -1).length - 1;
    return breaks <= 1 && between.strip().length() <= 120;
  }

  /** [begin, end) of each quotation's content: pairs of quote marks within a paragraph. */
  static List<int[]> spans(String text) {
    List<int[]> spans = new ArrayList<>();
    int open = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean paragraphEnd = c == '\n' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
      if (paragraphEnd && open >= 0) {
        spans.add(new int[] {open + 1, i});
        open = -1;
      } else if (c == '“' || (c == '"' && open < 0)) {
        open = i;
      } else if ((c == '”' || c == '"') && open >= 0) {
        spans.add(new int[] {open + 1, i});
        open = -1;
      }
    }
    if (open >= 0) {
      spans.add(new int[] {open + 1, text.length()});
    }
    return spans;
  }

  private static Quote attribute(String text, int begin, int end, String quoted, List<Mention> mentions) {
    int close = Math.min(text.length(), end + 1);
    String after = text.substring(close, Math.min(text.length(), close + 120));
    int paragraphBreak = after.indexOf("\n\n");
    if (paragraphBreak >= 0) {
      after = after.substring(0, paragraphBreak);
    }
    Matcher m = AFTER_VERB_NAME.matcher(after);
    if (m.find() && words(m.group("speaker")) <= MAX_SPEAKER_WORDS) {
      int at = close + m.start("speaker");
      return resolved(text, begin, end, quoted, at, at + m.group("speaker").strip().length(), m.group("verb"),
          "after", mentions);
    }
    m = AFTER_NAME_VERB.matcher(after);
    if (m.find() && words(m.group("speaker")) <= MAX_SPEAKER_WORDS) {
      int at = close + m.start("speaker");
      return resolved(text, begin, end, quoted, at, at + m.group("speaker").length(), m.group("verb"), "after",
          mentions);
    }
    int open = Math.max(0, begin - 1);
    int from = Math.max(Math.max(0, open - 160), text.lastIndexOf("\n\n", open) + 1);
    String before = text.substring(from, open);
    int verbAt = -1;
    String verb = null;
    Matcher v = VERB.matcher(before);
    while (v.find()) {
      if (!SENTENCE_END.matcher(before.substring(v.end())).find()) {
        verbAt = v.start();
        verb = v.group("verb");
        break;
      }
    }
    if (verbAt > 0) {
      int sentenceStart = 0;
      Matcher e = SENTENCE_END.matcher(before.substring(0, verbAt));
      while (e.find()) {
        sentenceStart = e.end();
      }
      String phrase = before.substring(sentenceStart, verbAt).replaceAll("\\s+(?:has|had)\\s*$", "");
      Matcher relative = RELATIVE_CLAUSE.matcher(phrase);
      if (relative.find()) {
        phrase = phrase.substring(0, relative.start());
      }
      int lead = phrase.length() - phrase.stripLeading().length();
      int at = from + sentenceStart + lead;
      int phraseEnd = from + sentenceStart + phrase.stripTrailing().length();
      if (words(phrase) <= MAX_SPEAKER_WORDS + 4) {
        return resolved(text, begin, end, quoted, at, phraseEnd, verb, "before", mentions);
      }
      Mention subject = firstPerson(mentions, at, phraseEnd);
      if (subject != null) {
        return resolved(text, begin, end, quoted, subject.begin(), subject.end(), verb, "before", mentions);
      }
    }
    return new Quote(begin, end, quoted, null, null, null, null, null, null);
  }

  private static Quote resolved(String text, int begin, int end, String quoted, int speakerBegin, int speakerEnd,
      String verb, String attribution, List<Mention> mentions) {
    String phrase = text.substring(speakerBegin, speakerEnd).strip();
    Matcher relative = RELATIVE_CLAUSE.matcher(phrase);
    if (relative.find()) {
      speakerEnd = speakerBegin + relative.start();
      phrase = phrase.substring(0, relative.start()).strip();
    }
    Matcher conjunction = LEADING_CONJUNCTION.matcher(phrase);
    if (conjunction.find()) {
      speakerBegin += conjunction.end();
      phrase = phrase.substring(conjunction.end());
    }
    int comma = phrase.lastIndexOf(',');
    if (comma >= 0 && PRONOUNS.contains(phrase.substring(comma + 1).strip().toLowerCase(Locale.ROOT))) {
      speakerBegin += phrase.length() - phrase.substring(comma + 1).stripLeading().length();
      phrase = phrase.substring(comma + 1).strip();
    }
    if (Terms.tokens(phrase).stream().allMatch(t -> Terms.isStopWord(t.word()) && !PRONOUNS.contains(t.word()))) {
      return new Quote(begin, end, quoted, null, null, null, null, null, null);
    }
    String v = verb.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    Mention best = null;
    for (Mention mention : mentions) {
      if (mention.begin() >= speakerBegin && mention.end() <= speakerEnd && rank(mention) <= 1
          && !possessor(text, mention) && (best == null || rank(mention) < rank(best))) {
        best = mention;
      }
    }
    if (best != null) {
      return new Quote(begin, end, quoted, phrase, best.entityId(), best.entityName(), v, attribution,
          best.begin());
    }
    if (PERSON_PRONOUNS.contains(phrase.toLowerCase(Locale.ROOT))) {
      Mention nearest = null;
      for (Mention mention : mentions) {
        if (mention.type().equals("PERSON") && mention.end() <= begin
            && (nearest == null || mention.end() > nearest.end())) {
          nearest = mention;
        }
      }
      if (nearest != null) {
        int sentenceStart = 0;
        Matcher e = SENTENCE_END.matcher(text.substring(0, nearest.begin()));
        while (e.find()) {
          sentenceStart = e.end();
        }
        nearest = firstPerson(mentions, sentenceStart, nearest.end());
        return new Quote(begin, end, quoted, phrase, nearest.entityId(), nearest.entityName(), v, "pronoun",
            nearest.begin());
      }
    }
    return new Quote(begin, end, quoted, phrase, null, null, v, attribution, null);
  }

  /** The first person mentioned in [from, to): the subject of a sentence, usually. */
  private static Mention firstPerson(List<Mention> mentions, int from, int to) {
    Mention first = null;
    for (Mention m : mentions) {
      if (m.type().equals("PERSON") && m.begin() >= from && m.end() <= to && (first == null || m.begin() < first.begin())) {
        first = m;
      }
    }
    return first;
  }

  /** "Grimm's lawyer, William McGinley": a possessor names whose the speaker is, not the speaker. */
  private static boolean possessor(String text, Mention mention) {
    String after = text.substring(mention.end(), Math.min(text.length(), mention.end() + 2));
    return after.equals("'s") || after.equals("\u2019s");
  }

  /** People speak before organisations, organisations before places. */
  private static int rank(Mention mention) {
    return switch (mention.type()) {
      case "PERSON" -> 0;
      case "ORGANIZATION" -> 1;
      case "MISC" -> 2;
      default -> 3;
    };
  }

  private static int words(String phrase) {
    String s = phrase.strip();
    return s.isEmpty() ? Integer.MAX_VALUE : s.split("\\s+").length;
  }
}
