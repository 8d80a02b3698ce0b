package org.presslens;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.presslens.common.SparkDefaults;
import org.presslens.config.ConfigException;
import org.presslens.config.ConfigLoader;
import org.presslens.config.ConfigReference;
import org.presslens.config.JobConfig;
import org.presslens.output.OutputComparison;
import org.presslens.output.RunReport;
import org.presslens.output.TableReference;

/** Command line: parses arguments and the job file, builds the SparkSession, runs the {@link Pipeline}. */
public final class PressLens {
  static final String USAGE = """
      presslens: batch analysis of news archives on Apache Spark.

      Usage:
        presslens run [options]          run the job
        presslens config-reference       print every configuration key with its default and description
        presslens table-reference        print every output and state table with its grain and columns
        presslens compare DIR_A DIR_B    compare two output directories table by table (exit 0 same, 1 differ);
                                         --ignore TABLE.COLUMN (repeatable) leaves a column out
        presslens --help | run --help    this text

      Run options (the command line overrides the job file):
        --config FILE           job file (YAML) with inputs, output and settings, e.g. jobs/sample.yaml
        --input PATH...         input files, directories or globs (replaces the job file's inputs);
                                one or more paths up to the next option
        --format F              auto|text|jsonl|json|csv|parquet for every input (default auto: by file extension)
        --output DIR            output directory (local path or Hadoop URI)
        --set KEY=VALUE         override any config key, e.g. --set boilerplate.min_articles=3
                                or --set inputs.0.fields.text=body (repeatable)
        --master URL            Spark master (default: the one spark-submit gives, else embedded local[*])
        --incremental           read the inputs as one new batch and update the output by batch
                                (= --set incremental.enabled=true; see docs/incremental.md)
        --batch ID              the batch id of an incremental run (default: today's UTC date);
                                re-running the latest batch id replaces that batch

      Exit codes: 0 success, 1 run failed (nothing committed), 2 bad command line or configuration.
      """;

  private PressLens() {}

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  static int execute(String[] args) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
      System.out.print(USAGE);
      return args.length == 0 ? 2 : 0;
    }
    if (args[0].equals("config-reference")) {
      System.out.print(ConfigReference.markdownTable());
      return 0;
    }
    if (args[0].equals("table-reference")) {
      for (TableReference.Table table : TableReference.TABLES) {
        System.out.println("## " + table.name() + "\n\n" + TableReference.markdown(table));
      }
      for (TableReference.Table table : TableReference.STATE) {
        System.out.println("## " + table.name() + " (state of incremental runs)\n\n" + TableReference.markdown(table));
      }
      return 0;
    }
    if (args[0].equals("compare")) {
      return compare(args);
    }
    if (!args[0].equals("run")) {
      System.err.println("unknown command: " + args[0] + "\n\n" + USAGE);
      return 2;
    }
    Arguments parsed;
    JobConfig config;
    try {
      parsed = Arguments.parse(List.of(args).subList(1, args.length));
      if (parsed.help()) {
        System.out.print(USAGE);
        return 0;
      }
      config = ConfigLoader.load(parsed.config(), parsed.overrides());
    } catch (ConfigException e) {
      System.err.println("presslens: " + e.getMessage());
      return 2;
    }
    SparkSession spark = session(config, parsed.master());
    try {
      RunReport report = Pipeline.run(spark, config);
      System.out.printf("presslens run %s: read %d, kept %d, rejected %d -> %s%n", report.runId(),
          report.counts().read(), report.counts().kept(), report.counts().rejected(), config.output());
      return 0;
    } catch (RuntimeException e) {
      System.err.println("presslens: run failed: " + e.getMessage());
      e.printStackTrace(System.err);
      return 1;
    } finally {
      spark.stop();
    }
  }

  /** {@code compare [--ignore TABLE.COLUMN]... A B}: every table of two output directories as multisets of rows. */
  private static int compare(String[] args) {
    List<String> ignored = new ArrayList<>();
    List<String> dirs = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      if (args[i].equals("--ignore") && i + 1 < args.length && args[i + 1].contains(".")) {
        ignored.add(args[++i]);
      } else {
        dirs.add(args[i]);
      }
    }
    if (dirs.size() != 2 || dirs.stream().anyMatch(d -> d.startsWith("--"))) {
      System.err.println("usage: presslens compare [--ignore TABLE.COLUMN]... DIR_A DIR_B");
      return 2;
    }
    SparkSession spark = session(JobConfig.defaults(), null);
    try {
      List<OutputComparison.TableDiff> diffs = OutputComparison.compare(spark, dirs.get(0), dirs.get(1), ignored);
      diffs.forEach(diff -> System.out.println(diff.describe()));
      long differing = diffs.stream().filter(diff -> !diff.same()).count();
      System.out.printf("presslens compare: %d tables, %d differ%n", diffs.size(), differing);
      return diffs.isEmpty() || differing > 0 ? 1 : 0;
    } finally {
      spark.stop();
    }
  }

  static SparkSession session(JobConfig config, String masterOverride) {
    SparkConf defaults = new SparkConf();
    String master = masterOverride != null ? masterOverride
        : config.spark().master() != null ? config.spark().master()
        : defaults.contains("spark.master") ? null : "local[*]";
    SparkSession.Builder builder = SparkSession.builder().appName(config.spark().appName());
    if (master != null) {
      builder.master(master);
      if (master.startsWith("local")) {
        builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        if (!config.spark().conf().containsKey("spark.sql.shuffle.partitions")) {
          SparkDefaults.local(builder);
        }
      }
    }
    builder.config("spark.sql.session.timeZone", "UTC");
    SparkDefaults.apply(builder);
    config.spark().conf().forEach(builder::config);
    return builder.getOrCreate();
  }

  /** The parsed command line of {@code run}. */
  record Arguments(Path config, ConfigLoader.Overrides overrides, String master, boolean help) {
    static Arguments parse(List<String> args) {
      List<String> inputs = new ArrayList<>();
      List<String> sets = new ArrayList<>();
      Path config = null;
      String format = null;
      String output = null;
      String master = null;
      boolean help = false;
      for (int i = 0; i < args.size(); i++) {
        String arg = args.get(i);
        switch (arg) {
          case "--help", "-h" -> help = true;
          case "--config" -> config = Path.of(value(args, ++i, arg));
          case "--format" -> format = value(args, ++i, arg);
          case "--output" -> output = value(args, ++i, arg);
          case "--master" -> master = value(args, ++i, arg);
          case "--set" -> sets.add(value(args, ++i, arg));
          case "--incremental" -> sets.add("incremental.enabled=true");
          case "--batch" -> sets.add("incremental.batch=" + value(args, ++i, arg));
          case "--input" -> {
            value(args, i + 1, arg);
            while (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
              inputs.add(args.get(++i));
            }
          }
          default -> throw new ConfigException("unknown option: " + arg + " (see presslens run --help)");
        }
      }
      return new Arguments(config, new ConfigLoader.Overrides(inputs, format, output, sets), master, help);
    }

    private static String value(List<String> args, int i, String option) {
      if (i >= args.size() || args.get(i).startsWith("--")) {
        throw new ConfigException(option + " needs a value");
      }
      return args.get(i);
    }
  }
}
