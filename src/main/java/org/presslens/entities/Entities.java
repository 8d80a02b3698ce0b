package org.presslens.entities;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.presslens.common.Schemas;
import org.presslens.config.EntitySettings;
import org.presslens.normalize.Articles;

/**
 * Entity stage: mentions tagged and resolved within each canonical article ({@link ExtractMentions}), spelling
 * variants merged across articles under guards ({@link #variants}), stable entity ids, and the two tables.
 */
public final class Entities {
  static final String RESOLVED = "resolved";
  static final String NAME_KEY = "name_key";
  static final String FOLD = "fold";
  static final String CANONICAL_KEY = "canonical_key";
  /** Co-mentioned names kept per name to test shared context. */
  static final int CONTEXT_LIMIT = 200;
  private static final UserDefinedFunction KEY = udf((UDF1<String, String>) Names::key, DataTypes.StringType);
  private static final UserDefinedFunction FOLD_KEY = udf((UDF1<String, String>) Names::fold, DataTypes.StringType);
  private static final UserDefinedFunction TAIL = udf((UDF1<String, String>) key -> {
    List<String> tokens = Names.tokens(key);
    return tokens.size() <= 1 ? key : tokens.get(tokens.size() - 1);
  }, DataTypes.StringType);

  private Entities() {}

  /** Output: the two tables, not yet materialised. */
  public record Result(Dataset<Row> mentions, Dataset<Row> entities) {}

  /** Mentions of the given (canonical) articles, each resolved inside its article. Persist the result. */
  public static Dataset<Row> extract(Dataset<Row> articles, EntitySettings settings) {
    Map<String, String> aliases = new HashMap<>();
    settings.aliases().forEach((form, canonical) -> aliases.put(Names.key(form), canonical));
    return articles.select(Articles.ARTICLE_ID, Articles.OUTLET, Articles.PUBLISHED_DATE, Articles.TITLE,
            Articles.TEXT)
        .flatMap(new ExtractMentions(aliases), Encoders.row(ExtractMentions.SCHEMA))
        .withColumn(NAME_KEY, KEY.apply(col(RESOLVED)));
  }

  /** {@link #extract}'s output schema: the raw mentions that incremental runs keep as state. */
  public static StructType extractedSchema() {
    return ExtractMentions.SCHEMA.add(NAME_KEY, DataTypes.StringType);
  }

  /** Entity ids (with cross-article variants merged) and the two tables, from {@link #extract}'s output. */
  public static Result tables(Dataset<Row> extracted) {
    // Each step is checkpointed (materialised, lineage cut): the steps join the mentions with themselves
    // several times, and one plan over all of them takes Spark's planner minutes.
    Dataset<Row> folded = apply(extracted, variants(extracted).localCheckpoint(), "transliteration")
        .localCheckpoint();
    Dataset<Row> linked = apply(folded, surnames(folded).localCheckpoint(), "short_form")
        .withColumn(EntityMentions.ENTITY_ID,
            substring(sha2(concat_ws("|", col(EntityMentions.ENTITY_TYPE), col(NAME_KEY)), 256), 1, 16))
        .localCheckpoint();
    // the entity's name: its most frequent resolved form (longest, then alphabetical, on a tie)
    Dataset<Row> names = linked.groupBy(EntityMentions.ENTITY_ID, RESOLVED).agg(count(lit(1)).as("n"))
        .withColumn("rank", row_number().over(Window.partitionBy(EntityMentions.ENTITY_ID)
            .orderBy(desc("n"), length(col(RESOLVED)).desc(), col(RESOLVED))))
        .filter(col("rank").equalTo(1))
        .select(col(EntityMentions.ENTITY_ID), col(RESOLVED).as(EntityMentions.ENTITY_NAME));
    Dataset<Row> mentions = linked.join(names, EntityMentions.ENTITY_ID).localCheckpoint();
    Dataset<Row> forms = mentions.groupBy(EntityMentions.ENTITY_ID, EntityMentions.SURFACE).agg(count(lit(1)).as("n"))
        .withColumn("rank", row_number().over(Window.partitionBy(EntityMentions.ENTITY_ID)
            .orderBy(desc("n"), col(EntityMentions.SURFACE))))
        .filter(col("rank").leq(5))
        .groupBy(EntityMentions.ENTITY_ID)
        .agg(org.apache.spark.sql.functions.sort_array(collect_list(struct(col("rank"), col(EntityMentions.SURFACE))))
            .getField(EntityMentions.SURFACE).as(EntityTable.TOP_SURFACE_FORMS));
    Dataset<Row> entities = mentions.groupBy(EntityMentions.ENTITY_ID, EntityMentions.ENTITY_NAME,
            EntityMentions.ENTITY_TYPE)
        .agg(count(lit(1)).as(EntityTable.MENTIONS), countDistinct(EntityMentions.ARTICLE_ID).as(EntityTable.DOCUMENTS),
            countDistinct(EntityMentions.OUTLET).as(EntityTable.OUTLETS),
            min(EntityMentions.PUBLISHED_DATE).as(EntityTable.FIRST_SEEN),
            max(EntityMentions.PUBLISHED_DATE).as(EntityTable.LAST_SEEN))
        .withColumnRenamed(EntityMentions.ENTITY_NAME, EntityTable.NAME)
        .join(forms, EntityMentions.ENTITY_ID);
    return new Result(Schemas.conform(mentions, EntityMentions.SCHEMA, EntityMentions.TABLE),
        Schemas.conform(entities, EntityTable.SCHEMA, EntityTable.TABLE));
  }

