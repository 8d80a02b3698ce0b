package org.presslens.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.presslens.common.Schemas;

/**
 * Writes a run's tables so that readers never see a half-written one. Every table is first written under
 * {@code <output>/_staging/<run id>/}; only when all tables are written and the run's checks pass does
 * {@link #commit} move each into place with a directory rename (atomic on HDFS and local file systems),
 * moving the previous version aside first and deleting it after. A failed run leaves the previous output
 * untouched. {@code _run.json} is written last, by rename as well.
 */
public final class TableWriter {
  /** Rows per Parquet file at most, so one busy month does not become one huge file. */
  static final int MAX_RECORDS_PER_FILE = 200_000;

  private final SparkSession spark;
  private final Path output;
  private final Path staging;
  private final FileSystem fs;
  private final List<String> staged = new ArrayList<>();
  private final List<String> stagedBatches = new ArrayList<>();
  private final List<String> retired = new ArrayList<>();
  /** The partition column of tables written by batch (incremental runs). */
  public static final String BATCH = "batch";

  public TableWriter(SparkSession spark, String output, String runId) {
    this.spark = spark;
    this.output = new Path(output);
    this.staging = new Path(this.output, "_staging/" + runId);
    try {
      this.fs = this.output.getFileSystem(spark.sparkContext().hadoopConfiguration());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open output " + output, e);
    }
  }

  /** Writes one table to staging, exactly to its schema, optionally partitioned by one column. */
  public void stage(String table, Dataset<Row> data, StructType schema, String partitionColumn) {
    write(Schemas.conform(data, schema, table), new Path(staging, table), partitionColumn);
    staged.add(table);
  }

  /**
   * Writes one batch of a table partitioned by batch ({@code <table>/batch=<id>/}, optionally partitioned further by
   * {@code partitionColumn}); {@link #commit} replaces exactly that batch's partition and keeps the others.
   * {@code schema} is the table's schema without the batch column.
   */
  public void stageBatch(String table, Dataset<Row> data, StructType schema, String batch, String partitionColumn) {
    String partition = table + "/" + BATCH + "=" + batch;
    write(Schemas.conform(data, schema, table), new Path(staging, partition), partitionColumn);
    stagedBatches.add(partition);
  }

  private static void write(Dataset<Row> data, Path path, String partitionColumn) {
    if (partitionColumn == null) {
      data.write().mode(SaveMode.ErrorIfExists).option("maxRecordsPerFile", MAX_RECORDS_PER_FILE)
          .parquet(path.toString());
    } else {
      data.repartition(data.col(partitionColumn))
          .sortWithinPartitions(partitionColumn)
          .write().mode(SaveMode.ErrorIfExists).option("maxRecordsPerFile", MAX_RECORDS_PER_FILE)
          .partitionBy(partitionColumn).parquet(path.toString());
    }
  }

  /**
   * A table written by batch as it will be after commit: its committed batches other than {@code batch}, plus the
   * staged {@code batch}. {@code schema}: the table's schema with the batch column.
   */
  public Dataset<Row> readBatches(String table, StructType schema, String batch) {
    Dataset<Row> staged = spark.read().schema(schema)
        .option("basePath", new Path(staging, table).toString())
        .parquet(new Path(staging, table + "/" + BATCH + "=" + batch).toString());
    Dataset<Row> committed = readCommitted(table, schema);
    return committed == null ? staged
        : committed.filter(committed.col(BATCH).notEqual(batch)).unionByName(staged);
  }

  /** A committed table of the output read with the given schema, or null when the output has none. */
  public Dataset<Row> readCommitted(String table, StructType schema) {
    Path path = new Path(output, table);
    try {
      if (!fs.exists(path)) {
        return null;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
    return spark.read().schema(schema).parquet(path.toString());
  }

  /** Moves a directory of the output aside at commit (a full run retires an incremental run's state). */
  public void retire(String path) {
    retired.add(path);
  }

  /** True when the table was staged in this run. */
  public boolean isStaged(String table) {
    return staged.contains(table);
  }

  /** A staged table, for checks before commit. */
  public Dataset<Row> readStaged(String table) {
    return spark.read().parquet(new Path(staging, table).toString());
  }

  /**
   * A staged table read with its schema (partition columns get the schema's types, not inferred ones), or, with
   * {@code batch}, one batch of a table written by {@link #stageBatch}, without the batch column.
   */
  public Dataset<Row> readStaged(String table, StructType schema, String batch) {
    String path = batch == null ? table : table + "/" + BATCH + "=" + batch;
    return spark.read().schema(schema).parquet(new Path(staging, path).toString());
  }

  /** Moves every staged table into place, then writes the run report. */
  public void commit(String runReportJson) {
    try {
      Path old = new Path(staging, "_previous");
      fs.mkdirs(old);
      for (String path : retired) {
        Path target = new Path(output, path);
        if (fs.exists(target) && !fs.rename(target, new Path(old, path))) {
          throw new IOException("cannot move " + target + " aside");
        }
      }
      for (String partition : stagedBatches) {
        Path target = new Path(output, partition);
        Path aside = new Path(old, partition);
        fs.mkdirs(aside.getParent());
        fs.mkdirs(target.getParent());
        if (fs.exists(target) && !fs.rename(target, aside)) {
          throw new IOException("cannot move previous " + target + " aside");
        }
        if (!fs.rename(new Path(staging, partition), target)) {
          throw new IOException("cannot move staged batch " + partition + " into " + target);
        }
      }
      for (String table : staged) {
        Path target = new Path(output, table);
        fs.mkdirs(new Path(old, table).getParent());
        fs.mkdirs(target.getParent());
        if (fs.exists(target) && !fs.rename(target, new Path(old, table))) {
          throw new IOException("cannot move previous " + target + " aside");
        }
        if (!fs.rename(new Path(staging, table), target)) {
          throw new IOException("cannot move staged table " + table + " into " + target);
        }
      }
      Path report = new Path(staging, "_run.json");
      try (OutputStream out = fs.create(report, true)) {
        out.write(runReportJson.getBytes(StandardCharsets.UTF_8));
      }
      Path finalReport = new Path(output, "_run.json");
      if (fs.exists(finalReport)) {
        fs.delete(finalReport, false);
      }
      if (!fs.rename(report, finalReport)) {
        throw new IOException("cannot move run report into " + finalReport);
      }
      fs.delete(staging, true);
      deleteIfEmpty(new Path(output, "_staging"));
    } catch (IOException e) {
      throw new UncheckedIOException("commit of run output failed; staged data is in " + staging, e);
    }
  }

  /** Drops what this run staged; the previous output stays as it was. */
  public void abort() {
    try {
      fs.delete(staging, true);
      deleteIfEmpty(new Path(output, "_staging"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean staging dir " + staging, e);
    }
  }

  /**
   * Keeps what this run staged under {@code <output>/_failed/<run id>/} for inspection, without touching the
   * previous output (used when the run's own checks refuse its result).
   */
  public String quarantine() {
    Path failed = new Path(output, "_failed/" + staging.getName());
    try {
      fs.mkdirs(failed.getParent());
      if (!fs.rename(staging, failed)) {
        throw new IOException("rename failed");
      }
      deleteIfEmpty(new Path(output, "_staging"));
      return failed.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move staged output to " + failed, e);
    }
  }

  public String path(String table) {
    return new Path(output, table).toString();
  }

  private void deleteIfEmpty(Path dir) throws IOException {
    if (fs.exists(dir) && fs.listStatus(dir).length == 0) {
      fs.delete(dir, false);
    }
  }
}
