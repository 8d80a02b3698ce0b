package org.presslens.framing;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.map_keys;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.presslens.common.Periods;
import org.presslens.config.FramingSettings;
import org.presslens.dedup.Duplicates;
import org.presslens.entities.EntityMentions;
import org.presslens.normalize.Articles;

/**
 * Framing stage: per-outlet statistics of what outlets cover and how they tell it. {@link #score} reads each
 * canonical article once ({@link ScoreArticles}); {@link #tables} turns the scores, the entity mentions and the
 * duplicate clusters into the framing tables, each with its counts and uncertainty (Wilson intervals for shares,
 * standard errors for means, log-odds variance and z for comparisons, Benjamini-Hochberg for many tests).
 */
public final class Framing {
  private static final String N = "__n";
  static final String TERM_TOTAL = "term_total";
  private static final String SUBSET_TOTAL = "subset_total";
  private static final String ABOVE = "__above";
  private static final String TERM_RANK = "__term_rank";

  private Framing() {}

  /** Plain values the stage needs, with the frame lexicon loaded. */
  public record Settings(String periodUnit, Map<String, List<String>> topics, int attentionEntities, int minCount,
      double wordPrior, int top, int minOutletArticles, List<String[]> outletPairs, List<String> wordEntities,
      int vocabulary, Map<String, List<String>> frameCues, int minHits, Map<String, List<String>> labels,
      double labelPrior, int quoteMinWords) {

    public static Settings of(FramingSettings s) {
      List<String[]> pairs = new ArrayList<>();
      for (String pair : s.words().outletPairs()) {
        String[] sides = pair.split("\\|", -1);
        pairs.add(new String[] {sides[0].strip(), sides[1].strip()});
      }
      return new Settings(s.period(), s.topics(), s.attentionEntities(), s.words().minCount(), s.words().prior(),
          s.words().top(), s.words().minOutletArticles(), pairs, s.words().entities(), s.words().vocabulary(),
          FrameLexicon.load(s.frames().lexicon()), s.frames().minHits(), s.labels(), s.labelPrior(),
          s.quoteMinWords());
    }
  }

  /** The framing tables (originality and copy sources are null without duplicate clusters). */
  public record Tables(Dataset<Row> articleFraming, Dataset<Row> attention, Dataset<Row> distinctiveWords,
      Dataset<Row> frames, Dataset<Row> toneByOutlet, Dataset<Row> toneByEntity, Dataset<Row> labelChoices,
      Dataset<Row> labelTargets, Dataset<Row> quotes, Dataset<Row> quotedSpeakers, Dataset<Row> originality,
      Dataset<Row> copySources) {}

  /**
   * Scores each canonical article. {@code canonical}: articles rows (duplicates once); {@code mentions}: the
   * entity_mentions table or null. Output: {@link ScoreArticles#SCHEMA} plus period_start.
   */
  public static Dataset<Row> score(Dataset<Row> canonical, Dataset<Row> mentions, Settings settings) {
    Dataset<Row> input = canonical.select(Articles.ARTICLE_ID, Articles.OUTLET, Articles.PUBLISHED_DATE,
        Articles.TITLE, Articles.TEXT);
    StructType mention = new StructType().add(EntityMentions.CHAR_START, DataTypes.IntegerType)
        .add(EntityMentions.CHAR_END, DataTypes.IntegerType).add(EntityMentions.ENTITY_TYPE, DataTypes.StringType)
        .add(EntityMentions.ENTITY_ID, DataTypes.StringType).add(EntityMentions.ENTITY_NAME, DataTypes.StringType);
    if (mentions == null) {
      input = input.withColumn(ScoreArticles.MENTIONS, lit(null).cast(new ArrayType(mention, true)));
    } else {
      Dataset<Row> grouped = mentions.filter(col(EntityMentions.FIELD).equalTo("text"))
          .groupBy(EntityMentions.ARTICLE_ID)
          .agg(collect_list(struct(EntityMentions.CHAR_START, EntityMentions.CHAR_END, EntityMentions.ENTITY_TYPE,
              EntityMentions.ENTITY_ID, EntityMentions.ENTITY_NAME)).as(ScoreArticles.MENTIONS));
      input = input.join(grouped, org.presslens.common.Schemas.columns(Articles.ARTICLE_ID), "left");
    }
    return input.map(new ScoreArticles(settings.frameCues(), settings.topics(), settings.labels(),
            settings.quoteMinWords()), Encoders.row(ScoreArticles.SCHEMA))
        .withColumn(Columns.PERIOD_START, Periods.start(col(Articles.PUBLISHED_DATE), settings.periodUnit()));
  }

  /** Adds share = k / n and its Wilson 95% interval (share_low, share_high). */
  static Dataset<Row> withShare(Dataset<Row> data, String k, String n) {
    return data.withColumn(Columns.SHARE, Stats.share(col(k), col(n)))
        .withColumn(Columns.SHARE_LOW, Stats.wilsonLow(col(k), col(n)))
        .withColumn(Columns.SHARE_HIGH, Stats.wilsonHigh(col(k), col(n)));
  }

