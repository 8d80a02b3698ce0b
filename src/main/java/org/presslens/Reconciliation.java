package org.presslens;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.presslens.common.Rejects;
import org.presslens.config.ConfigLoader;
import org.presslens.config.InputSpec;
import org.presslens.config.JobConfig;
import org.presslens.dedup.DuplicatePairs;
import org.presslens.dedup.Duplicates;
import org.presslens.ingest.FileContext;
import org.presslens.ingest.Ingest;
import org.presslens.normalize.Articles;
import org.presslens.normalize.Boilerplate;
import org.presslens.output.RunReport;
import org.presslens.output.TableReference;
import org.presslens.output.TableWriter;

/**
 * Counts what a run wrote, from the staged tables themselves (not from the datasets that produced them),
 * and refuses to commit when read != kept + rejected or when too much was rejected.
 */
final class Reconciliation {
  private static final String N = "n";

  /** The run rejected more than rejects.max_ratio of what it read. */
  static final class RejectRatioExceeded extends RuntimeException {
    RejectRatioExceeded(String message) {
      super(message);
    }
  }

  private Reconciliation() {}

  static RunReport report(Pipeline.Run run, JobConfig config, Ingest.Plan plan, long read,
      List<RunReport.StageMetrics> stages, Pipeline.DedupFacts dedupFacts, TableWriter out, long earlierArticles) {
    Dataset<Row> articles = out.readStaged(Articles.TABLE);
    Dataset<Row> rejects = out.readStaged(Rejects.TABLE);
    long kept = articles.count();
    long rejected = rejects.count();
    long boilerplateRows = out.readStaged(Boilerplate.TABLE).count();

    Map<String, Map<String, Long>> byReason = new TreeMap<>();
    for (Row row : rejects.groupBy(Rejects.STAGE, Rejects.REASON).agg(count(lit(1)).as(N)).collectAsList()) {
      byReason.computeIfAbsent(row.getAs(Rejects.STAGE), k -> new TreeMap<>()).put(row.getAs(Rejects.REASON),
          row.<Long>getAs(N));
    }
    Map<String, Long> byDateStatus = new TreeMap<>();
    for (Row row : articles.groupBy(Articles.DATE_STATUS).agg(count(lit(1)).as(N)).collectAsList()) {
      byDateStatus.put(row.getAs(Articles.DATE_STATUS), row.<Long>getAs(N));
    }
    long removed = articles.agg(coalesce(sum(col(Articles.BOILERPLATE_LINES_REMOVED)), lit(0L)).as(N))
        .first().<Long>getAs(N);
    Map<String, Map<String, Long>> byInput = new TreeMap<>();
    for (InputSpec input : config.inputs()) {
      byInput.put(input.name(), new TreeMap<>(Map.of("kept", 0L, "rejected", 0L)));
    }
    countByInput(articles, "kept", byInput);
    countByInput(rejects, "rejected", byInput);

    Map<String, RunReport.TableSummary> tables = new TreeMap<>();
    tables.put(Articles.TABLE, new RunReport.TableSummary(out.path(Articles.TABLE), kept, Articles.GRAIN));
    tables.put(Rejects.TABLE, new RunReport.TableSummary(out.path(Rejects.TABLE), rejected, Rejects.GRAIN));
    tables.put(Boilerplate.TABLE,
        new RunReport.TableSummary(out.path(Boilerplate.TABLE), boilerplateRows, Boilerplate.GRAIN));

    RunReport.DedupCounts dedup = null;
    if (dedupFacts != null) {
      Dataset<Row> duplicates = out.readStaged(Duplicates.TABLE);
      Dataset<Row> pairs = out.readStaged(DuplicatePairs.TABLE);
      long duplicateRows = duplicates.count();
      if (duplicateRows != kept + earlierArticles) {
        throw new IllegalStateException("duplicates has " + duplicateRows + " rows for " + (kept + earlierArticles)
            + " articles");
      }
      Map<String, Long> byRelation = new TreeMap<>();
      for (Row row : duplicates.groupBy(Duplicates.RELATION).agg(count(lit(1)).as(N)).collectAsList()) {
        byRelation.put(row.getAs(Duplicates.RELATION), row.<Long>getAs(N));
      }
      Row clusters = duplicates.filter(col(Duplicates.CLUSTER_SIZE).gt(1))
          .agg(countDistinct(col(Duplicates.CLUSTER_ID)).as("clusters"), count(lit(1)).as(N)).first();
      long tooShort = duplicates.filter(col(Duplicates.SHINGLES).equalTo(0)).count();
      long pairCount = pairs.count();
      dedup = new RunReport.DedupCounts(dedupFacts.distinctTexts(), tooShort, dedupFacts.frequentShingles(),
          dedupFacts.bands(), dedupFacts.rows(), dedupFacts.candidatePairs(), pairCount,
          clusters.<Long>getAs("clusters"), clusters.<Long>getAs(N), byRelation);
      tables.put(Duplicates.TABLE, new RunReport.TableSummary(out.path(Duplicates.TABLE), duplicateRows,
          Duplicates.GRAIN));
      tables.put(DuplicatePairs.TABLE, new RunReport.TableSummary(out.path(DuplicatePairs.TABLE), pairCount,
          DuplicatePairs.GRAIN));
    }
    for (TableReference.Table table : TableReference.TABLES) {
      if (!tables.containsKey(table.name()) && out.isStaged(table.name())) {
        tables.put(table.name(), new RunReport.TableSummary(out.path(table.name()),
            out.readStaged(table.name()).count(), table.grain()));
      }
    }
    return new RunReport(run.id(), "succeeded", run.startedAt().toString(), Instant.now().toString(), versions(),
        ConfigLoader.YAML.valueToTree(config), inputs(config, plan),
        new RunReport.Counts(read, kept, rejected, byReason, byDateStatus, removed, byInput), dedup,
        List.copyOf(stages), tables);
  }

