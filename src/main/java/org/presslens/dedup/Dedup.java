package org.presslens.dedup;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.presslens.common.Schemas;
import org.presslens.config.DedupSettings;
import org.presslens.normalize.Articles;

/**
 * Dedup stage: exact duplicates by text hash, near duplicates by MinHash LSH, both verified on the real
 * shingle sets, clustered as connected components. Input: {@link Articles#SCHEMA}. Output: the
 * {@link Duplicates} table (one row per article) and the {@link DuplicatePairs} table. Steps are separate so
 * the pipeline can materialise between them; see docs/dedup.md for the algorithm and its settings.
 */
public final class Dedup {
  static final String ID = Articles.ARTICLE_ID;
  static final String TEXT = Articles.TEXT;
  static final String SHINGLE_SET = "shingle_set";
  static final String SHINGLES_A = "shingles_a";
  static final String SHINGLES_B = "shingles_b";
  static final String SHINGLE = "shingle";
  static final String KEY = "key";
  static final String KEY_A = "key_a";
  static final String KEY_B = "key_b";
  /** Candidate pairs carry their verdict: null relation = not a duplicate. */
  public static final StructType CANDIDATES = new StructType()
      .add(DuplicatePairs.ARTICLE_A, DataTypes.StringType).add(DuplicatePairs.ARTICLE_B, DataTypes.StringType)
      .add(DuplicatePairs.RELATION, DataTypes.StringType).add(DuplicatePairs.JACCARD, DataTypes.DoubleType)
      .add(DuplicatePairs.CONTAINMENT, DataTypes.DoubleType)
      .add(DuplicatePairs.ESTIMATED_JACCARD, DataTypes.DoubleType);
  /** Shingled texts; {@code key} is a 64-bit hash of the id, what the LSH shuffle carries instead of the id. */
  static final StructType SHINGLED = new StructType()
      .add(ID, DataTypes.StringType).add(KEY, DataTypes.LongType).add(SHINGLE_SET, DataTypes.BinaryType);
  private static final int MAX_COMPONENT_ROUNDS = 64;

  private Dedup() {}

  /** Plain settings for the stage, from the job config. */
  public record Settings(Shingles.Kind kind, int ngram, int permutations, long seed, double threshold,
      double containment, int minContainedShingles, LshParams lsh, double maxShingleShare, int shingleSample,
      int maxBucketSize, List<String> canonicalOrder) {

    public static Settings of(DedupSettings d) {
      LshParams lsh = d.bands() > 0 ? new LshParams(d.bands(), d.rows())
          : LshParams.optimal(d.lshThreshold(), d.permutations(), d.falsePositiveWeight(), d.falseNegativeWeight());
      return new Settings(d.shingle().equals("char") ? Shingles.Kind.CHAR : Shingles.Kind.WORD, d.ngram(),
          d.permutations(), d.seed(), d.threshold(), d.containment(), d.minContainedShingles(), lsh,
          d.maxShingleShare(), d.shingleSample(), d.maxBucketSize(), List.of(d.canonicalOrder().split(",")));
    }
  }

  /** Output of {@link #clusters}. */
  public record Result(Dataset<Row> duplicates, Dataset<Row> pairs) {}

  /**
   * Step 1. One shingle set per distinct cleaned text: exact copies share their representative's (the
   * smallest article_id with that text_hash). Output: (article_id, shingle_set) of the representatives;
   * an empty set means too short to shingle.
   */
  public static Dataset<Row> shingle(Dataset<Row> articles, Settings s) {
    return representatives(articles).filter(col(ID).equalTo(col("rep")))
        .select(col(ID), col(TEXT))
        .mapPartitions(new ShingleArticles(s.kind(), s.ngram()), Encoders.row(SHINGLED));
  }

  /** Every article's shingle set, without finding exact copies first: the scan floor of the benchmarks. */
  public static Dataset<Row> shingleAll(Dataset<Row> articles, Settings s) {
    return articles.select(col(ID), col(TEXT))
        .mapPartitions(new ShingleArticles(s.kind(), s.ngram()), Encoders.row(SHINGLED));
  }

