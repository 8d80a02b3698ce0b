package org.presslens.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.presslens.common.Rejects;

class BoilerplateTest {
  private static final String FOOTER = "Subscribe to our morning briefing.";

  /** Learnt lines only: the prompt lines (PromptLinesTest) are off, as the footer here is one. */
  private static Normalize.Finished run(Records records, int minArticles, double minShare) {
    return run(records, minArticles, minShare, false);
  }

  private static Normalize.Finished run(Records records, int minArticles, double minShare, boolean prompts) {
    Normalize.Settings settings = Records.settings(20, minArticles, minShare, prompts);
    return Normalize.finish(Normalize.clean(records.dataset(), settings), settings);
  }

  private static Map<String, Row> byId(Dataset<Row> rows) {
    return Normalize.articles(rows).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs(Articles.SOURCE_ID), r -> r));
  }

  @Test
  void removesLinesRecurringAcrossAnOutletsArticlesAndCountsThem() {
    Records records = new Records();
    for (int i = 0; i < 4; i++) {
      records.add("g" + i, "Gazette", "T" + i, Records.body("story" + i) + "\n\n" + FOOTER.toUpperCase());
    }
    records.add("w0", "Wire", "W", Records.body("wire") + "\n\n" + FOOTER);
    Normalize.Finished finished = run(records, 3, 0.5);
    Map<String, Row> articles = byId(finished.rows());
    for (int i = 0; i < 4; i++) {
      Row row = articles.get("g" + i);
      assertThat((String) row.getAs(Articles.TEXT)).isEqualTo(Records.body("story" + i));
      assertThat((Integer) row.getAs(Articles.BOILERPLATE_LINES_REMOVED)).isEqualTo(1);
    }
    assertThat((String) articles.get("w0").getAs(Articles.TEXT)).endsWith(FOOTER);
    // the footer is also a prompt line: with boilerplate.prompts, the wire's one article loses it too
    Row wire = byId(run(records, 3, 0.5, true).rows()).get("w0");
    assertThat((String) wire.getAs(Articles.TEXT)).isEqualTo(Records.body("wire"));
    assertThat((Integer) wire.getAs(Articles.BOILERPLATE_LINES_REMOVED)).isEqualTo(1);
    List<Row> learned = finished.boilerplate().collectAsList();
    assertThat(learned).singleElement().satisfies(r -> {
      assertThat((String) r.getAs(Boilerplate.OUTLET_GROUP)).isEqualTo("gazette");
      assertThat((Long) r.getAs(Boilerplate.ARTICLES)).isEqualTo(4L);
      assertThat((Double) r.getAs(Boilerplate.SHARE)).isEqualTo(1.0);
    });
  }

  @Test
  void neverRemovesALineOfOneArticleNorLinesSharedOnlyByReprints() {
    String story = Records.body("reprinted") + "\n\nA closing line of the reprinted story.";
    Records records = new Records();
    for (int i = 0; i < 5; i++) {
      records.add("r" + i, "Gazette", "Reprint " + i, story);
    }
    records.add("u", "Gazette", "Unique", Records.body("unique") + "\n\nOnly here.");
    Map<String, Row> articles = byId(run(records, 2, 0.0).rows());
    assertThat(articles.values()).allSatisfy(r ->
        assertThat((Integer) r.getAs(Articles.BOILERPLATE_LINES_REMOVED)).isZero());
    assertThat((String) articles.get("r3").getAs(Articles.TEXT)).isEqualTo(story);
  }

  @Test
  void respectsTheShareThreshold() {
    Records records = new Records();
    for (int i = 0; i < 10; i++) {
      records.add("g" + i, "Gazette", "T" + i, Records.body("s" + i) + (i < 3 ? "\n\n" + FOOTER : ""));
    }
    assertThat(run(records, 3, 0.5).boilerplate().count()).isZero();
    assertThat(run(records, 3, 0.3).boilerplate().count()).isEqualTo(1);
  }

  @Test
  void anArticleThatWasAllBoilerplateIsRejectedNotKeptEmpty() {
    Records records = new Records();
    String block = FOOTER + "\n\nAnother promo line for the newsletter.";
    for (int i = 0; i < 3; i++) {
      records.add("g" + i, "Gazette", "T" + i, Records.body("s" + i) + "\n\n" + block);
    }
    records.add("empty", "Gazette", "Promo", block);
    Dataset<Row> rows = run(records, 3, 0.5).rows();
    List<Row> rejects = Normalize.rejects(rows).collectAsList();
    assertThat(rejects).singleElement().satisfies(r -> {
      assertThat((String) r.getAs(Rejects.REASON)).isEqualTo("empty_text");
      assertThat((String) r.getAs(Rejects.MESSAGE)).contains("no text left after removing 2 boilerplate");
    });
    assertThat(Normalize.articles(rows).count()).isEqualTo(3);
  }
}