  /**
   * Mentions with their name key replaced through a (entity_type, name_key, canonical_key) mapping; a mention
   * that was linked exactly in its article takes {@code method} as its link method.
   */
  static Dataset<Row> apply(Dataset<Row> mentions, Dataset<Row> mapping, String method) {
    return mentions.join(mapping, Schemas.columns(EntityMentions.ENTITY_TYPE, NAME_KEY), "left")
        .withColumn(EntityMentions.LINK_METHOD, when(col(CANONICAL_KEY).isNotNull()
            .and(col(CANONICAL_KEY).notEqual(col(NAME_KEY)))
            .and(col(EntityMentions.LINK_METHOD).isin("exact", "alias")), lit(method))
            .otherwise(col(EntityMentions.LINK_METHOD)))
        .withColumn(NAME_KEY, coalesce(col(CANONICAL_KEY), col(NAME_KEY)))
        .drop(CANONICAL_KEY);
  }

  /** For each (entity_type, name_key) of {@code keys}: up to {@link #CONTEXT_LIMIT} names mentioned with it. */
  static Dataset<Row> context(Dataset<Row> mentions, Dataset<Row> keys) {
    Dataset<Row> docs = mentions.select(col(EntityMentions.ARTICLE_ID),
        concat_ws("|", col(EntityMentions.ENTITY_TYPE), col(NAME_KEY)).as("other")).distinct();
    return mentions.select(EntityMentions.ARTICLE_ID, EntityMentions.ENTITY_TYPE, NAME_KEY).distinct()
        .join(keys.select(EntityMentions.ENTITY_TYPE, NAME_KEY).distinct(),
            Schemas.columns(EntityMentions.ENTITY_TYPE, NAME_KEY))
        .join(docs, EntityMentions.ARTICLE_ID)
        .filter(col("other").notEqual(concat_ws("|", col(EntityMentions.ENTITY_TYPE), col(NAME_KEY))))
        .groupBy(EntityMentions.ENTITY_TYPE, NAME_KEY)
        .agg(org.apache.spark.sql.functions.slice(collect_set("other"), 1, CONTEXT_LIMIT).as("context"));
  }

  /**
   * Surnames across articles: a one-word PERSON name ("Assad" in an article that never gives the full name)
   * joins the one full PERSON name ending with it, when that full name is at least twice as mentioned as any
   * other full name ending with it and the two share context (a name mentioned with each). Output:
   * (entity_type, name_key, canonical_key).
   */
  static Dataset<Row> surnames(Dataset<Row> mentions) {
    Dataset<Row> names = mentions.filter(col(EntityMentions.ENTITY_TYPE).equalTo(NerBackend.PERSON))
        .groupBy(EntityMentions.ENTITY_TYPE, NAME_KEY).agg(count(lit(1)).as("n"))
        .withColumn("tail", TAIL.apply(col(NAME_KEY)));
    Dataset<Row> singles = names.filter(col("tail").equalTo(col(NAME_KEY)));
    Dataset<Row> fulls = names.filter(col("tail").notEqual(col(NAME_KEY)))
        .select(col(EntityMentions.ENTITY_TYPE), col("tail"), col(NAME_KEY).as(CANONICAL_KEY), col("n").as("full_n"));
    Dataset<Row> candidates = singles.select(col(EntityMentions.ENTITY_TYPE), col(NAME_KEY), col("tail"))
        .join(fulls, Schemas.columns(EntityMentions.ENTITY_TYPE, "tail"))
        .withColumn("rank", row_number().over(Window.partitionBy(EntityMentions.ENTITY_TYPE, NAME_KEY)
            .orderBy(desc("full_n"), col(CANONICAL_KEY))))
        .withColumn("next_n", org.apache.spark.sql.functions.lead("full_n", 1).over(
            Window.partitionBy(EntityMentions.ENTITY_TYPE, NAME_KEY).orderBy(desc("full_n"), col(CANONICAL_KEY))))
        .filter(col("rank").equalTo(1).and(col("next_n").isNull().or(col("full_n").geq(col("next_n").multiply(2)))));
    Dataset<Row> keys = candidates.select(EntityMentions.ENTITY_TYPE, NAME_KEY)
        .union(candidates.select(col(EntityMentions.ENTITY_TYPE), col(CANONICAL_KEY).as(NAME_KEY)));
    Dataset<Row> context = context(mentions, keys);
    Dataset<Row> fullContext = context.select(col(EntityMentions.ENTITY_TYPE), col(NAME_KEY).as(CANONICAL_KEY),
        col("context").as("full_context"));
    return candidates.join(context, Schemas.columns(EntityMentions.ENTITY_TYPE, NAME_KEY))
        .join(fullContext, Schemas.columns(EntityMentions.ENTITY_TYPE, CANONICAL_KEY))
        .filter(org.apache.spark.sql.functions.arrays_overlap(col("context"), col("full_context")))
        .select(EntityMentions.ENTITY_TYPE, NAME_KEY, CANONICAL_KEY);
  }