  /**
   * The tables. {@code scored}: {@link #score}'s output; {@code mentions}: entity_mentions or null;
   * {@code articles} and {@code duplicates}: every article and its cluster (null without dedup).
   */
  public static Tables tables(Dataset<Row> scored, Dataset<Row> mentions, Dataset<Row> articles,
      Dataset<Row> duplicates, Settings settings) {
    SparkSession spark = scored.sparkSession();
    Dataset<Row> originality = null;
    Dataset<Row> copySources = null;
    if (duplicates != null) {
      Dataset<Row> copies = copies(articles, duplicates, settings.periodUnit());
      originality = originality(copies);
      copySources = copySources(copies);
    }
    Dataset<Row> quotes = quotes(scored, mentions);
    return new Tables(articleFraming(scored, settings.minHits()), attention(spark, scored, mentions, settings),
        distinctiveWords(scored, mentions, settings), frames(spark, scored, settings),
        toneByOutlet(scored), mentions == null ? null : toneByEntity(scored, mentions),
        labelChoices(spark, scored, settings), labelTargets(scored, mentions), quotes, quotedSpeakers(quotes),
        originality, copySources);
  }

  /** Frame ids an article invokes: hits >= minHits, else [other]. */
  static Column invokedFrames(int minHits) {
    Column hits = col(ScoreArticles.FRAME_HITS);
    Column invoked = filter(map_keys(hits), k -> hits.getItem(k).geq(minHits));
    return when(size(invoked).gt(0), invoked).otherwise(array(lit(FrameLexicon.OTHER)));
  }

  static Dataset<Row> articleFraming(Dataset<Row> scored, int minHits) {
    return scored.select(col(Articles.ARTICLE_ID), col(Articles.OUTLET), col(Articles.PUBLISHED_DATE),
        col(Columns.PERIOD_START), col(ScoreArticles.WORDS).as(ArticleFraming.WORDS),
        size(filter(col(ScoreArticles.SENTENCES), s -> s.getField(EntityMentions.FIELD).equalTo("text")))
            .as(ArticleFraming.SENTENCES),
        col(ScoreArticles.TONE).as(ArticleFraming.TONE),
        org.apache.spark.sql.functions.transform(filter(col(ScoreArticles.SENTENCES),
            s -> s.getField(EntityMentions.FIELD).equalTo("text")), s -> s.getField("compound"))
            .as(ArticleFraming.SENTENCE_TONES),
        invokedFrames(minHits).as(ArticleFraming.FRAMES),
        col(ScoreArticles.FRAME_HITS).as(ArticleFraming.FRAME_HITS), col(ScoreArticles.TOPICS).as(ArticleFraming.TOPICS),
        size(col(ScoreArticles.QUOTES)).as(ArticleFraming.QUOTES));
  }

  /** Canonical articles per outlet and period. */
  private static Dataset<Row> outletPeriods(Dataset<Row> scored, String countColumn) {
    return scored.groupBy(Columns.OUTLET, Columns.PERIOD_START).agg(count(lit(1)).as(countColumn));
  }

  static Dataset<Row> attention(SparkSession spark, Dataset<Row> scored, Dataset<Row> mentions, Settings settings) {
    List<Dataset<Row>> subjects = new ArrayList<>();
    if (mentions != null && settings.attentionEntities() > 0) {
      Dataset<Row> entityArticles = mentions.select(EntityMentions.ARTICLE_ID, EntityMentions.ENTITY_ID,
          EntityMentions.ENTITY_NAME).distinct();
      Dataset<Row> top = entityArticles.groupBy(EntityMentions.ENTITY_ID).agg(count(lit(1)).as(N))
          .orderBy(col(N).desc(), col(EntityMentions.ENTITY_ID)).limit(settings.attentionEntities())
          .select(EntityMentions.ENTITY_ID);
      subjects.add(entityArticles.join(top, EntityMentions.ENTITY_ID).select(lit("entity").as(Attention.SUBJECT_TYPE),
          col(EntityMentions.ENTITY_ID).as(Attention.SUBJECT_ID), col(EntityMentions.ENTITY_NAME).as(Attention.SUBJECT_NAME),
          col(EntityMentions.ARTICLE_ID)));
    }
    if (!settings.topics().isEmpty()) {
      subjects.add(scored.select(lit("topic").as(Attention.SUBJECT_TYPE),
          explode(col(ScoreArticles.TOPICS)).as(Attention.SUBJECT_ID), col(Articles.ARTICLE_ID))
          .withColumn(Attention.SUBJECT_NAME, col(Attention.SUBJECT_ID))
          .select(Attention.SUBJECT_TYPE, Attention.SUBJECT_ID, Attention.SUBJECT_NAME, Articles.ARTICLE_ID));
    }
    if (subjects.isEmpty()) {
      return spark.createDataFrame(List.of(), Attention.SCHEMA);
    }
    Dataset<Row> subjectArticles = subjects.stream().reduce(Dataset::union).orElseThrow();
    String[] subject = {Attention.SUBJECT_TYPE, Attention.SUBJECT_ID, Attention.SUBJECT_NAME};
    Dataset<Row> matching = subjectArticles
        .join(scored.select(Articles.ARTICLE_ID, Columns.OUTLET, Columns.PERIOD_START), Articles.ARTICLE_ID)
        .groupBy(col(subject[0]), col(subject[1]), col(subject[2]), col(Columns.OUTLET), col(Columns.PERIOD_START))
        .agg(count(lit(1)).as(Attention.MATCHING));
    Dataset<Row> grid = subjectArticles.select(subject[0], subject[1], subject[2]).distinct()
        .crossJoin(outletPeriods(scored, Attention.TOTAL));
    Dataset<Row> rows = NullSafe.leftJoin(grid, matching, subject[0], subject[1], subject[2], Columns.OUTLET,
            Columns.PERIOD_START)
        .withColumn(Attention.MATCHING, coalesce(col(Attention.MATCHING), lit(0L)));
    rows = rows
        .withColumn(Attention.ALL_MATCHING, sum(Attention.MATCHING).over(Window.partitionBy(col(subject[0]),
            col(subject[1]), col(Columns.PERIOD_START))).cast(DataTypes.LongType))
        .withColumn(Attention.ALL_TOTAL, sum(Attention.TOTAL).over(Window.partitionBy(col(subject[0]),
            col(subject[1]), col(Columns.PERIOD_START))).cast(DataTypes.LongType));
    Column allShare = Stats.share(col(Attention.ALL_MATCHING), col(Attention.ALL_TOTAL));
    return withShare(rows, Attention.MATCHING, Attention.TOTAL)
        .withColumn(Attention.ALL_SHARE, allShare)
        .withColumn(Attention.RELATIVE, when(col(Attention.ALL_SHARE).gt(0),
            col(Columns.SHARE).divide(col(Attention.ALL_SHARE))));
  }

