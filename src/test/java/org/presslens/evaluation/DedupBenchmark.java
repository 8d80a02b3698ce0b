package org.presslens.evaluation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.size;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.ml.feature.NGram;
import org.apache.spark.ml.feature.RegexTokenizer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.presslens.config.DedupSettings;
import org.presslens.dedup.ConnectedComponents;
import org.presslens.dedup.Dedup;
import org.presslens.dedup.Duplicates;
import org.presslens.dedup.Sketch;
import org.presslens.dedup.bench.BenchmarkCorpus;
import org.presslens.dedup.bench.ClusterScores;
import org.presslens.normalize.Articles;
import scala.Tuple2;

/**
 * Dedup speed against Spark MLlib's MinHashLSH and the scan floor, on the labelled benchmark corpus, in one run
 * and one local[*] session: {@code jobs/benchmark-dedup} (or
 * {@code mvn test -Pbenchmark -Dtest=DedupBenchmark -Dbench.scales=1,4 -Dbench.base=1000}). Prints a Markdown
 * table and writes it to docs/benchmarks.md (section "Dedup").
 */
@Tag("benchmark")
class DedupBenchmark {
  private static final Path DATA = Path.of("../shared/data");
  @TempDir
  Path dir;

  @Test
  void compareWithMllibAndTheScanFloor() throws IOException {
    SparkSession spark = BenchmarkSession.get("presslens-dedup-benchmark");
    int base = Integer.getInteger("bench.base", 1000);
    List<String> lines = new ArrayList<>();
    lines.add("| corpus | documents | method | wall time (s) | candidate pairs | pairs kept | ARI | precision | recall |");
    lines.add("|---|---|---|---|---|---|---|---|---|");
    Map<Integer, double[]> ours = new java.util.LinkedHashMap<>();
    List<String> steps = new ArrayList<>();
    int[] scales = java.util.Arrays.stream(System.getProperty("bench.scales", "1,4").split(","))
        .mapToInt(scale -> Integer.parseInt(scale.trim())).toArray();
    for (int scale : scales) {
      List<BenchmarkCorpus.Doc> docs = BenchmarkCorpus.generate(DATA.resolve("allsides_abp"),
          DATA.resolve("basil/articles.jsonl"), base * scale, 3, 2 * base * scale, 7);
      Path corpus = dir.resolve("corpus-" + scale);
      BenchmarkCorpus.write(docs, corpus);
      Map<String, String> truth = new HashMap<>();
      docs.forEach(d -> truth.put(d.id(), d.cluster()));

      // The articles table as the job writes it; every timing below starts by reading it.
      String table = corpus.resolve("articles.parquet").toString();
      articles(spark, corpus.resolve("articles.jsonl")).write().parquet(table);
      Dataset<Row> articles = spark.read().parquet(table);
      long n = articles.count();
      String label = scale + "×";

      if (scale == scales[0]) {
        warmUp(articles.limit(1000));
      }
      // and once untimed at this size: the first run at a new size still compiles and sizes (the timed runs of
      // one size otherwise got faster one after another)
      Dedup.scan(articles, Dedup.Settings.of(DedupSettings.defaults())).count();
      Dedup.run(articles, n, Dedup.Settings.of(DedupSettings.defaults()), Dedup.Listener.NONE).release();
      double scan = median(() -> Dedup.scan(articles, Dedup.Settings.of(DedupSettings.defaults())).count());
      lines.add(row(label, n, "scan floor: shingle every article (no dedup)", scan, "–", "–", null));

      long[] pairCounts = new long[2];
      Map<String, String> predicted = new HashMap<>();
      List<String> laps = new ArrayList<>();
      double presslens = median(() -> {
        laps.clear();
        long start = System.nanoTime();
        Dedup.Result result = Dedup.run(articles, n, Dedup.Settings.of(DedupSettings.defaults()),
            new Dedup.Listener() {
              @Override
              public void starting(String step, String description) {}

              @Override
              public void finished(String step, long in, long out, double seconds) {
                laps.add(String.format("%s %.1f", step, seconds));
              }
            });
        long ran = System.nanoTime();
        pairCounts[0] = result.candidatePairs();
        pairCounts[1] = result.verifiedPairs();
        for (Row r : result.duplicates().collectAsList()) {
          predicted.put(r.getAs(Duplicates.ARTICLE_ID), r.getAs(Duplicates.CLUSTER_ID));
        }
        result.release();
        laps.add(String.format("outside the steps %.1f (of which collecting the clusters %.1f)",
            (ran - start) / 1e9 - laps.stream().mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum() + (System.nanoTime() - ran) / 1e9, (System.nanoTime() - ran) / 1e9));
        return predicted.size();
      });
      steps.add(label + ": " + String.join(", ", laps));
      ClusterScores ourScores = ClusterScores.of(truth, predicted);
      assertThat(predicted).as("every article has a cluster").hasSize((int) n);
      assertThat(ourScores.precision()).as("pairwise precision").isGreaterThanOrEqualTo(0.99);
      lines.add(row(label, n, "presslens dedup (defaults)", presslens, pairCounts[0], pairCounts[1], ourScores));
      ours.put(scale, new double[] {n, presslens, scan});

      boolean runMllib = !"false".equals(System.getProperty("bench.mllib"));
      if (runMllib && (scale == 1 || Boolean.getBoolean("bench.mllibAtEveryScale"))) {
        Map<String, String> mllibPredicted = new HashMap<>();
        long[] mllibPairs = new long[3];
        double mllib = time(() -> mllib(articles, mllibPredicted, mllibPairs, true)) - mllibPairs[2] / 1e9;
        ClusterScores mllibScores = ClusterScores.of(truth, mllibPredicted);
        assertThat(ourScores.ari()).as("presslens ARI at least MLlib's").isGreaterThanOrEqualTo(mllibScores.ari());
        lines.add(row(label, n, "MLlib MinHashLSH, 5 tables, word 5-grams, distance <= 0.5", mllib, mllibPairs[1],
            mllibPairs[0], mllibScores));
        lines.add(String.format("|  |  | MLlib time / presslens time | %.1f× |  |  |  |  |  |", mllib / presslens));
      }
      lines.add(String.format("|  |  | presslens time / scan floor | %.1f× |  |  |  |  |  |", presslens / scan));
    }
    if (ours.size() > 1) {
      double[] first = ours.values().iterator().next();
      double[] last = new ArrayList<>(ours.values()).get(ours.size() - 1);
      lines.add("");
      lines.add(String.format("Growth from the smallest to the largest corpus: %.1f× the documents took %.1f× the "
          + "dedup time (%.2f ms per document, then %.2f ms).", last[0] / first[0], last[1] / first[1],
          1000 * first[1] / first[0], 1000 * last[1] / last[0]));
    }
    lines.add("");
    lines.add("Where the presslens time goes (seconds per step of the last run, each step materialised as in the job):");
    lines.add("");
    steps.forEach(step -> lines.add("- " + step));
    String table = String.join("\n", lines) + "\n";
    System.out.println("DEDUP BENCHMARK\n" + table);
    write(table, base);
  }

