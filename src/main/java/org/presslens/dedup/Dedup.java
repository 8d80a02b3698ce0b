package org.presslens.dedup;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.HashPartitioner;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.presslens.common.Schemas;
import org.presslens.config.DedupSettings;
import org.presslens.normalize.Articles;
import scala.Tuple2;

/**
 * Dedup stage: exact duplicates by text hash, near duplicates by MinHash LSH verified on the real shingle sets,
 * clustered as connected components. Input: {@link Articles#SCHEMA}. Output: the {@link Duplicates} table (one
 * row per article) and the {@link DuplicatePairs} table. See docs/dedup.md for the algorithm and its settings.
 *
 * <p>Shape of the work: one pass shingles every article into a {@link Sketch}, hash-partitioned by its key and
 * kept in memory; every later step that needs shingle sets joins against it without shuffling it again (only
 * the small side moves). The steps run on RDDs of compact records: at this size of data Spark SQL's planning and
 * code generation per step cost more than the work.
 */
public final class Dedup {
  private static final int MAX_COMPONENT_ROUNDS = 64;
  static final long TARGET_PARTITION_BYTES = 64L << 20;
  /** Estimated bytes of a sketch in memory (a long article: about 1,000 shingles). */
  private static final long SKETCH_BYTES = 4_500;
  /** Estimated bytes of a sketch without shingles, and of an edge, and of one band entry. */
  private static final long HEADER_BYTES = 200;
  private static final long EDGE_BYTES = 100; // in the union-find: boxed map entries per node
  private static final long BAND_ENTRY_BYTES = 16;
  /** Upper bound of the frequent-shingle list sent to every task. */
  static final int MAX_FREQUENT_SHINGLES = 100_000;

  private Dedup() {}

  /** Plain settings for the stage, from the job config. */
  public record Settings(Shingles.Kind kind, int ngram, int sampling, int permutations, long seed,
      VerifyPairs.Rule rule, int templateMinTexts, LshParams lsh, double maxShingleShare, int shingleSample,
      int maxBucketSize, List<String> canonicalOrder) {

    public static Settings of(DedupSettings d) {
      LshParams lsh = d.bands() > 0 ? new LshParams(d.bands(), d.rows())
          : LshParams.optimal(d.lshThreshold(), d.permutations(), d.falsePositiveWeight(), d.falseNegativeWeight());
      VerifyPairs.Rule rule = new VerifyPairs.Rule(d.threshold(), d.containment(), d.noisyContainment(),
          d.noisyMinJaccard(), d.minContainedShingles(), d.noisyText());
      return new Settings(Shingles.Kind.of(d.shingle()), d.ngram(), d.samplingOrDefault(), d.permutations(), d.seed(),
          rule, d.templateMinTexts(), lsh, d.maxShingleShare(), d.shingleSample(), d.maxBucketSize(),
          List.of(d.canonicalOrder().split(",")));
    }

    VerifyPairs verifier(int[] frequentSorted) {
      SignatureFilter pairFilter = new SignatureFilter(permutations, lsh.bands() * lsh.rows(),
          Math.min(rule.threshold(), rule.noisyMinJaccard()), Math.min(rule.containment(), rule.noisyContainment()));
      return new VerifyPairs(new Bands(new MinHasher(permutations, seed), lsh, frequentSorted, pairFilter), rule,
          Templates.NONE, shingleLabel());
    }

    /** The shingles in words, for the pairs' evidence: "folded 7-grams (1 in 4)". */
    String shingleLabel() {
      return kind.label() + " " + ngram + "-grams" + (sampling > 1 ? " (1 in " + sampling + ")" : "");
    }
  }

  /** Receives each step's counts and time (the pipeline's stage metrics, the benchmark's breakdown). */
  public interface Listener {
    /** Ignores everything. */
    Listener NONE = new Listener() {
      @Override
      public void starting(String step, String description) {}

      @Override
      public void finished(String step, long in, long out, double seconds) {}
    };

    /** Called before a step starts its jobs (to label them). */
    void starting(String step, String description);

