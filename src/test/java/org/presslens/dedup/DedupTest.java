package org.presslens.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.presslens.SparkTestSession;
import org.presslens.common.RowValues;
import org.presslens.config.ConfigLoader;
import org.presslens.config.DedupSettings;
import org.presslens.normalize.ArticleIds;
import org.presslens.normalize.Articles;
import org.presslens.normalize.TextCleaner;

class DedupTest {
  private static final String[] WORDS = ("harbour council minister strike port vote flood river union talks budget "
      + "fishing quota bridge court judge police school farmers prices election mayor rail ferry storm coast "
      + "village market bank tax report health hospital water energy").split(" ");
  private final List<Row> rows = new ArrayList<>();

  private static String story(long seed, int words) {
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < words; i++) {
      out.append(WORDS[random.nextInt(WORDS.length)]).append(i % 15 == 14 ? ".\n\n" : " ");
    }
    return out.toString().strip();
  }

  private void article(String id, String outlet, String date, String text) {
    String clean = TextCleaner.clean(text);
    rows.add(new RowValues(Articles.SCHEMA).set(Articles.ARTICLE_ID, id).set(Articles.OUTLET, outlet)
        .set(Articles.PUBLISHED_DATE, date == null ? null : Date.valueOf(date)).set(Articles.TEXT, clean)
        .set(Articles.WORD_COUNT, TextCleaner.wordCount(clean)).set(Articles.TEXT_HASH, ArticleIds.sha256Hex(clean))
        .build());
  }

  private Map<String, Row> run() {
    Dataset<Row> articles = SparkTestSession.get().createDataFrame(rows, Articles.SCHEMA);
    Dedup.Settings s = Dedup.Settings.of(DedupSettings.defaults());
    Dedup.Result result = Dedup.run(articles, rows.size(), s, Dedup.Listener.NONE);
    return result.duplicates().collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs(Duplicates.ARTICLE_ID), r -> r));
  }

  @Test
  void findsExactNearAndContainedCopiesAndKeepsDifferentStoriesApart() {
    String original = story(1, 600);
    String[] words = original.split(" ");
    article("a-orig", "wire", "2024-02-05", original);
    article("b-exact", "gazette", "2024-02-06", original);
    article("c-near", "post", "2024-02-06", "Breaking: " + original.replace("minister", "secretary") + "\n\nShare this.");
    article("d-cut", "daily", "2024-02-07", String.join(" ", List.of(words).subList(0, 220)));
    article("e-other", "wire", "2024-02-05", story(2, 600));
    article("f-other", "post", "2024-02-05", story(3, 600));
    article("g-short", "post", "2024-02-05", "too short");

    Map<String, Row> d = run();
    assertThat(d).hasSize(7);
    for (String id : List.of("a-orig", "b-exact", "c-near", "d-cut")) {
      assertThat((String) d.get(id).getAs(Duplicates.CLUSTER_ID)).as(id).isEqualTo("a-orig");
      assertThat((String) d.get(id).getAs(Duplicates.CANONICAL_ID)).as(id).isEqualTo("a-orig");
      assertThat((Long) d.get(id).getAs(Duplicates.CLUSTER_SIZE)).isEqualTo(4L);
      assertThat((Long) d.get(id).getAs(Duplicates.CLUSTER_OUTLETS)).isEqualTo(4L);
    }
    assertThat((String) d.get("a-orig").getAs(Duplicates.RELATION)).isEqualTo("none");
    assertThat((Boolean) d.get("a-orig").getAs(Duplicates.IS_CANONICAL)).isTrue();
    assertThat((String) d.get("b-exact").getAs(Duplicates.RELATION)).isEqualTo("exact");
    assertThat((String) d.get("c-near").getAs(Duplicates.RELATION)).isEqualTo("near");
    assertThat((String) d.get("d-cut").getAs(Duplicates.RELATION)).isEqualTo("contained");
    assertThat((Double) d.get("d-cut").getAs(Duplicates.CONTAINMENT)).isEqualTo(1.0);
    assertThat((Double) d.get("d-cut").getAs(Duplicates.JACCARD)).isLessThan(0.5);
    for (String id : List.of("e-other", "f-other", "g-short")) {
      assertThat((String) d.get(id).getAs(Duplicates.CLUSTER_ID)).isEqualTo(id);
      assertThat((Long) d.get(id).getAs(Duplicates.CLUSTER_SIZE)).isEqualTo(1L);
      assertThat((Boolean) d.get(id).getAs(Duplicates.IS_CANONICAL)).isTrue();
    }
    assertThat((Integer) d.get("g-short").getAs(Duplicates.SHINGLES)).isZero();
  }

  @Test
  void theCanonicalIsTheEarliestThenTheLongest() {
    String text = story(9, 400);
    article("z-first", "a", "2024-01-01", text + " extra closing words here");
    article("a-later", "b", "2024-01-02", text + " extra closing words here");
    article("m-undated", "c", null, text);
    Map<String, Row> d = run();
    assertThat(d.values()).allSatisfy(r -> assertThat((String) r.getAs(Duplicates.CANONICAL_ID)).isEqualTo("z-first"));
    assertThat(d.values()).allSatisfy(r -> assertThat((String) r.getAs(Duplicates.CLUSTER_ID)).isEqualTo("a-later"));
  }

  @Test
  void theFrequentShinglesDoNotDependOnTheOrderOfAPartitionsTexts() {
    // 2,000 texts; each of 60 shingles in about 2.5% of them, so in about 10 of the 400 sampled: half of them reach
    // the threshold of 10, and which half depends on exactly which texts are sampled
    List<Sketch> texts = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      Sketch sketch = new Sketch();
      sketch.textHash = "text-" + i;
      sketch.textKey = Sketch.key(sketch.textHash);
      List<Integer> shingles = new ArrayList<>(List.of(1_000_000 + i));
      for (int shingle = 0; shingle < 60; shingle++) {
        if (Shingles.mix(i * 1_000L + shingle) % 40 == 0) {
          shingles.add(shingle);
        }
      }
      sketch.shingles = shingles.stream().mapToInt(Integer::intValue).sorted().toArray();
      texts.add(sketch);
    }
    // the same 4 partitions, each with its texts in reverse order
    List<Sketch> reversed = new ArrayList<>();
    for (int part = 0; part < 4; part++) {
      List<Sketch> slice = new ArrayList<>(texts.subList(part * 500, (part + 1) * 500));
      Collections.reverse(slice);
      reversed.addAll(slice);
    }
    Dedup.Settings s = Dedup.Settings.of(ConfigLoader.YAML.convertValue(Map.of("shingle_sample", 400),
        DedupSettings.class));
    JavaSparkContext context = JavaSparkContext.fromSparkContext(SparkTestSession.get().sparkContext());

    int[] frequent = Dedup.frequentShingles(context.parallelize(texts, 4), s, texts.size());
    int[] again = Dedup.frequentShingles(context.parallelize(reversed, 4), s, texts.size());

    assertThat(frequent).isNotEmpty().hasSizeLessThan(60);
    assertThat(again).containsExactly(frequent);
  }

  @Test
  void shortTextsAreOnlyExactDuplicatesAndNeverCrash() {
    article("s1", "a", "2024-01-01", "Read more");
    article("s2", "b", "2024-01-01", "Read more");
    article("s3", "c", "2024-01-01", "Read less");
    Map<String, Row> d = run();
    assertThat((String) d.get("s2").getAs(Duplicates.RELATION)).isEqualTo("exact");
    assertThat((Long) d.get("s3").getAs(Duplicates.CLUSTER_SIZE)).isEqualTo(1L);
  }
}