  /**
   * Runs every measured code path once on a slice of the corpus, untimed, so that no method's figure includes
   * the JIT compiling it (the figures are steady state, as in a long scheduled run).
   */
  private static void warmUp(Dataset<Row> slice) {
    Dedup.Settings s = Dedup.Settings.of(DedupSettings.defaults());
    Dedup.scan(slice, s).count();
    Dedup.run(slice, slice.count(), s, Dedup.Listener.NONE).release();
    mllib(slice, new HashMap<>(), new long[3]);
  }

  /** The benchmark corpus as the articles table: text as the job would have cleaned it. */
  private static Dataset<Row> articles(SparkSession spark, Path jsonl) {
    return spark.read().json(jsonl.toString())
        .select(col("id").as(Articles.ARTICLE_ID), col("text").as(Articles.TEXT),
            sha2(col("text"), 256).as(Articles.TEXT_HASH), lit(null).cast(DataTypes.DateType).as(Articles.PUBLISHED_DATE),
            size(org.apache.spark.sql.functions.split(col("text"), "\\s+")).as(Articles.WORD_COUNT),
            col("source").as(Articles.OUTLET));
  }

  /** MLlib's usual recipe: tokens, word 5-grams, HashingTF, MinHashLSH self-join, then connected components. */
  static long mllib(Dataset<Row> articles, Map<String, String> predicted, long[] pairs) {
    return mllib(articles, predicted, pairs, false);
  }

  /**
   * MLlib's candidate pairs: the distinct pairs sharing a bucket in any hash table, what approxSimilarityJoin
   * compares before its distance filter (counted apart, untimed).
   */
  private static long mllibCandidates(MinHashLSHModel model, Dataset<Row> features) {
    Dataset<Row> buckets = model.transform(features)
        .select(col(Articles.ARTICLE_ID), org.apache.spark.sql.functions.posexplode(col("hashes")).as(new String[] {"t", "h"}))
        .select(col(Articles.ARTICLE_ID).as("id"), col("t"),
            org.apache.spark.ml.functions.vector_to_array(col("h"), "float64").getItem(0).as("v"));
    Dataset<Row> other = buckets.select(col("id").as("id2"), col("t").as("t2"), col("v").as("v2"));
    return buckets.join(other, col("t").equalTo(col("t2")).and(col("v").equalTo(col("v2")))
            .and(col("id").lt(col("id2"))))
        .select("id", "id2").distinct().count();
  }