    /** Called when a step's output is materialised: records in, records out. */
    void finished(String step, long in, long out, double seconds);
  }

  /**
   * What the stage produces: the two tables (over cached results: writing them recomputes nothing) and its
   * figures for the run report ({@code candidatePairs}: the LSH pairs that passed the signature filter, each
   * verified on its shingle sets). {@link #release} once they are written.
   */
  public record Result(Dataset<Row> duplicates, Dataset<Row> pairs, long distinctTexts, int frequentShingles,
      long candidatePairs, long verifiedPairs, long exactPairs, long templateShingles, List<JavaRDD<?>> cached) {
    public void release() {
      cached.forEach(rdd -> rdd.unpersist(false));
    }
  }

  /** Every article's sketch, not partitioned: shingling alone, the benchmarks' scan floor. */
  public static JavaRDD<Sketch> scan(Dataset<Row> articles, Settings s) {
    return scan(articles, s, Vocabulary.NONE);
  }

  /**
   * The archive's vocabulary, from the texts of about {@code shingle_sample} articles (chosen by a hash of their
   * text and the seed, as the frequent-shingle sample is).
   */
  static Vocabulary vocabulary(Dataset<Row> articles, long articleCount, Settings s) {
    double fraction = Math.min(1.0, (double) s.shingleSample() / Math.max(1, articleCount));
    long seed = s.seed();
    Dataset<Row> sampled = articles.select(col(Articles.TEXT), col(Articles.TEXT_HASH));
    if (fraction < 1.0) {
      // on the hash column, so that only the sampled texts become Java strings
      UserDefinedFunction inTheSample = udf((UDF1<String, Boolean>) hash -> inSample(Sketch.key(hash), seed, fraction),
          DataTypes.BooleanType);
      sampled = sampled.filter(inTheSample.apply(col(Articles.TEXT_HASH)));
    }
    return Vocabulary.learn(sampled.javaRDD().map(row -> row.getString(0)));
  }

  /** Every article's sketch, with its noise against the vocabulary. */
  static JavaRDD<Sketch> scan(Dataset<Row> articles, Settings s, Vocabulary vocabulary) {
    Shingles.Kind kind = s.kind();
    int n = s.ngram();
    int sampling = s.sampling();
    return articles.select(col(Articles.ARTICLE_ID), col(Articles.TEXT), col(Articles.TEXT_HASH),
            col(Articles.PUBLISHED_DATE), col(Articles.WORD_COUNT), col(Articles.OUTLET))
        .javaRDD().map(row -> Sketch.of(row, kind, n, sampling, vocabulary));
  }