  static Dataset<Row> distinctiveWords(Dataset<Row> scored, Dataset<Row> mentions, Settings settings) {
    String subjectId = DistinctiveWords.SUBSET_ENTITY_ID;
    String subjectName = DistinctiveWords.SUBSET_ENTITY_NAME;
    Dataset<Row> articleSubsets = scored.select(col(Articles.ARTICLE_ID),
        lit(null).cast(DataTypes.StringType).as(subjectId), lit(null).cast(DataTypes.StringType).as(subjectName));
    if (mentions != null && !settings.wordEntities().isEmpty()) {
      List<String> names = settings.wordEntities().stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
      articleSubsets = articleSubsets.union(mentions
          .filter(lower(col(EntityMentions.ENTITY_NAME)).isin(names.toArray()))
          .select(col(EntityMentions.ARTICLE_ID), col(EntityMentions.ENTITY_ID).as(subjectId),
              col(EntityMentions.ENTITY_NAME).as(subjectName)).distinct());
    }
    Dataset<Row> terms = scored.select(col(Articles.ARTICLE_ID), col(Columns.OUTLET),
            explode(col(ScoreArticles.TERMS)).as("t"))
        .select(col(Articles.ARTICLE_ID), col(Columns.OUTLET), col("t.term").as(DistinctiveWords.TERM),
            col("t.n").cast(DataTypes.LongType).as(N))
        .join(articleSubsets, Articles.ARTICLE_ID);
    Dataset<Row> counts = terms.groupBy(col(subjectId), col(subjectName), col(Columns.OUTLET),
        col(DistinctiveWords.TERM)).agg(sum(N).as(DistinctiveWords.COUNT)).localCheckpoint(false);
    Dataset<Row> outletTotals = counts.groupBy(col(subjectId), col(Columns.OUTLET))
        .agg(sum(DistinctiveWords.COUNT).as(DistinctiveWords.OUTLET_TERMS));
    Dataset<Row> outletArticles = articleSubsets.join(scored.select(Articles.ARTICLE_ID, Columns.OUTLET),
        Articles.ARTICLE_ID).groupBy(col(subjectId), col(Columns.OUTLET)).agg(count(lit(1)).as(N));
    Dataset<Row> subsetTotals = outletTotals.groupBy(col(subjectId))
        .agg(sum(DistinctiveWords.OUTLET_TERMS).as(SUBSET_TOTAL));
    Dataset<Row> termTotals = NullSafe.innerJoin(vocabulary(counts.groupBy(col(subjectId), col(subjectName),
            col(DistinctiveWords.TERM)).agg(sum(DistinctiveWords.COUNT).as(TERM_TOTAL)), settings.minCount(),
        settings.vocabulary()), broadcast(subsetTotals), subjectId);

    Dataset<Row> compared = NullSafe.innerJoin(outletTotals, outletArticles.filter(col(N)
        .geq(settings.minOutletArticles())), subjectId, Columns.OUTLET).drop(N);
    Dataset<Row> vsRest = NullSafe.leftJoin(NullSafe.innerJoin(compared, termTotals, subjectId), counts
            .drop(subjectName), subjectId, Columns.OUTLET, DistinctiveWords.TERM)
        .withColumn(DistinctiveWords.COUNT, coalesce(col(DistinctiveWords.COUNT), lit(0L)))
        .withColumn(DistinctiveWords.OTHER, lit(null).cast(DataTypes.StringType))
        .withColumn(DistinctiveWords.OTHER_COUNT, col(TERM_TOTAL).minus(col(DistinctiveWords.COUNT)))
        .withColumn(DistinctiveWords.OTHER_TERMS, col(SUBSET_TOTAL).minus(col(DistinctiveWords.OUTLET_TERMS)));
    Dataset<Row> comparisons = vsRest;
    if (!settings.outletPairs().isEmpty()) {
      List<Row> pairRows = settings.outletPairs().stream().map(p -> RowFactory.create(p[0], p[1])).toList();
      Dataset<Row> pairs = scored.sparkSession().createDataFrame(pairRows, new StructType()
          .add(Columns.OUTLET, DataTypes.StringType).add(DistinctiveWords.OTHER, DataTypes.StringType));
      Dataset<Row> sideA = NullSafe.innerJoin(pairs, outletTotals, Columns.OUTLET);
      Dataset<Row> otherTotals = outletTotals.withColumnRenamed(Columns.OUTLET, DistinctiveWords.OTHER)
          .withColumnRenamed(DistinctiveWords.OUTLET_TERMS, DistinctiveWords.OTHER_TERMS);
      Dataset<Row> pairGrid = NullSafe.innerJoin(NullSafe.innerJoin(sideA, otherTotals, subjectId,
          DistinctiveWords.OTHER), termTotals, subjectId);
      Dataset<Row> otherCounts = counts.drop(subjectName).withColumnRenamed(Columns.OUTLET, DistinctiveWords.OTHER)
          .withColumnRenamed(DistinctiveWords.COUNT, DistinctiveWords.OTHER_COUNT);
      Dataset<Row> pairRowsWithCounts = NullSafe.leftJoin(NullSafe.leftJoin(pairGrid, counts.drop(subjectName),
              subjectId, Columns.OUTLET, DistinctiveWords.TERM), otherCounts, subjectId, DistinctiveWords.OTHER,
              DistinctiveWords.TERM)
          .withColumn(DistinctiveWords.COUNT, coalesce(col(DistinctiveWords.COUNT), lit(0L)))
          .withColumn(DistinctiveWords.OTHER_COUNT, coalesce(col(DistinctiveWords.OTHER_COUNT), lit(0L)));
      comparisons = comparisons.unionByName(pairRowsWithCounts);
    }
    Column yi = col(DistinctiveWords.COUNT).cast(DataTypes.DoubleType);
    Column yj = col(DistinctiveWords.OTHER_COUNT).cast(DataTypes.DoubleType);
    Column a = col(DistinctiveWords.PRIOR);
    Dataset<Row> tested = comparisons
        .withColumn(DistinctiveWords.NGRAM, size(org.apache.spark.sql.functions.split(col(DistinctiveWords.TERM), " ")))
        .withColumn(DistinctiveWords.PRIOR, lit(settings.wordPrior()).multiply(col(TERM_TOTAL))
            .divide(col(SUBSET_TOTAL)))
        .withColumn(Columns.LOG_ODDS, Stats.logOdds(yi, col(DistinctiveWords.OUTLET_TERMS), yj,
            col(DistinctiveWords.OTHER_TERMS), a, lit(settings.wordPrior())))
        .withColumn(Columns.VARIANCE, Stats.logOddsVariance(yi, col(DistinctiveWords.OUTLET_TERMS), yj,
            col(DistinctiveWords.OTHER_TERMS), a, lit(settings.wordPrior())))
        .withColumn(Columns.Z, col(Columns.LOG_ODDS).divide(sqrt(col(Columns.VARIANCE))))
        .withColumn(DistinctiveWords.P_VALUE, Stats.pValue(col(Columns.Z)));
    String[] family = {subjectId, Columns.OUTLET, DistinctiveWords.OTHER};
    Column[] familyColumns = {col(subjectId), col(Columns.OUTLET), col(DistinctiveWords.OTHER)};
    tested = Stats.benjaminiHochberg(tested, DistinctiveWords.P_VALUE, DistinctiveWords.P_ADJUSTED, family)
        .withColumn(DistinctiveWords.TESTED, count(lit(1)).over(Window.partitionBy(familyColumns)))
        .withColumn("rank_high", row_number().over(Window.partitionBy(familyColumns)
            .orderBy(col(Columns.Z).desc(), col(DistinctiveWords.TERM))))
        .withColumn("rank_low", row_number().over(Window.partitionBy(familyColumns)
            .orderBy(col(Columns.Z).asc(), col(DistinctiveWords.TERM))));
    return tested.filter(col("rank_high").leq(settings.top()).or(col("rank_low").leq(settings.top())));
  }

