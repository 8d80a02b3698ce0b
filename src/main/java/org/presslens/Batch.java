package org.presslens;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.presslens.config.ConfigLoader;
import org.presslens.config.JobConfig;
import org.presslens.normalize.Articles;
import org.presslens.output.Batches;
import org.presslens.output.TableWriter;

/**
 * One batch of an incremental run (docs/incremental.md): its id, the earlier batches it is added to, and the rules
 * that keep the state consistent. A new batch id adds a batch; the most recent batch id may be run again and
 * replaces that batch (idempotent); an older one is refused, as are settings that differ from the earlier batches'
 * (their state was made with those) and an output that a full run wrote.
 */
final class Batch {
  /** State tables of the entity and framing stages, partitioned by batch. */
  static final String RAW_MENTIONS = "_state/raw_mentions";
  static final String SCORES = "_state/framing_scores";

  private final String id;
  private final TableWriter out;
  private final Dataset<Row> batches;
  private final String settings;

  private Batch(String id, TableWriter out, Dataset<Row> batches, String settings) {
    this.id = id;
    this.out = out;
    this.batches = batches;
    this.settings = settings;
  }

  static Batch open(SparkSession spark, TableWriter out, JobConfig config, LocalDate runDate) {
    String id = config.incremental().batch().isEmpty() ? runDate.toString() : config.incremental().batch();
    Dataset<Row> batches = out.readCommitted(Batches.TABLE, Batches.SCHEMA);
    if (batches == null && out.readCommitted(Articles.TABLE, Articles.SCHEMA) != null) {
      throw new IllegalStateException("output " + config.output() + " holds a full run's tables and no incremental "
          + "state: start incremental runs in a new output directory (docs/incremental.md)");
    }
    String settings = settings(config);
    if (batches != null) {
      List<Row> rows = batches.collectAsList().stream()
          .sorted(Comparator.comparing((Row r) -> r.<String>getAs(Batches.COMMITTED_AT))).toList();
      Row latest = rows.get(rows.size() - 1);
      boolean known = rows.stream().anyMatch(r -> r.getAs(Batches.BATCH).equals(id));
      if (known && !latest.getAs(Batches.BATCH).equals(id)) {
        throw new IllegalStateException("batch " + id + " is not the most recent batch (" + latest.getAs(Batches.BATCH)
            + "): only the most recent batch can be run again; rebuild to change an older one (docs/incremental.md)");
      }
      List<String> changed = changedKeys(latest.getAs(Batches.SETTINGS), settings);
      if (!changed.isEmpty()) {
        throw new IllegalStateException("settings " + changed + " differ from those of batch "
            + latest.getAs(Batches.BATCH) + ", whose state was made with them: rebuild the output "
            + "(docs/incremental.md) or run with the same settings");
      }
    }
    return new Batch(id, out, batches, settings);
  }

  /** The job config without what may change from batch to batch, as JSON with sorted keys. */
  static String settings(JobConfig config) {
    ObjectNode tree = ConfigLoader.YAML.valueToTree(config);
    tree.remove(List.of("inputs", "output", "spark", "rejects", "incremental"));
    try {
      return SORTED.writeValueAsString(SORTED.treeToValue(tree, Object.class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the settings as JSON", e);
    }
  }

  /** The top-level sections whose settings differ. */
  static List<String> changedKeys(String then, String now) {
    try {
      JsonNode a = SORTED.readTree(then);
      JsonNode b = SORTED.readTree(now);
      List<String> keys = new ArrayList<>();
      a.fieldNames().forEachRemaining(keys::add);
      b.fieldNames().forEachRemaining(k -> {
        if (!keys.contains(k)) {
          keys.add(k);
        }
      });
      return keys.stream().filter(k -> !java.util.Objects.equals(a.get(k), b.get(k))).sorted().toList();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable settings in " + Batches.TABLE, e);
    }
  }

  private static final ObjectMapper SORTED = new ObjectMapper()
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  String id() {
    return id;
  }

  /** The state table of earlier batches (without this batch's previous version), or null on the first batch. */
  Dataset<Row> earlier(String table, StructType schema) {
    Dataset<Row> data = out.readCommitted(table, withBatch(schema));
    return data == null ? null : data.filter(col(TableWriter.BATCH).notEqual(id));
  }

  /** This batch's previous version of a state table (when the batch runs again), or null. */
  Dataset<Row> replaced(String table, StructType schema) {
    Dataset<Row> data = out.readCommitted(table, withBatch(schema));
    return data == null ? null : data.filter(col(TableWriter.BATCH).equalTo(id));
  }

  /** A table written by batch as it will be after this run: earlier batches plus this one. */
  Dataset<Row> all(String table, StructType schema) {
    return out.readBatches(table, withBatch(schema), id);
  }

  static StructType withBatch(StructType schema) {
    return schema.add(TableWriter.BATCH, DataTypes.StringType, false);
  }

  /** The batches table after this run: the earlier batches and this one. */
  Dataset<Row> batches(SparkSession spark, String runId, Instant startedAt, long articles) {
    Dataset<Row> self = spark.createDataFrame(List.of(RowFactory.create(id, runId, startedAt.toString(), articles,
        settings)), Batches.SCHEMA);
    return batches == null ? self : batches.filter(col(Batches.BATCH).notEqual(id)).unionByName(self);
  }
}
