package org.presslens.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.presslens.common.Rejects;

class NormalizeTest {
  private static Dataset<Row> run(Records records, Normalize.Settings settings) {
    Dataset<Row> cleaned = Normalize.clean(records.dataset(), settings);
    return Normalize.finish(cleaned, settings).rows();
  }

  private static Map<String, String> reasons(Dataset<Row> rows) {
    return Normalize.rejects(rows).collectAsList().stream().collect(Collectors.toMap(
        r -> r.getAs(Rejects.POSITION).toString(), r -> r.getAs(Rejects.REASON)));
  }

  @Test
  void everyRecordEndsUpExactlyOnceAsArticleOrReject() {
    Records records = new Records()
        .add("a", "Wire", "T", Records.body("alpha"))
        .add("b", "Wire", "T", null)
        .add("c", "Wire", "T", " \n\u00A0 ")
        .add("d", "Wire", "T", "only five words here now")
        .add("a", "Wire", "T", Records.body("other"));
    Dataset<Row> rows = run(records, Records.settings(20, 5, 0.01));
    assertThat(rows.count()).isEqualTo(5);
    assertThat(Normalize.articles(rows).count() + Normalize.rejects(rows).count()).isEqualTo(5);
    assertThat(reasons(rows)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "2", "missing_text", "3", "empty_text", "4", "too_short", "5", "duplicate_id"));
    Row duplicate = Normalize.rejects(rows).filter("position = 5").first();
    assertThat((String) duplicate.getAs(Rejects.MESSAGE))
        .isEqualTo("article_id already taken by the record in file:/in/a.jsonl at position 1");
    assertThat((String) duplicate.getAs(Rejects.PAYLOAD)).contains("other0");
  }

  @Test
  void articlesCarryCleanFieldsStableIdsAndDates() {
    Records records = new Records()
        .add("in", "file:/in/a.jsonl", " 42 ", " FOX  News ", "7/23/17", "  A  title\n", Records.body("x"))
        .add("in", "file:/in/a.jsonl", null, null, "0001-11-30", null, Records.body("y"));
    List<Row> articles = Normalize.articles(run(records, Records.settings(20, 5, 0.01)))
        .orderBy(Articles.SOURCE_POSITION).collectAsList();
    Row first = articles.get(0);
    assertThat((String) first.getAs(Articles.ARTICLE_ID)).isEqualTo("in:42");
    assertThat((String) first.getAs(Articles.OUTLET)).isEqualTo("fox news");
    assertThat((String) first.getAs(Articles.OUTLET_RAW)).isEqualTo(" FOX  News ");
    assertThat(first.getAs(Articles.PUBLISHED_DATE).toString()).isEqualTo("2017-07-23");
    assertThat((String) first.getAs(Articles.PUBLISHED_MONTH)).isEqualTo("2017-07");
    assertThat((String) first.getAs(Articles.TITLE)).isEqualTo("A title");
    assertThat((Integer) first.getAs(Articles.WORD_COUNT)).isEqualTo(25);
    assertThat((String) first.getAs(Articles.TEXT_HASH)).hasSize(64);
    Row second = articles.get(1);
    assertThat((String) second.getAs(Articles.ARTICLE_ID)).matches("in:h[0-9a-f]{16}");
    assertThat((Object) second.getAs(Articles.PUBLISHED_DATE)).isNull();
    assertThat((String) second.getAs(Articles.DATE_STATUS)).isEqualTo("placeholder");
    assertThat((String) second.getAs(Articles.PUBLISHED_MONTH)).isNull();
  }

  @Test
  void textFilesGiveUpTheirDateAndTitleLines() {
    Records records = new Records().addText("000",
        "7 Feb 2012\n\nRussian envoy holds talks as Homs blasted\n\n" + Records.body("seed"))
        .addText("001", "A first line that is a whole sentence about the talks.\n" + Records.body("other"));
    List<Row> articles = Normalize.articles(run(records, Records.settings(20, 5, 0.01)))
        .orderBy(Articles.SOURCE_ID).collectAsList();
    assertThat((String) articles.get(0).getAs(Articles.TITLE)).isEqualTo("Russian envoy holds talks as Homs blasted");
    assertThat(articles.get(0).getAs(Articles.PUBLISHED_DATE).toString()).isEqualTo("2012-02-07");
    assertThat((String) articles.get(0).getAs(Articles.TEXT)).startsWith("seed0 seed1");
    assertThat((Object) articles.get(1).getAs(Articles.TITLE)).isNull();
    assertThat((Object) articles.get(1).getAs(Articles.PUBLISHED_DATE)).isNull();
    assertThat((String) articles.get(1).getAs(Articles.DATE_STATUS)).isEqualTo("missing");
  }

  @Test
  void emptyInputGivesEmptyTables() {
    Dataset<Row> rows = run(new Records(), Records.settings(20, 5, 0.01));
    assertThat(Normalize.articles(rows).count()).isZero();
    assertThat(Normalize.rejects(rows).count()).isZero();
  }
}
