package org.presslens.evaluation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.presslens.Pipeline;
import org.presslens.config.ConfigLoader;
import org.presslens.config.JobConfig;
import org.presslens.dedup.Dedup;
import org.presslens.dedup.Duplicates;
import org.presslens.dedup.bench.ScaleCorpus;
import org.presslens.entities.CooccurrenceTable;
import org.presslens.entities.CoreNlpBackend;
import org.presslens.entities.NerBackend;
import org.presslens.normalize.Articles;
import org.presslens.output.RunReport;

/**
 * How the job's cost grows with the archive: {@code jobs/benchmark-scale} ({@code mvn test -Pbenchmark
 * -Dtest=ScaleBenchmark -Dbench.sizes=10000,100000}). For each size it writes an archive (ScaleCorpus: the real
 * AllSides and BASIL articles, remixes of them past their number, planted copies; plus FA-KES as a CSV input),
 * runs the whole job in this JVM (local[*]) with a StageProbe, then times the reference points on the same
 * data: Spark's own reader (ingest), the scan floor and MLlib's MinHashLSH (dedup), CoreNLP alone (NER). Prints
 * the tables, writes target/bench-scale/scale.csv, draws docs/scale.png with jobs/plot-scale.py and writes the
 * "Scale" section of docs/benchmarks.md.
 */
@Tag("benchmark")
class ScaleBenchmark {
  private static final Path DATA = Path.of("../shared/data");
  private static final Path WORK = Path.of("target/bench-scale");
  private static final long GB = 1L << 30;
  /**
   * Canonical articles CoreNLP alone tags for the NER reference: 1,000 ({@code -Dbench.nerSample}; 200 gave
   * per-character costs 22% apart, enough for CI's smoke run).
   */
  private static final int NER_SAMPLE = Integer.getInteger("bench.nerSample", 1000);
  /** False for a smoke run (CI): no untimed warm-up run before the first size. */
  private static final boolean WARM_UP = Boolean.parseBoolean(System.getProperty("bench.warmup", "true"));
  /** false: the stages before NLP only (ingest, normalize, boilerplate, dedup), for archives too large to tag. */
  private static final boolean NLP = Boolean.parseBoolean(System.getProperty("bench.nlp", "true"));
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final StructType INPUT = new StructType().add("id", DataTypes.StringType)
      .add("source", DataTypes.StringType).add("date", DataTypes.StringType).add("title", DataTypes.StringType)
      .add("text", DataTypes.StringType);

  /** One size's run: the corpus, the report, the per-stage figures and the reference times. */
  private record SizeRun(int size, ScaleCorpus.Written corpus, RunReport report, double wall,
      List<StageProbe.Figures> stages, Map<String, Double> references, double copiesFound, String measured,
      List<ScopeRows> cooccurrence) {
    long read() {
      return report.counts().read();
    }

    /** Kept under the results directory, so that a later invocation can report this size without rerunning it. */
    void save(Path dir) throws IOException {
      ObjectNode node = JSON.createObjectNode().put("size", size).put("real", corpus.real())
          .put("remixed", corpus.remixed()).put("copies", corpus.copies()).put("report", report.toJson())
          .put("wall", wall).put("copies_found", copiesFound).put("measured", measured);
      node.set("stages", JSON.valueToTree(stages));
      node.set("references", JSON.valueToTree(references));
      node.set("cooccurrence", JSON.valueToTree(cooccurrence));
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("size-" + size + ".json"), JSON.writerWithDefaultPrettyPrinter()
          .writeValueAsString(node));
    }

