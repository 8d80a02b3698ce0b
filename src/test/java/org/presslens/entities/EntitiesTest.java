package org.presslens.entities;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.presslens.SparkTestSession;
import org.presslens.normalize.Articles;

/**
 * Resolution across articles, from hand-tagged articles (no tagger): the tagger's types do not split a name, the
 * corpus referent of a surname, an honorific taken back from a woman's entity, initials and headline compounds.
 * Mentions are written inline as [TYPE text].
 */
class EntitiesTest {
  private static final Pattern TAG = Pattern.compile("\\[(PERSON|LOCATION|ORGANIZATION|MISC) ([^\\]]+)\\]");
  private static final StructType ARTICLE = new StructType().add(Articles.ARTICLE_ID, DataTypes.StringType)
      .add(Articles.OUTLET, DataTypes.StringType).add(Articles.PUBLISHED_DATE, DataTypes.DateType)
      .add(Articles.TITLE, DataTypes.StringType).add(Articles.TEXT, DataTypes.StringType);
  private final SparkSession spark = SparkTestSession.get();

  /** One article: its title and text with inline tags, and the mentions they make. */
  private static List<Row> article(String id, String title, String tagged) {
    List<Spans.Span> titleSpans = new ArrayList<>();
    List<Spans.Span> spans = new ArrayList<>();
    Row row = new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(
        new Object[] {id, "outlet", null, untag(title, titleSpans), untag(tagged, spans)}, ARTICLE);
    return new ExtractMentions(Map.of()).mentions(row, titleSpans, spans);
  }

  /** The text without its inline tags; their mentions to {@code spans}. */
  private static String untag(String tagged, List<Spans.Span> spans) {
    StringBuilder text = new StringBuilder();
    Matcher m = TAG.matcher(tagged);
    int last = 0;
    while (m.find()) {
      text.append(tagged, last, m.start());
      int begin = text.length();
      text.append(m.group(2));
      spans.add(new Spans.Span(begin, text.length(), m.group(1), 0, m.group(2)));
      last = m.end();
    }
    return text.append(tagged.substring(last)).toString();
  }

  private Map<String, List<String>> entitiesBySurface(List<List<Row>> articles) {
    List<Row> rows = articles.stream().flatMap(List::stream).toList();
    Dataset<Row> extracted = spark.createDataFrame(rows, ExtractMentions.SCHEMA)
        .withColumn(Entities.NAME_KEY, org.apache.spark.sql.functions.udf(
            (org.apache.spark.sql.api.java.UDF1<String, String>) Names::key, DataTypes.StringType)
            .apply(col(Entities.RESOLVED)));
    Entities.Result tables = Entities.tables(extracted);
    return tables.mentions().select("article_id", "surface", "entity_name", "entity_type", "link_method")
        .collectAsList().stream().collect(Collectors.groupingBy(r -> r.getString(0) + "/" + r.getString(1),
            Collectors.mapping(r -> r.getString(2) + ":" + r.getString(3) + ":" + r.getString(4),
                Collectors.toList())));
  }

  /** The article's one mention resolved, in its article, to a name no mention writes itself. */
  private static List<Row> resolvedTo(List<Row> article, String name) {
    Row mention = article.get(0);
    Object[] values = new Object[mention.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = mention.get(i);
    }
    values[ExtractMentions.SCHEMA.fieldIndex(Entities.RESOLVED)] = name;
    return List.of(RowFactory.create(values));
  }

  @Test
  void namesResolveAcrossTypesArticlesAndFamilies() {
    List<List<Row>> corpus = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      corpus.add(article("a" + i, "Budget talks", "[PERSON Donald Trump] spoke; he smiled. [LOCATION Trump] said he would veto"
          + " it. [PERSON Trump] waved. [ORGANIZATION Mr. Trump] left. [MISC Obamacare] stays. [PERSON Obamacare] was debated in [LOCATION Washington], [LOCATION United States]."));
    }
    for (int i = 0; i < 60; i++) {
      corpus.add(article("u" + i, "Growth", "The [LOCATION United States] grew."));
    }
    corpus.add(article("b", "Repeal vote", "[LOCATION Trump] signed the bill on [MISC Obamacare]."
        + " [LOCATION Trump] flew home."));
    corpus.add(article("f", "Consultants", "[PERSON Trump] is a consultant in [LOCATION Florida]."));
    corpus.add(article("h", "Consultants", "[PERSON Trump] is a consultant in the [LOCATION United States]."));
    corpus.add(article("c", "First lady visits school", "[PERSON Melania Trump] visited a school. She smiled."
        + " [PERSON Melania Trump] spoke; she was praised. [PERSON Melania Trump] left; her car waited."
        + " [PERSON Mr. Trump] stayed in [LOCATION Washington]."));
    corpus.add(article("d", "[PERSON Repealing Obamacare] Fails",
        "Lawmakers keep repealing it, and [MISC Obamacare] survives."));
    corpus.add(article("e", "Old friends", "[PERSON George W. Bush] met [PERSON George H.W. Bush] and"
        + " [PERSON George Bush]."));
    corpus.add(resolvedTo(article("k", "Manhunt", "The [PERSON Kouachis] fled."), "Kouachi"));
    Map<String, List<String>> r = entitiesBySurface(corpus);
    assertThat(r.get("a0/Trump")).as("tagged LOCATION once, PERSON once: one name, linked in its article")
        .containsOnly("Donald Trump:PERSON:short_form");
    assertThat(r.get("a0/Mr. Trump")).containsOnly("Donald Trump:PERSON:short_form");
    assertThat(r.get("b/Trump")).as("no full name in the article: the corpus referent")
        .containsOnly("Donald Trump:PERSON:corpus_referent");
    assertThat(r.get("f/Trump")).as("nothing of Donald Trump's context in the article").containsOnly("Trump:PERSON:exact");
    assertThat(r.get("h/Trump")).as("a name of Donald Trump's articles, but of a tenth as many others")
        .containsOnly("Trump:PERSON:exact");
    assertThat(r.get("c/Mr. Trump")).as("not Melania Trump's").containsOnly("Donald Trump:PERSON:corpus_referent");
    assertThat(r.get("c/Melania Trump")).containsOnly("Melania Trump:PERSON:exact");
    assertThat(r.get("a0/Obamacare").stream().map(s -> s.split(":")[0]).distinct()).containsExactly("Obamacare");
    assertThat(r.get("d/Obamacare").stream().map(s -> s.split(":")[0]).distinct()).as("the headline's too")
        .containsExactly("Obamacare");
    assertThat(r.get("e/George W. Bush")).containsOnly("George W. Bush:PERSON:exact");
    assertThat(r.get("e/George H.W. Bush")).containsOnly("George H.W. Bush:PERSON:exact");
    assertThat(r.get("e/George Bush")).containsOnly("George Bush:PERSON:exact");
    assertThat(r.get("k/Kouachis")).as("a name no mention writes itself keeps its mentions")
        .containsOnly("Kouachi:PERSON:exact");
  }
}
