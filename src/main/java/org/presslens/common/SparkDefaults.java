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
}
