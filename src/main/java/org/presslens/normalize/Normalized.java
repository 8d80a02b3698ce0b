package org.presslens.normalize;

import static org.presslens.common.Schemas.column;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.presslens.common.Schemas;

/** Rows between the normalise steps: the article columns (some not yet final) plus reject columns. */
public final class Normalized {
  static final String HEADER_IN_TEXT = "header_in_text";
  static final String IDENTITY = "identity";
  static final String REJECT_STAGE = "reject_stage";
  static final String REJECT_REASON = "reject_reason";
  static final String REJECT_MESSAGE = "reject_message";
  static final String PAYLOAD = "payload";

  static final StructType SCHEMA;

  static {
    StructType schema = new StructType();
    for (StructField field : Articles.SCHEMA.fields()) {
      if (!field.name().equals(Articles.PUBLISHED_MONTH)) {
        schema = schema.add(field.copy(field.name(), field.dataType(), true, field.metadata()));
      }
    }
    SCHEMA = schema
        .add(column(IDENTITY, DataTypes.LongType, true,
            "64-bit hash of the longest line: copies of one story share it, different stories do not"))
        .add(column(HEADER_IN_TEXT, DataTypes.BooleanType, false, "Text may start with a date line and a title"))
        .add(column(REJECT_STAGE, DataTypes.StringType, true, "Stage that rejected the row"))
        .add(column(REJECT_REASON, DataTypes.StringType, true, "Reject reason code"))
        .add(column(REJECT_MESSAGE, DataTypes.StringType, true, "Reject detail"))
        .add(column(PAYLOAD, DataTypes.StringType, true, "Reject payload"));
    Schemas.struct(SCHEMA.fields());
  }

  private Normalized() {}
}
