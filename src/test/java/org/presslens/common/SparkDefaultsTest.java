package org.presslens.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.presslens.SparkTestSession;

/** Shuffle sizing on one machine: by the archive, unless the submitter chose. */
class SparkDefaultsTest {
  private final SparkSession spark = SparkTestSession.get();

  @AfterEach
  void restore() {
    RuntimeConfig conf = spark.conf();
    conf.unset(SparkDefaults.SIZED_SHUFFLES);
    conf.unset(SparkDefaults.SIZED_BY_JOB);
    conf.unset(SparkDefaults.INITIAL_PARTITIONS);
  }

  @Test
  void oneInitialPartitionPerHundredArticlesWithinBounds() {
    assertThat(SparkDefaults.initialPartitions(52, 8)).isEqualTo(8);
    assertThat(SparkDefaults.initialPartitions(804, 8)).isEqualTo(9);
    assertThat(SparkDefaults.initialPartitions(10_000, 8)).isEqualTo(100);
    assertThat(SparkDefaults.initialPartitions(100_000, 8)).isEqualTo(1000);
    assertThat(SparkDefaults.initialPartitions(5_000_000, 8)).isEqualTo(SparkDefaults.LOCAL_MAX_SHUFFLE_PARTITIONS);
  }

  @Test
  void onePersistedPartitionPerTwoThousandFiveHundredArticlesAndNeverFewerThanTheFloor() {
    assertThat(SparkDefaults.persistedPartitions(52, 8)).isEqualTo(8);
    assertThat(SparkDefaults.persistedPartitions(20_000, 8)).isEqualTo(8);
    assertThat(SparkDefaults.persistedPartitions(100_000, 8)).isEqualTo(40);
    assertThat(SparkDefaults.persistedPartitions(1_000_001, 8)).isEqualTo(401);
    assertThat(SparkDefaults.persistedPartitions(100_000, 400)).isEqualTo(400);
  }

  @Test
  void aSizedSessionFollowsEachRunsArchive() {
    spark.conf().set(SparkDefaults.SIZED_SHUFFLES, "true");

    assertThat(SparkDefaults.sizeShuffles(spark, 10_000)).isEqualTo(100);
    assertThat(spark.conf().get(SparkDefaults.INITIAL_PARTITIONS)).isEqualTo("100");
    // a later run in the same session, on a larger archive
    assertThat(SparkDefaults.sizeShuffles(spark, 30_000)).isEqualTo(300);
    assertThat(spark.conf().get(SparkDefaults.INITIAL_PARTITIONS)).isEqualTo("300");
  }

  @Test
  void theSubmittersInitialPartitionsStand() {
    spark.conf().set(SparkDefaults.SIZED_SHUFFLES, "true");
    spark.conf().set(SparkDefaults.INITIAL_PARTITIONS, "64");

    assertThat(SparkDefaults.sizeShuffles(spark, 100_000)).isZero();
    assertThat(spark.conf().get(SparkDefaults.INITIAL_PARTITIONS)).isEqualTo("64");
  }

  @Test
  void aSessionNotBuiltForOneMachineIsLeftAlone() {
    assertThat(SparkDefaults.sizeShuffles(spark, 100_000)).isZero();
    assertThat(spark.conf().contains(SparkDefaults.INITIAL_PARTITIONS)).isFalse();
  }
}
