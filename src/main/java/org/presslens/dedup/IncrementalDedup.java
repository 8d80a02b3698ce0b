package org.presslens.dedup;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.presslens.common.Schemas.column;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.spark.HashPartitioner;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.presslens.common.Schemas;
import org.presslens.normalize.Articles;
import scala.Tuple2;

/**
 * The dedup stage of an incremental run: one new batch of articles against the state that earlier batches left
 * (docs/incremental.md). Only the new articles are shingled; each earlier article is represented by its LSH bucket
 * keys in {@link #SIGNATURES}, and is re-shingled from the articles table only when it is a candidate of a new
 * article or a member of a cluster that a new article joins. The bucket keys stay comparable across batches
 * because the frequent shingles left out of signatures are fixed by the first batch ({@link #SETTINGS}), as are
 * the MinHash and LSH settings (a change is refused: it needs a rebuild).
 *
 * <p>New pairs: exact copies by text hash (against the earlier batches' text hashes too) and verified LSH
 * candidates that involve a new article. Clusters: connected components over every batch's pairs (no text; small),
 * and the rows of the duplicates table are recomputed only for the clusters the new pairs touch; all other rows
 * are kept as they are. The canonical of a cluster is chosen by the same order as in a full run, so a new article
 * may become the canonical of an earlier cluster.
 */
public final class IncrementalDedup {
  /** State table, partitioned by batch: one row per article of every batch. */
  public static final String SIGNATURES = "_state/dedup_signatures";
  /** State table, one row: the frozen frequent shingles and the settings the bucket keys were made with. */
  public static final String SETTINGS = "_state/dedup_settings";

  public static final String ARTICLE_ID = "article_id";
  public static final String TEXT_HASH = "text_hash";
  public static final String BUCKETS = "buckets";
  public static final String FREQUENT = "frequent_shingles";
  public static final String FINGERPRINT = "fingerprint";
  public static final String VOCABULARY = "vocabulary";
  private static final String BUCKET = "bucket";
  private static final String IS_NEW = "is_new";

  public static final StructType SIGNATURE_SCHEMA = Schemas.struct(
      column(ARTICLE_ID, DataTypes.StringType, false, "The article"),
      column(TEXT_HASH, DataTypes.StringType, false, "Hash of its cleaned text (exact copies share it)"),
      column(BUCKETS, new ArrayType(DataTypes.LongType, false), true,
          "Its LSH bucket keys, one per band; null for an exact copy of an earlier text or a text too short to "
              + "shingle"));
  public static final StructType SETTINGS_SCHEMA = Schemas.struct(
      column(FREQUENT, new ArrayType(DataTypes.IntegerType, false), false,
          "Shingle hashes left out of signatures, learnt from the first batch"),
      column(FINGERPRINT, DataTypes.StringType, false,
          "shingle kind, n-gram, permutations, seed, bands x rows the bucket keys were made with"),
      column(VOCABULARY, new ArrayType(DataTypes.IntegerType, false), false,
          "Hashes of the archive's words, learnt from the first batch: the texts' noise is measured against them"));

  private IncrementalDedup() {}

  /** What earlier batches left: null tables when this is the first batch. */
  public record State(Dataset<Row> articles, Dataset<Row> signatures, Dataset<Row> pairs, Dataset<Row> duplicates,
      Dataset<Row> settings, Dataset<Row> replacedPairs, Dataset<Row> replacedIds) {
    boolean isEmpty() {
      return signatures == null;
    }
  }

  /**
   * The stage's output: the duplicates table over every batch, this batch's pairs and signatures, the settings row
   * and the figures of the run report.
   */
  public record Result(Dataset<Row> duplicates, Dataset<Row> pairs, Dataset<Row> signatures, Dataset<Row> settings,
      long distinctTexts, int frequentShingles, long candidatePairs, long recomputedRows, List<Runnable> cached) {
    public void release() {
      cached.forEach(Runnable::run);
    }
  }

  /** The settings the bucket keys depend on. */
  static String fingerprint(Dedup.Settings s) {
    return s.shingleLabel() + ", " + s.permutations() + " permutations, seed " + s.seed() + ", " + s.lsh().bands()
        + " x " + s.lsh().rows();
  }