  /**
   * The whole stage. {@code articles} must hold {@code expectedArticles} rows (checked: the duplicates table has
   * one row per article). Partitions: {@code spark.sql.shuffle.partitions}, as the rest of the job.
   */
  public static Result run(Dataset<Row> articles, long expectedArticles, Settings s, Listener listener) {
    SparkSession spark = articles.sparkSession();
    Sizing size = new Sizing(spark);
    Partitioner partitioner = new HashPartitioner(size.partitions(expectedArticles, SKETCH_BYTES));
    Timer timer = new Timer(listener);

    timer.start("vocabulary", "the archive's words, from a sample");
    Vocabulary vocabulary = vocabulary(articles, expectedArticles, s);
    timer.finish(Math.min(expectedArticles, s.shingleSample()), vocabulary.size());

    timer.start("shingle", "shingle every article");
    JavaPairRDD<Long, Sketch> sketches = scan(articles, s, vocabulary).mapToPair(k -> new Tuple2<>(k.key, k))
        .partitionBy(partitioner).persist(StorageLevel.MEMORY_AND_DISK());
    long n = timer.finish(expectedArticles, sketches.count());
    check("shingle", expectedArticles, n);

    timer.start("exact", "exact copies by text hash");
    JavaRDD<Pair> exact = exactPairs(sketches, size.partitions(n, HEADER_BYTES))
        .persist(StorageLevel.MEMORY_AND_DISK());
    long exactPairs = timer.finish(n, exact.count());
    long distinctTexts = n - exactPairs;
    JavaPairRDD<Long, Sketch> texts = sketches.subtractByKey(exact.mapToPair(p -> new Tuple2<>(copyKey(p), 1)),
        partitioner);

    timer.start("frequent", "frequent shingles (sample)");
    int[] frequent = frequentShingles(texts.values(), s, distinctTexts);
    timer.finish(distinctTexts, frequent.length);

    timer.start("candidates", "LSH candidates, verified");
    VerifyPairs verifier = s.verifier(frequent);
    int bandPartitions = size.partitions(distinctTexts * s.lsh().bands(), BAND_ENTRY_BYTES);
    JavaRDD<Pair> candidates = candidates(texts, sketches, partitioner, bandPartitions, verifier, s)
        .persist(StorageLevel.MEMORY_AND_DISK());
    // one job: candidates in the low 32 bits, duplicates among them in the high 32 bits
    long counts = candidates.map(p -> p.isDuplicate() ? (1L << 32) | 1L : 1L).fold(0L, Long::sum);
    long candidateCount = timer.finish(distinctTexts, counts & 0xffffffffL);

    timer.start("templates", "outlet templates, same-outlet pairs judged without them");
    JavaRDD<Pair> sameOutlet = candidates.filter(p -> p.isDuplicate() && p.outlet != null);
    Templates templates = Templates.find(sameOutlet, texts.values(), s.templateMinTexts());
    JavaRDD<Pair> verifiedPairs = candidates.filter(Pair::isDuplicate);
    if (!templates.isEmpty()) {
      verifier = verifier.withTemplates(templates);
      JavaPairRDD<Long, Long> judgedAgain = sameOutlet.filter(p -> verifierHas(templates, p))
          .mapToPair(p -> new Tuple2<>(p.keyA, p.keyB));
      JavaRDD<Pair> rejudged = verify(judgedAgain, sketches, partitioner, verifier).filter(Pair::isDuplicate);
      verifiedPairs = verifiedPairs.filter(p -> !verifierHas(templates, p)).union(rejudged);
    }
    verifiedPairs = verifiedPairs.persist(StorageLevel.MEMORY_AND_DISK());
    long verified = timer.finish(counts >>> 32, verifiedPairs.count()) + exactPairs;
    JavaRDD<Pair> pairs = verifiedPairs.union(exact);

    timer.start("clusters", "connected components, canonicals");
    // a graph that fits one partition is solved there by the union-find, with no star rounds
    int graphPartitions = graphPartitions(spark, verified);
    JavaPairRDD<Long, Long> components = ConnectedComponents.of(
        pairs.map(p -> new Tuple2<>(p.keyA, p.keyB)).coalesce(graphPartitions), graphPartitions,
        MAX_COMPONENT_ROUNDS);
    JavaRDD<Row> rows = duplicates(sketches, components, partitioner, size.partitions(n, SKETCH_BYTES),
        new Clusters(s.canonicalOrder(), verifier));
    rows.persist(StorageLevel.MEMORY_AND_DISK());
    long clustered = timer.finish(n, rows.count());
    check("clusters", expectedArticles, clustered);
    sketches.unpersist(false);

    Dataset<Row> duplicates = Schemas.conform(spark.createDataFrame(rows, Duplicates.SCHEMA), Duplicates.SCHEMA,
        Duplicates.TABLE);
    Dataset<Row> pairTable = Schemas.conform(spark.createDataFrame(pairs.map(Pair::toRow), DuplicatePairs.SCHEMA),
        DuplicatePairs.SCHEMA, DuplicatePairs.TABLE);
    return new Result(duplicates, pairTable, distinctTexts, frequent.length, candidateCount, verified, exactPairs,
        templates.size(), List.of(rows, candidates, verifiedPairs, exact));
  }

  /** Partitions for the connected components of a graph of {@code edges} edges (one while it fits one). */
  public static int graphPartitions(SparkSession spark, long edges) {
    return new Sizing(spark).partitionsFromOne(edges, EDGE_BYTES);
  }

