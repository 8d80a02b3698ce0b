package org.presslens.output;

import static org.presslens.common.Schemas.column;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.presslens.common.Schemas;

/** State table of incremental runs: the batches committed so far. */
public final class Batches {
  public static final String TABLE = "_state/batches";

  public static final String BATCH = TableWriter.BATCH;
  public static final String RUN_ID = "run_id";
  public static final String COMMITTED_AT = "committed_at";
  public static final String ARTICLES = "articles";
  public static final String SETTINGS = "settings";

  public static final StructType SCHEMA = Schemas.struct(
      column(BATCH, DataTypes.StringType, false, "The batch id"),
      column(RUN_ID, DataTypes.StringType, false, "The run that committed the batch last"),
      column(COMMITTED_AT, DataTypes.StringType, false, "When that run started (UTC, ISO-8601)"),
      column(ARTICLES, DataTypes.LongType, false, "Articles the batch added to the articles table"),
      column(SETTINGS, DataTypes.StringType, false, "The run's analysis settings as JSON: the job config without "
          + "inputs, output, spark, rejects and incremental; a run whose settings differ is refused"));

  private Batches() {}
}
