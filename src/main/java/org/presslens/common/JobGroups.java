package org.presslens.common;

import org.apache.spark.sql.SparkSession;

/** Names the Spark jobs of a stage so the Spark UI and logs say what the job is doing. */
public final class JobGroups {
  private JobGroups() {}

  public static void enter(SparkSession spark, String stage, String description) {
    spark.sparkContext().setJobGroup("presslens-" + stage, "presslens " + stage + ": " + description, false);
  }

  public static void leave(SparkSession spark) {
    spark.sparkContext().clearJobGroup();
  }
}
