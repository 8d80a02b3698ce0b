package org.presslens.evaluation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.udf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.presslens.config.EntitySettings;
import org.presslens.dedup.bench.BenchmarkCorpus;
import org.presslens.entities.Entities;
import org.presslens.entities.Names;
import org.presslens.normalize.TextCleaner;

/**
 * Entity resolution on AllSides as a data scientist queries it (docs/entities.md, "Resolution on AllSides"):
 * the share of Donald Trump's surface forms in one entity, Obamacare as one entity, the two Presidents Bush kept
 * apart, no "Mr." in a woman's entity, and for the 100 largest entities the share of each name's mentions in its
 * main entity.
 *
 * <p>{@code mvn test -Pshared -Dtest=AllSidesEntityEvaluationTest}: tags and resolves {@code allsides.articles}
 * (default 2,000) articles of the report half of AllSides (ids whose hash is odd; the rules were tuned on the
 * other half). With {@code -Dentities.output=DIR} it reads the entity tables of a job run instead (the full
 * corpus: {@code jobs/presslens run --config jobs/allsides.yaml}), and {@code -Dentities.before=DIR} adds the
 * shares of an earlier run for comparison.
 */
@Tag("shared")
class AllSidesEntityEvaluationTest {
  private static final Path ALLSIDES = Path.of("../shared/data/allsides_abp");
  /** Donald Trump's surface forms, as the issue counts them. */
  static final List<String> TRUMP = List.of("Trump", "Donald Trump", "Mr. Trump", "Mr Trump", "President Trump",
      "Donald J. Trump");
  /** Women often named in AllSides (2012 to 2020), for the honorific check; the entities' own gender is added. */
  static final Set<String> WOMEN = Set.of("melania trump", "ivanka trump", "hillary clinton", "hillary rodham clinton",
      "nancy pelosi", "elizabeth warren", "kamala harris", "sarah huckabee sanders", "kellyanne conway",
      "michelle obama", "theresa may", "angela merkel", "alexandria ocasio-cortez", "betsy devos", "nikki haley",
      "susan collins", "lisa murkowski", "amy klobuchar", "tulsi gabbard", "ilhan omar", "sarah palin",
      "condoleezza rice", "susan rice", "loretta lynch", "sally yates", "christine blasey ford", "stormy daniels",
      "hope hicks", "ruth bader ginsburg", "sonia sotomayor", "elena kagan", "janet yellen", "marie yovanovitch",
      "fiona hill", "rashida tlaib", "ayanna pressley", "kirsten gillibrand", "dianne feinstein", "gina haspel",
      "kirstjen nielsen", "chelsea clinton", "jill stein", "carly fiorina", "michele bachmann", "wendy davis",
      "lois lerner", "kathleen sebelius", "samantha power", "valerie jarrett", "huma abedin", "maxine waters",
      "debbie wasserman schultz", "marsha blackburn", "joni ernst", "kyrsten sinema", "tammy duckworth",
      "amy coney barrett", "omarosa manigault newman", "jeanine pirro", "megyn kelly", "laura ingraham",
      "ann romney", "jill biden", "karen pence", "heidi cruz", "linda sarsour", "greta thunberg");

  private final SparkSession spark = BenchmarkSession.get("presslens-entity-evaluation");
  private final UserDefinedFunction ownKey =
      udf((UDF1<String, String>) s -> Names.key(Names.clean(s)), DataTypes.StringType);

