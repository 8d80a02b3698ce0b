package org.presslens;

import static org.apache.spark.sql.functions.col;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.presslens.common.JobGroups;
import org.presslens.common.Rejects;
import org.presslens.common.Schemas;
import org.presslens.common.SparkDefaults;
import org.presslens.config.IncrementalSettings;
import org.presslens.config.JobConfig;
import org.presslens.dedup.Dedup;
import org.presslens.dedup.DuplicatePairs;
import org.presslens.dedup.Duplicates;
import org.presslens.entities.Cooccurrence;
import org.presslens.entities.CooccurrenceTable;
import org.presslens.entities.Entities;
import org.presslens.entities.EntityMentions;
import org.presslens.entities.EntityTable;
import org.presslens.framing.ArticleFraming;
import org.presslens.framing.Attention;
import org.presslens.framing.CopySources;
import org.presslens.framing.DistinctiveWords;
import org.presslens.framing.FrameShares;
import org.presslens.framing.Framing;
import org.presslens.framing.LabelChoices;
import org.presslens.framing.LabelTargetTable;
import org.presslens.framing.Originality;
import org.presslens.framing.QuoteTable;
import org.presslens.framing.QuotedSpeakers;
import org.presslens.framing.ToneByEntity;
import org.presslens.framing.ToneByOutlet;
import org.presslens.ingest.Ingest;
import org.presslens.normalize.Articles;
import org.presslens.normalize.Boilerplate;
import org.presslens.normalize.Normalize;
import org.presslens.output.Batches;
import org.presslens.output.RunReport;
import org.presslens.output.TableWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job, stage by stage: ingest -> normalize -> dedup -> entities -> framing -> output. Each stage's result is materialised once
 * (persisted and counted, under a named job group) so that its row counts and time are real and later
 * stages do not recompute it.
 */
public final class Pipeline {
  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  private final SparkSession spark;
  private final Run run;
  private final List<RunReport.StageMetrics> stages = new ArrayList<>();
  private DedupFacts dedupFacts;
  /** The batch of an incremental run; null in a full run. */
  private Batch batch;
  /** The most partitions a persisted stage output keeps (0 until the archive's size is known: ingest keeps its own). */
  private int persistedPartitions;

  private Pipeline(SparkSession spark, Run run) {
    this.spark = spark;
    this.run = run;
  }

  public static RunReport run(SparkSession spark, JobConfig config) {
    return new Pipeline(spark, Run.start()).execute(config);
  }

