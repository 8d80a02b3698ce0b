package org.presslens.evaluation;

import org.apache.spark.sql.SparkSession;
import org.presslens.common.SparkDefaults;

/** The SparkSession every benchmark runs in: local[*], the job's Spark defaults and its shuffle partitions on one machine. */
final class BenchmarkSession {
  private BenchmarkSession() {}

  static SparkSession get(String appName) {
    return SparkDefaults.local(SparkDefaults.apply(SparkSession.builder())).master("local[*]").appName(appName)
        .config("spark.ui.enabled", "false").config("spark.sql.session.timeZone", "UTC")
        .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
  }
}
