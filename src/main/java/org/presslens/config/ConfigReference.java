package org.presslens.config;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference table of every configuration key, its default and its description, derived from the config
 * records themselves. README.md carries the same table; a test fails when they disagree.
 */
public final class ConfigReference {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final PropertyNamingStrategies.NamingBase SNAKE =
      (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

  /** One documented key. */
  public record Key(String name, String defaultValue, String description) {}

  private ConfigReference() {}

  public static List<Key> keys() {
    List<Key> keys = new ArrayList<>();
    walk("", JobConfig.defaults(), keys);
    return keys;
  }

  /** The keys as a Markdown table (the block README.md embeds). */
  public static String markdownTable() {
    StringBuilder out = new StringBuilder("| key | default | description |\n|---|---|---|\n");
    for (Key key : keys()) {
      out.append("| `").append(key.name()).append("` | `").append(key.defaultValue()).append("` | ")
          .append(key.description().replace("|", "\\|")).append(" |\n");
    }
    return out.toString();
  }

  private static void walk(String prefix, Record value, List<Key> keys) {
    for (RecordComponent component : value.getClass().getRecordComponents()) {
      String name = prefix + SNAKE.translate(component.getName());
      Object fieldValue = read(component, value);
      String description = description(value.getClass(), component.getName());
      if (fieldValue instanceof Record nested) {
        walk(name + ".", nested, keys);
      } else if (component.getGenericType() instanceof ParameterizedType list
          && list.getRawType() == List.class && list.getActualTypeArguments()[0] == InputSpec.class) {
        keys.add(new Key(name, "[]", description));
        walk(name + "[].", InputSpec.of(List.of(), null), keys);
      } else {
        keys.add(new Key(name, render(fieldValue), description));
      }
    }
  }

  private static String description(Class<?> type, String component) {
    try {
      JsonPropertyDescription d = type.getDeclaredField(component).getAnnotation(JsonPropertyDescription.class);
      if (d == null) {
        throw new IllegalStateException("config key without description: " + type.getSimpleName() + "." + component);
      }
      return d.value();
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object read(RecordComponent component, Record value) {
    try {
      return component.getAccessor().invoke(value);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String render(Object value) {
    if (value instanceof List<?> list && list.isEmpty()) {
      return "[]";
    }
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
