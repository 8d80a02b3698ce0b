package org.presslens.common;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Declaring output schemas (every column carries a description) and holding Datasets to them. */
public final class Schemas {
  private Schemas() {}

  /** A column with its description; the description survives the Parquet round trip as field metadata. */
  public static StructField column(String name, DataType type, boolean nullable, String description) {
    return new StructField(name, type, nullable, org.apache.spark.sql.types.Metadata.empty()).withComment(description);
  }

  public static StructType struct(StructField... fields) {
    StructType schema = new StructType(fields);
    for (StructField field : fields) {
      if (field.getComment().isEmpty() || field.getComment().get().isBlank()) {
        throw new IllegalStateException("column " + field.name() + " has no description");
      }
    }
    return schema;
  }

  /** Column names as the Scala sequence that Dataset#join(right, usingColumns, joinType) takes. */
  public static scala.collection.immutable.Seq<String> columns(String... names) {
    return scala.jdk.javaapi.CollectionConverters.asScala(java.util.List.of(names)).toList();
  }

  /**
   * Selects exactly the schema's columns, in its order, with its descriptions. Fails (naming the columns) when
   * a column is missing or has another type: a table never silently changes shape.
   */
  public static Dataset<Row> conform(Dataset<Row> data, StructType schema, String table) {
    StructType actual = data.schema();
    List<String> problems = new ArrayList<>();
    List<Column> columns = new ArrayList<>();
    for (StructField field : schema.fields()) {
      if (!List.of(actual.fieldNames()).contains(field.name())) {
        problems.add("missing column " + field.name());
        continue;
      }
      DataType type = actual.apply(field.name()).dataType();
      if (!type.sameType(field.dataType())) {
        problems.add("column " + field.name() + " is " + type.simpleString() + ", schema says "
            + field.dataType().simpleString());
        continue;
      }
      columns.add(col(field.name()).as(field.name(), field.metadata()));
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("table " + table + " does not match its schema: " + String.join("; ", problems));
    }
    return data.select(columns.toArray(Column[]::new));
  }
}