  private static long mllib(Dataset<Row> articles, Map<String, String> predicted, long[] pairs, boolean candidates) {
    Dataset<Row> tokens = new RegexTokenizer().setInputCol(Articles.TEXT).setOutputCol("tokens")
        .setPattern("[^\\p{L}\\p{N}]+").setToLowercase(true).transform(articles);
    Dataset<Row> grams = new NGram().setN(5).setInputCol("tokens").setOutputCol("grams").transform(tokens)
        .filter(size(col("grams")).gt(0));
    Dataset<Row> features = new HashingTF().setInputCol("grams").setOutputCol("features").setNumFeatures(1 << 20)
        .setBinary(true).transform(grams).select(Articles.ARTICLE_ID, "features").cache();
    MinHashLSHModel model = new MinHashLSH().setNumHashTables(5).setInputCol("features").setOutputCol("hashes")
        .setSeed(42).fit(features);
    Dataset<Row> joined = model.approxSimilarityJoin(features, features, 0.5, "distance")
        .select(col("datasetA." + Articles.ARTICLE_ID).as("src"), col("datasetB." + Articles.ARTICLE_ID).as("dst"))
        .filter(col("src").lt(col("dst"))).cache();
    pairs[0] = joined.count();
    Map<Long, String> ids = new HashMap<>();
    JavaRDD<Tuple2<Long, Long>> edges = joined.javaRDD().map(r -> new Tuple2<>(Sketch.key(r.getString(0)),
        Sketch.key(r.getString(1))));
    for (Row r : articles.select(Articles.ARTICLE_ID).collectAsList()) {
      ids.put(Sketch.key(r.getString(0)), r.getString(0));
    }
    int partitions = Dedup.graphPartitions(articles.sparkSession(), pairs[0]);
    ConnectedComponents.of(edges.coalesce(partitions), partitions, 64).collectAsMap()
        .forEach((node, component) -> predicted.put(ids.get(node), ids.get(component)));
    if (candidates) {
      long start = System.nanoTime();
      pairs[1] = mllibCandidates(model, features);
      pairs[2] = System.nanoTime() - start; // excluded from MLlib's time by the caller
    }
    joined.unpersist();
    features.unpersist();
    return predicted.size();
  }

  private static String row(String corpus, long n, String method, double seconds, Object candidates, Object kept,
      ClusterScores s) {
    return String.format("| %s | %d | %s | %.1f | %s | %s | %s | %s | %s |", corpus, n, method, seconds, candidates,
        kept, s == null ? "–" : String.format("%.4f", s.ari()), s == null ? "–" : String.format("%.4f", s.precision()),
        s == null ? "–" : String.format("%.4f", s.recall()));
  }

  /** Median wall time of {@code bench.repeat} runs (default 3): one slow run (GC, disk) does not decide a ratio. */
  private static double median(java.util.function.LongSupplier work) {
    int runs = Integer.getInteger("bench.repeat", 3);
    double[] times = new double[runs];
    for (int i = 0; i < runs; i++) {
      times[i] = time(work);
    }
    System.out.println("DEDUP BENCHMARK run times (s): " + java.util.Arrays.toString(times));
    java.util.Arrays.sort(times);
    return times[runs / 2];
  }

  static double time(java.util.function.LongSupplier work) {
    long start = System.nanoTime();
    work.getAsLong();
    return (System.nanoTime() - start) / 1e9;
  }

  private static void write(String table, int base) throws IOException {
    BenchmarkReport.writeSection("## Dedup (issue 3)", "Command: `jobs/benchmark-dedup` (`mvn test -Pbenchmark -Dtest=DedupBenchmark "
        + "-Dbench.base=" + base + " -Dbench.scales=" + System.getProperty("bench.scales", "1,4") + "`). Measured "
        + LocalDate.now() + " on " + Runtime.getRuntime().availableProcessors() + " cores, local[*], one JVM, "
        + "the labelled corpus of docs/dedup.md (seed 7; 1× = " + base + " originals with 3 copies each, "
        + 2 * base + " alone, plus the hard negatives). Every time starts from the articles table on disk (Parquet, as "
        + "the job writes it): the scan floor reads it and shingles every article; each method reads it and runs "
        + "until the clusters are known (the same connected-components code for both methods). Run in a JVM with "
        + "the JIT and heap of jobs/presslens (C2, 4 GB), after one untimed warm-up run of each method on 1,000 "
        + "articles, and one of the scan floor and presslens at each size. The scan floor and presslens times are "
        + "the median of " + Integer.getInteger("bench.repeat", 3) + " runs (MLlib: one run; the step "
        + "breakdown is presslens's last run).\n\n" + table);
  }
}