  public static Result run(Dataset<Row> fresh, long expected, State state, Dedup.Settings s, Dedup.Listener listener) {
    SparkSession spark = fresh.sparkSession();
    Dedup.Sizing size = new Dedup.Sizing(spark);
    Partitioner partitioner = new HashPartitioner(size.partitions(expected, 4_500));
    List<Runnable> cached = new ArrayList<>();

    listener.starting("vocabulary", "the archive's words (learnt from the first batch)");
    long start = System.nanoTime();
    Vocabulary vocabulary = state.isEmpty() || state.settings() == null ? Dedup.vocabulary(fresh, expected, s)
        : Vocabulary.of(state.settings().first().<Integer>getList(2).stream().mapToInt(Integer::intValue).toArray());
    finished(listener, "vocabulary", expected, vocabulary.words().length, start);

    listener.starting("shingle", "shingle the new articles");
    start = System.nanoTime();
    JavaPairRDD<Long, Sketch> sketches = Dedup.scan(fresh, s, vocabulary).mapToPair(k -> new Tuple2<>(k.key, k))
        .partitionBy(partitioner).persist(StorageLevel.MEMORY_AND_DISK());
    long n = sketches.count();
    finished(listener, "shingle", expected, n, start);

    listener.starting("exact", "exact copies by text hash, against earlier batches too");
    start = System.nanoTime();
    Dataset<Row> hashes = spark.createDataFrame(sketches.values().map(k -> RowFactory.create(k.id, k.textHash)),
        new StructType().add(ARTICLE_ID, DataTypes.StringType).add(TEXT_HASH, DataTypes.StringType));
    Dataset<Row> earlierCopies = state.isEmpty()
        ? hashes.limit(0).withColumn(IS_NEW, lit(false))
        : state.signatures().select(ARTICLE_ID, TEXT_HASH).join(hashes.select(TEXT_HASH).distinct(), TEXT_HASH)
            .groupBy(TEXT_HASH).agg(min(ARTICLE_ID).as(ARTICLE_ID)).select(ARTICLE_ID, TEXT_HASH)
            .withColumn(IS_NEW, lit(false));
    JavaRDD<Row> texts = hashes.withColumn(IS_NEW, lit(true)).unionByName(earlierCopies)
        .groupBy(TEXT_HASH).agg(collect_list(org.apache.spark.sql.functions.struct(ARTICLE_ID, IS_NEW)).as("m"))
        .javaRDD().filter(group -> group.getList(1).size() > 1).persist(StorageLevel.MEMORY_AND_DISK());
    JavaRDD<Row> exact = texts.flatMap(IncrementalDedup::exactStar).persist(StorageLevel.MEMORY_AND_DISK());
    long exactPairs = exact.count();
    cached.add(() -> exact.unpersist(false));
    finished(listener, "exact", n, exactPairs, start);
    Broadcast<Set<String>> copies = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .broadcast(new HashSet<>(texts.flatMap(IncrementalDedup::copies).collect()));
    long copyCount = copies.value().size();
    texts.unpersist(false);

    listener.starting("frequent", "frequent shingles (fixed by the first batch)");
    start = System.nanoTime();
    int[] frequent;
    if (state.isEmpty() || state.settings() == null) {
      JavaRDD<Sketch> distinct = sketches.values().filter(k -> !copies.value().contains(k.id));
      frequent = Dedup.frequentShingles(distinct, s, n - copyCount);
    } else {
      Row settings = state.settings().first();
      String was = settings.getAs(FINGERPRINT);
      if (!was.equals(fingerprint(s))) {
        throw new IllegalStateException("the dedup settings changed since the earlier batches (" + was + " then, "
            + fingerprint(s) + " now): their bucket keys are not comparable; rebuild the output with a full run "
            + "(docs/incremental.md)");
      }
      frequent = settings.<Integer>getList(0).stream().mapToInt(Integer::intValue).toArray();
    }
    finished(listener, "frequent", n - copyCount, frequent.length, start);

    listener.starting("candidates", "LSH candidates of the new articles, verified");
    start = System.nanoTime();
    VerifyPairs verifier = s.verifier(frequent);
    Bands bands = verifier.bands();
    JavaRDD<Row> signatureRows = sketches.values().map(k -> RowFactory.create(k.id, k.textHash,
        copies.value().contains(k.id) || k.shingles.length == 0 ? null
            : scala.jdk.javaapi.CollectionConverters.asScala(Arrays.stream(bands.buckets(bands.signature(k.shingles)))
                .boxed().toList()).toSeq()));
    Dataset<Row> signatures = Schemas.conform(spark.createDataFrame(signatureRows, SIGNATURE_SCHEMA),
        SIGNATURE_SCHEMA, SIGNATURES).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> newBuckets = signatures.filter(col(BUCKETS).isNotNull())
        .select(col(ARTICLE_ID), explode(col(BUCKETS)).as(BUCKET));
    Dataset<Row> members = newBuckets.withColumn(IS_NEW, lit(true));
    if (!state.isEmpty()) {
      members = members.unionByName(state.signatures().filter(col(BUCKETS).isNotNull())
          .select(col(ARTICLE_ID), explode(col(BUCKETS)).as(BUCKET))
          .join(newBuckets.select(BUCKET).distinct(), BUCKET, "left_semi")
          .withColumn(IS_NEW, lit(false)));
    }
    int maxBucket = s.maxBucketSize();
    JavaPairRDD<String, String> candidatePairs = members.groupBy(BUCKET)
        .agg(collect_list(org.apache.spark.sql.functions.struct(ARTICLE_ID, IS_NEW)).as("m"))
        .javaRDD().flatMap(bucket -> bucketPairs(bucket.getList(1), maxBucket))
        .distinct()
        .mapToPair(p -> new Tuple2<>(p._1(), p._2()))
        .persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(() -> candidatePairs.unpersist(false));
    // the earlier side's sketches, re-shingled from the articles table for the candidates only
    JavaPairRDD<String, Sketch> byId = sketches.values().mapToPair(k -> new Tuple2<>(k.id, k));
    if (!state.isEmpty()) {
      Dataset<Row> earlierIds = spark.createDataFrame(candidatePairs.flatMap(p -> List.of(p._1(), p._2()).iterator())
          .distinct().map(RowFactory::create), new StructType().add(ARTICLE_ID, DataTypes.StringType));
      byId = byId.union(earlier(state, earlierIds, s, vocabulary));
    }
    JavaRDD<Pair> judged = verify(candidatePairs, byId, verifier).persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(() -> judged.unpersist(false));
    long candidates = judged.count();
    finished(listener, "candidates", n - copyCount, candidates, start);

    listener.starting("templates", "outlet templates over every batch, same-outlet pairs judged without them");
    start = System.nanoTime();
    JavaRDD<Pair> sameOutlet = judged.filter(p -> p.isDuplicate() && p.outlet != null);
    List<String> outlets = sameOutlet.map(p -> p.outlet).distinct().collect();
    JavaRDD<Sketch> outletTexts = sketches.values().filter(k -> !copies.value().contains(k.id));
    if (!state.isEmpty() && !outlets.isEmpty()) {
      outletTexts = outletTexts.union(earlierTexts(state, outlets, s, vocabulary).values());
    }
    Templates templates = Templates.find(sameOutlet, outletTexts, s.templateMinTexts());
    JavaRDD<Pair> verified = judged.filter(Pair::isDuplicate);
    if (!templates.isEmpty()) {
      verifier = verifier.withTemplates(templates);
      JavaPairRDD<String, String> again = sameOutlet.filter(p -> templates.has(p.outlet))
          .mapToPair(p -> new Tuple2<>(p.idA, p.idB));
      verified = verified.filter(p -> p.outlet == null || !templates.has(p.outlet))
          .union(verify(again, byId, verifier).filter(Pair::isDuplicate));
    }
    finished(listener, "templates", candidates, templates.size(), start);

    listener.starting("clusters", "connected components over every batch's pairs; touched clusters recomputed");
    start = System.nanoTime();
    JavaRDD<Row> newPairRows = verified.map(Pair::toRow).union(exact)
        .persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(() -> newPairRows.unpersist(false));
    Dataset<Row> newPairs = Schemas.conform(spark.createDataFrame(newPairRows, DuplicatePairs.SCHEMA),
        DuplicatePairs.SCHEMA, DuplicatePairs.TABLE);
    Dataset<Row> allPairs = state.isEmpty() ? newPairs : state.pairs()
        .select(DuplicatePairs.ARTICLE_A, DuplicatePairs.ARTICLE_B).unionByName(
            newPairs.select(DuplicatePairs.ARTICLE_A, DuplicatePairs.ARTICLE_B));
    JavaRDD<Tuple2<String, String>> edges = allPairs.javaRDD().map(r -> new Tuple2<>(r.getString(0), r.getString(1)));
    long edgeCount = edges.count();
    int graphPartitions = Dedup.graphPartitions(spark, edgeCount);
    JavaPairRDD<Long, Long> components = ConnectedComponents.of(
        edges.map(e -> new Tuple2<>(Sketch.key(e._1()), Sketch.key(e._2()))).coalesce(graphPartitions),
        graphPartitions, 64).persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(() -> components.unpersist(false));
    // touched: the new pairs' articles, and on a rerun the articles the replaced batch's pairs linked
    JavaRDD<Row> touchedPairs = state.replacedPairs() == null ? newPairRows
        : newPairRows.union(state.replacedPairs().select(DuplicatePairs.ARTICLE_A, DuplicatePairs.ARTICLE_B)
            .javaRDD());
    JavaPairRDD<Long, String> touchedIds = touchedPairs.flatMap(r -> List.of(r.getString(0), r.getString(1))
        .iterator()).distinct().mapToPair(id -> new Tuple2<>(Sketch.key(id), id));
    JavaPairRDD<Long, Long> touched = components.mapToPair(c -> new Tuple2<>(c._2(), c._1()))
        .join(components.join(touchedIds).mapToPair(t -> new Tuple2<>(t._2()._1(), true)).distinct())
        .mapToPair(t -> new Tuple2<>(t._2()._1(), t._1()));
    // the ids of every article whose row is recomputed: members of touched clusters and touched articles
    JavaPairRDD<Long, String> nodeIds = edges.flatMap(e -> List.of(e._1(), e._2()).iterator()).distinct()
        .mapToPair(id -> new Tuple2<>(Sketch.key(id), id));
    JavaRDD<String> recomputeIds = touched.join(nodeIds).map(t -> t._2()._2()).union(touchedIds.values())
        .distinct();
    Dataset<Row> recompute = spark.createDataFrame(recomputeIds.map(RowFactory::create),
        new StructType().add(ARTICLE_ID, DataTypes.StringType)).persist(StorageLevel.MEMORY_AND_DISK());
    JavaPairRDD<Long, Sketch> rowSketches = sketches;
    if (!state.isEmpty()) {
      rowSketches = sketches.union(earlier(state, recompute, s, vocabulary).values().mapToPair(k -> new Tuple2<>(k.key, k)))
          .partitionBy(partitioner);
    }
    JavaRDD<Row> fresher = Dedup.duplicates(rowSketches, touched, partitioner, size.partitions(n, 4_500),
        new Clusters(s.canonicalOrder(), verifier));
    Dataset<Row> rows = spark.createDataFrame(fresher, Duplicates.SCHEMA).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> duplicates = rows;
    if (!state.isEmpty() && state.duplicates() != null) {
      Dataset<Row> replaced = recompute.unionByName(fresh.select(Articles.ARTICLE_ID).toDF(ARTICLE_ID));
      if (state.replacedIds() != null) {
        replaced = replaced.unionByName(state.replacedIds().select(ARTICLE_ID));
      }
      duplicates = state.duplicates().join(replaced, state.duplicates().col(Duplicates.ARTICLE_ID)
          .equalTo(replaced.col(ARTICLE_ID)), "left_anti").unionByName(rows);
    }
    duplicates = Schemas.conform(duplicates, Duplicates.SCHEMA, Duplicates.TABLE)
        .persist(StorageLevel.MEMORY_AND_DISK());
    long recomputed = rows.count();
    Dataset<Row> all = duplicates;
    cached.add(() -> {
      all.unpersist();
      rows.unpersist();
      recompute.unpersist();
      signatures.unpersist();
    });
    finished(listener, "clusters", n, recomputed, start);
    sketches.unpersist(false);

    Dataset<Row> settingsRow = spark.createDataFrame(List.of(RowFactory.create(
        scala.jdk.javaapi.CollectionConverters.asScala(Arrays.stream(frequent).boxed().toList()).toSeq(),
        fingerprint(s), scala.jdk.javaapi.CollectionConverters.asScala(Arrays.stream(vocabulary.words()).boxed()
            .toList()).toSeq())), SETTINGS_SCHEMA);
    return new Result(duplicates, newPairs, signatures, settingsRow, n - copyCount, frequent.length, candidates,
        recomputed, cached);
  }

