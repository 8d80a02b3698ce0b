package org.presslens.normalize;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.presslens.common.Rejects;
import org.presslens.common.Schemas;
import org.presslens.config.InputSpec;
import org.presslens.config.JobConfig;
import org.presslens.ingest.Payloads;
import org.presslens.ingest.RejectReason;
import org.presslens.ingest.SourceRecords;

/**
 * Normalise stage, in two steps so the pipeline can materialise between them. Rows keep flowing with their
 * reject columns ({@link Normalized#SCHEMA}); nothing is filtered away until {@link #articles} and
 * {@link #rejects} split the final rows. Invariant: every input record is in exactly one of the two.
 */
public final class Normalize {
  public static final String STAGE = "normalize";
  public static final String INGEST_STAGE = "ingest";

  private Normalize() {}

  /** Plain settings for this stage, taken from the job config on the driver. */
  public record Settings(Map<String, DateParser> datesByInput, Map<String, String> keyedAliases, int minWords,
      int maxChars, int titleMaxWords, int titleScanLines, boolean boilerplate, int boilerplateMinArticles,
      double boilerplateMinShare, boolean prompts, int maxPayloadChars) {

    public static Settings of(JobConfig config, LocalDate runDate) {
      Map<String, DateParser> dates = new HashMap<>();
      LocalDate globalMin = LocalDate.parse(config.dates().min());
      for (InputSpec input : config.inputs()) {
        LocalDate from = input.datesFrom() == null ? globalMin : later(globalMin, LocalDate.parse(input.datesFrom()));
        LocalDate to = input.datesTo() == null ? null : LocalDate.parse(input.datesTo());
        dates.put(input.name(), new DateParser(input.dateOrder().equals("DMY"), from, to,
            runDate.plusDays(config.dates().maxDaysAhead())));
      }
      return new Settings(dates, OutletNames.keyedAliases(config.outlets().aliases()), config.text().minWords(),
          config.text().maxChars(), config.text().titleMaxWords(), config.text().titleScanLines(),
          config.boilerplate().enabled(), config.boilerplate().minArticles(), config.boilerplate().minShare(),
          config.boilerplate().enabled() && config.boilerplate().prompts(), config.rejects().maxPayloadChars());
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
      return a.isAfter(b) ? a : b;
    }
  }

  /** Output of {@link #finish}: all rows, and the learnt boilerplate lines ({@link Boilerplate#SCHEMA}). */
  public record Finished(Dataset<Row> rows, Dataset<Row> boilerplate) {}

  /**
   * Step 1. Input: {@link SourceRecords#SCHEMA} rows. Output: one {@link Normalized#SCHEMA} row per input row:
   * cleaned text, parsed date, canonical outlet, stable id; ingest rejects carried over; records without
   * usable text and later holders of a taken article_id rejected.
   */
  public static Dataset<Row> clean(Dataset<Row> records, Settings s) {
    Dataset<Row> cleaned = records.mapPartitions(
        new CleanRecords(s.datesByInput(), s.keyedAliases(), s.maxChars(), s.maxPayloadChars()),
        Encoders.row(Normalized.SCHEMA));
    return markDuplicateIds(cleaned, s.maxPayloadChars());
  }

  /**
   * Step 2. Input and output: {@link Normalized#SCHEMA} rows. Boilerplate removed, title lines handled, counts
   * and hashes set, too-short and emptied texts rejected.
   */
  public static Finished finish(Dataset<Row> cleaned, Settings s) {
    return finish(cleaned, s, null);
  }

  /**
   * As {@link #finish(Dataset, Settings)}; {@code knownBoilerplate}: boilerplate table rows that earlier batches of an
   * incremental run learnt, removed as well (null: none).
   */
  public static Finished finish(Dataset<Row> cleaned, Settings s, Dataset<Row> knownBoilerplate) {
    Dataset<Row> withoutBoilerplate;
    Dataset<Row> lines;
    if (s.boilerplate()) {
      Boilerplate.Result learned = Boilerplate.remove(cleaned, s.boilerplateMinArticles(), s.boilerplateMinShare(),
          knownBoilerplate);
      withoutBoilerplate = learned.articles();
      lines = learned.lines();
    } else {
      withoutBoilerplate = cleaned.withColumn(Articles.BOILERPLATE_LINES_REMOVED,
          when(col(Normalized.REJECT_REASON).isNull(), lit(0)));
      lines = cleaned.sparkSession().createDataFrame(List.of(), Boilerplate.SCHEMA);
    }
    Dataset<Row> finished = Schemas.conform(withoutBoilerplate, Normalized.SCHEMA, "normalized")
        .mapPartitions(new FinishArticles(s.minWords(), s.titleMaxWords(), s.titleScanLines(), s.prompts(),
            s.maxPayloadChars()), Encoders.row(Normalized.SCHEMA));
    return new Finished(finished, lines);
  }