  @Test
  void namesResolveToOneEntityOnAllSides() throws IOException {
    String output = System.getProperty("entities.output");
    Dataset<Row> mentions;
    if (output != null) {
      mentions = spark.read().parquet(output + "/entity_mentions");
    } else {
      Entities.Result tables = Entities.tables(Entities.extract(reportHalf(), new EntitySettings(null, null))
          .persist(StorageLevel.MEMORY_AND_DISK()));
      mentions = tables.mentions();
    }
    mentions = mentions.withColumn("own_key", ownKey.apply(col("surface")))
        .persist(StorageLevel.MEMORY_AND_DISK());
    System.out.println("ENTITY EVALUATION mentions " + mentions.count());

    double trump = trumpShare(mentions);
    long obamacare = mentions.filter(col("own_key").equalTo("obamacare")).select("entity_id").distinct().count();
    long bushes = bothBushes(mentions);
    List<Row> misters = misters(mentions);
    System.out.printf(Locale.ROOT, "ENTITY EVALUATION trump share %.4f, obamacare entities %d, entities with both"
        + " Bushes %d, Mr. in women's entities %s%n", trump, obamacare, bushes, misters);
    List<Row> shares = topShares(mentions, 100);
    String before = System.getProperty("entities.before");
    Dataset<Row> earlier = before == null ? null
        : spark.read().parquet(before + "/entity_mentions").withColumn("own_key", ownKey.apply(col("surface")));
    StringBuilder table = new StringBuilder("| # | entity | type | mentions | share of its name's mentions |"
        + (earlier != null ? " before |" : "") + "\n|---|---|---|---|---|" + (earlier != null ? "---|" : "") + "\n");
    double sum = 0;
    double min = 1;
    double earlierSum = 0;
    for (int i = 0; i < shares.size(); i++) {
      Row r = shares.get(i);
      double share = r.getDouble(4);
      sum += share;
      min = Math.min(min, share);
      String was = "";
      if (earlier != null) {
        double e = nameShare(earlier, r.getString(1));
        earlierSum += e;
        was = String.format(Locale.ROOT, " %.3f |", e);
      }
      table.append(String.format(Locale.ROOT, "| %d | %s | %s | %d | %.3f |%s%n", i + 1, r.getString(0),
          r.getString(2), r.getLong(3), share, was));
    }
    System.out.println("ENTITY EVALUATION top entities\n" + table);
    String summary = String.format(Locale.ROOT, "Mean share over the 100 largest entities: %.4f (min %.4f)%s.",
        sum / shares.size(), min,
        earlier != null ? String.format(Locale.ROOT, "; before: %.4f", earlierSum / shares.size()) : "");
    System.out.println("ENTITY EVALUATION " + summary);
    if (output != null && before != null) {
      String checks = String.format(Locale.ROOT, "| check | before | after |%n|---|---|---|%n"
              + "| share of Donald Trump's surface forms (%s) in one entity | %.4f | %.4f |%n"
              + "| entities holding \"Obamacare\" | %d | %d |%n"
              + "| entities holding both George W. Bush and George H.W. Bush | %d | %d |%n"
              + "| \"Mr.\" mentions in women's entities | %d | %d |%n",
          String.join(", ", TRUMP), trumpShare(earlier), trump,
          earlier.filter(col("own_key").equalTo("obamacare")).select("entity_id").distinct().count(), obamacare,
          bothBushes(earlier), bushes, misters(earlier).stream().mapToLong(r -> r.getLong(2)).sum(),
          misters.stream().mapToLong(r -> r.getLong(2)).sum());
      BenchmarkReport.writeSection(Path.of("docs/entities.md"), "# Named entities and name resolution",
          "## Resolution on AllSides (generated)", "Generated by `mvn test -Pshared -Dtest=AllSidesEntityEvaluationTest"
              + " -Dentities.output=OUT -Dentities.before=BEFORE` from two runs of `jobs/allsides.yaml` (all 37,554"
              + " articles): before = the resolution of issue 4 (an entity per name and tagger type), after = this"
              + " one. The share of a name's mentions in its main entity counts the mentions whose own cleaned name"
              + " (titles stripped) is the entity's name.\n\n" + checks + "\n" + summary + "\n\n" + table);
      framingChange(output, before);
    }
    if (output != null) {
      mergePrecision(mentions);
    }

    assertThat(trump).as("share of Donald Trump's surface forms in one entity").isGreaterThanOrEqualTo(0.97);
    assertThat(obamacare).as("entities of Obamacare").isEqualTo(1);
    assertThat(bushes).as("entities holding both George W. Bush and George H.W. Bush").isZero();
    assertThat(misters).as("'Mr.' mentions in women's entities").isEmpty();
  }

  /** The share of the mentions written with one of {@link #TRUMP} that are in their most common entity. */
  static double trumpShare(Dataset<Row> mentions) {
    List<Row> byEntity = mentions.filter(col("surface").isin(TRUMP.toArray())).groupBy("entity_id").count()
        .orderBy(desc("count")).collectAsList();
    long all = byEntity.stream().mapToLong(r -> r.getLong(1)).sum();
    return all == 0 ? 0 : (double) byEntity.get(0).getLong(1) / all;
  }

