package org.presslens.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the {@link JobConfig}: job file (YAML or JSON) first, then command-line overrides, then validation.
 * Overrides are applied to the JSON tree before binding, so {@code --set} reaches every key with the same
 * parsing as the job file.
 */
public final class ConfigLoader {

  /** Mapper with the job file conventions: snake_case keys, unknown keys are errors. */
  public static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ConfigLoader() {}

  /** Command-line overrides, already split by the CLI. Empty lists/nulls mean "not given". */
  public record Overrides(List<String> inputs, String format, String output, List<String> sets) {
    public Overrides {
      inputs = inputs == null ? List.of() : List.copyOf(inputs);
      sets = sets == null ? List.of() : List.copyOf(sets);
    }

    public static Overrides none() {
      return new Overrides(null, null, null, null);
    }
  }

  public static JobConfig load(Path jobFile, Overrides overrides) {
    ObjectNode tree;
    if (jobFile == null) {
      tree = JsonNodeFactory.instance.objectNode();
    } else {
      try {
        JsonNode parsed = YAML.readTree(Files.readString(jobFile));
        if (parsed == null || parsed.isMissingNode() || parsed.isNull()) {
          tree = JsonNodeFactory.instance.objectNode();
        } else if (parsed instanceof ObjectNode object) {
          tree = object;
        } else {
          throw new ConfigException("job file " + jobFile + " must hold a mapping of keys, not " + parsed.getNodeType());
        }
      } catch (IOException e) {
        throw new ConfigException("cannot read job file " + jobFile + ": " + e.getMessage(), e);
      }
    }
    return bind(applyOverrides(tree, overrides));
  }

  static ObjectNode applyOverrides(ObjectNode tree, Overrides overrides) {
    if (!overrides.inputs().isEmpty()) {
      ArrayNode inputs = tree.putArray("inputs");
      for (String path : overrides.inputs()) {
        inputs.addObject().putArray("paths").add(path);
      }
    }
    if (overrides.format() != null) {
      JsonNode inputs = tree.path("inputs");
      for (JsonNode input : inputs) {
        ((ObjectNode) input).put("format", overrides.format());
      }
    }
    if (overrides.output() != null) {
      tree.put("output", overrides.output());
    }
    for (String assignment : overrides.sets()) {
      int eq = assignment.indexOf('=');
      if (eq <= 0) {
        throw new ConfigException("--set expects key=value: " + assignment);
      }
      set(tree, assignment.substring(0, eq).trim(), assignment.substring(eq + 1));
    }
    return tree;
  }

  /** Sets a dotted key ("boilerplate.min_articles", "inputs.0.format") to a YAML-parsed value. */
  static void set(ObjectNode tree, String key, String rawValue) {
    JsonNode value;
    try {
      value = rawValue.isEmpty() ? JsonNodeFactory.instance.nullNode() : YAML.readTree(rawValue);
    } catch (JsonProcessingException e) {
      throw new ConfigException("--set " + key + ": cannot parse value: " + rawValue, e);
    }
    String[] parts = key.split("\\.");
    JsonNode node = tree;
    for (int i = 0; i < parts.length - 1; i++) {
      node = child(node, parts[i], parts[i + 1], key);
    }
    String last = parts[parts.length - 1];
    if (node instanceof ArrayNode array) {
      int index = index(last, key);
      while (array.size() <= index) {
        array.addObject();
      }
      array.set(index, value);
    } else {
      ((ObjectNode) node).set(last, value);
    }
  }

  private static JsonNode child(JsonNode node, String part, String nextPart, String key) {
    boolean nextIsIndex = nextPart.chars().allMatch(Character::isDigit);
    if (node instanceof ArrayNode array) {
      int index = index(part, key);
      while (array.size() <= index) {
        array.addObject();
      }
      return array.get(index);
    }
    ObjectNode object = (ObjectNode) node;
    JsonNode existing = object.get(part);
    if (existing == null || existing.isNull() || !existing.isContainerNode()) {
      return nextIsIndex ? object.putArray(part) : object.putObject(part);
    }
    return existing;
  }

  private static int index(String part, String key) {
    try {
      return Integer.parseInt(part);
    } catch (NumberFormatException e) {
      throw new ConfigException("--set " + key + ": '" + part + "' must be a list index");
    }
  }

  static JobConfig bind(JsonNode tree) {
    JobConfig config;
    try {
      config = YAML.treeToValue(tree, JobConfig.class);
    } catch (UnrecognizedPropertyException e) {
      throw new ConfigException("unknown config key '" + e.getPropertyName() + "' at " + path(e)
          + " (see the configuration table in README.md)", e);
    } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
      throw new ConfigException("invalid configuration at " + path(e) + ": " + e.getOriginalMessage(), e);
    } catch (JsonProcessingException e) {
      throw new ConfigException("invalid configuration: " + e.getOriginalMessage(), e);
    }
    List<InputSpec> named = new ArrayList<>();
    for (InputSpec input : config.inputs()) {
      named.add(input.name() != null || input.paths().isEmpty() ? input
          : input.withName(InputNames.derive(input.paths().get(0))));
    }
    JobConfig withNames = new JobConfig(named, config.output(), config.text(), config.boilerplate(), config.dates(),
        config.outlets(), config.dedup(), config.entities(), config.cooccurrence(), config.framing(), config.rejects(),
        config.spark(), config.incremental());
    ConfigValidator.validate(withNames);
    return withNames;
  }

  private static String path(com.fasterxml.jackson.databind.JsonMappingException e) {
    StringBuilder out = new StringBuilder();
    for (var ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        out.append(out.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        out.append('.').append(ref.getIndex());
      }
    }
    return out.length() == 0 ? "top level" : out.toString();
  }
}