  /** The accepted rows as the articles table. */
  public static Dataset<Row> articles(Dataset<Row> rows) {
    Dataset<Row> articles = rows.filter(col(Normalized.REJECT_REASON).isNull())
        .withColumn(Articles.PUBLISHED_MONTH, date_format(col(Articles.PUBLISHED_DATE), "yyyy-MM"));
    return Schemas.conform(articles, Articles.SCHEMA, Articles.TABLE);
  }

  /** The rejected rows as the rejects table. */
  public static Dataset<Row> rejects(Dataset<Row> rows) {
    Dataset<Row> rejects = rows.filter(col(Normalized.REJECT_REASON).isNotNull())
        .select(col(Articles.INPUT_NAME).as(Rejects.INPUT_NAME), col(Articles.SOURCE_FILE).as(Rejects.SOURCE_FILE),
            col(Articles.SOURCE_POSITION).as(Rejects.POSITION), col(Normalized.REJECT_STAGE).as(Rejects.STAGE),
            col(Normalized.REJECT_REASON).as(Rejects.REASON), col(Normalized.REJECT_MESSAGE).as(Rejects.MESSAGE),
            col(Normalized.PAYLOAD).as(Rejects.PAYLOAD));
    return Schemas.conform(rejects, Rejects.SCHEMA, Rejects.TABLE);
  }

  /**
   * The first record with an article_id (by source file, then position) keeps it; later ones are rejected.
   * Only the narrow key columns are shuffled to find them.
   */
  static Dataset<Row> markDuplicateIds(Dataset<Row> rows, int maxPayloadChars) {
    WindowSpec byId = Window.partitionBy(Articles.ARTICLE_ID)
        .orderBy(col(Articles.SOURCE_FILE), col(Articles.SOURCE_POSITION));
    Dataset<Row> later = rows.filter(col(Normalized.REJECT_REASON).isNull())
        .select(Articles.ARTICLE_ID, Articles.SOURCE_FILE, Articles.SOURCE_POSITION)
        .withColumn("dup_rank", row_number().over(byId))
        .withColumn("dup_first", concat(first(col(Articles.SOURCE_FILE)).over(byId), lit(" at position "),
            first(col(Articles.SOURCE_POSITION)).over(byId).cast(DataTypes.StringType)))
        .filter(col("dup_rank").gt(1))
        .drop(Articles.ARTICLE_ID, "dup_rank");
    return rejectDuplicateIds(rows.join(later, Schemas.columns(Articles.SOURCE_FILE, Articles.SOURCE_POSITION),
        "left"), concat(lit("article_id already taken by the record in "), col("dup_first")), maxPayloadChars)
        .drop("dup_first");
  }

  /**
   * Incremental runs: rows whose article_id an earlier batch already holds are rejected (the first delivery keeps
   * it, as within one run). {@code earlier}: article_id and batch of the earlier batches' articles.
   */
  public static Dataset<Row> rejectEarlierIds(Dataset<Row> rows, Dataset<Row> earlier, int maxPayloadChars) {
    Dataset<Row> taken = earlier.select(col(Articles.ARTICLE_ID), col("batch").as("dup_batch"));
    Column accepted = col(Normalized.REJECT_REASON).isNull();
    return rejectDuplicateIds(rows.join(taken, Schemas.columns(Articles.ARTICLE_ID), "left")
            .withColumn("dup_batch", when(accepted, col("dup_batch"))),
        concat(lit("article_id already taken by an article of batch "), col("dup_batch")), maxPayloadChars)
        .drop("dup_batch");
  }

  /** Marks rows rejected as duplicate ids where {@code message} is not null. */
  private static Dataset<Row> rejectDuplicateIds(Dataset<Row> rows, Column message, int maxPayloadChars) {
    Column json = to_json(struct(col(Articles.SOURCE_ID), col(Articles.OUTLET_RAW), col(Articles.DATE_RAW),
        col(Articles.TITLE), col(Articles.TEXT)));
    Column payload = when(length(json).gt(maxPayloadChars),
        concat(substring(json, 1, maxPayloadChars), lit(Payloads.CUT_MARK))).otherwise(json);
    Column duplicate = message.isNotNull();
    return rows
        .withColumn(Normalized.REJECT_STAGE, when(duplicate, lit(STAGE)).otherwise(col(Normalized.REJECT_STAGE)))
        .withColumn(Normalized.REJECT_REASON,
            when(duplicate, lit(RejectReason.DUPLICATE_ID.code())).otherwise(col(Normalized.REJECT_REASON)))
        .withColumn(Normalized.REJECT_MESSAGE, when(duplicate, message).otherwise(col(Normalized.REJECT_MESSAGE)))
        .withColumn(Normalized.PAYLOAD, when(duplicate, payload).otherwise(col(Normalized.PAYLOAD)));
  }
}
