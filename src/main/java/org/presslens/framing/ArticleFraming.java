package org.presslens.framing;

import static org.presslens.common.Schemas.column;

import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.presslens.common.Schemas;

/** The article_framing table: what the framing statistics read from each canonical article. */
public final class ArticleFraming {
  public static final String TABLE = "article_framing";
  public static final String GRAIN = "one row per canonical article (duplicate clusters once)";

  public static final String ARTICLE_ID = "article_id";
  public static final String PUBLISHED_DATE = "published_date";
  public static final String WORDS = "words";
  public static final String SENTENCES = "sentences";
  public static final String TONE = "tone";
  public static final String SENTENCE_TONES = "sentence_tones";
  public static final String FRAMES = "frames";
  public static final String FRAME_HITS = "frame_hits";
  public static final String TOPICS = "topics";
  public static final String QUOTES = "quotes";

  public static final StructType SCHEMA = Schemas.struct(
      column(ARTICLE_ID, DataTypes.StringType, false, "The article (articles.article_id)"),
      Columns.outlet(),
      column(PUBLISHED_DATE, DataTypes.DateType, true, "The article's publication date"),
      Columns.periodStart(),
      column(WORDS, DataTypes.IntegerType, false, "Word tokens in title and text"),
      column(SENTENCES, DataTypes.IntegerType, false, "Sentences of the text (as split for NER)"),
      column(TONE, DataTypes.DoubleType, true, "Mean VADER compound score of the text's sentences (-1 to 1)"),
      column(SENTENCE_TONES, new ArrayType(DataTypes.DoubleType, true), false,
          "VADER compound score of each text sentence, by sentence_index (null: a sentence without a letter)"),
      column(FRAMES, new ArrayType(DataTypes.StringType, false), false,
          "Frames the article invokes (frame ids with at least framing.frames.min_hits cue hits; [other] if none)"),
      column(FRAME_HITS, DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType), false,
          "Cue hits per frame id (frames with no hit left out)"),
      column(TOPICS, new ArrayType(DataTypes.StringType, false), false, "Configured topics the article matches"),
      column(QUOTES, DataTypes.IntegerType, false, "Direct quotations found in the text (see the quotes table)"));

  private ArticleFraming() {}
}