  /**
   * The terms each subset tests: those used at least {@code minCount} times, at most {@code size} of them, the most
   * used first and ties broken by term. The same rows as a row_number() over each subset ordered by total, but no
   * window holds a whole subset: the all-articles subset has every term of the archive (millions of bigrams at
   * 100,000 articles), and that window sorted them all in one task, which ran out of execution memory. Here a window
   * over each subset's histogram of totals counts the terms ranked above each total, and only the tie groups that
   * start inside the vocabulary are ranked, each on its own.
   */
  static Dataset<Row> vocabulary(Dataset<Row> termTotals, int minCount, int size) {
    String subjectId = DistinctiveWords.SUBSET_ENTITY_ID;
    Dataset<Row> frequent = termTotals.filter(col(TERM_TOTAL).geq(minCount));
    Dataset<Row> ranksAbove = frequent.groupBy(col(subjectId), col(TERM_TOTAL)).agg(count(lit(1)).as(N))
        .withColumn(ABOVE, coalesce(sum(N).over(Window.partitionBy(col(subjectId)).orderBy(col(TERM_TOTAL).desc())
            .rowsBetween(Window.unboundedPreceding(), -1)), lit(0L)))
        .filter(col(ABOVE).lt(size)).drop(N);
    return NullSafe.innerJoin(frequent, broadcast(ranksAbove), subjectId, TERM_TOTAL)
        .withColumn(TERM_RANK, col(ABOVE).plus(row_number().over(Window.partitionBy(col(subjectId), col(TERM_TOTAL))
            .orderBy(col(DistinctiveWords.TERM)))))
        .filter(col(TERM_RANK).leq(size)).drop(ABOVE, TERM_RANK);
  }