  /** Candidate pairs (id, id) verified on both sketches. */
  private static JavaRDD<Pair> verify(JavaPairRDD<String, String> pairs, JavaPairRDD<String, Sketch> byId,
      VerifyPairs verifier) {
    return pairs.join(byId).mapToPair(t -> new Tuple2<>(t._2()._1(), t._2()._2()))
        .join(byId).map(t -> verifier.verify(t._2()._1(), t._2()._2()));
  }

  /**
   * The distinct texts of earlier batches from the given outlets, re-shingled: the articles that stand for their
   * text (those with bucket keys; copies and texts too short to shingle have none).
   */
  private static JavaPairRDD<String, Sketch> earlierTexts(State state, List<String> outlets, Dedup.Settings s,
      Vocabulary vocabulary) {
    Dataset<Row> ids = state.signatures().filter(col(BUCKETS).isNotNull()).select(ARTICLE_ID)
        .join(state.articles().filter(col(Articles.OUTLET).isin(outlets.toArray())).select(Articles.ARTICLE_ID)
            .toDF(ARTICLE_ID), ARTICLE_ID, "left_semi");
    return earlier(state, ids, s, vocabulary);
  }

  /** Sketches of earlier articles with the given ids, re-shingled from the articles table. */
  private static JavaPairRDD<String, Sketch> earlier(State state, Dataset<Row> ids, Dedup.Settings s,
      Vocabulary vocabulary) {
    Dataset<Row> rows = state.articles().join(ids.hint("broadcast").toDF(Articles.ARTICLE_ID), Articles.ARTICLE_ID,
        "left_semi");
    return Dedup.scan(rows, s, vocabulary).mapToPair(k -> new Tuple2<>(k.id, k));
  }

