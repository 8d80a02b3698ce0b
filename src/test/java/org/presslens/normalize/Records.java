package org.presslens.normalize;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.presslens.SparkTestSession;
import org.presslens.common.RowValues;
import org.presslens.ingest.SourceRecords;

/** Builds source-record datasets for normalise tests. */
final class Records {
  private final List<Row> rows = new ArrayList<>();
  private long position;

  Records add(String id, String outlet, String title, String text) {
    return add("in", "file:/in/a.jsonl", id, outlet, "2024-02-07", title, text);
  }

  Records add(String input, String file, String id, String outlet, String date, String title, String text) {
    rows.add(new RowValues(SourceRecords.SCHEMA)
        .set(SourceRecords.INPUT_NAME, input).set(SourceRecords.SOURCE_FILE, file)
        .set(SourceRecords.SOURCE_POSITION, ++position).set(SourceRecords.SOURCE_FORMAT, "jsonl")
        .set(SourceRecords.SOURCE_ID, id).set(SourceRecords.OUTLET_RAW, outlet).set(SourceRecords.DATE_RAW, date)
        .set(SourceRecords.TITLE_RAW, title).set(SourceRecords.TEXT_RAW, text)
        .set(SourceRecords.HEADER_IN_TEXT, false).build());
    return this;
  }

  Records addText(String id, String text) {
    rows.add(new RowValues(SourceRecords.SCHEMA)
        .set(SourceRecords.INPUT_NAME, "in").set(SourceRecords.SOURCE_FILE, "file:/in/" + id + ".txt")
        .set(SourceRecords.SOURCE_POSITION, 1L).set(SourceRecords.SOURCE_FORMAT, "text")
        .set(SourceRecords.SOURCE_ID, id).set(SourceRecords.TEXT_RAW, text)
        .set(SourceRecords.HEADER_IN_TEXT, true).build());
    return this;
  }

  Dataset<Row> dataset() {
    return SparkTestSession.get().createDataFrame(rows, SourceRecords.SCHEMA);
  }

  static Normalize.Settings settings(int minWords, int minArticles, double minShare) {
    return settings(minWords, minArticles, minShare, true);
  }

  static Normalize.Settings settings(int minWords, int minArticles, double minShare, boolean prompts) {
    DateParser dates = new DateParser(false, LocalDate.of(1700, 1, 1), null, LocalDate.of(2026, 11, 22));
    return new Normalize.Settings(Map.of("in", dates), Map.of(), minWords, 10_000, 20, 5, true, minArticles, minShare,
        prompts, 300);
  }

  /** Words enough to pass the length check, unique per seed. */
  static String body(String seed) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 25; i++) {
      out.append(seed).append(i).append(' ');
    }
    return out.toString().trim() + ".";
  }
}