  static Dataset<Row> frames(SparkSession spark, Dataset<Row> scored, Settings settings) {
    List<Row> frameRows = new ArrayList<>();
    FrameLexicon.FRAMES.forEach((id, name) -> frameRows.add(RowFactory.create(id, name)));
    Dataset<Row> frameIds = spark.createDataFrame(frameRows, new StructType()
        .add(FrameShares.FRAME, DataTypes.StringType).add(FrameShares.FRAME_NAME, DataTypes.StringType));
    Dataset<Row> invoking = scored.select(col(Columns.OUTLET), col(Columns.PERIOD_START),
            explode(invokedFrames(settings.minHits())).as(FrameShares.FRAME))
        .groupBy(Columns.OUTLET, Columns.PERIOD_START, FrameShares.FRAME).agg(count(lit(1)).as(FrameShares.INVOKING));
    Dataset<Row> hits = scored.select(col(Columns.OUTLET), col(Columns.PERIOD_START),
            explode(col(ScoreArticles.FRAME_HITS)).as(new String[] {FrameShares.FRAME, N}))
        .groupBy(Columns.OUTLET, Columns.PERIOD_START, FrameShares.FRAME).agg(sum(N).as("hits"));
    Dataset<Row> grid = outletPeriods(scored, Columns.ARTICLES).crossJoin(frameIds);
    return NullSafe.leftJoin(NullSafe.leftJoin(grid, invoking, Columns.OUTLET, Columns.PERIOD_START,
            FrameShares.FRAME), hits, Columns.OUTLET, Columns.PERIOD_START, FrameShares.FRAME)
        .withColumn(FrameShares.INVOKING, coalesce(col(FrameShares.INVOKING), lit(0L)))
        .transform(d -> withShare(d, FrameShares.INVOKING, Columns.ARTICLES))
        .withColumn(FrameShares.MEAN_HITS, coalesce(col("hits"), lit(0L)).cast(DataTypes.DoubleType)
            .divide(col(Columns.ARTICLES)));
  }

  static Dataset<Row> toneByOutlet(Dataset<Row> scored) {
    return scored.filter(col(ScoreArticles.TONE).isNotNull())
        .groupBy(Columns.OUTLET, Columns.PERIOD_START)
        .agg(count(lit(1)).as(ToneByOutlet.N), avg(ScoreArticles.TONE).as(Columns.MEAN),
            Stats.standardError(col(ScoreArticles.TONE)).as(Columns.STD_ERROR));
  }

  static Dataset<Row> toneByEntity(Dataset<Row> scored, Dataset<Row> mentions) {
    Dataset<Row> sentences = scored.select(col(Articles.ARTICLE_ID), col(Columns.OUTLET),
            explode(col(ScoreArticles.SENTENCES)).as("s"))
        .select(col(Articles.ARTICLE_ID), col(Columns.OUTLET), col("s." + EntityMentions.FIELD).as(EntityMentions.FIELD),
            col("s." + EntityMentions.SENTENCE_INDEX).as(EntityMentions.SENTENCE_INDEX), col("s.compound").as(N))
        .filter(col(N).isNotNull());
    Dataset<Row> mentioned = mentions.select(EntityMentions.ARTICLE_ID, EntityMentions.FIELD,
        EntityMentions.SENTENCE_INDEX, EntityMentions.ENTITY_ID, EntityMentions.ENTITY_NAME).distinct();
    return sentences.join(mentioned, org.presslens.common.Schemas.columns(EntityMentions.ARTICLE_ID,
            EntityMentions.FIELD, EntityMentions.SENTENCE_INDEX))
        .groupBy(Columns.OUTLET, EntityMentions.ENTITY_ID, EntityMentions.ENTITY_NAME)
        .agg(count(lit(1)).as(ToneByEntity.N), countDistinct(EntityMentions.ARTICLE_ID).as(ToneByEntity.ARTICLES),
            avg(N).as(Columns.MEAN), Stats.standardError(col(N)).as(Columns.STD_ERROR));
  }