  /**
   * Step 2. Shingles found in more than {@code maxShingleShare} (and at least 10) of a sample of the shingled
   * texts: boilerplate phrases that would fill LSH buckets. The pipeline collects this bounded list.
   */
  public static Dataset<Row> frequentShingles(Dataset<Row> shingled, Settings s, long shingledCount) {
    double fraction = Math.min(1.0, (double) s.shingleSample() / Math.max(1, shingledCount));
    long sampled = Math.max(1, Math.round(fraction * shingledCount));
    long minCount = Math.max(10, (long) Math.ceil(s.maxShingleShare() * sampled));
    Dataset<Row> sample = fraction < 1.0 ? shingled.sample(false, fraction, s.seed()) : shingled;
    StructType counts = new StructType().add(SHINGLE, DataTypes.IntegerType).add("n", DataTypes.LongType);
    return sample.mapPartitions(new ExplodeShingles(s.maxShingleShare()), Encoders.row(counts))
        .groupBy(SHINGLE).agg(org.apache.spark.sql.functions.sum("n").as("n"))
        .filter(col("n").geq(minCount))
        .select(SHINGLE);
  }

  /** The frequent shingles as the sorted array {@link #candidates} takes (the caller collects the bounded list). */
  public static int[] sortedShingles(List<Row> frequent) {
    return frequent.stream().mapToInt(r -> r.<Integer>getAs(SHINGLE)).sorted().toArray();
  }

  /**
   * Step 3. LSH candidates among the shingled representatives, each verified on the exact shingle sets.
   * Output: {@link #CANDIDATES}, one row per distinct candidate pair; relation null when not a duplicate.
   */
  public static Dataset<Row> candidates(Dataset<Row> shingled, int[] frequentSorted, Settings s) {
    SignAndBand signer = new SignAndBand(new MinHasher(s.permutations(), s.seed()), s.lsh(), frequentSorted);
    StructType bandSchema = new StructType().add("band", DataTypes.IntegerType).add("bucket", DataTypes.LongType)
        .add(KEY, DataTypes.LongType);
    StructType pairSchema = new StructType().add(KEY_A, DataTypes.LongType).add(KEY_B, DataTypes.LongType);
    Dataset<Row> pairs = shingled.filter(length(col(SHINGLE_SET)).gt(0))
        .flatMap(signer, Encoders.row(bandSchema))
        .repartition(col("band"), col("bucket"))
        .sortWithinPartitions("band", "bucket", KEY)
        .mapPartitions(new BucketPairs(s.maxBucketSize()), Encoders.row(pairSchema))
        .distinct();
    Dataset<Row> a = shingled.select(col(KEY).as(KEY_A), col(ID).as(DuplicatePairs.ARTICLE_A),
        col(SHINGLE_SET).as(SHINGLES_A));
    Dataset<Row> b = shingled.select(col(KEY).as(KEY_B), col(ID).as(DuplicatePairs.ARTICLE_B),
        col(SHINGLE_SET).as(SHINGLES_B));
    return pairs.join(a, KEY_A).join(b, KEY_B)
        .mapPartitions(new VerifyPairs(signer, s.threshold(), s.containment(), s.minContainedShingles()),
            Encoders.row(CANDIDATES));
  }

