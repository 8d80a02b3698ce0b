package org.presslens.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** Fills a record's article fields from a source object using the input's field mapping. */
final class Fields {
  private Fields() {}

  static void fromJson(SourceRecord record, JsonNode object, ReadOptions options) {
    record.sourceId = json(object, options.idFields());
    record.outlet = json(object, options.outletFields());
    record.dateRaw = json(object, options.dateFields());
    record.title = json(object, options.titleFields());
    record.text = json(object, options.textFields());
    record.url = json(object, options.urlFields());
    if (record.outlet == null) {
      record.outlet = options.fixedOutlet();
    }
  }

  static void fromColumns(SourceRecord record, Map<String, String> row, ReadOptions options) {
    record.sourceId = column(row, options.idFields());
    record.outlet = column(row, options.outletFields());
    record.dateRaw = column(row, options.dateFields());
    record.title = column(row, options.titleFields());
    record.text = column(row, options.textFields());
    record.url = column(row, options.urlFields());
    if (record.outlet == null) {
      record.outlet = options.fixedOutlet();
    }
  }

  /** The first candidate present and not null; a dotted name also reaches into nested objects. */
  static String json(JsonNode object, List<String> candidates) {
    for (String name : candidates) {
      JsonNode value = object.get(name);
      if (value == null && name.indexOf('.') > 0) {
        value = object;
        for (String part : name.split("\\.")) {
          value = value.path(part);
        }
      }
      if (value != null && !value.isMissingNode() && !value.isNull()) {
        return value.isValueNode() ? value.asText() : value.toString();
      }
    }
    return null;
  }

  static String column(Map<String, String> row, List<String> candidates) {
    for (String name : candidates) {
      String value = row.get(name);
      if (value != null) {
        return value;
      }
    }
    return null;
  }
}
