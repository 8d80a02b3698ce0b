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
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.presslens.config.EntitySettings;
import org.presslens.dedup.bench.BenchmarkCorpus;
import org.presslens.entities.Entities;
import org.presslens.entities.Names;
import org.presslens.normalize.Articles;
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
  private static final StructType ARTICLES = new StructType().add(Articles.ARTICLE_ID, DataTypes.StringType)
      .add(Articles.OUTLET, DataTypes.StringType).add(Articles.PUBLISHED_DATE, DataTypes.DateType)
      .add(Articles.TITLE, DataTypes.StringType).add(Articles.TEXT, DataTypes.StringType);
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
      "mitt romney's wife", "ann romney", "jill biden", "karen pence", "heidi cruz", "linda sarsour", "greta thunberg");

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
    long bushes = mentions.filter(col("own_key").isin("george w bush", "george hw bush"))
        .groupBy("entity_id").agg(countDistinct("own_key").as("forms")).filter(col("forms").gt(1)).count();
    Dataset<Row> women = women(mentions);
    List<Row> misters = mentions.filter(col("surface").rlike("^Mr\\.? "))
        .join(women, "entity_id").groupBy("entity_name", "surface").count().collectAsList();
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
    System.out.printf(Locale.ROOT, "ENTITY EVALUATION mean share %.4f (min %.4f)%s%n", sum / shares.size(), min,
        earlier != null ? String.format(Locale.ROOT, ", before %.4f", earlierSum / shares.size()) : "");

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

  /** Entities of women: named in {@link #WOMEN}, or of gender F when the table has it. */
  private static Dataset<Row> women(Dataset<Row> mentions) {
    Dataset<Row> named = mentions.filter(lower(col("entity_name")).isin(WOMEN.toArray())).select("entity_id");
    return named.distinct();
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
    return spark.createDataFrame(rows, ARTICLES).repartition(4 * cores);
  }
}
