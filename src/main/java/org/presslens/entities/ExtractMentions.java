package org.presslens.entities;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.presslens.normalize.Articles;
import org.presslens.normalize.TextCleaner;

/**
 * Executor side: an article's mentions, resolved within the article. The title and the text are tagged
 * separately (offsets refer to their field) and resolved together, so "Lavrov" in the text links to "Sergei
 * Lavrov" in the title. The backend is the JVM's shared one, built on the first article of the executor.
 */
final class ExtractMentions implements FlatMapFunction<Row, Row> {
  private static final long serialVersionUID = 1L;
  /** The key of the mention's own name (cleaned, through the alias map), before any link. */
  static final String OWN_KEY = "own_key";
  /** What the mention's honorific says of the gender ("Mr." M, "Mrs." F), else null. */
  static final String HONORIFIC_GENDER = "honorific_gender";
  /** The mention's pronoun cue: M or F from the first he/his/him or she/her after it, before the next name. */
  static final String PRONOUN = "pronoun";
  /** How far after a mention a pronoun is looked for. */
  static final int PRONOUN_WINDOW = 200;
  private static final Pattern PRONOUNS = Pattern.compile("\\b(?:(he|him|his|himself)|(she|her|hers|herself))\\b",
      Pattern.CASE_INSENSITIVE);
  /** Output: a mention with the name it resolved to inside its article (entity ids come later). */
  static final StructType SCHEMA = new StructType()
      .add(EntityMentions.ARTICLE_ID, DataTypes.StringType).add(EntityMentions.OUTLET, DataTypes.StringType)
      .add(EntityMentions.PUBLISHED_DATE, DataTypes.DateType).add(EntityMentions.ENTITY_TYPE, DataTypes.StringType)
      .add("resolved", DataTypes.StringType).add(EntityMentions.SURFACE, DataTypes.StringType)
      .add(EntityMentions.FIELD, DataTypes.StringType).add(EntityMentions.CHAR_START, DataTypes.IntegerType)
      .add(EntityMentions.CHAR_END, DataTypes.IntegerType).add(EntityMentions.SENTENCE_INDEX, DataTypes.IntegerType)
      .add(EntityMentions.PARAGRAPH_INDEX, DataTypes.IntegerType).add(EntityMentions.IN_LEAD, DataTypes.BooleanType)
      .add(EntityMentions.LINK_METHOD, DataTypes.StringType).add(EntityMentions.LINK_EVIDENCE, DataTypes.StringType)
      .add(EntityMentions.TAGGED_TYPE, DataTypes.StringType).add(OWN_KEY, DataTypes.StringType)
      .add(HONORIFIC_GENDER, DataTypes.StringType).add(PRONOUN, DataTypes.StringType);
  private final Map<String, String> aliases;

  ExtractMentions(Map<String, String> aliases) {
    this.aliases = aliases;
  }

  @Override
  public Iterator<Row> call(Row article) {
    NerBackend backend = CoreNlpBackend.get();
    String title = article.getAs(Articles.TITLE);
    String text = article.getAs(Articles.TEXT);
    List<Spans.Span> titleSpans = title != null && !title.isBlank() ? Spans.of(title, backend.tag(title)) : List.of();
    return mentions(article, titleSpans, Spans.of(text, backend.tag(text))).iterator();
  }