  /** Exact copies: within each group of equal text hashes, a star of pairs from the smallest article_id. */
  static JavaRDD<Pair> exactPairs(JavaPairRDD<Long, Sketch> sketches, int partitions) {
    return sketches.values().mapToPair(k -> new Tuple2<>(k.textHash, k.header()))
        .groupByKey(partitions)
        .flatMap(group -> {
          List<Sketch> copies = new ArrayList<>();
          group._2().forEach(copies::add);
          if (copies.size() < 2) {
            return java.util.Collections.emptyIterator();
          }
          Sketch first = copies.stream().min(Comparator.comparing((Sketch k) -> k.id)).orElseThrow();
          List<Pair> out = new ArrayList<>(copies.size() - 1);
          for (Sketch copy : copies) {
            if (copy != first) {
              out.add(Pair.of(first, copy, "exact", 1.0, 1.0, null));
            }
          }
          return out.iterator();
        });
  }

  /** The key of the copy in an exact pair: article_b (article_a, the smallest id of the text, represents it). */
  private static long copyKey(Pair exact) {
    return exact.keyB;
  }

  /**
   * Shingles found in more than {@code maxShingleShare} (and at least 10) of a sample of the distinct texts:
   * boilerplate phrases that would fill LSH buckets. At most {@link #MAX_FREQUENT_SHINGLES}, the most frequent
   * first; returned sorted.
   */
  static int[] frequentShingles(JavaRDD<Sketch> texts, Settings s, long textCount) {
    double fraction = Math.min(1.0, (double) s.shingleSample() / Math.max(1, textCount));
    long sampled = Math.max(1, Math.round(fraction * textCount));
    long minCount = Math.max(10, (long) Math.ceil(s.maxShingleShare() * sampled));
    long seed = s.seed();
    JavaRDD<Sketch> sample = fraction < 1.0 ? texts.filter(t -> inSample(t.textKey, seed, fraction)) : texts;
    List<Tuple2<Integer, Long>> frequent = sample.mapPartitionsToPair(new ShingleCounts(s.maxShingleShare()))
        .reduceByKey(Long::sum)
        .filter(t -> t._2() >= minCount)
        .collect();
    return frequent.stream()
        .sorted(Comparator.comparing((Tuple2<Integer, Long> t) -> t._2()).reversed())
        .limit(MAX_FREQUENT_SHINGLES)
        .mapToInt(Tuple2::_1).sorted().toArray();
  }

  /**
   * Whether a text is in the frequent-shingle sample: a hash of its text and the seed falls below {@code fraction}.
   * The sample is then the same whatever order a partition's texts arrive in ({@code RDD.sample} draws by position,
   * and the order of a shuffle's output changes from run to run, so reruns found different frequent shingles).
   */
  static boolean inSample(long textKey, long seed, double fraction) {
    return (Shingles.mix(textKey ^ Shingles.mix(seed)) >>> 11) * 0x1.0p-53 < fraction;
  }

  /**
   * LSH candidates among the distinct texts, each verified on both exact shingle sets: each text's buckets go,
   * grouped, to the partitions that own them ({@link Bands}); each partition pairs the members of its buckets
   * ({@link BucketPairs}); the pairs move to the partition of their first article, where repeats are dropped and
   * its sketch is joined in without moving the sketches, then to the partition of the second. One {@link Pair}
   * per distinct candidate; relation null when not a duplicate.
   */
  static JavaRDD<Pair> candidates(JavaPairRDD<Long, Sketch> texts, JavaPairRDD<Long, Sketch> sketches,
      Partitioner partitioner, int bandPartitions, VerifyPairs verifier, Settings s) {
    JavaPairRDD<Long, Long> pairs = texts.values().flatMapToPair(verifier.bands().grouped(bandPartitions))
        .partitionBy(new HashPartitioner(bandPartitions))
        .mapPartitionsToPair(new BucketPairs(s.maxBucketSize(), verifier.bands()))
        .partitionBy(partitioner)
        .mapPartitionsToPair(partition -> distinctInPartition(partition), true);
    return verify(pairs, sketches, partitioner, verifier);
  }