  /**
   * Exact pairs of one text: the new articles with this text and the earlier one with the smallest id (when there
   * is one) form a star around the smallest id among them. Output: duplicate_pairs rows.
   */
  static Iterator<Row> exactStar(Row group) {
    List<Row> members = new ArrayList<>(group.getList(1));
    if (members.size() < 2) {
      return java.util.Collections.emptyIterator();
    }
    members.sort(Comparator.comparing((Row m) -> m.getString(0)));
    String first = members.get(0).getString(0);
    List<Row> out = new ArrayList<>(members.size() - 1);
    for (Row m : members.subList(1, members.size())) {
      out.add(RowFactory.create(first, m.getString(0), "exact", 1.0, 1.0, null, null, null, null, 0,
          Pair.EXACT_EVIDENCE));
    }
    return out.iterator();
  }

  /**
   * The new articles of one text that are copies: all of them when an earlier batch has the text, else all but the
   * smallest id (which stands for the text in LSH, as in a full run).
   */
  static Iterator<String> copies(Row group) {
    List<Row> members = group.getList(1);
    boolean earlier = members.stream().anyMatch(m -> !m.getBoolean(1));
    String first = members.stream().map(m -> m.getString(0)).min(String::compareTo).orElseThrow();
    return members.stream().filter(m -> m.getBoolean(1) && (earlier || !m.getString(0).equals(first)))
        .map(m -> m.getString(0)).iterator();
  }