  static void check(RunReport report, double maxRatio) {
    RunReport.Counts c = report.counts();
    if (c.read() != c.kept() + c.rejected()) {
      throw new IllegalStateException("reconciliation failed: read " + c.read() + " != kept " + c.kept()
          + " + rejected " + c.rejected() + "; output not committed");
    }
    if (c.read() > 0 && (double) c.rejected() / c.read() > maxRatio) {
      throw new RejectRatioExceeded(String.format("%d of %d records rejected (%.1f%%), more than rejects.max_ratio=%s; "
              + "output not committed, staged tables kept under _failed/ for inspection: %s", c.rejected(), c.read(),
          100.0 * c.rejected() / c.read(), maxRatio, c.rejectedByStageAndReason()));
    }
  }

  private static void countByInput(Dataset<Row> table, String key, Map<String, Map<String, Long>> byInput) {
    for (Row row : table.groupBy(Articles.INPUT_NAME).agg(count(lit(1)).as(N)).collectAsList()) {
      byInput.computeIfAbsent(row.getAs(Articles.INPUT_NAME), k -> new TreeMap<>()).put(key, row.<Long>getAs(N));
    }
  }

  private static List<RunReport.InputSummary> inputs(JobConfig config, Ingest.Plan plan) {
    List<RunReport.InputSummary> inputs = new ArrayList<>();
    for (InputSpec input : config.inputs()) {
      List<FileContext> files = plan.files().stream().filter(f -> f.inputName().equals(input.name())).toList();
      List<String> listed = files.stream().limit(RunReport.MAX_LISTED_FILES).map(FileContext::path).toList();
      inputs.add(new RunReport.InputSummary(input.name(), input.paths(), input.format(), files.size(),
          files.stream().mapToLong(FileContext::bytes).sum(), listed, listed.size() < files.size()));
    }
    return inputs;
  }

  private static Map<String, String> versions() {
    Map<String, String> versions = new TreeMap<>();
    versions.put("presslens", Version.PRESSLENS);
    versions.put("spark", org.apache.spark.package$.MODULE$.SPARK_VERSION());
    versions.put("scala", scala.util.Properties.versionNumberString());
    versions.put("java", System.getProperty("java.version"));
    return versions;
  }
}