  static Dataset<Row> labelChoices(SparkSession spark, Dataset<Row> scored, Settings settings) {
    List<Row> labelRows = new ArrayList<>();
    settings.labels().forEach((family, labels) -> labels.forEach(l -> labelRows.add(RowFactory.create(family, l))));
    Dataset<Row> labels = spark.createDataFrame(labelRows, new StructType()
        .add(LabelChoices.FAMILY, DataTypes.StringType).add(LabelChoices.LABEL, DataTypes.StringType));
    Dataset<Row> counts = scored.select(col(Articles.ARTICLE_ID), col(Columns.OUTLET),
            explode(col(ScoreArticles.LABELS)).as("l"))
        .groupBy(col(Columns.OUTLET), col("l.family").as(LabelChoices.FAMILY), col("l.label").as(LabelChoices.LABEL))
        .agg(sum("l.n").cast(DataTypes.LongType).as(LabelChoices.COUNT),
            sum("l.n_outside_quotes").cast(DataTypes.LongType).as(LabelChoices.OUTSIDE_QUOTES),
            countDistinct(Articles.ARTICLE_ID).as(LabelChoices.ARTICLES));
    Dataset<Row> grid = scored.select(Columns.OUTLET).distinct().crossJoin(labels);
    Column family = col(LabelChoices.FAMILY);
    Dataset<Row> rows = NullSafe.leftJoin(grid, counts, Columns.OUTLET, LabelChoices.FAMILY, LabelChoices.LABEL);
    for (String c : new String[] {LabelChoices.COUNT, LabelChoices.OUTSIDE_QUOTES, LabelChoices.ARTICLES}) {
      rows = rows.withColumn(c, coalesce(col(c), lit(0L)));
    }
    rows = rows
        .withColumn(LabelChoices.FAMILY_COUNT, sum(LabelChoices.COUNT)
            .over(Window.partitionBy(col(Columns.OUTLET), family)).cast(DataTypes.LongType))
        .withColumn("label_total", sum(LabelChoices.COUNT).over(Window.partitionBy(family, col(LabelChoices.LABEL))))
        .withColumn("family_total", sum(LabelChoices.COUNT).over(Window.partitionBy(family)))
        .withColumn(LabelChoices.REST_COUNT, col("label_total").minus(col(LabelChoices.COUNT)).cast(DataTypes.LongType))
        .withColumn(LabelChoices.REST_FAMILY_COUNT, col("family_total").minus(col(LabelChoices.FAMILY_COUNT))
            .cast(DataTypes.LongType))
        .withColumn(LabelChoices.PRIOR, when(col("family_total").gt(0), lit(settings.labelPrior())
            .multiply(col("label_total")).divide(col("family_total"))).otherwise(lit(0.0)));
    Column yi = col(LabelChoices.COUNT).cast(DataTypes.DoubleType);
    Column yj = col(LabelChoices.REST_COUNT).cast(DataTypes.DoubleType);
    Column a = col(LabelChoices.PRIOR);
    Column defined = a.gt(0).and(a.lt(settings.labelPrior())); // a family with one label in use has no contrast
    return rows
        .transform(d -> withShare(d, LabelChoices.COUNT, LabelChoices.FAMILY_COUNT))
        .withColumn(LabelChoices.REST_SHARE, Stats.share(col(LabelChoices.REST_COUNT),
            col(LabelChoices.REST_FAMILY_COUNT)))
        .withColumn(Columns.LOG_ODDS, when(defined, Stats.logOdds(yi, col(LabelChoices.FAMILY_COUNT), yj,
            col(LabelChoices.REST_FAMILY_COUNT), a, lit(settings.labelPrior()))))
        .withColumn(Columns.VARIANCE, when(defined, Stats.logOddsVariance(yi, col(LabelChoices.FAMILY_COUNT), yj,
            col(LabelChoices.REST_FAMILY_COUNT), a, lit(settings.labelPrior()))))
        .withColumn(Columns.Z, col(Columns.LOG_ODDS).divide(sqrt(col(Columns.VARIANCE))));
  }