  /** The rows of an article's mentions, from the spans of its title and its text. */
  List<Row> mentions(Row article, List<Spans.Span> titleSpans, List<Spans.Span> textSpans) {
    String title = article.getAs(Articles.TITLE);
    String text = article.getAs(Articles.TEXT);
    List<Spans.Span> allSpans = new ArrayList<>(titleSpans);
    allSpans.addAll(textSpans);
    titleSpans = titleSpans.stream().map(span -> strayWord(title, true, span, text, allSpans)).toList();
    textSpans = textSpans.stream().map(span -> strayWord(text, false, span, text, allSpans)).toList();
    List<Spans.Span> spans = new ArrayList<>(titleSpans);
    spans.addAll(textSpans);
    List<String> pronouns = new ArrayList<>(pronouns(title, titleSpans));
    pronouns.addAll(pronouns(text, textSpans));
    List<DocumentEntities.Resolved> resolved = new DocumentEntities(aliases).resolve(spans, pronouns);
    int[] paragraphStarts = paragraphStarts(text);
    List<Row> out = new ArrayList<>(spans.size());
    for (int i = 0; i < spans.size(); i++) {
      Spans.Span s = spans.get(i);
      boolean inTitle = i < titleSpans.size();
      String clean = Names.clean(s.surface());
      String alias = aliases.get(Names.key(clean));
      Integer paragraph = inTitle ? null : paragraph(paragraphStarts, s.begin());
      out.add(RowFactory.create(article.getAs(Articles.ARTICLE_ID), article.getAs(Articles.OUTLET),
          article.getAs(Articles.PUBLISHED_DATE), resolved.get(i).type(), resolved.get(i).name(), s.surface(),
          inTitle ? "title" : "text", s.begin(), s.end(), s.sentence(), paragraph,
          inTitle || paragraph == 0, resolved.get(i).method(), resolved.get(i).evidence(), s.type(),
          Names.key(alias != null ? alias : clean), Names.gender(Names.honorifics(s.surface())), pronouns.get(i)));
    }
    return out;
  }

  /** A possessive inside a span ("Paul Ryan's Obamacare"), before another word. */
  private static final Pattern POSSESSIVE_INSIDE = Pattern.compile("['’]s ");
  /** Words that never start a name ("An Obamacare gotcha moment"); "The" does ("The Hague"). */
  static final java.util.Set<String> FUNCTION_WORDS = java.util.Set.of("A", "An", "This", "That", "These", "Those",
      "Its", "Their", "His", "Her", "Our", "My", "Your", "When", "Why", "How", "What", "If", "While", "Whether",
      "Did", "Does", "Do", "Is", "Are", "Was", "Were", "Has", "Have", "Had");

  /** Auxiliaries that begin questions ("Will Obamacare fall apart on its own?"): "Will" is also a given name. */
  static final java.util.Set<String> QUESTION_AUXILIARIES = java.util.Set.of("Will", "Can", "Could", "Would",
      "Should", "Shall", "May", "Might", "Must");

  /** Verbs that begin imperative sentences before a name ("Take Obamacare. One section says ..."). */
  static final java.util.Set<String> IMPERATIVES = java.util.Set.of("Take", "Consider", "Imagine", "Remember",
      "Forget", "Blame", "Thank", "Ask", "Repeal", "Defund", "Replace", "Fix", "Stop", "Keep", "Let", "Watch");

  /** Capitalised words that begin place and institution names ("South Africa", "Lower Manhattan", "New York"). */
  static final java.util.Set<String> NAME_MODIFIERS = java.util.Set.of("North", "South", "East", "West", "Northern",
      "Southern", "Eastern", "Western", "Upper", "Lower", "New", "Old", "Great", "Greater", "Central", "Saint", "San",
      "Santa", "Los", "Las", "Fort", "Port", "Mount", "Lake", "Cape", "United", "Royal", "National", "General",
      "Little", "Big", "Grand", "High", "Middle", "Inner", "Outer", "Federal", "State", "City", "County");