  /**
   * Merge precision on the labelled sample (src/test/resources/entities/allsides-merges.tsv): mentions that a run of
   * this resolution had merged (linked to another name, or across tagger types), each labelled by reading its
   * article: same (it names that entity) or different. A labelled mention counts while this output still puts it
   * in the entity it was labelled for; precision = same / (same + different), unclear left out. Half A of the
   * sample was drawn from the articles the rules were tuned on, half B from the others.
   */
  private void mergePrecision(Dataset<Row> mentions) throws IOException {
    List<String> lines = java.nio.file.Files.readAllLines(Path.of("src/test/resources/entities/allsides-merges.tsv"));
    java.util.Map<String, String> current = new java.util.HashMap<>();
    List<String> keys = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t", -1);
      keys.add(f[2] + "|" + f[3] + "|" + f[4]);
    }
    for (Row r : mentions.select(org.apache.spark.sql.functions.concat_ws("|", col("article_id"), col("field"),
            col("char_start").cast("string")).as("k"), col("entity_name"))
        .filter(col("k").isin(keys.toArray())).collectAsList()) {
      current.put(r.getString(0), r.getString(1));
    }
    java.util.Map<String, long[]> counts = new java.util.TreeMap<>(); // key -> {same, different, unclear, moved}
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t", -1); // half, stratum, article_id, field, char_start, surface, entity, label
      String entity = current.get(f[2] + "|" + f[3] + "|" + f[4]);
      int slot = entity == null || !entity.equals(f[6]) ? 3 : switch (f[7]) {
        case "same" -> 0;
        case "different" -> 1;
        default -> 2;
      };
      for (String key : List.of("all", "half " + f[0], "half " + f[0] + ", " + f[1])) {
        counts.computeIfAbsent(key, k -> new long[4])[slot]++;
      }
    }
    StringBuilder md = new StringBuilder("| sample | same | different | unclear | no longer so merged | precision |\n"
        + "|---|---|---|---|---|---|\n");
    counts.forEach((key, c) -> md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.3f |%n", key, c[0],
        c[1], c[2], c[3], (double) c[0] / Math.max(1, c[0] + c[1]))));
    System.out.println("ENTITY EVALUATION merge precision\n" + md);
    BenchmarkReport.writeSection(Path.of("docs/entities.md"), "# Named entities and name resolution",
        "## Merge precision on AllSides (generated)", "Generated by `mvn test -Pshared"
            + " -Dtest=AllSidesEntityEvaluationTest -Dentities.output=OUT` on a run of `jobs/allsides.yaml`; the sample"
            + " and how it was drawn and labelled: \"Labelled merges\" above.\n\n" + md);
    long[] report = counts.get("half B");
    assertThat((double) report[0] / (report[0] + report[1])).as("merge precision on the report half")
        .isGreaterThanOrEqualTo(0.97);
  }

  /** Entities that hold both George W. Bush and George H.W. Bush (written so). */
  static long bothBushes(Dataset<Row> mentions) {
    return mentions.filter(col("own_key").isin("george w bush", "george hw bush"))
        .groupBy("entity_id").agg(countDistinct("own_key").as("forms")).filter(col("forms").gt(1)).count();
  }

  /** (entity name, surface, mentions) of the "Mr." mentions in the entities of {@link #WOMEN}. */
  static List<Row> misters(Dataset<Row> mentions) {
    return mentions.filter(col("surface").rlike("^Mr\\.? "))
        .filter(lower(col("entity_name")).isin(WOMEN.toArray()))
        .groupBy("entity_name", "surface").count().collectAsList();
  }

  /**
   * docs/framing-evaluation.md: the 20 entities in most articles after, with their share of articles (attention)
   * before and after, and the 20 strongest document-level pairs after, with their counts before.
   */
  private void framingChange(String output, String before) throws IOException {
    Dataset<Row> after = spark.read().parquet(output + "/entities");
    Dataset<Row> earlier = spark.read().parquet(before + "/entities");
    long articles = spark.read().parquet(output + "/entity_mentions").select("article_id").distinct().count();
    StringBuilder md = new StringBuilder("Two runs of `jobs/allsides.yaml` (37,554 articles) before and after"
        + " resolution by evidence (issue 25; docs/entities.md), `mvn test -Pshared"
        + " -Dtest=AllSidesEntityEvaluationTest -Dentities.output=OUT -Dentities.before=BEFORE`. Attention = share"
        + " of the canonical articles with entity mentions that mention the entity; before, the entity of the same"
        + " name with the most articles (the others, the same name under other tagger types, are left out as a"
        + " reader of the old table would have).\n\n"
        + "### Attention: the 20 entities in most articles\n\n| # | entity | type | articles before | articles after |"
        + " share before | share after |\n|---|---|---|---|---|---|---|\n");
    List<Row> top = after.orderBy(desc("documents"), col("name")).limit(20).collectAsList();
    int i = 0;
    for (Row r : top) {
      String name = r.getAs("name");
      List<Row> was = earlier.filter(col("name").equalTo(name)).orderBy(desc("documents")).limit(1).collectAsList();
      long b = was.isEmpty() ? 0 : was.get(0).<Long>getAs("documents");
      long a = r.<Long>getAs("documents");
      md.append(String.format(Locale.ROOT, "| %d | %s | %s | %d | %d | %.3f | %.3f |%n", ++i, name,
          r.getAs("entity_type"), b, a, (double) b / articles, (double) a / articles));
    }
    md.append("\n### Co-occurrence: the 20 document-level pairs in most articles (corpus scope)\n\n"
        + "| # | pair | articles before | articles after | NPMI before | NPMI after |\n|---|---|---|---|---|---|\n");
    Dataset<Row> pairsAfter = spark.read().parquet(output + "/cooccurrence")
        .filter("window = 'document' and scope = 'corpus'");
    Dataset<Row> pairsBefore = spark.read().parquet(before + "/cooccurrence")
        .filter("window = 'document' and scope = 'corpus'");
    i = 0;
    for (Row r : pairsAfter.orderBy(desc("n_ab"), col("name_a"), col("name_b")).limit(20).collectAsList()) {
      String a = r.getAs("name_a");
      String b = r.getAs("name_b");
      List<Row> was = pairsBefore.filter(col("name_a").equalTo(a).and(col("name_b").equalTo(b))
              .or(col("name_a").equalTo(b).and(col("name_b").equalTo(a))))
          .orderBy(desc("n_ab")).limit(1).collectAsList();
      md.append(String.format(Locale.ROOT, "| %d | %s + %s | %s | %d | %s | %.3f |%n", ++i, a, b,
          was.isEmpty() ? "–" : String.valueOf(was.get(0).<Long>getAs("n_ab")), r.<Long>getAs("n_ab"),
          was.isEmpty() ? "–" : String.format(Locale.ROOT, "%.3f", was.get(0).<Double>getAs("npmi")),
          r.<Double>getAs("npmi")));
    }
    BenchmarkReport.writeSection(Path.of("docs/framing-evaluation.md"), "# Framing evaluation (generated by `mvn test"
        + " -Pshared -Dtest=FramingEvaluationTest`)", "## AllSides entities before and after resolution by evidence",
        md.toString());
  }

  /**
   * For the {@code n} largest entities: (name, name key, type, mentions, share), the share being that of the
   * mentions whose own cleaned name is the entity's name that are in the entity holding most of them.
   */
  private List<Row> topShares(Dataset<Row> mentions, int n) {
    List<Row> top = mentions.groupBy("entity_id", "entity_name", "entity_type").agg(count(lit(1)).as("n"))
        .orderBy(desc("n"), col("entity_name")).limit(n).collectAsList();
    List<Row> out = new ArrayList<>();
    for (Row r : top) {
      String key = Names.key(r.getString(1));
      out.add(RowFactory.create(r.getString(1), key, r.getString(2), r.getLong(3), nameShare(mentions, key)));
    }
    return out;
  }

  /** The share of the mentions whose own cleaned name has this key that are in their most common entity. */
  static double nameShare(Dataset<Row> mentions, String key) {
    List<Row> byEntity = mentions.filter(col("own_key").equalTo(key)).groupBy("entity_id").count()
        .orderBy(desc("count")).collectAsList();
    long all = byEntity.stream().mapToLong(r -> r.getLong(1)).sum();
    return all == 0 ? 0 : (double) byEntity.get(0).getLong(1) / all;
  }

  /** Up to {@code allsides.articles} AllSides articles of the report half (odd id hash), cleaned as the job does. */
  private Dataset<Row> reportHalf() throws IOException {
    int wanted = Integer.getInteger("allsides.articles", 2000);
    List<Row> rows = new ArrayList<>();
    for (JsonNode a : BenchmarkCorpus.readAllsides(ALLSIDES)) {
      String id = a.get("ID").asText();
      if (Math.floorMod(id.hashCode(), 2) == 1) {
        String title = a.path("title").asText(null);
        rows.add(RowFactory.create("allsides:" + id, a.path("source").asText(null), null,
            title == null ? null : TextCleaner.clean(title), TextCleaner.clean(a.path("content_original").asText(""))));
      }
      if (rows.size() == wanted) {
        break;
      }
    }
    int cores = Runtime.getRuntime().availableProcessors();
    return spark.createDataFrame(rows, EntityBenchmark.ARTICLES).repartition(4 * cores);
  }
}
