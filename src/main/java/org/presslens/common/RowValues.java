package org.presslens.common;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/** Builds a Row for a schema by column name, so no code depends on column positions. */
public final class RowValues {
  private final StructType schema;
  private final Object[] values;

  public RowValues(StructType schema) {
    this.schema = schema;
    this.values = new Object[schema.size()];
  }

  /** Starts from an existing row of another schema, copying the columns both share. */
  public RowValues copyFrom(Row row) {
    for (String name : row.schema().fieldNames()) {
      if (schema.getFieldIndex(name).isDefined()) {
        values[schema.fieldIndex(name)] = row.getAs(name);
      }
    }
    return this;
  }

  public RowValues set(String column, Object value) {
    values[schema.fieldIndex(column)] = value;
    return this;
  }

  public Row build() {
    return RowFactory.create(values.clone());
  }
}
