package org.presslens;

import org.apache.spark.sql.SparkSession;
import org.presslens.common.SparkDefaults;

/** The one SparkSession all tests share: local[2], 2 shuffle partitions, UI off, UTC, loopback. */
public final class SparkTestSession {
  private static SparkSession session;

  private SparkTestSession() {}

  public static synchronized SparkSession get() {
    if (session == null) {
      session = SparkDefaults.apply(SparkSession.builder())
          .master("local[2]")
          .appName("presslens-tests")
          .config("spark.sql.shuffle.partitions", "2")
          .config("spark.default.parallelism", "2")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.session.timeZone", "UTC")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.sql.adaptive.enabled", "false")
          .getOrCreate();
    }
    return session;
  }
}
