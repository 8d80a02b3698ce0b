package org.presslens.evaluation;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.presslens.Pipeline;
import org.presslens.SparkTestSession;
import org.presslens.config.ConfigLoader;
import org.presslens.entities.Names;

/**
 * BASIL's annotated main entities through the whole job ({@code jobs/basil.yaml}): for each article and each of its
 * {@code main_entities}, the article's mentions of that name (its full form, or its last word) must be in one
 * entity. Recall = such (article, main entity) pairs / all pairs; BASIL also lists groups
 * that are not names ("Republicans", "Obama administration"), which count as misses. {@code mvn test -Pshared
 * -Dtest=BasilEntityEvaluationTest}.
 */
@Tag("shared")
class BasilEntityEvaluationTest {
  private final SparkSession spark = SparkTestSession.get();
  @TempDir
  Path out;

  @Test
  void mainEntitiesResolveToOneEntityEach() throws IOException {
    Pipeline.run(spark, ConfigLoader.load(Path.of("jobs/basil.yaml"),
        new ConfigLoader.Overrides(null, null, out.toString(), List.of("framing.enabled=false"))));
    Map<String, Map<String, Set<String>>> entitiesByForm = new HashMap<>(); // article -> own key -> entity names
    for (Row r : spark.read().parquet(out.resolve("entity_mentions").toString())
        .select(col("article_id"), col("surface"), col("entity_name")).collectAsList()) {
      entitiesByForm.computeIfAbsent(r.getString(0), k -> new HashMap<>())
          .computeIfAbsent(Names.key(Names.clean(r.getString(1))), k -> new HashSet<>()).add(r.getString(2));
    }
    ObjectMapper json = new ObjectMapper();
    int pairs = 0;
    int found = 0;
    int resolved = 0;
    int named = 0;
    StringBuilder misses = new StringBuilder();
    for (String line : Files.readAllLines(Path.of("../shared/data/basil/articles.jsonl"))) {
      JsonNode a = json.readTree(line);
      Map<String, Set<String>> forms = entitiesByForm.getOrDefault("basil:" + a.get("uuid").asText(), Map.of());
      for (JsonNode e : a.get("main_entities")) {
        pairs++;
        String key = Names.key(e.asText());
        String[] words = key.split(" ");
        Set<String> names = new HashSet<>(forms.getOrDefault(key, Set.of()));
        if (words.length > 1) {
          names.addAll(forms.getOrDefault(words[words.length - 1], Set.of()));
        }
        if (names.isEmpty()) {
          misses.append(String.format("  not found: %s%n", e.asText()));
          continue;
        }
        found++;
        if (names.size() == 1) {
          resolved++;
          named += Names.key(names.iterator().next()).equals(key) ? 1 : 0;
        } else {
          misses.append(String.format("  split: %s -> %s%n", e.asText(), names));
        }
      }
    }
    System.out.printf(Locale.ROOT, "BASIL MAIN ENTITIES pairs %d, found %d, in one entity %d (%d named as BASIL"
        + " names it): recall %.3f (%.3f of those found)%n%s", pairs, found, resolved, named,
        (double) resolved / pairs, (double) resolved / found, misses);
    assertThat((double) resolved / found).as("found main entities resolved to one entity of their name")
        .isGreaterThanOrEqualTo(0.9);
  }
}
