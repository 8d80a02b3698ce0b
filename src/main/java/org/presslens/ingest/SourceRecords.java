package org.presslens.ingest;

import static org.presslens.common.Schemas.column;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.presslens.common.Schemas;

/**
 * The ingest stage's output: one row per record read (an article candidate or a reject). Internal to the
 * job (not written), but declared like a table so the normaliser reads it by name.
 */
public final class SourceRecords {
  public static final String INPUT_NAME = "input_name";
  public static final String SOURCE_FILE = "source_file";
  public static final String SOURCE_POSITION = "source_position";
  public static final String SOURCE_FORMAT = "source_format";
  public static final String SOURCE_ID = "source_id";
  public static final String OUTLET_RAW = "outlet_raw";
  public static final String DATE_RAW = "date_raw";
  public static final String TITLE_RAW = "title_raw";
  public static final String TEXT_RAW = "text_raw";
  public static final String URL = "url";
  public static final String HEADER_IN_TEXT = "header_in_text";
  public static final String REJECT_REASON = "reject_reason";
  public static final String REJECT_MESSAGE = "reject_message";
  public static final String PAYLOAD = "payload";

  public static final StructType SCHEMA = Schemas.struct(
      column(INPUT_NAME, DataTypes.StringType, false, "Input name"),
      column(SOURCE_FILE, DataTypes.StringType, false, "File read"),
      column(SOURCE_POSITION, DataTypes.LongType, false, "Position in the file (see rejects.position)"),
      column(SOURCE_FORMAT, DataTypes.StringType, false, "Format the file was read as"),
      column(SOURCE_ID, DataTypes.StringType, true, "Id field of the source, as read"),
      column(OUTLET_RAW, DataTypes.StringType, true, "Outlet as read"),
      column(DATE_RAW, DataTypes.StringType, true, "Date as read"),
      column(TITLE_RAW, DataTypes.StringType, true, "Title as read"),
      column(TEXT_RAW, DataTypes.StringType, true, "Body as read"),
      column(URL, DataTypes.StringType, true, "URL as read"),
      column(HEADER_IN_TEXT, DataTypes.BooleanType, false, "Text may start with a date line and a title line"),
      column(REJECT_REASON, DataTypes.StringType, true, "Reject reason code, null for a readable record"),
      column(REJECT_MESSAGE, DataTypes.StringType, true, "Reject detail"),
      column(PAYLOAD, DataTypes.StringType, true, "Raw payload of a reject"));

  private SourceRecords() {}

  static Row toRow(SourceRecord r) {
    Object[] values = new Object[SCHEMA.size()];
    values[SCHEMA.fieldIndex(INPUT_NAME)] = r.inputName;
    values[SCHEMA.fieldIndex(SOURCE_FILE)] = r.sourceFile;
    values[SCHEMA.fieldIndex(SOURCE_POSITION)] = r.position;
    values[SCHEMA.fieldIndex(SOURCE_FORMAT)] = r.format;
    values[SCHEMA.fieldIndex(SOURCE_ID)] = r.sourceId;
    values[SCHEMA.fieldIndex(OUTLET_RAW)] = r.outlet;
    values[SCHEMA.fieldIndex(DATE_RAW)] = r.dateRaw;
    values[SCHEMA.fieldIndex(TITLE_RAW)] = r.title;
    values[SCHEMA.fieldIndex(TEXT_RAW)] = r.text;
    values[SCHEMA.fieldIndex(URL)] = r.url;
    values[SCHEMA.fieldIndex(HEADER_IN_TEXT)] = r.headerInText;
    values[SCHEMA.fieldIndex(REJECT_REASON)] = r.rejectReason == null ? null : r.rejectReason.code();
    values[SCHEMA.fieldIndex(REJECT_MESSAGE)] = r.rejectMessage;
    values[SCHEMA.fieldIndex(PAYLOAD)] = r.payload;
    return RowFactory.create(values);
  }
}
