package org.presslens.common;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;

/**
 * Spark settings the job relies on, applied to every session it builds: Kryo for the RDD shuffles of the dedup
 * stage (unless the submitter chose a serializer), and presslens's Kryo registrator (added to any the submitter
 * named), without which Kryo could not serialise the job's records.
 */
public final class SparkDefaults {
  static final String SERIALIZER = "spark.serializer";
  static final String REGISTRATOR = "spark.kryo.registrator";
  /** How many partitions adaptive query execution starts a shuffle with, before it coalesces them. */
  public static final String INITIAL_PARTITIONS = "spark.sql.adaptive.coalescePartitions.initialPartitionNum";
  /** Set on sessions whose shuffles the job sizes by the archive (one machine, no shuffle partitions chosen). */
  public static final String SIZED_SHUFFLES = "spark.presslens.sizedShuffles";
  /** The initial partition count the job itself set last, told apart from one the submitter set. */
  static final String SIZED_BY_JOB = SIZED_SHUFFLES + ".initialPartitions";
  /**
   * Articles per initial shuffle partition. The co-occurrence stage, the job's largest shuffles, read about 300 KB
   * per article in all at 100,000 articles (30.5 GB), so one partition per 100 articles keeps each shuffle's
   * partitions under AQE's 64 MB advisory size before it coalesces them.
   */
  public static final int ARTICLES_PER_PARTITION = 100;
  /** The most initial partitions of a sized shuffle: 1,000 of 64 MB hold 64 GB. */
  public static final int LOCAL_MAX_SHUFFLE_PARTITIONS = 1000;
  /**
   * Articles per partition of a persisted stage output (about 15 MB of text, 60 MB of entity mentions). A stage
   * output computed after a shuffle can keep the shuffle's initial partitions, and each later pass over it pays a
   * task per partition; too few, and a partition's block does not fit the memory store (at 10,000 articles per
   * partition the entity mentions of 100,000 articles were 240 MB blocks, and went to disk).
   */
  public static final int ARTICLES_PER_PERSISTED_PARTITION = 2_500;

  private SparkDefaults() {}

  public static SparkSession.Builder apply(SparkSession.Builder builder) {
    SparkConf submitted = new SparkConf();
    if (!submitted.contains(SERIALIZER)) {
      builder.config(SERIALIZER, "org.apache.spark.serializer.KryoSerializer");
    }
    String ours = KryoRegistration.class.getName();
    String theirs = submitted.get(REGISTRATOR, "");
    builder.config(REGISTRATOR, theirs.isBlank() ? ours : theirs.contains(ours) ? theirs : theirs + "," + ours);
    return builder;
  }

  /**
   * Shuffle partitions for a session on one machine ({@code local[*]}): 4 × cores, and shuffles sized by the
   * archive once the job knows its size ({@link #sizeShuffles}). A fixed count, such as Spark's 200 or a multiple
   * of the cores, makes each partition grow with the archive until its sorts spill to disk, while a large one costs
   * small archives a partition file per map task and reducer.
   */
  public static SparkSession.Builder local(SparkSession.Builder builder) {
    return builder.config("spark.sql.shuffle.partitions", Integer.toString(4 * Runtime.getRuntime().availableProcessors()))
        .config(SIZED_SHUFFLES, "true");
  }

  /** The initial shuffle partitions for an archive of this many articles: one per 100, within [minimum, 1,000]. */
  public static int initialPartitions(long articles, int minimum) {
    long wanted = ceilDiv(articles, ARTICLES_PER_PARTITION);
    return (int) Math.max(minimum, Math.min(LOCAL_MAX_SHUFFLE_PARTITIONS, wanted));
  }

  /**
   * The most partitions a persisted stage output keeps for an archive of this many articles: one per 2,500
   * articles, and never fewer than {@code floor} (the session's shuffle partitions or its parallelism, whichever is
   * larger), so that no stage runs on fewer tasks than the cluster has cores.
   */
  public static int persistedPartitions(long articles, int floor) {
    long wanted = ceilDiv(articles, ARTICLES_PER_PERSISTED_PARTITION);
    return (int) Math.max(floor, Math.min(Integer.MAX_VALUE, wanted));
  }

  /** {@code Math.ceilDiv} of Java 18, for non-negative counts. */
  private static long ceilDiv(long count, int per) {
    return (count + per - 1) / per;
  }

  /**
   * On a session built by {@link #local} where the submitter set no initial partition count, makes adaptive query
   * execution start every later SQL shuffle from {@link #initialPartitions} partitions and coalesce them to about
   * 64 MB each. Returns the count set, or 0 where the session's own settings stand.
   */
  public static int sizeShuffles(SparkSession spark, long articles) {
    RuntimeConfig conf = spark.conf();
    if (!Boolean.parseBoolean(conf.get(SIZED_SHUFFLES, "false"))) {
      return 0;
    }
    boolean submitterChose = conf.contains(INITIAL_PARTITIONS)
        && !conf.get(INITIAL_PARTITIONS).equals(conf.get(SIZED_BY_JOB, ""));
    if (submitterChose) {
      return 0;
    }
    int partitions = initialPartitions(articles, Integer.parseInt(conf.get("spark.sql.shuffle.partitions")));
    conf.set(INITIAL_PARTITIONS, Integer.toString(partitions));
    conf.set(SIZED_BY_JOB, Integer.toString(partitions));
    return partitions;
  }
}
