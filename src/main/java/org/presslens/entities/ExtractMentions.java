package org.presslens.entities;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.presslens.normalize.Articles;

/**
 * Executor side: an article's mentions, resolved within the article. The title and the text are tagged
 * separately (offsets refer to their field) and resolved together, so "Lavrov" in the text links to "Sergei
 * Lavrov" in the title. The backend is the JVM's shared one, built on the first article of the executor.
 */
final class ExtractMentions implements FlatMapFunction<Row, Row> {
  private static final long serialVersionUID = 1L;
  /** Output: a mention with the name it resolved to inside its article (entity ids come later). */
  static final StructType SCHEMA = new StructType()
      .add(EntityMentions.ARTICLE_ID, DataTypes.StringType).add(EntityMentions.OUTLET, DataTypes.StringType)
      .add(EntityMentions.PUBLISHED_DATE, DataTypes.DateType).add(EntityMentions.ENTITY_TYPE, DataTypes.StringType)
      .add("resolved", DataTypes.StringType).add(EntityMentions.SURFACE, DataTypes.StringType)
      .add(EntityMentions.FIELD, DataTypes.StringType).add(EntityMentions.CHAR_START, DataTypes.IntegerType)
      .add(EntityMentions.CHAR_END, DataTypes.IntegerType).add(EntityMentions.SENTENCE_INDEX, DataTypes.IntegerType)
      .add(EntityMentions.PARAGRAPH_INDEX, DataTypes.IntegerType).add(EntityMentions.IN_LEAD, DataTypes.BooleanType)
      .add(EntityMentions.LINK_METHOD, DataTypes.StringType);
  private final Map<String, String> aliases;

  ExtractMentions(Map<String, String> aliases) {
    this.aliases = aliases;
  }

  @Override
  public Iterator<Row> call(Row article) {
    NerBackend backend = CoreNlpBackend.get();
    String title = article.getAs(Articles.TITLE);
    String text = article.getAs(Articles.TEXT);
    List<Spans.Span> spans = new ArrayList<>();
    int titleSpans = 0;
    if (title != null && !title.isBlank()) {
      spans.addAll(Spans.of(title, backend.tag(title)));
      titleSpans = spans.size();
    }
    spans.addAll(Spans.of(text, backend.tag(text)));
    List<DocumentEntities.Resolved> resolved = new DocumentEntities(aliases).resolve(spans);
    int[] paragraphStarts = paragraphStarts(text);
    List<Row> out = new ArrayList<>(spans.size());
    for (int i = 0; i < spans.size(); i++) {
      Spans.Span s = spans.get(i);
      boolean inTitle = i < titleSpans;
      Integer paragraph = inTitle ? null : paragraph(paragraphStarts, s.begin());
      out.add(RowFactory.create(article.getAs(Articles.ARTICLE_ID), article.getAs(Articles.OUTLET),
          article.getAs(Articles.PUBLISHED_DATE), resolved.get(i).type(), resolved.get(i).name(), s.surface(),
          inTitle ? "title" : "text", s.begin(), s.end(), s.sentence(), paragraph,
          inTitle || paragraph == 0, resolved.get(i).method()));
    }
    return out.iterator();
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
