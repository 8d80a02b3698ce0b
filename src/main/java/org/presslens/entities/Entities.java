package org.presslens.entities;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
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
import org.apache.spark.sql.Column;
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
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Entities.class);
  static final String RESOLVED = "resolved";
  static final String NAME_KEY = "name_key";
  static final String FOLD = "fold";
  static final String CANONICAL_KEY = "canonical_key";
  /** Co-mentioned names kept per name to test shared context. */
  static final int CONTEXT_LIMIT = 200;
  private static final UserDefinedFunction KEY = udf((UDF1<String, String>) Names::key, DataTypes.StringType);
  private static final UserDefinedFunction FOLD_KEY = udf((UDF1<String, String>) Names::fold, DataTypes.StringType);
  private static final UserDefinedFunction BARE =
      udf((UDF1<String, String>) Names::withoutMiddleInitials, DataTypes.StringType);
  private static final UserDefinedFunction CLEAN = udf((UDF1<String, String>) Names::clean, DataTypes.StringType);
  private static final UserDefinedFunction TITLED =
      udf((UDF1<String, Boolean>) surface -> !Names.honorifics(surface).isEmpty(), DataTypes.BooleanType);
  static final String EVIDENCE = "evidence";
  /** {@link #initials}: the share of a bare name's initialed mentions that one set of initials must have. */
  static final double INITIAL_DOMINANCE = 0.9;
  /** {@link #unlinkRare}: how much more often a name must be mentioned than the rare longer name it was linked to. */
  static final long UNLINK_RATIO = 20;
  /** {@link #unlinkRare}: the full PERSON names (each mentioned this often) a given name must start. */
  static final long GIVEN_NAMES = 3;
  /** {@link #referents}: the share of a one-word name's mentions its full name must be linked from. */
  static final double REFERENT_SHARE = 0.5;
  /** {@link #applyReferents}: the characteristic names of a referent, one of which the article must mention. */
  static final int CONTEXT_NAMES = 50;
  /** {@link #referentArticles}: the articles that must link the one-word name to its full name. */
  static final long REFERENT_ARTICLES = 5;
  /**
   * {@link #applyReferents}: the least share of a context name's articles that must also name the referent, for
   * that name to tell the referent: "Fox" or "United States" in the article says nothing about which Cavuto or
   * Brennan it means.
   */
  static final double CONTEXT_LIFT = 0.1;
  /** {@link #genders}: the votes a gender needs. */
  static final long GENDER_VOTES = 3;

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

  /**
   * Entity ids and the two tables, from {@link #extract}'s output. Across articles, in order: spelling variants
   * ({@link #variants}), middle initials ({@link #initials}), in-article links into a rare longer name undone ({@link #unlinkRare}), mentions whose gender contradicts their person's taken
   * back ({@link #genderCheck}), then the corpus referent of one-word names ({@link #referents}).
   * An entity is a resolved name, whatever type the tagger gave each mention; its type is decided by the mentions'
   * votes ({@link #types}).
   */
  public static Result tables(Dataset<Row> extracted) {
    // The mentions are materialised twice: once with the name-level mappings (variants, initials) applied through
    // broadcast joins, and once at the end with their entity. Each step in between materialises only the mentions
    // it can change (changeOnly) and takes the others from the step before by a filter. Materialised by a local
    // checkpoint (not persist): it cuts the lineage, and its data has the partitions adaptive execution coalesced.
    // each step's time is logged: the steps are eager (their checkpoints run them)
    Dataset<Row> spellings = timed("spelling variants", () -> variants(extracted).localCheckpoint());
    // the mentions per name after the spelling variants, from the counts per name before them
    Dataset<Row> bareNames = timed("middle initials", () -> initials(extracted.groupBy(NAME_KEY)
        .agg(count(lit(1)).as("n"))
        .join(org.apache.spark.sql.functions.broadcast(spellings.select(NAME_KEY, CANONICAL_KEY)),
            Schemas.columns(NAME_KEY), "left")
        .groupBy(coalesce(col(CANONICAL_KEY), col(NAME_KEY)).as(NAME_KEY))
        .agg(org.apache.spark.sql.functions.sum("n").as("n"))).localCheckpoint());
    Dataset<Row> base = timed("mappings applied", () -> apply(apply(extracted, spellings, "transliteration"),
        bareNames, "initial").localCheckpoint());
    Dataset<Row> split = timed("rare links undone", () -> unlinkRare(base));
    Dataset<Row> gendered = timed("gender check", () -> genderCheck(split));
    Dataset<Row> mapping = timed("corpus referents", () -> referents(gendered).localCheckpoint());
    Dataset<Row> referred = timed("corpus referents applied", () -> applyReferents(gendered, mapping));
    // per name: its type, gender, entity id and entity name, joined to the mentions once
    Dataset<Row> perName = timed("types and names", () -> types(referred).join(entityNames(referred), NAME_KEY)
        .withColumn(EntityMentions.ENTITY_ID, substring(sha2(col(NAME_KEY), 256), 1, 16))
        .localCheckpoint());
    Dataset<Row> mentions = timed("entity joined", () -> referred.drop(EntityMentions.ENTITY_TYPE)
        .join(perName, NAME_KEY).localCheckpoint());
    Dataset<Row> forms = mentions.groupBy(EntityMentions.ENTITY_ID, EntityMentions.SURFACE).agg(count(lit(1)).as("n"))
        .withColumn("rank", row_number().over(Window.partitionBy(EntityMentions.ENTITY_ID)
            .orderBy(desc("n"), col(EntityMentions.SURFACE))))
        .filter(col("rank").leq(5))
        .groupBy(EntityMentions.ENTITY_ID)
        .agg(org.apache.spark.sql.functions.sort_array(collect_list(struct(col("rank"), col(EntityMentions.SURFACE))))
            .getField(EntityMentions.SURFACE).as(EntityTable.TOP_SURFACE_FORMS));
    Dataset<Row> entities = mentions.groupBy(EntityMentions.ENTITY_ID, EntityMentions.ENTITY_NAME,
            EntityMentions.ENTITY_TYPE, EntityTable.TYPE_SHARE, EntityTable.GENDER)
        .agg(count(lit(1)).as(EntityTable.MENTIONS), countDistinct(EntityMentions.ARTICLE_ID).as(EntityTable.DOCUMENTS),
            countDistinct(EntityMentions.OUTLET).as(EntityTable.OUTLETS),
            min(EntityMentions.PUBLISHED_DATE).as(EntityTable.FIRST_SEEN),
            max(EntityMentions.PUBLISHED_DATE).as(EntityTable.LAST_SEEN))
        .withColumnRenamed(EntityMentions.ENTITY_NAME, EntityTable.NAME)
        .join(forms, EntityMentions.ENTITY_ID);
    return new Result(Schemas.conform(mentions, EntityMentions.SCHEMA, EntityMentions.TABLE),
        Schemas.conform(entities, EntityTable.SCHEMA, EntityTable.TABLE));
  }

  /** Runs an eager step and logs its time (the step names are those of docs/entities.md). */
  private static Dataset<Row> timed(String step, java.util.function.Supplier<Dataset<Row>> run) {
    long start = System.nanoTime();
    Dataset<Row> out = run.get();
    LOG.info("entity resolution: {} {} s", step, String.format(java.util.Locale.ROOT, "%.1f",
        (System.nanoTime() - start) / 1e9));
    return out;
  }

  /**
   * Mentions with their name key replaced through a (name_key, canonical_key, evidence) mapping, which is
   * broadcast (it holds only the names that have a canonical name); a mention that was linked exactly in its article
   * takes {@code method} and the mapping's evidence.
   */
  static Dataset<Row> apply(Dataset<Row> mentions, Dataset<Row> mapping, String method) {
    Dataset<Row> mapped = mentions.join(org.apache.spark.sql.functions.broadcast(mapping), Schemas.columns(NAME_KEY),
        "left");
    Column relinked = col(CANONICAL_KEY).isNotNull().and(col(CANONICAL_KEY).notEqual(col(NAME_KEY)))
        .and(col(EntityMentions.LINK_METHOD).isin("exact", "alias"));
    return mapped
        .withColumn(EntityMentions.LINK_EVIDENCE, when(relinked, col(EVIDENCE))
            .otherwise(col(EntityMentions.LINK_EVIDENCE)))
        .withColumn(EntityMentions.LINK_METHOD, when(relinked, lit(method)).otherwise(col(EntityMentions.LINK_METHOD)))
        .withColumn(NAME_KEY, coalesce(col(CANONICAL_KEY), col(NAME_KEY)))
        .drop(CANONICAL_KEY, EVIDENCE);
  }

  /** For each name_key of {@code keys}: up to {@link #CONTEXT_LIMIT} other names mentioned with it. */
  static Dataset<Row> context(Dataset<Row> mentions, Dataset<Row> keys) {
    Dataset<Row> docs = mentions.select(col(EntityMentions.ARTICLE_ID), col(NAME_KEY).as("other")).distinct();
    return mentions.select(EntityMentions.ARTICLE_ID, NAME_KEY).distinct()
        .join(keys.select(NAME_KEY).distinct(), NAME_KEY)
        .join(docs, EntityMentions.ARTICLE_ID)
        .filter(col("other").notEqual(col(NAME_KEY)))
        .groupBy(NAME_KEY)
        .agg(org.apache.spark.sql.functions.slice(collect_set("other"), 1, CONTEXT_LIMIT).as("context"));
  }

  /**
   * Middle initials across articles: a name with middle initials ("donald j trump") joins the same name without
   * them ("donald trump") when that name is mentioned and the initials are, with at least
   * {@link #INITIAL_DOMINANCE} of the mentions, the only ones written with it ("george w bush" and "george hw
   * bush" both stay themselves). Input: (name_key, n), the mentions per name. Output: (name_key, canonical_key,
   * evidence).
   */
  static Dataset<Row> initials(Dataset<Row> counts) {
    Dataset<Row> names = counts.withColumn("bare", BARE.apply(col(NAME_KEY)));
    Dataset<Row> bare = names.filter(col("bare").equalTo(col(NAME_KEY))).select(col(NAME_KEY).as("bare"),
        col("n").as("bare_n"));
    Dataset<Row> initialed = names.filter(col("bare").notEqual(col(NAME_KEY)))
        .withColumn("group_n", org.apache.spark.sql.functions.sum("n").over(Window.partitionBy("bare")));
    return initialed.join(bare, "bare")
        .filter(col("n").geq(col("group_n").multiply(INITIAL_DOMINANCE)))
        .select(col(NAME_KEY), col("bare").as(CANONICAL_KEY),
            concat(lit("'"), col(NAME_KEY), lit("' is the only initialed form of '"), col("bare"), lit("' ("),
                col("n"), lit(" of "), col("group_n"), lit(" initialed mentions)")).as(EVIDENCE));
  }

  /**
   * In-article links into a rare longer name undone: a tagger's span that ran words or another name into a name
   * ("Repealing Obamacare", "Roger Penske Trump", "Southern California") takes the article's shorter mentions of
   * that name as its short forms. A short_form link from a name to a longer one goes back to the mention's own
   * name when the own name is mentioned at least {@link #UNLINK_RATIO} times as often across the corpus as the
   * longer one, and the longer one either does not start with a given name (the first word of {@link #GIVEN_NAMES}
   * or more full PERSON names mentioned {@link #GIVEN_NAMES} times or more, and written in them at least as often
   * as alone, as "Eric" or "Fred" are and "Trump" is not: "Eric Trump" keeps its article's "Trump") and is no person of known gender ("Joy-Ann Reid" keeps "Reid"), or runs in
   * another name of two or more words mentioned on its own at least 5 times as often as it ("Paul Ryan Obamacare"),
   * or is only ever written in titles, where title case capitalises every word ("Ryan Dislikes Obamacare"). The longer name stays an entity. Output: the mentions.
   */
  static Dataset<Row> unlinkRare(Dataset<Row> mentions) {
    Dataset<Row> own = mentions.groupBy(col(ExtractMentions.OWN_KEY)).agg(count(lit(1)).as("own_n"));
    Dataset<Row> longer = mentions.groupBy(col(NAME_KEY)).agg(count(lit(1)).as("longer_n"))
        .join(mentions.groupBy(col(ExtractMentions.OWN_KEY).as(NAME_KEY))
            .agg(max(col(EntityMentions.FIELD).notEqual(lit("title"))).as("in_text")), Schemas.columns(NAME_KEY),
            "left")
        .join(genders(mentions).select(col(NAME_KEY), col(EntityTable.GENDER).as("longer_gender")),
            Schemas.columns(NAME_KEY), "left");
    Dataset<Row> prefixes = own.select(col(ExtractMentions.OWN_KEY).as("prefix"), col("own_n").as("prefix_n"));
    Dataset<Row> given = mentions.filter(col(EntityMentions.ENTITY_TYPE).equalTo(NerBackend.PERSON)
            .and(col(NAME_KEY).contains(" ")))
        .groupBy(NAME_KEY).agg(count(lit(1)).as("n")).filter(col("n").geq(GIVEN_NAMES))
        .groupBy(org.apache.spark.sql.functions.substring_index(col(NAME_KEY), " ", 1).as("first_word"))
        .agg(count(lit(1)).as("full_names"), org.apache.spark.sql.functions.sum("n").as("in_full_names"))
        .filter(col("full_names").geq(GIVEN_NAMES))
        .join(own.withColumnRenamed(ExtractMentions.OWN_KEY, "first_word"), Schemas.columns("first_word"), "left")
        // "Trump" starts a few full names but is mostly written alone: a surname, not a given name
        .filter(col("in_full_names").geq(coalesce(col("own_n"), lit(0L))))
        .select(col("first_word"), lit(true).as("is_given"));
    Column rare = col("own_n").geq(col("longer_n").multiply(UNLINK_RATIO));
    Column twoNames = col("prefix").contains(" ").and(coalesce(col("prefix_n"), lit(0L)).geq(col("longer_n").multiply(5)));
    Column person = col("longer_gender").isNotNull();
    Column headline = org.apache.spark.sql.functions.not(coalesce(col("in_text"), lit(false)));
    Column undo = rare
        .and(col("is_given").isNull().and(org.apache.spark.sql.functions.not(person)).or(twoNames).or(headline));
    // only short_form links can be undone
    Column shortForm = col(EntityMentions.LINK_METHOD).equalTo("short_form");
    return changeOnly(mentions, shortForm, linked -> linked.join(own, Schemas.columns(ExtractMentions.OWN_KEY), "left")
        .join(longer, Schemas.columns(NAME_KEY), "left")
        .withColumn("first_word", org.apache.spark.sql.functions.substring_index(col(NAME_KEY), " ", 1))
        .join(given, Schemas.columns("first_word"), "left")
        .withColumn("prefix", org.apache.spark.sql.functions.expr(
            "substring(" + NAME_KEY + ", 1, greatest(length(" + NAME_KEY + ") - length(" + ExtractMentions.OWN_KEY
                + ") - 1, 0))"))
        .join(prefixes, Schemas.columns("prefix"), "left")
        .withColumn("undo", undo)
        .withColumn(EntityMentions.LINK_EVIDENCE, when(col("undo"), concat(lit("not '"), col(NAME_KEY),
                lit("', which its article linked it to: '"), col(ExtractMentions.OWN_KEY), lit("' has "),
                col("own_n"), lit(" mentions, that name "), col("longer_n"), lit(", and '"), col("prefix"),
                when(col("is_given").isNull(), lit("' starts with no given name"))
                    .when(headline, lit("' is only ever written in titles"))
                    .otherwise(concat(lit("' is a name of its own ("), col("prefix_n"), lit(" mentions)")))))
            .otherwise(col(EntityMentions.LINK_EVIDENCE)))
        .withColumn(EntityMentions.LINK_METHOD, when(col("undo"), lit("exact"))
            .otherwise(col(EntityMentions.LINK_METHOD)))
        .withColumn(RESOLVED, when(col("undo"), CLEAN.apply(col(EntityMentions.SURFACE))).otherwise(col(RESOLVED)))
        .withColumn(NAME_KEY, when(col("undo"), col(ExtractMentions.OWN_KEY)).otherwise(col(NAME_KEY)))
        .drop("own_n", "longer_n", "in_text", "longer_gender", "first_word", "is_given", "prefix", "prefix_n", "undo"));
  }

  /**
   * The mentions with {@code change} applied to those where {@code affected} holds (null counts as false); the
   * others skip it and its joins. Only the changed mentions are materialised; the others stay a filter of {@code
   * mentions}. {@code change} must keep the columns.
   */
  static Dataset<Row> changeOnly(Dataset<Row> mentions, Column affected,
      java.util.function.UnaryOperator<Dataset<Row>> change) {
    Column is = coalesce(affected, lit(false));
    Dataset<Row> changed = change.apply(mentions.filter(is)).localCheckpoint();
    return mentions.filter(org.apache.spark.sql.functions.not(is)).unionByName(changed);
  }

  /**
   * The corpus referent of one-word names: a one-word name that its article leaves unresolved ("Trump" in an
   * article that never writes the full name) joins the full name it is linked to in the other articles, when
   * that full name takes at least {@link #REFERENT_SHARE} of all its mentions (linked or not) and twice as many
   * links as the next full name, in at least {@link #referentArticles} articles, and is not known to be of the
   * other gender than the mention's honorific says. Output: (name_key, honorific_gender, canonical_key, evidence),
   * honorific_gender "" for none.
   */
  static Dataset<Row> referents(Dataset<Row> mentions) {
    Dataset<Row> genders = genders(mentions);
    Column single = org.apache.spark.sql.functions.not(col(ExtractMentions.OWN_KEY).contains(" "));
    Dataset<Row> links = mentions.filter(col(EntityMentions.LINK_METHOD).equalTo("short_form").and(single))
        .groupBy(col(ExtractMentions.OWN_KEY), col(NAME_KEY).as(CANONICAL_KEY))
        .agg(count(lit(1)).as("links"), countDistinct(EntityMentions.ARTICLE_ID).as("articles"))
        .join(genders.withColumnRenamed(NAME_KEY, CANONICAL_KEY), Schemas.columns(CANONICAL_KEY), "left")
        .groupBy(ExtractMentions.OWN_KEY)
        .agg(collect_list(struct(col(CANONICAL_KEY), col("links"), col("articles"), col(EntityTable.GENDER)))
            .as("candidates"));
    Dataset<Row> unlinked = mentions.filter(org.apache.spark.sql.functions.not(col(NAME_KEY).contains(" ")))
        .groupBy(col(NAME_KEY).as(ExtractMentions.OWN_KEY),
            coalesce(col(ExtractMentions.HONORIFIC_GENDER), lit("")).as(ExtractMentions.HONORIFIC_GENDER))
        .agg(count(lit(1)).as("unlinked"))
        .withColumn("all_unlinked", org.apache.spark.sql.functions.sum("unlinked")
            .over(Window.partitionBy(ExtractMentions.OWN_KEY)));
    Dataset<Row> written = mentions.filter(single).groupBy(ExtractMentions.OWN_KEY)
        .agg(countDistinct(EntityMentions.ARTICLE_ID).as("name_articles"));
    StructType out = new StructType().add(NAME_KEY, DataTypes.StringType)
        .add(ExtractMentions.HONORIFIC_GENDER, DataTypes.StringType).add(CANONICAL_KEY, DataTypes.StringType)
        .add(EVIDENCE, DataTypes.StringType);
    return unlinked.join(links, ExtractMentions.OWN_KEY).join(written, ExtractMentions.OWN_KEY)
        .flatMap(Entities::referent, Encoders.row(out));
  }

  /**
   * The articles that must link a one-word name to its full name: {@link #REFERENT_ARTICLES}, or in a small corpus
   * {@link #REFERENT_SHARE} of the {@code nameArticles} articles that write the one-word name (at least 2).
   */
  static long referentArticles(long nameArticles) {
    return Math.min(REFERENT_ARTICLES, Math.max(2, (long) Math.ceil(REFERENT_SHARE * nameArticles)));
  }

  /** {@link #referents} for one (one-word name, honorific gender). */
  static java.util.Iterator<Row> referent(Row row) {
    String key = row.getAs(ExtractMentions.OWN_KEY);
    String gender = row.getAs(ExtractMentions.HONORIFIC_GENDER);
    long unlinked = row.<Long>getAs("all_unlinked");
    long nameArticles = row.<Long>getAs("name_articles");
    List<Row> candidates = new ArrayList<>(row.getList(row.fieldIndex("candidates")));
    candidates.removeIf(c -> !gender.isEmpty() && !c.isNullAt(3) && !c.getString(3).equals(gender));
    candidates.sort((a, b) -> Long.compare(b.getLong(1), a.getLong(1)));
    long links = candidates.stream().mapToLong(c -> c.getLong(1)).sum();
    if (candidates.isEmpty()) {
      return java.util.Collections.emptyIterator();
    }
    Row best = candidates.get(0);
    long next = candidates.size() > 1 ? candidates.get(1).getLong(1) : 0;
    boolean dominant = best.getLong(1) >= REFERENT_SHARE * (links + unlinked) && best.getLong(1) >= 2 * next
        && best.getLong(2) >= referentArticles(nameArticles);
    if (!dominant) {
      return java.util.Collections.emptyIterator();
    }
    String evidence = String.format(java.util.Locale.ROOT,
        "'%s' is linked to '%s' in %d articles: %d of its %d mentions across articles (next full name: %d)",
        key, best.getString(0), best.getLong(2), best.getLong(1), links + unlinked, next);
    return List.of(RowFactory.create(key, gender, best.getString(0), evidence)).iterator();
  }

  /**
   * Mentions through {@link #referents}' mapping, by one-word name and honorific gender, when the mention's article
   * names one of the referent's {@link #CONTEXT_NAMES} most characteristic co-mentioned names ({@link
   * #referentContext}), other than the one-word name itself, in whose articles the referent is named at least
   * {@link #CONTEXT_LIFT} of the time: "Schiff" in an article about Florida consultants stays "Schiff".
   */
  static Dataset<Row> applyReferents(Dataset<Row> mentions, Dataset<Row> mapping) {
    Dataset<Row> articleNames = mentions.groupBy(EntityMentions.ARTICLE_ID)
        .agg(collect_set(NAME_KEY).as("article_names"));
    Dataset<Row> context = referentContext(mentions, articleNames,
        mapping.select(col(CANONICAL_KEY).as(NAME_KEY)).distinct());
    Column fits = org.apache.spark.sql.functions.arrays_overlap(
        org.apache.spark.sql.functions.array_remove(col("article_names"), col(NAME_KEY)),
        org.apache.spark.sql.functions.array_remove(col("referent_context"), col(NAME_KEY)));
    Column relinked = coalesce(fits, lit(false));
    Dataset<Row> keyed = mentions.withColumn("gender_key", coalesce(col(ExtractMentions.HONORIFIC_GENDER), lit("")))
        .join(org.apache.spark.sql.functions.broadcast(
            mapping.withColumnRenamed(ExtractMentions.HONORIFIC_GENDER, "gender_key")),
            Schemas.columns(NAME_KEY, "gender_key"), "left");
    Column candidate = col(CANONICAL_KEY).isNotNull()
        .and(col(EntityMentions.LINK_METHOD).isin("exact", "alias", "gender"));
    // a mention taken back by unlinkRare or genderCheck keeps why in its evidence, then gets the referent's; only
    // the mentions the mapping names meet their article's names
    return changeOnly(keyed, candidate, named -> named
        .join(articleNames, Schemas.columns(EntityMentions.ARTICLE_ID), "left")
        .join(context.withColumnRenamed(NAME_KEY, CANONICAL_KEY), Schemas.columns(CANONICAL_KEY), "left")
        .withColumn("relinked", relinked)
        .withColumn(EntityMentions.LINK_EVIDENCE, when(col("relinked").and(col(EntityMentions.LINK_EVIDENCE).isNotNull()),
                concat(col(EntityMentions.LINK_EVIDENCE), lit("; "), col(EVIDENCE)))
            .when(col("relinked"), col(EVIDENCE)).otherwise(col(EntityMentions.LINK_EVIDENCE)))
        .withColumn(EntityMentions.LINK_METHOD, when(col("relinked"), lit("corpus_referent"))
            .otherwise(col(EntityMentions.LINK_METHOD)))
        .withColumn(NAME_KEY, when(col("relinked"), col(CANONICAL_KEY)).otherwise(col(NAME_KEY)))
        .drop("article_names", "referent_context", "relinked"))
        .drop("gender_key", CANONICAL_KEY, EVIDENCE);
  }

  /**
   * For each of {@code targets}' names: the {@link #CONTEXT_NAMES} names most characteristic of the articles that
   * mention it: mentioned with it in 2+ articles, ranked by those articles times the share of their own articles
   * that mention it (a lift weighted by its support, so that neither names everywhere nor names seen twice lead).
   * Output: (name_key, referent_context).
   */
  static Dataset<Row> referentContext(Dataset<Row> mentions, Dataset<Row> articleNames, Dataset<Row> targets) {
    Dataset<Row> pairs = mentions.select(EntityMentions.ARTICLE_ID, NAME_KEY).distinct().join(targets, NAME_KEY)
        .join(articleNames, EntityMentions.ARTICLE_ID)
        .select(col(NAME_KEY), org.apache.spark.sql.functions.explode(col("article_names")).as("other"))
        .filter(col("other").notEqual(col(NAME_KEY)))
        .groupBy(NAME_KEY, "other").agg(count(lit(1)).as("together")).filter(col("together").geq(2));
    Dataset<Row> spread = mentions.select(col(EntityMentions.ARTICLE_ID), col(NAME_KEY).as("other")).distinct()
        .groupBy("other").agg(count(lit(1)).as("other_articles"));
    return pairs.join(spread, "other")
        .withColumn("rank", row_number().over(Window.partitionBy(NAME_KEY)
            .orderBy(col("together").multiply(col("together")).divide(col("other_articles")).desc(), col("other"))))
        .filter(col("rank").leq(CONTEXT_NAMES))
        .filter(col("together").geq(col("other_articles").multiply(CONTEXT_LIFT)))
        .groupBy(NAME_KEY).agg(collect_list("other").as("referent_context"));
  }

  /**
   * Each name's gender as the mentions written with the name itself say it (not those linked to it): their
   * honorifics ("Mr.", "Mrs.", 3 votes each) and the pronoun after each (1 vote). M or F when one side has at least
   * {@link #GENDER_VOTES} votes, twice the other's and no honorific of the other side ("Mr. Watkins" and "Ms. Watkins"
   * make a surname of no gender); else null. Output: (name_key, gender, men, women).
   */
  static Dataset<Row> genders(Dataset<Row> mentions) {
    Column own = col(NAME_KEY).equalTo(col(ExtractMentions.OWN_KEY));
    Column mister = when(col(ExtractMentions.HONORIFIC_GENDER).equalTo(Names.MAN), 1).otherwise(0);
    Column missus = when(col(ExtractMentions.HONORIFIC_GENDER).equalTo(Names.WOMAN), 1).otherwise(0);
    Column he = when(col(ExtractMentions.PRONOUN).equalTo(Names.MAN), 1).otherwise(0);
    Column she = when(col(ExtractMentions.PRONOUN).equalTo(Names.WOMAN), 1).otherwise(0);
    return mentions.filter(own).groupBy(NAME_KEY)
        .agg(org.apache.spark.sql.functions.sum(mister).as("misters"),
            org.apache.spark.sql.functions.sum(missus).as("missuses"),
            org.apache.spark.sql.functions.sum(mister.multiply(3).plus(he)).as("men"),
            org.apache.spark.sql.functions.sum(missus.multiply(3).plus(she)).as("women"))
        .withColumn(EntityTable.GENDER,
            when(col("men").geq(GENDER_VOTES).and(col("men").geq(col("women").multiply(2)))
                .and(col("missuses").equalTo(0)), lit(Names.MAN))
                .when(col("women").geq(GENDER_VOTES).and(col("women").geq(col("men").multiply(2)))
                    .and(col("misters").equalTo(0)), lit(Names.WOMAN)))
        .drop("misters", "missuses");
  }

  /**
   * A mention with a gendered honorific that its article linked to a person of the other gender goes back to its
   * own name, for {@link #referents} to decide: "Mr. Trump" linked to "Melania Trump" in an article that names her
   * alone. The person's gender is what the mentions written with the full name say ({@link #genders}). Pronouns
   * alone are too noisy for this (a "she" after "Trump" is often another person). Output: the mentions.
   */
  static Dataset<Row> genderCheck(Dataset<Row> mentions) {
    Dataset<Row> genders = genders(mentions).select(col(NAME_KEY), col(EntityTable.GENDER).as("entity_gender"),
        col("men"), col("women"));
    Column honorific = col(ExtractMentions.HONORIFIC_GENDER);
    Column gender = col("entity_gender");
    Column linkedTitled = col(NAME_KEY).notEqual(col(ExtractMentions.OWN_KEY))
        .and(col(EntityMentions.LINK_METHOD).isin("short_form", "initial")).and(honorific.isNotNull());
    Column contradicts = gender.isNotNull().and(honorific.notEqual(gender));
    // only linked mentions with an honorific can contradict
    return changeOnly(mentions, linkedTitled, titled -> titled.join(genders, Schemas.columns(NAME_KEY), "left")
        .withColumn("contradicts", contradicts)
        .withColumn(EntityMentions.LINK_EVIDENCE, when(col("contradicts"), concat(lit("not '"), col(NAME_KEY),
                lit("': its honorific says "), honorific, lit(", the name's mentions say "),
                coalesce(gender, lit("nothing")), lit(" ("), coalesce(col("men"), lit(0L)), lit(" male and "),
                coalesce(col("women"), lit(0L)), lit(" female votes)")))
            .otherwise(col(EntityMentions.LINK_EVIDENCE)))
        .withColumn(EntityMentions.LINK_METHOD, when(col("contradicts"), lit("gender"))
            .otherwise(col(EntityMentions.LINK_METHOD)))
        .withColumn(RESOLVED, when(col("contradicts"), CLEAN.apply(col(EntityMentions.SURFACE)))
            .otherwise(col(RESOLVED)))
        .withColumn(NAME_KEY, when(col("contradicts"), col(ExtractMentions.OWN_KEY)).otherwise(col(NAME_KEY)))
        .drop("entity_gender", "men", "women", "contradicts"));
  }

  /**
   * Each entity's type by its mentions' votes: the type each mention has in its article (the tagger's, made
   * consistent within the article), PERSON for a mention written with a title or honorific ("Mr. Trump"). Output: (name_key,
   * entity_type, type_share, gender).
   */
  static Dataset<Row> types(Dataset<Row> mentions) {
    Dataset<Row> votes = mentions
        .withColumn(EntityMentions.ENTITY_TYPE, when(TITLED.apply(col(EntityMentions.SURFACE)), lit(NerBackend.PERSON))
            .otherwise(col(EntityMentions.ENTITY_TYPE)))
        .groupBy(col(NAME_KEY), col(EntityMentions.ENTITY_TYPE))
        .agg(count(lit(1)).as("votes"))
        .withColumn("all_votes", org.apache.spark.sql.functions.sum("votes").over(Window.partitionBy(NAME_KEY)))
        .withColumn("order", when(col(EntityMentions.ENTITY_TYPE).equalTo(NerBackend.PERSON), 0)
            .when(col(EntityMentions.ENTITY_TYPE).equalTo(NerBackend.ORGANIZATION), 1)
            .when(col(EntityMentions.ENTITY_TYPE).equalTo(NerBackend.LOCATION), 2).otherwise(3))
        .withColumn("rank", row_number().over(Window.partitionBy(NAME_KEY).orderBy(desc("votes"), col("order"))))
        .filter(col("rank").equalTo(1))
        .select(col(NAME_KEY), col(EntityMentions.ENTITY_TYPE),
            col("votes").divide(col("all_votes")).as(EntityTable.TYPE_SHARE));
    // left: a name that no mention writes itself (an alias's canonical name) has no gender votes, and keeps its mentions
    return votes.join(genders(mentions).select(NAME_KEY, EntityTable.GENDER), Schemas.columns(NAME_KEY), "left")
        .withColumn(EntityTable.GENDER, when(col(EntityMentions.ENTITY_TYPE).equalTo(NerBackend.PERSON),
            col(EntityTable.GENDER)));
  }

  /**
   * Each name's entity name: its most frequent resolved form written as its key ("Barack Obama", not the "Obama"
   * linked to it), longest, then alphabetical, on a tie. Output: (name_key, entity_name).
   */
  static Dataset<Row> entityNames(Dataset<Row> mentions) {
    return mentions.groupBy(NAME_KEY, RESOLVED).agg(count(lit(1)).as("n"))
        .withColumn("rank", row_number().over(Window.partitionBy(NAME_KEY)
            .orderBy(KEY.apply(col(RESOLVED)).equalTo(col(NAME_KEY)).desc(), desc("n"), length(col(RESOLVED)).desc(),
                col(RESOLVED))))
        .filter(col("rank").equalTo(1))
        .select(col(NAME_KEY), col(RESOLVED).as(EntityMentions.ENTITY_NAME));
  }

  /**
   * Spelling variants across articles ("Sergei Lavrov" / "Sergey Lavrov", "Bashar al-Assad" / "Bashar Assad"):
   * names with the same {@link Names#fold} are merged when they share context, that is when some other entity
   * name is mentioned in an article with each of them. Each merged group takes its most mentioned name. Output:
   * (name_key, canonical_key, evidence) for the names that have variants.
   */
  static Dataset<Row> variants(Dataset<Row> extracted) {
    Dataset<Row> names = extracted.groupBy(NAME_KEY).agg(count(lit(1)).as("n"))
        .withColumn(FOLD, FOLD_KEY.apply(col(NAME_KEY)));
    names = names.filter(length(col(NAME_KEY)).geq(5)); // "citi" is no spelling of "city"
    Dataset<Row> candidates = names.join(names.groupBy(FOLD)
            .agg(countDistinct(NAME_KEY).as("variants")).filter(col("variants").gt(1)), FOLD);
    Dataset<Row> context = context(extracted, candidates);
    StructType out = new StructType().add(NAME_KEY, DataTypes.StringType).add(CANONICAL_KEY, DataTypes.StringType)
        .add(EVIDENCE, DataTypes.StringType);
    return candidates.join(context, Schemas.columns(NAME_KEY), "left")
        .groupBy(FOLD)
        .agg(collect_list(struct(col(NAME_KEY), col("n"), col("context"))).as("names"))
        .flatMap(Entities::mergeVariants, Encoders.row(out));
  }

  /** One fold group: union names that share a context name; each union maps to its most mentioned name. */
  static java.util.Iterator<Row> mergeVariants(Row group) {
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
      String canonical = members.get(best.get(find(parent, i))).getString(0);
      out.add(RowFactory.create(members.get(i).getString(0), canonical,
          "spelling variant of '" + canonical + "' sharing a co-mentioned name"));
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
