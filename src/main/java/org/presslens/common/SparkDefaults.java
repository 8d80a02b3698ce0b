package org.presslens.common;

import org.apache.spark.SparkConf;
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
  /**
   * Shuffles on one machine start with this many partitions, which AQE coalesces to about 64 MB each (and at least
   * one per core). 1,000 of 64 MB hold 64 GB, twice what all of the co-occurrence stage's shuffles read at 100,000
   * articles (30.5 GB).
   */
  public static final int LOCAL_MAX_SHUFFLE_PARTITIONS = 1000;

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
   * Shuffle partitions for a session on one machine ({@code local[*]}). A fixed count, such as Spark's 200 or a
   * multiple of the cores, makes each partition grow with the archive until its sorts spill to disk; instead every
   * SQL shuffle starts from {@link #LOCAL_MAX_SHUFFLE_PARTITIONS} and adaptive query execution coalesces them to
   * its advisory size (64 MB), with at least one per core. {@code spark.sql.shuffle.partitions} (4 × cores) is what
   * the job falls back to where adaptive execution does not apply.
   */
  public static SparkSession.Builder local(SparkSession.Builder builder) {
    return builder.config("spark.sql.shuffle.partitions", Integer.toString(4 * Runtime.getRuntime().availableProcessors()))
        .config(INITIAL_PARTITIONS, Integer.toString(LOCAL_MAX_SHUFFLE_PARTITIONS));
  }
}
