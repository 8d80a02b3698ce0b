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
    Dataset<Row> conformed = Schemas.conform(data, schema, table);
    String path = new Path(staging, table).toString();
    if (partitionColumn == null) {
      conformed.write().mode(SaveMode.ErrorIfExists).option("maxRecordsPerFile", MAX_RECORDS_PER_FILE).parquet(path);
    } else {
      conformed.repartition(conformed.col(partitionColumn))
          .sortWithinPartitions(partitionColumn)
          .write().mode(SaveMode.ErrorIfExists).option("maxRecordsPerFile", MAX_RECORDS_PER_FILE)
          .partitionBy(partitionColumn).parquet(path);
    }
    staged.add(table);
  }

  /** True when the table was staged in this run. */
  public boolean isStaged(String table) {
    return staged.contains(table);
  }

  /** A staged table, for checks before commit. */
  public Dataset<Row> readStaged(String table) {
    return spark.read().parquet(new Path(staging, table).toString());
  }

  /** Moves every staged table into place, then writes the run report. */
  public void commit(String runReportJson) {
    try {
      Path old = new Path(staging, "_previous");
      fs.mkdirs(old);
      for (String table : staged) {
        Path target = new Path(output, table);
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
