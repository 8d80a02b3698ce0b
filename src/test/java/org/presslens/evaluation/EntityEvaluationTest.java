package org.presslens.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.presslens.Pipeline;
import org.presslens.SparkTestSession;
import org.presslens.config.ConfigLoader;
import org.presslens.entities.EntityMentions;

/**
 * Name resolution on the five seed articles (../shared/seeds) through the whole job: every form of Lavrov
 * (including the typo "Mr Lovrov" and "Sergey"), every form of Assad, and U.S./US/United States each resolve to
 * one entity. {@code mvn test -Pshared -Dtest=EntityEvaluationTest}; prints each entity's forms and link methods.
 */
@Tag("shared")
class EntityEvaluationTest {
  private final SparkSession spark = SparkTestSession.get();
  @TempDir
  Path out;

  @Test
  void seedNameVariantsResolveToOneEntityEach() {
    Pipeline.run(spark, ConfigLoader.load(Path.of("jobs/seeds.yaml"),
        new ConfigLoader.Overrides(null, null, out.toString(), null)));
    List<Row> mentions = spark.read().parquet(out.resolve(EntityMentions.TABLE).toString())
        .filter("lower(surface) rlike 'lavrov|lovrov|assad' or surface in ('U.S.', 'US', 'United States')")
        .filter("entity_type in ('PERSON', 'LOCATION')")
        .groupBy("surface", "entity_name", "entity_id", "link_method").count().orderBy("entity_name", "surface")
        .collectAsList();
    mentions.forEach(r -> System.out.println("SEED ENTITY " + r));
    Map<String, List<String>> entitiesBySurface = mentions.stream().collect(Collectors.groupingBy(
        r -> r.getString(0), Collectors.mapping(r -> r.getString(2), Collectors.toList())));
    assertThat(entitiesBySurface).containsKeys("Sergei Lavrov", "Sergey Lavrov", "Lavrov", "Mr Lovrov",
        "Assad", "Bashar Assad", "Bashar al-Assad", "U.S.", "US", "United States");
    assertOneEntity(entitiesBySurface, "Sergei Lavrov", "Sergey Lavrov", "Lavrov", "Mr Lovrov");
    assertOneEntity(entitiesBySurface, "Assad", "Bashar Assad", "Bashar al-Assad");
    assertOneEntity(entitiesBySurface, "U.S.", "US", "United States");

    // (Sergei Lavrov, Bashar Assad) among the strongest sentence-level PERSON pairs of the corpus
    List<Row> people = spark.read().parquet(out.resolve("cooccurrence").toString())
        .filter("window = 'sentence' and scope = 'corpus' and type_a = 'PERSON' and type_b = 'PERSON'")
        .orderBy(org.apache.spark.sql.functions.desc("n_ab"), org.apache.spark.sql.functions.desc("g2"))
        .select("name_a", "name_b", "n_ab", "npmi", "g2", "n_ab_with_copies").limit(5).collectAsList();
    people.forEach(r -> System.out.println("SEED PERSON PAIR " + r));
    assertThat(people).as("strongest sentence-level PERSON pairs").isNotEmpty();
    List<String> top = people.subList(0, Math.min(3, people.size())).stream()
        .map(r -> java.util.stream.Stream.of(r.getString(0), r.getString(1)).sorted().collect(Collectors.joining(" + ")))
        .toList();
    assertThat(top).contains("Bashar Assad + Sergei Lavrov");
  }

  private static void assertOneEntity(Map<String, List<String>> entitiesBySurface, String... surfaces) {
    List<String> ids = java.util.Arrays.stream(surfaces).flatMap(s -> entitiesBySurface.get(s).stream()).distinct()
        .toList();
    assertThat(ids).as("entities of " + String.join(", ", surfaces)).hasSize(1);
  }
}
