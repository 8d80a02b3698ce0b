package org.presslens.common;

import static org.presslens.common.Schemas.column;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The rejects table: one row per rejected record, whatever stage rejected it. */
public final class Rejects {
  public static final String TABLE = "rejects";
  public static final String GRAIN = "one row per rejected input record (or unreadable rest of a file)";

  public static final String INPUT_NAME = "input_name";
  public static final String SOURCE_FILE = "source_file";
  public static final String POSITION = "position";
  public static final String STAGE = "stage";
  public static final String REASON = "reason";
  public static final String MESSAGE = "message";
  public static final String PAYLOAD = "payload";

  public static final StructType SCHEMA = Schemas.struct(
      column(INPUT_NAME, DataTypes.StringType, false, "Name of the input the record came from"),
      column(SOURCE_FILE, DataTypes.StringType, false, "File the record was read from (full URI)"),
      column(POSITION, DataTypes.LongType, false,
          "Where in the file: 1-based line for jsonl/csv (first line of the record), 1-based element for json, "
              + "1-based row for parquet, 1 for a text file"),
      column(STAGE, DataTypes.StringType, false, "Stage that rejected the record: ingest or normalize"),
      column(REASON, DataTypes.StringType, false,
          "Reason code: malformed_json, bad_csv_row, invalid_utf8, missing_text, empty_text, too_short, too_long, "
              + "unreadable_file, truncated_file, duplicate_id"),
      column(MESSAGE, DataTypes.StringType, true, "Human-readable detail of the problem"),
      column(PAYLOAD, DataTypes.StringType, true,
          "Raw record as read (cut to rejects.max_payload_chars, marked …[truncated]); null when unavailable"));

  private Rejects() {}
}