  /**
   * What the outlets' labels name ({@link LabelTargets}): each use's target is the entity of a text mention that
   * covers the target's words (the resolution of this run, as for quote speakers), else the words as written.
   */
  static Dataset<Row> labelTargets(Dataset<Row> scored, Dataset<Row> mentions) {
    Dataset<Row> uses = scored.select(col(Articles.ARTICLE_ID), col(Columns.OUTLET),
            explode(col(ScoreArticles.LABEL_USES)).as("u"))
        .select(col(Articles.ARTICLE_ID), col(Columns.OUTLET), col("u.family").as(LabelChoices.FAMILY),
            col("u.label").as(LabelChoices.LABEL), col("u.char_start").as("use_start"),
            col("u.outside_quotes").as("outside"), col("u.target").as("written"), col("u.target_start").as("t_start"),
            col("u.target_end").as("t_end"));
    Dataset<Row> named = uses.withColumn("m_entity", lit(null).cast(DataTypes.StringType))
        .withColumn("m_name", lit(null).cast(DataTypes.StringType));
    if (mentions != null) {
      Dataset<Row> covering = mentions.filter(col(EntityMentions.FIELD).equalTo("text"))
          .select(col(EntityMentions.ARTICLE_ID).as("m_article"), col(EntityMentions.CHAR_START).as("m_start"),
              col(EntityMentions.CHAR_END).as("m_end"), col(EntityMentions.ENTITY_ID).as("m_entity"),
              col(EntityMentions.ENTITY_NAME).as("m_name"));
      // the mention inside the target's words that is longest (then first): "Bashar al-Assad" in "Bashar al-Assad's"
      named = uses.join(covering, col(Articles.ARTICLE_ID).equalTo(col("m_article"))
              .and(col("m_start").geq(col("t_start"))).and(col("m_end").leq(col("t_end"))), "left")
          .withColumn("rank", row_number().over(Window.partitionBy(Articles.ARTICLE_ID, "use_start")
              .orderBy(col("m_end").minus(col("m_start")).desc_nulls_last(), col("m_start"))))
          .filter(col("rank").equalTo(1))
          .drop("rank", "m_article", "m_start", "m_end");
    }
    return named
        .groupBy(col(Columns.OUTLET), col(LabelChoices.FAMILY), col(LabelChoices.LABEL),
            coalesce(col("m_name"), col("written")).as(LabelTargetTable.TARGET),
            col("m_entity").as(LabelTargetTable.TARGET_ENTITY_ID))
        .agg(count(lit(1)).as(LabelChoices.COUNT),
            sum(when(col("outside"), 1L).otherwise(0L)).as(LabelChoices.OUTSIDE_QUOTES),
            countDistinct(Articles.ARTICLE_ID).as(Columns.ARTICLES))
        .withColumn(LabelTargetTable.TARGET_FAMILY_COUNT, sum(LabelChoices.COUNT).over(
            Window.partitionBy(col(Columns.OUTLET), col(LabelChoices.FAMILY), col(LabelTargetTable.TARGET),
                col(LabelTargetTable.TARGET_ENTITY_ID))).cast(DataTypes.LongType))
        .withColumn(LabelTargetTable.LABEL_COUNT, sum(LabelChoices.COUNT).over(
            Window.partitionBy(col(Columns.OUTLET), col(LabelChoices.FAMILY), col(LabelChoices.LABEL)))
            .cast(DataTypes.LongType))
        .withColumn(LabelTargetTable.LABEL_SHARE, col(LabelChoices.COUNT).divide(col(LabelTargetTable.LABEL_COUNT)))
        .transform(d -> withShare(d, LabelChoices.COUNT, LabelTargetTable.TARGET_FAMILY_COUNT));
  }

  /**
   * One row per quotation. With {@code mentions}, the speaker's entity is looked up again by its mention (the same
   * entity in a full run; the current resolution in an incremental run, whose earlier batches were scored under an
   * earlier one).
   */
  static Dataset<Row> quotes(Dataset<Row> scored, Dataset<Row> mentions) {
    Dataset<Row> quotes = quotes(scored);
    if (mentions == null) {
      return quotes;
    }
    Dataset<Row> speakers = mentions.filter(col(EntityMentions.FIELD).equalTo("text"))
        .select(col(EntityMentions.ARTICLE_ID).as("m_article"), col(EntityMentions.CHAR_START).as("m_start"),
            col(EntityMentions.ENTITY_ID).as("m_entity"), col(EntityMentions.ENTITY_NAME).as("m_name"));
    Dataset<Row> joined = quotes.join(speakers, quotes.col(Articles.ARTICLE_ID).equalTo(col("m_article"))
        .and(col(SPEAKER_START).equalTo(col("m_start"))), "left");
    Column known = col(SPEAKER_START).isNotNull().and(col("m_entity").isNotNull());
    return joined
        .withColumn(QuoteTable.SPEAKER_ENTITY_ID, when(known, col("m_entity")).otherwise(col(QuoteTable.SPEAKER_ENTITY_ID)))
        .withColumn(QuoteTable.SPEAKER_NAME, when(known, col("m_name")).otherwise(col(QuoteTable.SPEAKER_NAME)))
        .drop("m_article", "m_start", "m_entity", "m_name");
  }

  private static final String SPEAKER_START = "speaker_char_start";

  /** The scored articles' schema ({@link #score}'s output), for state tables. */
  public static StructType scoreSchema() {
    return ScoreArticles.SCHEMA.add(Columns.PERIOD_START, DataTypes.DateType);
  }