  private RunReport execute(JobConfig config) {
    TableWriter out = new TableWriter(spark, config.output(), run.id());
    try {
      if (config.incremental().enabled()) {
        batch = Batch.open(spark, out, config, run.date());
        LOG.info("incremental run: batch {}", batch.id());
      } else {
        out.retire("_state");
      }
      Ingest.Plan plan = Ingest.plan(spark, config.inputs(), config.rejects().maxPayloadChars());
      Dataset<Row> records = materialize("ingest", "read " + plan.files().size() + " files", 0,
          Ingest.read(spark, plan, config.spark().readPartitions()));
      long read = stages.get(0).recordsOut();
      int partitions = SparkDefaults.sizeShuffles(spark, read);
      if (partitions > 0) {
        LOG.info("shuffles start from {} partitions for {} records (adaptive execution coalesces them)", partitions,
            read);
      }
      persistedPartitions = SparkDefaults.persistedPartitions(read, Math.max(
          Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions")), spark.sparkContext().defaultParallelism()));

      Normalize.Settings settings = Normalize.Settings.of(config, run.date());
      Dataset<Row> cleaned = materialize("normalize", "clean text, dates, outlets, ids", read,
          Normalize.clean(records, settings));
      records.unpersist();
      Normalize.Finished finished = Normalize.finish(cleaned, settings,
          batch == null ? null : batch.earlier(Boilerplate.TABLE, Boilerplate.SCHEMA));
      Dataset<Row> earlierIds = batch == null ? null : batch.earlier(Articles.TABLE, Articles.SCHEMA);
      Dataset<Row> rows = materialize("boilerplate", "learn and remove boilerplate, titles, length checks", read,
          earlierIds == null ? finished.rows()
              : Normalize.rejectEarlierIds(finished.rows(), earlierIds, config.rejects().maxPayloadChars()));

      JobGroups.enter(spark, "output", "write tables");
      stagePerBatch(out, Boilerplate.TABLE, finished.boilerplate(), Boilerplate.SCHEMA, null);
      cleaned.unpersist();
      Dataset<Row> articles = Normalize.articles(rows);
      stagePerBatch(out, Articles.TABLE, articles, Articles.SCHEMA, Articles.PARTITION);
      stagePerBatch(out, Rejects.TABLE, Normalize.rejects(rows), Rejects.SCHEMA, null);
      // articles of earlier batches: the duplicates table covers them too (none in a full run)
      long earlierArticles = earlierIds == null ? 0 : earlierIds.count();

      if (config.dedup().enabled() && batch != null) {
        dedupIncremental(Dedup.Settings.of(config.dedup()), out, out.readStaged(Articles.TABLE).count()
            + earlierArticles);
      } else if (config.dedup().enabled()) {
        dedup(articles, Dedup.Settings.of(config.dedup()), out);
      }
      // the NLP stages read the articles back from the staged table (this batch's, in an incremental run), and the
      // boilerplate output (every article's text, persisted) is released before them: at 100,000 articles it held
      // storage memory through NER, co-occurrence and framing, and their sorts and caches had that much less
      Dataset<Row> canonical = canonical(out.readStaged(Articles.TABLE, Articles.SCHEMA,
          batch == null ? null : batch.id()), config, out);
      if (batch != null && config.dedup().enabled() && earlierArticles > 0) {
        canonical = canonical.unionByName(promoted(config, out));
      }
      canonical = spread(canonical);
      rows.unpersist();
      // in an incremental run, only this batch's canonical articles (and earlier ones that became canonical without
      // having been tagged): NLP never runs on an article twice
      long canonicalCount = config.entities().enabled() || config.framing().enabled() ? canonical.count() : 0;
      if (config.entities().enabled()) {
        entities(canonical, canonicalCount, config, out);
      }
      if (config.framing().enabled()) {
        framing(canonical, canonicalCount, config, out);
      }
      JobConfig recorded = batch == null ? config : config.withIncremental(new IncrementalSettings(true, batch.id()));
      RunReport report = Reconciliation.report(run, recorded, plan, read, stages, dedupFacts, out, earlierArticles);
      Reconciliation.check(report, config.rejects().maxRatio());
      if (batch != null) {
        out.stage(Batches.TABLE, batch.batches(spark, run.id(), run.startedAt(), report.counts().kept()),
            Batches.SCHEMA, null);
      }
      out.commit(report.toJson());
      LOG.info("run {} finished: read {} = kept {} + rejected {}; output in {}", run.id(), read,
          report.counts().kept(), report.counts().rejected(), config.output());
      return report;
    } catch (Reconciliation.RejectRatioExceeded e) {
      out.quarantine();
      throw e;
    } catch (RuntimeException e) {
      out.abort();
      throw e;
    } finally {
      JobGroups.leave(spark);
    }
  }

  /** Near duplicates: the dedup stage's steps, each recorded as a stage of the run report. */
  private void dedup(Dataset<Row> articles, Dedup.Settings settings, TableWriter out) {
    long kept = out.readStaged(Articles.TABLE).count();
    Dedup.Result result = Dedup.run(articles, kept, settings, listener());
    LOG.info("dedup: {} distinct texts, {} frequent shingles left out of signatures, LSH {} bands x {} rows",
        result.distinctTexts(), result.frequentShingles(), settings.lsh().bands(), settings.lsh().rows());
    JobGroups.enter(spark, "output", "write dedup tables");
    out.stage(Duplicates.TABLE, result.duplicates(), Duplicates.SCHEMA, null);
    out.stage(DuplicatePairs.TABLE, result.pairs(), DuplicatePairs.SCHEMA, null);
    dedupFacts = new DedupFacts(result.distinctTexts(), result.frequentShingles(), settings.lsh().bands(),
        settings.lsh().rows(), result.candidatePairs());
    result.release();
  }

  /**
   * Near duplicates of an incremental run: the dedup stage over the whole archive, every batch's articles (read back
   * from the articles table; dedup needs no NLP), so that its archive-wide statistics (the vocabulary of the noise
   * estimate, outlet templates, frequent shingles) and therefore its clusters are those of a full run over the same
   * articles. Both tables are rewritten whole. The stage costs about 0.5 ms per article at 100,000 articles
   * and 0.9 ms at 1,000,000 (docs/scale.md), against about 16 ms per article for the NLP of the new ones.
   */
  private void dedupIncremental(Dedup.Settings settings, TableWriter out, long archiveArticles) {
    Dataset<Row> archive = batch.all(Articles.TABLE, Articles.SCHEMA).drop(TableWriter.BATCH);
    Dedup.Result result = Dedup.run(archive, archiveArticles, settings, listener());
    LOG.info("dedup (batch {}, whole archive): {} distinct texts, {} candidate pairs", batch.id(),
        result.distinctTexts(), result.candidatePairs());
    JobGroups.enter(spark, "output", "write dedup tables");
    out.stage(Duplicates.TABLE, result.duplicates(), Duplicates.SCHEMA, null);
    out.stage(DuplicatePairs.TABLE, result.pairs(), DuplicatePairs.SCHEMA, null);
    dedupFacts = new DedupFacts(result.distinctTexts(), result.frequentShingles(), settings.lsh().bands(),
        settings.lsh().rows(), result.candidatePairs());
    result.release();
  }

  private Dedup.Listener listener() {
    return new Dedup.Listener() {
      @Override
      public void starting(String step, String description) {
        JobGroups.enter(spark, "dedup " + step, description);
      }

      @Override
      public void finished(String step, long in, long out, double seconds) {
        stages.add(new RunReport.StageMetrics("dedup " + step, in, out, seconds, null));
        LOG.info("stage dedup {}: {} records in, {} out, {} s", step, in, out, String.format("%.1f", seconds));
      }
    };
  }

  /** Stages a table whole in a full run, as this batch's partition in an incremental run. */
  private void stagePerBatch(TableWriter out, String table, Dataset<Row> data, StructType schema, String partition) {
    if (batch == null) {
      out.stage(table, data, schema, partition);
    } else {
      out.stageBatch(table, data, schema, batch.id(), partition);
    }
  }

  /** The canonical articles: one per duplicate cluster (every article when dedup is off). */
  private static Dataset<Row> canonical(Dataset<Row> articles, JobConfig config, TableWriter out) {
    if (!config.dedup().enabled()) {
      return articles;
    }
    Dataset<Row> ids = out.readStaged(Duplicates.TABLE).filter(col(Duplicates.IS_CANONICAL))
        .select(Duplicates.ARTICLE_ID);
    return articles.join(ids, Articles.ARTICLE_ID);
  }

  /**
   * Articles of earlier batches that are canonical now but were never tagged or scored: they were copies when their
   * batch ran, and their cluster has since changed (the archive-wide statistics of dedup moved with the archive, or
   * a rerun of a batch took the article that was canonical away). Without them the tables would lack the mentions and
   * scores that a full run has.
   */
  private Dataset<Row> promoted(JobConfig config, TableWriter out) {
    Dataset<Row> done = null;
    for (String table : List.of(Batch.RAW_MENTIONS, Batch.SCORES)) {
      StructType schema = table.equals(Batch.SCORES) ? Framing.scoreSchema() : Entities.extractedSchema();
      Dataset<Row> rows = batch.earlier(table, schema);
      if (rows != null) {
        Dataset<Row> ids = rows.select(Articles.ARTICLE_ID);
        done = done == null ? ids : done.unionByName(ids);
      }
    }
    Dataset<Row> earlier = batch.earlier(Articles.TABLE, Articles.SCHEMA).drop(TableWriter.BATCH);
    Dataset<Row> canonical = canonical(earlier, config, out);
    return done == null ? canonical : canonical.join(done.distinct(), Schemas.columns(Articles.ARTICLE_ID),
        "left_anti");
  }

  /**
   * The canonical articles in the persisted partition count, hashed by article id. Read back from the staged table
   * and joined with the canonical ids, they came in as few partitions as adaptive execution coalesced them to (4 at
   * 10,000 articles, 7 at 100,000), and NER and framing, which are narrow, kept them: 7 tasks on 2 cores left one core
   * idle for the last, and the NER output's 230 MB blocks did not fit the memory store.
   */
  private Dataset<Row> spread(Dataset<Row> canonical) {
    return persistedPartitions > 0 ? canonical.repartition(persistedPartitions, col(Articles.ARTICLE_ID)) : canonical;
  }

  /** Named entities of the canonical articles: mentions, then entities, then co-occurrence. */
  private void entities(Dataset<Row> canonical, long articles, JobConfig config, TableWriter out) {
    Dataset<Row> extracted = materialize("entities", "named entities of canonical articles", articles, 0,
        Entities.extract(canonical, config.entities()));
    // only this batch's new canonical articles were tagged; resolution runs over every batch's mentions
    Dataset<Row> resolvable = batch == null ? extracted
        : withEarlierBatches(Batch.RAW_MENTIONS, extracted, Entities.extractedSchema(), config, out);
    JobGroups.enter(spark, "entity resolution", "merge name variants across articles");
    Entities.Result tables = Entities.tables(resolvable);
    JobGroups.enter(spark, "output", "write entity tables");
    out.stage(EntityMentions.TABLE, tables.mentions(), EntityMentions.SCHEMA, null);
    out.stage(EntityTable.TABLE, tables.entities(), EntityTable.SCHEMA, null);
    extracted.unpersist();
    if (config.cooccurrence().enabled()) {
      JobGroups.enter(spark, "cooccurrence", "entity pairs per window and scope");
      Dataset<Row> sizes = config.dedup().enabled()
          ? out.readStaged(Duplicates.TABLE).filter(col(Duplicates.IS_CANONICAL))
              .select(Duplicates.ARTICLE_ID, Duplicates.CLUSTER_SIZE)
          : spark.emptyDataFrame().selectExpr("cast(null as string) as article_id", "cast(null as long) as cluster_size");
      out.stage(CooccurrenceTable.TABLE, Cooccurrence.of(out.readStaged(EntityMentions.TABLE), sizes,
          config.cooccurrence()), CooccurrenceTable.SCHEMA, null);
    }
  }

  /** Framing statistics: each canonical article scored once, then the framing tables. */
  private void framing(Dataset<Row> canonical, long articles, JobConfig config, TableWriter out) {
    Framing.Settings settings = Framing.Settings.of(config.framing());
    Dataset<Row> mentions = config.entities().enabled() ? out.readStaged(EntityMentions.TABLE) : null;
    Dataset<Row> scored = materialize("framing", "tone, words, frames, labels and quotes of canonical articles",
        articles, articles, Framing.score(canonical, mentions, settings));
    Dataset<Row> allScored = scored;
    Dataset<Row> all;
    if (batch != null) {
      allScored = withEarlierBatches(Batch.SCORES, scored, Framing.scoreSchema(), config, out);
      all = batch.all(Articles.TABLE, Articles.SCHEMA).drop(TableWriter.BATCH);
    } else {
      all = out.readStaged(Articles.TABLE, Articles.SCHEMA, null);
    }
    JobGroups.enter(spark, "framing tables", "framing statistics per outlet and period");
    Framing.Tables tables = Framing.tables(allScored, mentions, all,
        config.dedup().enabled() ? out.readStaged(Duplicates.TABLE) : null, settings);
    JobGroups.enter(spark, "output", "write framing tables");
    out.stage(ArticleFraming.TABLE, tables.articleFraming(), ArticleFraming.SCHEMA, null);
    out.stage(Attention.TABLE, tables.attention(), Attention.SCHEMA, null);
    out.stage(DistinctiveWords.TABLE, tables.distinctiveWords(), DistinctiveWords.SCHEMA, null);
    out.stage(FrameShares.TABLE, tables.frames(), FrameShares.SCHEMA, null);
    out.stage(ToneByOutlet.TABLE, tables.toneByOutlet(), ToneByOutlet.SCHEMA, null);
    if (tables.toneByEntity() != null) {
      out.stage(ToneByEntity.TABLE, tables.toneByEntity(), ToneByEntity.SCHEMA, null);
    }
    out.stage(LabelChoices.TABLE, tables.labelChoices(), LabelChoices.SCHEMA, null);
    out.stage(LabelTargetTable.TABLE, tables.labelTargets(), LabelTargetTable.SCHEMA, null);
    out.stage(QuoteTable.TABLE, tables.quotes(), QuoteTable.SCHEMA, null);
    out.stage(QuotedSpeakers.TABLE, tables.quotedSpeakers(), QuotedSpeakers.SCHEMA, null);
    if (tables.originality() != null) {
      out.stage(Originality.TABLE, tables.originality(), Originality.SCHEMA, null);
      out.stage(CopySources.TABLE, tables.copySources(), CopySources.SCHEMA, null);
    }
    scored.unpersist();
  }

  /**
   * Incremental runs: stages this batch's per-article results as a state table and returns every batch's results
   * for the articles that are canonical now.
   */
  private Dataset<Row> withEarlierBatches(String table, Dataset<Row> results, StructType schema, JobConfig config,
      TableWriter out) {
    JobGroups.enter(spark, "output", "write " + table);
    out.stageBatch(table, results, schema, batch.id(), null);
    return currentCanonical(batch.all(table, schema), config, out).drop(TableWriter.BATCH);
  }

  /** Rows of articles that are canonical now (a later batch may have brought an earlier copy of an article). */
  private static Dataset<Row> currentCanonical(Dataset<Row> perArticle, JobConfig config, TableWriter out) {
    if (!config.dedup().enabled()) {
      return perArticle;
    }
    Dataset<Row> ids = out.readStaged(Duplicates.TABLE).filter(col(Duplicates.IS_CANONICAL))
        .select(Duplicates.ARTICLE_ID);
    return perArticle.join(ids, Schemas.columns(Articles.ARTICLE_ID), "left_semi");
  }

  /** Dedup figures known only while the pipeline runs, for the run report. */
  record DedupFacts(long distinctTexts, int frequentShingles, int bands, int rows, long candidatePairs) {}

  /** Persists and counts a stage's output, checking the stage neither lost nor duplicated rows. */
  private Dataset<Row> materialize(String stage, String description, long expectedRows, Dataset<Row> data) {
    long in = stages.isEmpty() ? 0 : stages.get(stages.size() - 1).recordsOut();
    return materialize(stage, description, in, expectedRows, data);
  }

  private Dataset<Row> materialize(String stage, String description, long in, long expectedRows,
      Dataset<Row> data) {
    JobGroups.enter(spark, stage, description);
    long start = System.nanoTime();
    // coalescing needs no shuffle. Without it a narrow stage keeps its input's partitions, and one computed after a
    // shuffle can keep the shuffle's initial partitions uncoalesced (the framing stage did, in 1,000 partitions, at
    // 100,000 articles), and every later pass over the output pays a task per partition
    Dataset<Row> bounded = persistedPartitions > 0 ? data.coalesce(persistedPartitions) : data;
    Dataset<Row> persisted = bounded.persist(StorageLevel.MEMORY_AND_DISK());
    long rows = persisted.count();
    double seconds = (System.nanoTime() - start) / 1e9;
    int partitions = persisted.rdd().getNumPartitions();
    stages.add(new RunReport.StageMetrics(stage, in, rows, seconds, partitions));
    LOG.info("stage {}: {} records in, {} out in {} partitions, {} s", stage, in, rows, partitions,
        String.format("%.1f", seconds));
    if (expectedRows > 0 && rows != expectedRows) {
      throw new IllegalStateException("stage " + stage + " changed the number of records from " + expectedRows
          + " to " + rows + ": rows were lost or duplicated");
    }
    return persisted;
  }

  /** Identity and clock of one run. */
  record Run(String id, Instant startedAt) {
    static Run start() {
      Instant now = Instant.now();
      String stamp = now.atOffset(ZoneOffset.UTC).toLocalDateTime().withNano(0).toString().replace(":", "")
          .replace("-", "");
      return new Run(stamp + "Z-" + Long.toHexString(Double.doubleToLongBits(Math.random())).substring(0, 6), now);
    }

    LocalDate date() {
      return startedAt.atOffset(ZoneOffset.UTC).toLocalDate();
    }
  }
}