  /**
   * Spelling variants across articles ("Sergei Lavrov" / "Sergey Lavrov", "Bashar al-Assad" / "Bashar Assad"):
   * names of one type with the same {@link Names#fold} are merged when they share context, that is when some
   * other entity name is mentioned in an article with each of them. Each merged group takes its most mentioned
   * name. Output: (entity_type, name_key, canonical_key) for the names that have variants.
   */
  static Dataset<Row> variants(Dataset<Row> extracted) {
    Dataset<Row> names = extracted.groupBy(EntityMentions.ENTITY_TYPE, NAME_KEY).agg(count(lit(1)).as("n"))
        .withColumn(FOLD, FOLD_KEY.apply(col(NAME_KEY)));
    Dataset<Row> candidates = names.join(names.groupBy(EntityMentions.ENTITY_TYPE, FOLD)
            .agg(countDistinct(NAME_KEY).as("variants")).filter(col("variants").gt(1)),
        Schemas.columns(EntityMentions.ENTITY_TYPE, FOLD));
    Dataset<Row> context = context(extracted, candidates);
    StructType out = new StructType().add(EntityMentions.ENTITY_TYPE, DataTypes.StringType)
        .add(NAME_KEY, DataTypes.StringType).add(CANONICAL_KEY, DataTypes.StringType);
    return candidates.join(context, Schemas.columns(EntityMentions.ENTITY_TYPE, NAME_KEY), "left")
        .groupBy(EntityMentions.ENTITY_TYPE, FOLD)
        .agg(collect_list(struct(col(NAME_KEY), col("n"), col("context"))).as("names"))
        .flatMap(Entities::mergeVariants, Encoders.row(out));
  }

  /** One fold group: union names that share a context name; each union maps to its most mentioned name. */
  static java.util.Iterator<Row> mergeVariants(Row group) {
    String type = group.getAs(EntityMentions.ENTITY_TYPE);
    List<Row> members = group.getList(group.fieldIndex("names"));
    int size = members.size();
    int[] parent = new int[size];
    List<Set<String>> contexts = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      parent[i] = i;
      List<String> context = members.get(i).isNullAt(2) ? List.of() : members.get(i).getList(2);
      contexts.add(new HashSet<>(context));
    }
    for (int i = 0; i < size; i++) {
      for (int j = i + 1; j < size; j++) {
        if (contexts.get(i).stream().anyMatch(contexts.get(j)::contains)) {
          parent[find(parent, i)] = find(parent, j);
        }
      }
    }
    Map<Integer, Integer> best = new HashMap<>();
    for (int i = 0; i < size; i++) {
      int root = find(parent, i);
      Integer current = best.get(root);
      if (current == null || members.get(i).getLong(1) > members.get(current).getLong(1)
          || (members.get(i).getLong(1) == members.get(current).getLong(1)
              && members.get(i).getString(0).compareTo(members.get(current).getString(0)) < 0)) {
        best.put(root, i);
      }
    }
    List<Row> out = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      out.add(RowFactory.create(type, members.get(i).getString(0), members.get(best.get(find(parent, i))).getString(0)));
    }
    return out.iterator();
  }

  private static int find(int[] parent, int x) {
    while (parent[x] != x) {
      x = parent[x];
    }
    return x;
  }
}