  static Dataset<Row> quotes(Dataset<Row> scored) {
    return scored.select(col(Articles.ARTICLE_ID), col(Columns.OUTLET), col(Articles.PUBLISHED_DATE),
            posexplode(col(ScoreArticles.QUOTES)).as(new String[] {QuoteTable.QUOTE_INDEX, "q"}))
        .select(col(Articles.ARTICLE_ID), col(Columns.OUTLET), col(Articles.PUBLISHED_DATE),
            col(QuoteTable.QUOTE_INDEX), col("q.char_start").as(QuoteTable.CHAR_START),
            col("q.char_end").as(QuoteTable.CHAR_END), col("q.text").as(QuoteTable.QUOTE),
            col("q.speaker").as(QuoteTable.SPEAKER), col("q.speaker_entity_id").as(QuoteTable.SPEAKER_ENTITY_ID),
            col("q.speaker_name").as(QuoteTable.SPEAKER_NAME), col("q.speech_verb").as(QuoteTable.SPEECH_VERB),
            col("q.attribution").as(QuoteTable.ATTRIBUTION), col("q.speaker_char_start").as(SPEAKER_START));
  }

  /** {@code quotes}: {@link #quotes}'s output. */
  static Dataset<Row> quotedSpeakers(Dataset<Row> quotes) {
    Column speaker = coalesce(col(QuoteTable.SPEAKER_NAME), lower(col(QuoteTable.SPEAKER)), lit("(unattributed)"));
    return quotes.groupBy(col(Columns.OUTLET), col(QuoteTable.SPEAKER_ENTITY_ID), speaker.as(QuotedSpeakers.SPEAKER))
        .agg(count(lit(1)).as(QuotedSpeakers.QUOTES), countDistinct(QuoteTable.ARTICLE_ID).as(QuotedSpeakers.ARTICLES))
        .withColumn(QuotedSpeakers.OUTLET_QUOTES, sum(QuotedSpeakers.QUOTES).over(Window.partitionBy(Columns.OUTLET))
            .cast(DataTypes.LongType))
        .transform(d -> withShare(d, QuotedSpeakers.QUOTES, QuotedSpeakers.OUTLET_QUOTES));
  }

  /**
   * Every article with its cluster's original: the earliest article (undated last; ties: the canonical one, then
   * the smallest id). Columns: outlet, period_start, is_original, original_outlet.
   */
  static Dataset<Row> copies(Dataset<Row> articles, Dataset<Row> duplicates, String periodUnit) {
    Dataset<Row> all = articles.select(Articles.ARTICLE_ID, Articles.OUTLET, Articles.PUBLISHED_DATE)
        .join(duplicates.select(Duplicates.ARTICLE_ID, Duplicates.CLUSTER_ID, Duplicates.IS_CANONICAL),
            Articles.ARTICLE_ID);
    var byAge = Window.partitionBy(Duplicates.CLUSTER_ID).orderBy(col(Articles.PUBLISHED_DATE).asc_nulls_last(),
        col(Duplicates.IS_CANONICAL).desc(), col(Articles.ARTICLE_ID));
    return all
        .withColumn("original_id", first(Articles.ARTICLE_ID).over(byAge))
        .withColumn("original_outlet", first(Articles.OUTLET).over(byAge))
        .withColumn(Columns.PERIOD_START, Periods.start(col(Articles.PUBLISHED_DATE), periodUnit))
        .withColumn("is_original", col(Articles.ARTICLE_ID).equalTo(col("original_id")))
        .withColumn("same_outlet", col("original_outlet").eqNullSafe(col(Articles.OUTLET)));
  }

  static Dataset<Row> originality(Dataset<Row> copies) {
    Column isOriginal = col("is_original");
    Column fromOther = not(isOriginal).and(not(col("same_outlet")));
    return copies.groupBy(Columns.OUTLET, Columns.PERIOD_START)
        .agg(count(lit(1)).as(Columns.ARTICLES),
            sum(when(fromOther, 1L).otherwise(0L)).as(Originality.COPIES),
            sum(when(not(isOriginal).and(col("same_outlet")), 1L).otherwise(0L)).as(Originality.SAME_OUTLET_COPIES),
            sum(when(isOriginal, 1L).otherwise(0L)).as(Originality.ORIGINALS))
        .transform(d -> withShare(d, Originality.COPIES, Columns.ARTICLES));
  }

  static Dataset<Row> copySources(Dataset<Row> copies) {
    return copies.filter(not(col("is_original")).and(not(col("same_outlet"))))
        .groupBy(col(Columns.OUTLET), col("original_outlet").as(CopySources.SOURCE_OUTLET))
        .agg(count(lit(1)).as(CopySources.COPIES))
        .withColumn(CopySources.OUTLET_COPIES, sum(CopySources.COPIES).over(Window.partitionBy(Columns.OUTLET))
            .cast(DataTypes.LongType))
        .transform(d -> withShare(d, CopySources.COPIES, CopySources.OUTLET_COPIES));
  }
}
