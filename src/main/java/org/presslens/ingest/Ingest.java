package org.presslens.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.presslens.common.HadoopConf;
import org.presslens.config.InputSpec;

/**
 * Ingest stage. Input: the configured inputs. Output: one row per record read ({@link SourceRecords#SCHEMA}),
 * readable records and rejects alike, each with its source file and position. Nothing read is dropped:
 * every line, element, CSV record, Parquet row or text file becomes exactly one row (blank JSONL/CSV lines
 * hold no record), and the unreadable rest of a truncated file becomes one reject row.
 */
public final class Ingest {
  private Ingest() {}

  /** The files to read, listed on the driver. */
  public record Plan(List<FileContext> files) {}

  public static Plan plan(SparkSession spark, List<InputSpec> inputs, int maxPayloadChars) {
    List<FileContext> files = new ArrayList<>();
    for (InputSpec input : inputs) {
      files.addAll(InputFiles.list(spark.sparkContext().hadoopConfiguration(), input, maxPayloadChars));
    }
    return new Plan(List.copyOf(files));
  }

  public static Dataset<Row> read(SparkSession spark, Plan plan, int readPartitions) {
    List<FileContext> streamed = plan.files().stream().filter(f -> f.format() != Format.PARQUET).toList();
    Dataset<Row> records = spark.createDataFrame(List.of(), SourceRecords.SCHEMA);
    if (!streamed.isEmpty()) {
      JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
      int partitions = readPartitions > 0 ? readPartitions
          : Math.max(1, Math.min(streamed.size(), 2 * jsc.defaultParallelism()));
      Broadcast<HadoopConf> conf = jsc.broadcast(new HadoopConf(spark.sparkContext().hadoopConfiguration()));
      JavaRDD<Row> rows = jsc.parallelize(streamed, partitions).mapPartitions(new ReadFiles(conf));
      records = spark.createDataFrame(rows, SourceRecords.SCHEMA);
    }
    for (String input : plan.files().stream().filter(f -> f.format() == Format.PARQUET)
        .map(FileContext::inputName).distinct().toList()) {
      List<FileContext> parquet = plan.files().stream()
          .filter(f -> f.format() == Format.PARQUET && f.inputName().equals(input)).toList();
      records = records.unionByName(parquet(spark, parquet));
    }
    return records;
  }

  /** Parquet inputs are columnar already: Spark reads them, the field mapping picks the columns. */
  static Dataset<Row> parquet(SparkSession spark, List<FileContext> files) {
    ReadOptions options = files.get(0).options();
    Dataset<Row> data = spark.read().option("mergeSchema", "true")
        .parquet(files.stream().map(FileContext::path).toArray(String[]::new));
    Set<String> present = Set.of(data.columns());
    return data.select(
        lit(files.get(0).inputName()).as(SourceRecords.INPUT_NAME),
        col("_metadata.file_path").as(SourceRecords.SOURCE_FILE),
        col("_metadata.row_index").plus(1).cast(DataTypes.LongType).as(SourceRecords.SOURCE_POSITION),
        lit("parquet").as(SourceRecords.SOURCE_FORMAT),
        pick(present, options.idFields()).as(SourceRecords.SOURCE_ID),
        org.apache.spark.sql.functions.coalesce(pick(present, options.outletFields()),
            lit(options.fixedOutlet()).cast(DataTypes.StringType)).as(SourceRecords.OUTLET_RAW),
        pick(present, options.dateFields()).as(SourceRecords.DATE_RAW),
        pick(present, options.titleFields()).as(SourceRecords.TITLE_RAW),
        pick(present, options.textFields()).as(SourceRecords.TEXT_RAW),
        pick(present, options.urlFields()).as(SourceRecords.URL),
        lit(false).as(SourceRecords.HEADER_IN_TEXT),
        lit(null).cast(DataTypes.StringType).as(SourceRecords.REJECT_REASON),
        lit(null).cast(DataTypes.StringType).as(SourceRecords.REJECT_MESSAGE),
        lit(null).cast(DataTypes.StringType).as(SourceRecords.PAYLOAD));
  }

  private static Column pick(Set<String> present, List<String> candidates) {
    for (String name : candidates) {
      if (present.contains(name)) {
        return col("`" + name + "`").cast(DataTypes.StringType);
      }
    }
    return lit(null).cast(DataTypes.StringType);
  }
}