  /**
   * Step 4. Clusters: connected components of the verified pairs plus the exact copies; the canonical of each
   * cluster by the configured order; every article's relation and similarity to its canonical.
   */
  public static Result clusters(Dataset<Row> articles, Dataset<Row> shingled, Dataset<Row> candidates,
      Settings s) {
    Dataset<Row> reps = representatives(articles).select(col(ID), col("rep"));
    Dataset<Row> exact = reps.filter(col(ID).notEqual(col("rep")))
        .select(least(col(ID), col("rep")).as(DuplicatePairs.ARTICLE_A),
            greatest(col(ID), col("rep")).as(DuplicatePairs.ARTICLE_B), lit("exact").as(DuplicatePairs.RELATION),
            lit(1.0).as(DuplicatePairs.JACCARD), lit(1.0).as(DuplicatePairs.CONTAINMENT),
            lit(null).cast(DataTypes.DoubleType).as(DuplicatePairs.ESTIMATED_JACCARD));
    Dataset<Row> pairs = candidates.filter(col(DuplicatePairs.RELATION).isNotNull()).unionByName(exact);
    Dataset<Row> components = ConnectedComponents.of(
        pairs.select(col(DuplicatePairs.ARTICLE_A).as(ConnectedComponents.SRC),
            col(DuplicatePairs.ARTICLE_B).as(ConnectedComponents.DST)), MAX_COMPONENT_ROUNDS);

    WindowSpec cluster = Window.partitionBy("component");
    Dataset<Row> members = articles.select(ID, Articles.PUBLISHED_DATE, Articles.WORD_COUNT, Articles.OUTLET)
        .join(reps, ID)
        .join(components.withColumnRenamed(ConnectedComponents.NODE, ID), Schemas.columns(ID), "left")
        .withColumn("component", expr("coalesce(" + ConnectedComponents.COMPONENT + ", " + ID + ")"))
        .withColumn(Duplicates.CLUSTER_ID, min(ID).over(cluster))
        .withColumn(Duplicates.CLUSTER_SIZE, count(lit(1)).over(cluster))
        .withColumn(Duplicates.CLUSTER_OUTLETS, size(collect_set(Articles.OUTLET).over(cluster)).cast(DataTypes.LongType))
        .withColumn("rank", row_number().over(cluster.orderBy(canonicalOrder(s.canonicalOrder()))));
    Dataset<Row> canonicals = members.filter(col("rank").equalTo(1))
        .select(col("component"), col(ID).as(Duplicates.CANONICAL_ID), col("rep").as("canonical_rep"));
    Dataset<Row> sets = shingled.select(col(ID).as("rep"), col(SHINGLE_SET).as(SHINGLES_A));
    Dataset<Row> canonicalSets = shingled.select(col(ID).as("canonical_rep"), col(SHINGLE_SET).as(SHINGLES_B));
    Dataset<Row> related = members.join(canonicals, "component")
        .join(sets, "rep").join(canonicalSets, "canonical_rep")
        .mapPartitions(new RelateToCanonical(s.threshold(), s.containment(), s.minContainedShingles()),
            Encoders.row(Duplicates.SCHEMA));
    return new Result(Schemas.conform(related, Duplicates.SCHEMA, Duplicates.TABLE),
        Schemas.conform(pairs, DuplicatePairs.SCHEMA, DuplicatePairs.TABLE));
  }

  /** Articles with the representative of their text: the smallest article_id with the same text_hash. */
  private static Dataset<Row> representatives(Dataset<Row> articles) {
    return articles.withColumn("rep", min(ID).over(Window.partitionBy(Articles.TEXT_HASH)));
  }

  private static Column[] canonicalOrder(List<String> keys) {
    List<Column> order = new ArrayList<>();
    for (String key : keys) {
      switch (key) {
        case "earliest" -> order.add(col(Articles.PUBLISHED_DATE).asc_nulls_last());
        case "longest" -> order.add(col(Articles.WORD_COUNT).desc());
        case "id" -> order.add(col(ID).asc());
        default -> throw new IllegalArgumentException("unknown canonical order key " + key);
      }
    }
    if (!keys.contains("id")) {
      order.add(col(ID).asc());
    }
    return order.toArray(Column[]::new);
  }

  static byte[] pack(int[] shingles) {
    ByteBuffer buffer = ByteBuffer.allocate(shingles.length * 4);
    buffer.asIntBuffer().put(shingles);
    return buffer.array();
  }

  static int[] unpack(byte[] bytes) {
    int[] out = new int[bytes.length / 4];
    ByteBuffer.wrap(bytes).asIntBuffer().get(out);
    return out;
  }

  static int[] shingles(Row row) {
    return unpack(row.getAs(SHINGLE_SET));
  }
}