  /**
   * A span without what the tagger ran into a name before it, when the rest of the span is a name the article
   * mentions on its own: a first word of a title span that title case capitalised ("Fees Obamacare" in "IRS Fees
   * Obamacare ..."; the word is written in lower case in the article's text, the whole span is mentioned only here,
   * and it is no word that begins place names, as "South" or "Lower"), a function word ("An Obamacare"), an auxiliary
   * that begins a question or a verb that begins an imperative sentence ("Will Obamacare fall apart?", "Take
   * Obamacare."), or a name in the possessive ("Paul Ryan's
   * Obamacare"). Otherwise the span itself.
   */
  static Spans.Span strayWord(String field, boolean inTitle, Spans.Span span, String text, List<Spans.Span> spans) {
    Matcher possessive = POSSESSIVE_INSIDE.matcher(span.surface());
    boolean inner = possessive.find();
    int space = inner ? possessive.end() - 1 : span.surface().indexOf(' ');
    if (space < 0) {
      return span;
    }
    String word = span.surface().substring(0, space);
    boolean function = FUNCTION_WORDS.contains(word) || (!inTitle && TextCleaner.sentenceStartsAt(field, span.begin())
        && (IMPERATIVES.contains(word) || (QUESTION_AUXILIARIES.contains(word) && question(field, span.end()))));
    if (!inner && !function && (NAME_MODIFIERS.contains(word) || !inTitle)) {
      return span; // a capitalised word in running text, or "South Africa": part of the name
    }
    if (!inner && (!Names.honorifics(span.surface()).isEmpty() || word.length() < 2
        || !Character.isUpperCase(word.charAt(0)) || word.chars().skip(1).anyMatch(c -> !Character.isLowerCase(c)))) {
      return span;
    }
    String restKey = Names.key(Names.clean(span.surface().substring(space + 1)));
    String wholeKey = Names.key(Names.clean(span.surface()));
    boolean restNamed = false;
    int whole = 0;
    for (Spans.Span other : spans) {
      String key = Names.key(Names.clean(other.surface()));
      whole += key.equals(wholeKey) ? 1 : 0;
      restNamed |= key.equals(restKey);
    }
    String lower = word.toLowerCase(java.util.Locale.ROOT);
    boolean common = function || inner
        || Pattern.compile("(?<![\\p{L}])" + Pattern.quote(lower) + "(?![\\p{L}])").matcher(text).find();
    if (!restNamed || !common || (whole > 1 && !function)) {
      return span;
    }
    Spans.Span rest = Spans.trim(field, span.begin() + space + 1, span.end(), span.type(), span.sentence());
    return rest != null ? rest : span;
  }

  /** Whether the sentence going on at {@code from} ends in a question mark (within its line). */
  static boolean question(String field, int from) {
    for (int i = from; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '?') {
        return true;
      }
      if (c == '.' || c == '!' || c == '\n') {
        return false;
      }
    }
    return false;
  }

  /**
   * Each span's pronoun cue: {@link Names#MAN} or {@link Names#WOMAN} from the first personal pronoun after it,
   * within {@link #PRONOUN_WINDOW} characters, the line, and before the next mention; else null.
   */
  static List<String> pronouns(String text, List<Spans.Span> spans) {
    List<String> out = new ArrayList<>(spans.size());
    for (int i = 0; i < spans.size(); i++) {
      int from = spans.get(i).end();
      int to = Math.min(text.length(), from + PRONOUN_WINDOW);
      if (i + 1 < spans.size()) {
        to = Math.min(to, Math.max(from, spans.get(i + 1).begin()));
      }
      int line = text.indexOf('\n', from);
      if (line >= 0 && line < to) {
        to = line;
      }
      Matcher m = PRONOUNS.matcher(text).region(from, to);
      out.add(!m.find() ? null : m.group(1) != null ? Names.MAN : Names.WOMAN);
    }
    return out;
  }

  /** Start offsets of the text's paragraphs (separated by blank lines in cleaned text). */
  static int[] paragraphStarts(String text) {
    List<Integer> starts = new ArrayList<>(List.of(0));
    for (int i = text.indexOf("\n\n"); i >= 0; i = text.indexOf("\n\n", i + 2)) {
      int next = i + 2;
      while (next < text.length() && text.charAt(next) == '\n') {
        next++;
      }
      starts.add(next);
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  static int paragraph(int[] starts, int offset) {
    int p = 0;
    while (p + 1 < starts.length && starts[p + 1] <= offset) {
      p++;
    }
    return p;
  }
}