    static SizeRun load(Path dir, int size) throws IOException {
      Path file = dir.resolve("size-" + size + ".json");
      if (!Files.exists(file)) {
        throw new IllegalArgumentException("bench.reuse: no earlier result for " + size + " articles in " + file);
      }
      JsonNode node = JSON.readTree(Files.readString(file));
      return new SizeRun(size, new ScaleCorpus.Written(node.get("real").asInt(), node.get("remixed").asInt(),
          node.get("copies").asInt(), List.of(), null), RunReport.fromJson(node.get("report").asText()),
          node.get("wall").asDouble(), JSON.convertValue(node.get("stages"),
              new TypeReference<List<StageProbe.Figures>>() {}),
          JSON.convertValue(node.get("references"), new TypeReference<LinkedHashMap<String, Double>>() {}),
          node.get("copies_found").asDouble(), node.get("measured").asText(), node.has("cooccurrence")
              ? JSON.convertValue(node.get("cooccurrence"), new TypeReference<List<ScopeRows>>() {}) : List.of());
    }
  }

  /** The cooccurrence table's rows of one window and scope, and its cells (outlets, periods or both) with a row. */
  record ScopeRows(String window, String scope, long rows, long cells) {}

  @Test
  void scale() throws IOException, InterruptedException {
    int cores = Runtime.getRuntime().availableProcessors();
    assertThat(Runtime.getRuntime().maxMemory()).as("the heap limit the figures are measured under")
        .isLessThanOrEqualTo(4 * GB + GB / 8);
    List<Integer> sizes = List.of(System.getProperty("bench.sizes", "10000,100000").split(",")).stream()
        .filter(s -> !s.isBlank()).map(s -> Integer.parseInt(s.trim())).toList();
    double copyShare = Double.parseDouble(System.getProperty("bench.copyShare", "0.15"));
    int mllibMax = Integer.getInteger("bench.mllibMax", 200_000);
    SparkSession spark = BenchmarkSession.get("presslens-scale-benchmark");
    // sizes reported from an earlier invocation's saved result instead of being run again (same code: the report
    // names the commit each size ran on)
    Path results = Path.of(System.getProperty("bench.results", WORK.resolve("results").toString()));
    List<Integer> reused = System.getProperty("bench.reuse", "").isBlank() ? List.of()
        : List.of(System.getProperty("bench.reuse").split(",")).stream().map(s -> Integer.parseInt(s.trim())).toList();
    List<SizeRun> runs = new ArrayList<>();
    for (int size : reused) {
      runs.add(SizeRun.load(results, size));
    }
    try (StageProbe probe = new StageProbe(spark)) {
      // untimed warm-up on a small archive: no size's figures include the JIT compiling the job (CI's smoke skips
      // it: its figures are printed, not published)
      if (!sizes.isEmpty() && WARM_UP) {
        run(spark, probe, 1000, copyShare, Integer.MAX_VALUE);
      }
      for (int size : sizes) {
        SizeRun r = run(spark, probe, size, copyShare, mllibMax);
        r.save(results);
        runs.add(r);
      }
    }
    runs.sort(Comparator.comparingInt(SizeRun::size));
    sizes = runs.stream().map(SizeRun::size).toList();
    String report = report(runs, cores);
    System.out.println("SCALE BENCHMARK\n" + report);
    Path csv = WORK.resolve("scale.csv");
    Files.createDirectories(WORK); // a report from saved results only runs nothing that would make it
    Files.writeString(csv, csv(runs));
    boolean docs = !"false".equals(System.getProperty("bench.docs"));
    // Debian's python3 has matplotlib (.ci/run installs it); another python3 first on PATH may not
    String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    String png = docs ? "docs/scale.png" : WORK.resolve("scale.png").toString();
    Process plot = new ProcessBuilder(python, "jobs/plot-scale.py", csv.toString(), png).inheritIO().start();
    assertThat(plot.waitFor()).as("jobs/plot-scale.py drew " + png).isZero();
    if (docs) {
      BenchmarkReport.writeSection("## Scale (issue 8)", preamble(sizes, copyShare, cores) + report);
    }
    for (SizeRun r : runs) {
      assertThat(r.report().counts().read()).isEqualTo(r.report().counts().kept() + r.report().counts().rejected());
      assertThat(r.copiesFound()).as("planted copies found in their original's cluster").isGreaterThan(0.9);
    }
  }

  private static SizeRun run(SparkSession spark, StageProbe probe, int size, double copyShare, int mllibMax)
      throws IOException {
    Path corpus = WORK.resolve("corpus-" + size);
    Path output = WORK.resolve("out-" + size);
    deleteTree(corpus);
    deleteTree(output);
    ScaleCorpus.Written written = ScaleCorpus.write(DATA.resolve("allsides_abp"),
        DATA.resolve("basil/articles.jsonl"), size - fakesRows(), copyShare, 11, corpus);
    Path jobFile = corpus.resolve("job.yaml");
    Files.writeString(jobFile, String.join("\n",
        "inputs:",
        "  - name: scale",
        "    paths: [" + corpus.toAbsolutePath() + "/part-*.jsonl.gz]",
        "    format: jsonl",
        "    fields: {id: id, outlet: source, date: date, title: title, text: text}",
        "  - name: fakes_syria",
        "    paths: [" + DATA.toAbsolutePath().normalize() + "/fakes_syria/FA-KES-Dataset.csv]",
        "    format: csv",
        "    fields: {id: unit_id, outlet: source, date: date, title: article_title, text: article_content}",
        "    date_order: MDY",
        "output: " + output.toAbsolutePath(),
        NLP ? "" : "entities: {enabled: false}\nframing: {enabled: false}",
        ""));
    JobConfig config = ConfigLoader.load(jobFile, ConfigLoader.Overrides.none());

    probe.reset();
    long start = System.currentTimeMillis();
    RunReport report = Pipeline.run(spark, config);
    long end = System.currentTimeMillis();
    List<StageProbe.Figures> stages = probe.figures(start, end);
    // for jobs/profile-stages.py: which part of a flight recording belongs to which stage
    Files.write(WORK.resolve("windows-" + size + ".tsv"), probe.windows(start, end));
    spark.catalog().clearCache();

    Map<String, Double> references = new LinkedHashMap<>();
    String[] parts = written.parts().stream().map(p -> p.toAbsolutePath().toString()).toArray(String[]::new);
    references.put("read floor", DedupBenchmark.time(() -> spark.read().schema(INPUT).json(parts).count()));
    Dataset<Row> articles = spark.read().parquet(output.resolve(Articles.TABLE).toString());
    Dedup.Settings dedup = Dedup.Settings.of(config.dedup());
    references.put("scan floor", DedupBenchmark.time(() -> Dedup.scan(articles, dedup).count()));
    if (size <= mllibMax) {
      references.put("MLlib MinHashLSH",
          DedupBenchmark.time(() -> DedupBenchmark.mllib(articles, new HashMap<>(), new long[3])));
    }
    if (NLP) {
      references.put("CoreNLP alone", coreNlpAlone(spark, articles, output, Runtime.getRuntime().availableProcessors()));
    }
    double found = copiesFound(spark, written, output);
    spark.catalog().clearCache();
    return new SizeRun(size, written, report, (end - start) / 1000.0, stages, references, found,
        LocalDate.now() + ", commit " + commit(), cooccurrenceRows(spark, output));
  }

  private static List<ScopeRows> cooccurrenceRows(SparkSession spark, Path output) {
    Path table = output.resolve(CooccurrenceTable.TABLE);
    if (!Files.exists(table)) {
      return List.of();
    }
    return scopeRows(spark.read().parquet(table.toString()));
  }

  /** A cooccurrence table's rows and cells (distinct outlet and period) per window and scope, in that order. */
  static List<ScopeRows> scopeRows(Dataset<Row> table) {
    return table.groupBy("window", "scope")
        .agg(count(lit(1)), countDistinct(concat_ws("|", col("outlet"), col("period_start").cast("string"))))
        .orderBy("window", "scope").collectAsList().stream()
        .map(row -> new ScopeRows(row.getString(0), row.getString(1), row.getLong(2), row.getLong(3))).toList();
  }

  /**
   * CoreNLP on its own, one thread, on about {@link #NER_SAMPLE} canonical articles drawn at random (title and text,
   * as the stage tags them), scaled to every canonical article's characters and divided by the cores: the NER stage's
   * floor on this machine.
   */
  private static double coreNlpAlone(SparkSession spark, Dataset<Row> articles, Path output, int cores) {
    Dataset<Row> canonical = articles.join(spark.read().parquet(output.resolve(Duplicates.TABLE).toString())
        .filter(col(Duplicates.IS_CANONICAL)).select(Duplicates.ARTICLE_ID), Articles.ARTICLE_ID);
    long chars = canonical.select(sum(length(col(Articles.TEXT))).plus(sum(length(col(Articles.TITLE)))))
        .first().getLong(0);
    long count = canonical.count();
    List<Row> sample = canonical.select(Articles.TITLE, Articles.TEXT)
        .sample(Math.min(1.0, 1.1 * NER_SAMPLE / count), 3).limit(NER_SAMPLE).collectAsList();
    NerBackend backend = CoreNlpBackend.get();
    long sampleChars = 0;
    long begin = System.nanoTime();
    for (Row r : sample) {
      for (int i = 0; i < 2; i++) {
        if (!r.isNullAt(i)) {
          backend.tag(r.getString(i));
          sampleChars += r.getString(i).length();
        }
      }
    }
    double seconds = (System.nanoTime() - begin) / 1e9;
    return seconds / sampleChars * chars / cores;
  }

  /** Share of planted copies the job put in the same duplicate cluster as their original. */
  private static double copiesFound(SparkSession spark, ScaleCorpus.Written written, Path output) throws IOException {
    Map<String, String> clusters = new HashMap<>();
    for (Row r : spark.read().parquet(output.resolve(Duplicates.TABLE).toString())
        .select(Duplicates.ARTICLE_ID, Duplicates.CLUSTER_ID).collectAsList()) {
      clusters.put(r.getString(0), r.getString(1));
    }
    long copies = 0;
    long found = 0;
    for (String line : Files.readAllLines(written.truth())) {
      String[] f = line.split("\t");
      if (!f[0].equals(f[1])) {
        copies++;
        String copy = clusters.get("scale:" + f[0]);
        if (copy != null && copy.equals(clusters.get("scale:" + f[1]))) {
          found++;
        }
      }
    }
    return copies == 0 ? 1 : (double) found / copies;
  }

  /** FA-KES's rows (its SOURCE.md): the generated archive makes up the rest of each size. */
  private static int fakesRows() {
    return 804;
  }

  private static String report(List<SizeRun> runs, int cores) {
    StringBuilder out = new StringBuilder();
    for (SizeRun r : runs) {
      out.append(String.format(Locale.ROOT, "### %,d articles (measured %s)%n%n", r.read(), r.measured()));
      out.append(String.format(Locale.ROOT, "Archive: %,d real AllSides and BASIL articles, %,d remixed, %,d "
          + "planted copies, 804 FA-KES (CSV). Run: %,d read = %,d kept + %,d rejected; %.1f s wall, %.0f%% of "
          + "planted copies found in their original's cluster.%n%n", r.corpus().real(), r.corpus().remixed(),
          r.corpus().copies(), r.read(), r.report().counts().kept(), r.report().counts().rejected(), r.wall(),
          100 * r.copiesFound()));
      out.append("| stage | wall (s) | ms per article | CPU (s) | task CPU (s) | records in | records out | "
          + "shuffle read (MB) | shuffle write (MB) | peak heap used (GB) | heap live after GC (GB) |\n");
      out.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
      Map<String, RunReport.StageMetrics> reported = new HashMap<>();
      r.report().stages().forEach(s -> reported.put(s.stage(), s));
      for (StageProbe.Figures f : r.stages()) {
        RunReport.StageMetrics m = reported.get(f.stage());
        out.append(String.format(Locale.ROOT, "| %s | %.1f | %.2f | %.1f | %.1f | %s | %s | %.1f | %.1f | %.2f | %s |%n",
            f.stage(), f.wall(), 1000 * f.wall() / r.read(), f.cpu(), f.taskCpu(),
            m == null ? f.recordsRead() : m.recordsIn(), m == null ? f.recordsWritten() : m.recordsOut(),
            f.shuffleRead() / 1e6, f.shuffleWrite() / 1e6, f.peakHeap() / (double) GB,
            f.liveHeap() < 0 ? "–" : String.format(Locale.ROOT, "%.2f", f.liveHeap() / (double) GB)));
      }
      double cpu = r.stages().stream().mapToDouble(StageProbe.Figures::cpu).sum();
      out.append(String.format(Locale.ROOT, "| **whole run** | %.1f | %.2f | %.1f |  |  |  |  |  | %.2f |  |%n%n",
          r.wall(), 1000 * r.wall() / r.read(), cpu,
          r.stages().stream().mapToLong(StageProbe.Figures::peakHeap).max().orElse(0) / (double) GB));
      out.append("| stage | its time (s) | reference | reference time (s) | stage / reference |\n|---|---|---|---|---|\n");
      reference(out, "ingest", stagesWall(r, "ingest"), "read floor: Spark's JSON reader counts the archive's JSONL parts",
          r.references().get("read floor"));
      double dedup = stagesWall(r, "dedup ");
      reference(out, "dedup (all steps)", dedup, "scan floor: read the articles table, shingle every article",
          r.references().get("scan floor"));
      reference(out, "dedup (all steps)", dedup, "MLlib MinHashLSH, 5 tables, word 5-grams, distance <= 0.5",
          r.references().get("MLlib MinHashLSH"));
      reference(out, "entities (NER)", stagesWall(r, "entities"), "CoreNLP alone, per core, scaled from " + NER_SAMPLE
          + " random canonical articles to all (" + cores + " cores)", r.references().get("CoreNLP alone"));
      out.append('\n');
    }
    if (runs.size() > 1) {
      SizeRun first = runs.get(0);
      SizeRun last = runs.get(runs.size() - 1);
      out.append(String.format(Locale.ROOT, "### Growth from %,d to %,d articles (ms per article)%n%n", first.read(),
          last.read()));
      out.append("| stage |");
      runs.forEach(r -> out.append(String.format(Locale.ROOT, " %,d |", r.read())));
      out.append(" largest / smallest | growth per article |\n|---|");
      runs.forEach(r -> out.append("---|"));
      out.append("---|---|\n");
      for (StageProbe.Figures f : last.stages()) {
        growthRow(out, f.stage(), runs, r -> stageWall(r, f.stage()));
      }
      growthRow(out, "**whole run**", runs, SizeRun::wall);
      out.append('\n');
      if (runs.stream().noneMatch(r -> r.cooccurrence().isEmpty())) {
        cooccurrenceGrowth(out, runs);
      }
    }
    SizeRun last = runs.get(runs.size() - 1);
    StageProbe.Figures slowest = last.stages().stream().max(Comparator.comparingDouble(
        StageProbe.Figures::wall)).orElseThrow();
    out.append(String.format(Locale.ROOT, "Slowest stage at %,d articles: **%s**, %.1f s of %.1f s (%.0f%%). "
        + "Peak heap used in any stage: %.2f GB of the 4 GB limit.%n", last.read(), slowest.stage(), slowest.wall(),
        last.wall(), 100 * slowest.wall() / last.wall(), last.stages().stream()
            .mapToLong(StageProbe.Figures::peakHeap).max().orElse(0) / (double) GB));
    return out.toString();
  }

  /**
   * The cooccurrence table's rows per window and scope at each size: a pair is kept in a scope's cell once it is in
   * min_pair_count of the cell's windows, so the rows grow with how full the cells are, not only with the archive.
   */
  private static void cooccurrenceGrowth(StringBuilder out, List<SizeRun> runs) {
    out.append("Rows of the `cooccurrence` table (and the scope's cells with a row: outlets, periods or both) at each "
        + "size:\n\n| window | scope |");
    runs.forEach(r -> out.append(String.format(Locale.ROOT, " rows at %,d (cells) |", r.read())));
    out.append(" rows per article, largest / smallest |\n|---|---|");
    runs.forEach(r -> out.append("---|"));
    out.append("---|\n");
    SizeRun first = runs.get(0);
    SizeRun last = runs.get(runs.size() - 1);
    for (ScopeRows s : last.cooccurrence()) {
      out.append("| ").append(s.window()).append(" | ").append(s.scope()).append(" |");
      long[] rows = new long[runs.size()];
      for (int i = 0; i < runs.size(); i++) {
        ScopeRows at = runs.get(i).cooccurrence().stream()
            .filter(o -> o.window().equals(s.window()) && o.scope().equals(s.scope())).findFirst()
            .orElse(new ScopeRows(s.window(), s.scope(), 0, 0));
        rows[i] = at.rows();
        out.append(String.format(Locale.ROOT, " %,d (%,d) |", at.rows(), at.cells()));
      }
      out.append(rows[0] == 0 ? " – |\n" : String.format(Locale.ROOT, " %.2f× |%n",
          (rows[rows.length - 1] / (double) last.read()) / (rows[0] / (double) first.read())));
    }
    out.append('\n');
  }

  private static void growthRow(StringBuilder out, String stage, List<SizeRun> runs,
      java.util.function.ToDoubleFunction<SizeRun> seconds) {
    out.append("| ").append(stage).append(" |");
    double[] perArticle = runs.stream().mapToDouble(r -> 1000 * seconds.applyAsDouble(r) / r.read()).toArray();
    for (double v : perArticle) {
      out.append(String.format(Locale.ROOT, " %.2f |", v));
    }
    double ratio = perArticle[perArticle.length - 1] / perArticle[0];
    out.append(String.format(Locale.ROOT, " %.2f | %s |%n", ratio, growth(ratio)));
  }

  /**
   * Issue 8's target, per article: within ±20% is linear; below, the smaller size's fixed costs (JIT, planning, a
   * task per partition) weigh more than the larger's, which is no cost to users; above is a stage that grows faster
   * than the archive.
   */
  static String growth(double ratio) {
    if (ratio > 1.2) {
      return "**faster than linear**";
    }
    return ratio < 0.8 ? "slower than linear" : "linear (±20%)";
  }

  private static double stageWall(SizeRun r, String stage) {
    return r.stages().stream().filter(f -> f.stage().equals(stage)).mapToDouble(StageProbe.Figures::wall).sum();
  }

  private static double stagesWall(SizeRun r, String prefix) {
    return r.stages().stream().filter(f -> f.stage().startsWith(prefix)).mapToDouble(StageProbe.Figures::wall).sum();
  }

  private static void reference(StringBuilder out, String stage, double seconds, String reference, Double time) {
    if (time != null) {
      out.append(String.format(Locale.ROOT, "| %s | %.1f | %s | %.1f | %.2f× |%n", stage, seconds, reference, time,
          seconds / time));
    }
  }

  private static String csv(List<SizeRun> runs) {
    StringBuilder out = new StringBuilder("articles,stage,wall_s,cpu_s,task_cpu_s,shuffle_read_bytes,"
        + "shuffle_write_bytes,peak_heap_bytes,live_heap_bytes\n");
    for (SizeRun r : runs) {
      for (StageProbe.Figures f : r.stages()) {
        out.append(String.format(Locale.ROOT, "%d,%s,%.3f,%.3f,%.3f,%d,%d,%d,%d%n", r.read(),
            f.stage().replace(",", ";"), f.wall(), f.cpu(), f.taskCpu(), f.shuffleRead(), f.shuffleWrite(),
            f.peakHeap(), f.liveHeap()));
      }
      out.append(String.format(Locale.ROOT, "%d,whole run,%.3f,,,,,,%n", r.read(), r.wall()));
      r.references().forEach((name, seconds) -> out.append(String.format(Locale.ROOT,
          "%d,reference: %s,%.3f,,,,,,%n", r.read(), name, seconds)));
    }
    return out.toString();
  }

  private static String preamble(List<Integer> sizes, double copyShare, int cores) {
    String reuse = System.getProperty("bench.reuse", "");
    String mllibMax = System.getProperty("bench.mllibMax");
    return "Command: `jobs/benchmark-scale` (`mvn test -Pbenchmark -Dtest=ScaleBenchmark -Dbench.sizes="
        + System.getProperty("bench.sizes", "10000,100000") + (reuse.isBlank() ? "" : " -Dbench.reuse=" + reuse)
        + (mllibMax == null ? "" : " -Dbench.mllibMax=" + mllibMax)
        + "`" + (reuse.isBlank() ? "" : "; the sizes in bench.reuse are reported from the result an earlier "
        + "invocation saved, run on the date and commit in their heading") + "). Sizes "
        + sizes.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("") + ", measured on " + cores
        + " cores (" + System.getProperty("os.name") + ", Java "
        + System.getProperty("java.version") + ", Spark " + spark() + "), local[*], one JVM with a 4 GB heap "
        + "(driver and executor: every stage ran within it), default settings, "
        + (WARM_UP ? "after an untimed warm-up run on 1,000 articles"
            : "without a warm-up run (the first size's figures include the JIT compiling the job)")
        + ". Archives: real AllSides and BASIL articles in a seeded random order ("
        + Math.round(100 * ScaleCorpus.REAL_SHARE) + "% of the distinct articles at every size, while they last) "
        + "and remixed articles (a real article's outlet, date and title, each paragraph drawn from another real "
        + "article), planted copies (" + Math.round(100 * copyShare) + "% of the archive, 1-4 per copied "
        + "article, the dedup benchmark's copy kinds, reprinted under other outlets) and FA-KES as a second, CSV "
        + "input. Stage = the job group the job names its Spark jobs with; wall = from its first job to the next "
        + "stage's; CPU = the process's CPU time in that window (driver and executor threads, JIT and GC "
        + "included); task CPU = Spark's executor CPU time of its tasks; heap = the largest heap use sampled "
        + "every 100 ms, and the largest heap left after a garbage collection in the window (what the stage "
        + "holds live). The plot is docs/scale.png; the analysis of the slowest stage is docs/scale.md.\n\n"
        + "![ms per article by stage and archive size](scale.png)\n\n";
  }

  /** The checked-out commit, with "+changes" when the work tree differs from it. */
  private static String commit() {
    try {
      String head = git("rev-parse", "--short", "HEAD");
      return git("status", "--porcelain", "--untracked-files=no").isBlank() ? head : head + "+changes";
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String git(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    try {
      if (git.waitFor() != 0) {
        throw new IOException("git " + String.join(" ", args) + " failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted waiting for git", e);
    }
    return output;
  }

  private static String spark() {
    return org.apache.spark.package$.MODULE$.SPARK_VERSION();
  }

  private static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var paths = Files.walk(dir)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