  /** Whether a verified pair is of an outlet with a template (and so is judged again without it). */
  private static boolean verifierHas(Templates templates, Pair p) {
    return p.outlet != null && templates.has(p.outlet);
  }

  /**
   * Each (first key, second key) pair verified on both sketches: the pair goes to the partition of its first
   * article, where that sketch is joined in without moving the sketches, then to the partition of the second.
   */
  static JavaRDD<Pair> verify(JavaPairRDD<Long, Long> pairs, JavaPairRDD<Long, Sketch> sketches,
      Partitioner partitioner, VerifyPairs verifier) {
    JavaPairRDD<Long, Sketch> withFirst = SketchJoin.join(pairs, sketches, partitioner,
        (Long second, Sketch first, List<Tuple2<Long, Sketch>> out) -> out.add(new Tuple2<>(second, first)))
        .mapToPair(t -> t);
    return SketchJoin.join(withFirst, sketches, partitioner,
        (Sketch first, Sketch second, List<Pair> out) -> out.add(verifier.verify(first, second)));
  }

  private static Iterator<Tuple2<Long, Long>> distinctInPartition(Iterator<Tuple2<Long, Long>> pairs) {
    PairSet distinct = new PairSet(1 << 12);
    pairs.forEachRemaining(p -> distinct.add(p._1(), p._2()));
    return distinct.iterator();
  }

  /**
   * One row of the duplicates table per sketch: articles in no pair are their own cluster; the sketches of each
   * component's members meet in one group, where the canonical is picked and each member compared with it.
   */
  static JavaRDD<Row> duplicates(JavaPairRDD<Long, Sketch> sketches, JavaPairRDD<Long, Long> components,
      Partitioner partitioner, int clusterPartitions, Clusters clusters) {
    JavaPairRDD<Long, Long> byNode = components.partitionBy(partitioner);
    JavaRDD<Row> singles = SketchJoin.without(byNode, sketches, partitioner).map(Clusters::single);
    JavaRDD<Row> members = SketchJoin.join(byNode, sketches, partitioner,
            (Long component, Sketch sketch, List<Tuple2<Long, Sketch>> out) -> out.add(new Tuple2<>(component, sketch)))
        .mapToPair(t -> t)
        .groupByKey(clusterPartitions)
        .flatMap(component -> clusters.rows(component._2()).iterator());
    return singles.union(members);
  }

  private static void check(String step, long expected, long actual) {
    if (expected > 0 && actual != expected) {
      throw new IllegalStateException("dedup step " + step + " changed the number of articles from " + expected
          + " to " + actual + ": rows were lost or duplicated");
    }
  }

  /**
   * Partitions per step, from the step's estimated bytes: {@value #TARGET_PARTITION_BYTES} bytes per partition,
   * at least the cluster's parallelism, at most spark.sql.shuffle.partitions. A shuffle task costs tens of
   * milliseconds even when empty, so small steps (the pair graph, exact copies) run on few partitions while the
   * sketches of a large corpus spread over all of them.
   */
  static final class Sizing {
    private final int max;
    private final int min;

    Sizing(SparkSession spark) {
      max = spark.sessionState().conf().numShufflePartitions();
      min = Math.min(max, spark.sparkContext().defaultParallelism());
    }

    int partitions(long records, long bytesPerRecord) {
      return Math.max(min, partitionsFromOne(records, bytesPerRecord));
    }

    /** As many partitions as the bytes need, down to one (for steps whose work shrinks with fewer partitions). */
    int partitionsFromOne(long records, long bytesPerRecord) {
      long wanted = (long) Math.ceil((double) records * bytesPerRecord / TARGET_PARTITION_BYTES);
      return (int) Math.max(1, Math.min(max, wanted));
    }
  }

  /** Times the steps for the listener. */
  private static final class Timer {
    private final Listener listener;
    private String step;
    private long start;

    Timer(Listener listener) {
      this.listener = listener;
    }

    void start(String name, String description) {
      step = name;
      listener.starting(name, description);
      start = System.nanoTime();
    }

    long finish(long in, long out) {
      listener.finished(step, in, out, (System.nanoTime() - start) / 1e9);
      return out;
    }
  }
}
