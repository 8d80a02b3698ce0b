package org.presslens.config;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Map;

/** How the job gets its SparkSession. */
public record SparkSettings(
    @JsonPropertyDescription("Spark master; null uses the one spark-submit gives, else embedded local[*]")
    String master,
    @JsonPropertyDescription("Application name shown in the Spark UI")
    String appName,
    @JsonPropertyDescription("Partitions for reading input files (0: twice the default parallelism, at most one per file)")
    Integer readPartitions,
    @JsonPropertyDescription("Extra Spark properties, e.g. {spark.sql.shuffle.partitions: 400}")
    Map<String, String> conf) {

  public SparkSettings {
    appName = appName == null ? "presslens" : appName;
    readPartitions = readPartitions == null ? 0 : readPartitions;
    conf = conf == null ? Map.of() : Map.copyOf(conf);
  }
}
