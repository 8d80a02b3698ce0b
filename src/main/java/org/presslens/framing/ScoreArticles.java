package org.presslens.framing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.presslens.entities.CoreNlpBackend;
import org.presslens.entities.EntityMentions;
import org.presslens.normalize.Articles;

/**
 * Executor side: everything the framing tables need from one canonical article, read in one pass: sentence tones
 * (sentences split as for NER), term counts, frame cue hits, label and topic matches, quotations and their
 * speakers. Input: an article with its text mentions ({@link #MENTIONS}, may be null); output: {@link #SCHEMA}.
 */
final class ScoreArticles implements MapFunction<Row, Row> {
  private static final long serialVersionUID = 1L;
  static final String MENTIONS = "mentions";
  static final String WORDS = "words";
  static final String SENTENCES = "sentences";
  static final String TONE = "tone";
  static final String TERMS = "terms";
  static final String FRAME_HITS = "frame_hits";
  static final String TOPICS = "topics";
  static final String LABELS = "labels";
  static final String QUOTES = "quotes";
  static final String LABEL_USES = "label_uses";

  static final StructType SENTENCE = new StructType().add(EntityMentions.FIELD, DataTypes.StringType)
      .add(EntityMentions.SENTENCE_INDEX, DataTypes.IntegerType).add("compound", DataTypes.DoubleType);
  static final StructType TERM = new StructType().add("term", DataTypes.StringType).add("n", DataTypes.IntegerType);
  static final StructType LABEL = new StructType().add("family", DataTypes.StringType)
      .add("label", DataTypes.StringType).add("n", DataTypes.IntegerType)
      .add("n_outside_quotes", DataTypes.IntegerType);
  /** One use of a label in the text and what it names ({@link LabelTargets}; target null when the text does not say). */
  static final StructType LABEL_USE = new StructType().add("family", DataTypes.StringType)
      .add("label", DataTypes.StringType).add("char_start", DataTypes.IntegerType)
      .add("char_end", DataTypes.IntegerType).add("outside_quotes", DataTypes.BooleanType)
      .add("target", DataTypes.StringType).add("target_start", DataTypes.IntegerType)
      .add("target_end", DataTypes.IntegerType).add("target_rule", DataTypes.StringType);
  static final StructType QUOTE = new StructType().add("char_start", DataTypes.IntegerType)
      .add("char_end", DataTypes.IntegerType).add("text", DataTypes.StringType)
      .add("speaker", DataTypes.StringType).add("speaker_entity_id", DataTypes.StringType)
      .add("speaker_name", DataTypes.StringType).add("speech_verb", DataTypes.StringType)
      .add("attribution", DataTypes.StringType).add("speaker_char_start", DataTypes.IntegerType);
  static final StructType SCHEMA = new StructType()
      .add(Articles.ARTICLE_ID, DataTypes.StringType).add(Articles.OUTLET, DataTypes.StringType)
      .add(Articles.PUBLISHED_DATE, DataTypes.DateType).add(WORDS, DataTypes.IntegerType)
      .add(SENTENCES, new ArrayType(SENTENCE, false)).add(TONE, DataTypes.DoubleType)
      .add(TERMS, new ArrayType(TERM, false))
      .add(FRAME_HITS, DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType))
      .add(TOPICS, new ArrayType(DataTypes.StringType, false)).add(LABELS, new ArrayType(LABEL, false))
      .add(QUOTES, new ArrayType(QUOTE, false)).add(LABEL_USES, new ArrayType(LABEL_USE, false));

  private final PhraseMatcher frames;
  private final PhraseMatcher topics;
  private final PhraseMatcher labels;
  private final Map<String, String> familyOfLabel;
  private final int quoteMinWords;

  ScoreArticles(Map<String, List<String>> frameCues, Map<String, List<String>> topicTerms,
      Map<String, List<String>> labelFamilies, int quoteMinWords) {
    this.frames = new PhraseMatcher(frameCues, false);
    this.topics = new PhraseMatcher(topicTerms, true);
    this.familyOfLabel = new HashMap<>();
    labelFamilies.forEach((family, labels) -> labels.forEach(label -> familyOfLabel.put(label, family)));
    this.labels = PhraseMatcher.labels(labelFamilies);
    this.quoteMinWords = quoteMinWords;
  }

  @Override
  public Row call(Row article) {
    String title = article.getAs(Articles.TITLE);
    String text = article.getAs(Articles.TEXT);
    List<Row> sentences = new ArrayList<>();
    double toneSum = 0;
    int toned = 0;
    if (title != null && !title.isBlank()) {
      for (Double compound : tones(title)) {
        sentences.add(RowFactory.create("title", sentences.size(), compound));
      }
    }
    int index = 0;
    for (Double compound : tones(text)) {
      sentences.add(RowFactory.create("text", index++, compound));
      if (compound != null) {
        toneSum += compound;
        toned++;
      }
    }
    List<Terms.Token> tokens = Terms.tokens(text);
    List<Terms.Token> titleTokens = Terms.tokens(title);
    List<Terms.Token> all = new ArrayList<>(titleTokens);
    all.addAll(tokens);
    // the outlet's own name and brand ("TRT World", "Jordan Times") are no word it chooses
    String outlet = article.getAs(Articles.OUTLET);
    List<Terms.Token> counted = new ArrayList<>(Terms.withoutName(titleTokens, title, outlet));
    counted.addAll(Terms.withoutName(tokens, text, outlet));
    List<Row> terms = new ArrayList<>();
    for (Map.Entry<String, Integer> term : Terms.counts(counted).entrySet()) {
      terms.add(RowFactory.create(term.getKey(), term.getValue()));
    }
    Map<String, Integer> frameHits = new TreeMap<>();
    for (PhraseMatcher.Match m : frames.find(all)) {
      frameHits.merge(m.key(), 1, Integer::sum);
    }
    TreeSet<String> topicHits = new TreeSet<>();
    for (PhraseMatcher.Match m : topics.find(all)) {
      topicHits.add(m.key());
    }
    List<Quotes.Quote> quotes = Quotes.extract(text, mentions(article), quoteMinWords);
    Map<String, int[]> labelCounts = new TreeMap<>();
    List<Row> labelUses = new ArrayList<>();
    for (PhraseMatcher.Match m : labels.find(tokens)) {
      int[] n = labelCounts.computeIfAbsent(m.key(), k -> new int[2]);
      n[0]++;
      int begin = tokens.get(m.firstToken()).begin();
      boolean outside = !insideQuote(begin, quotes);
      if (outside) {
        n[1]++;
      }
      LabelTargets.Target target = LabelTargets.of(text, tokens, m.firstToken(), m.lastToken());
      labelUses.add(RowFactory.create(familyOfLabel.get(m.key()), m.key(), begin, tokens.get(m.lastToken()).end(),
          outside, target == null ? null : target.name(), target == null ? null : target.begin(),
          target == null ? null : target.end(), target == null ? null : target.rule()));
    }
    List<Row> labelRows = new ArrayList<>();
    labelCounts.forEach((label, n) -> labelRows.add(RowFactory.create(familyOfLabel.get(label), label, n[0], n[1])));
    List<Row> quoteRows = new ArrayList<>();
    for (Quotes.Quote q : quotes) {
      quoteRows.add(RowFactory.create(q.begin(), q.end(), q.text(), q.speaker(), q.entityId(), q.entityName(),
          q.verb(), q.attribution(), q.speakerStart()));
    }
    return RowFactory.create(article.getAs(Articles.ARTICLE_ID), outlet,
        article.getAs(Articles.PUBLISHED_DATE), all.size(), seq(sentences), toned == 0 ? null : toneSum / toned,
        seq(terms), scala.jdk.javaapi.CollectionConverters.asScala(frameHits), seq(new ArrayList<>(topicHits)),
        seq(labelRows), seq(quoteRows), seq(labelUses));
  }

  /** Array values of a Row are Scala sequences. */
  private static <T> scala.collection.immutable.Seq<T> seq(List<T> values) {
    return scala.jdk.javaapi.CollectionConverters.asScala(values).toList();
  }

  /** VADER compound of each sentence, in order (null for a sentence without a letter). */
  private static List<Double> tones(String text) {
    List<Double> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    for (int[] span : CoreNlpBackend.sentences(text)) {
      out.add(Tone.compound(text.substring(span[0], span[1])));
    }
    return out;
  }

  private static boolean insideQuote(int offset, List<Quotes.Quote> quotes) {
    for (Quotes.Quote q : quotes) {
      if (offset >= q.begin() && offset < q.end()) {
        return true;
      }
    }
    return false;
  }

  private static List<Quotes.Mention> mentions(Row article) {
    List<Quotes.Mention> out = new ArrayList<>();
    int index = article.fieldIndex(MENTIONS);
    if (article.isNullAt(index)) {
      return out;
    }
    for (Row m : article.<Row>getList(index)) {
      out.add(new Quotes.Mention(m.getAs(EntityMentions.CHAR_START), m.getAs(EntityMentions.CHAR_END),
          m.getAs(EntityMentions.ENTITY_TYPE), m.getAs(EntityMentions.ENTITY_ID), m.getAs(EntityMentions.ENTITY_NAME)));
    }
    return out;
  }
}