  /**
   * Candidate pairs of one bucket that involve a new article, as (smaller id, larger id): every pair while the
   * bucket has at most {@code maxBucketSize} members, else only the star around its smallest key, as
   * {@link BucketPairs} does in a full run.
   */
  static Iterator<Tuple2<String, String>> bucketPairs(List<Row> bucket, int maxBucketSize) {
    List<Row> members = new ArrayList<>(bucket);
    if (members.size() < 2) {
      return java.util.Collections.emptyIterator();
    }
    members.sort(Comparator.comparingLong((Row m) -> Sketch.key(m.getString(0))));
    List<Tuple2<String, String>> out = new ArrayList<>();
    int last = members.size() > maxBucketSize ? 1 : members.size();
    for (int i = 0; i < last; i++) {
      for (int j = i + 1; j < members.size(); j++) {
        Row a = members.get(i);
        Row b = members.get(j);
        String idA = a.getString(0);
        String idB = b.getString(0);
        if ((a.getBoolean(1) || b.getBoolean(1)) && !idA.equals(idB)) {
          out.add(idA.compareTo(idB) < 0 ? new Tuple2<>(idA, idB) : new Tuple2<>(idB, idA));
        }
      }
    }
    return out.iterator();
  }

  private static void finished(Dedup.Listener listener, String step, long in, long out, long start) {
    listener.finished(step, in, out, (System.nanoTime() - start) / 1e9);
  }
}
