package org.presslens.framing;

import static org.presslens.common.Schemas.column;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.presslens.common.Schemas;

/** The quotes table: direct quotations in canonical articles and who said them. */
public final class QuoteTable {
  public static final String TABLE = "quotes";
  public static final String GRAIN = "one row per direct quotation in the text of a canonical article";

  public static final String ARTICLE_ID = "article_id";
  public static final String PUBLISHED_DATE = "published_date";
  public static final String QUOTE_INDEX = "quote_index";
  public static final String CHAR_START = "char_start";
  public static final String CHAR_END = "char_end";
  public static final String QUOTE = "quote";
  public static final String SPEAKER = "speaker";
  public static final String SPEAKER_ENTITY_ID = "speaker_entity_id";
  public static final String SPEAKER_NAME = "speaker_name";
  public static final String SPEECH_VERB = "speech_verb";
  public static final String ATTRIBUTION = "attribution";

  public static final StructType SCHEMA = Schemas.struct(
      column(ARTICLE_ID, DataTypes.StringType, false, "The article (articles.article_id)"),
      Columns.outlet(),
      column(PUBLISHED_DATE, DataTypes.DateType, true, "The article's publication date"),
      column(QUOTE_INDEX, DataTypes.IntegerType, false, "Quotation number in the article, from 0"),
      column(CHAR_START, DataTypes.IntegerType, false, "Offset of the quotation's first character in articles.text"),
      column(CHAR_END, DataTypes.IntegerType, false, "Offset just after its last character (quote marks excluded)"),
      column(QUOTE, DataTypes.StringType, false, "The quoted words"),
      column(SPEAKER, DataTypes.StringType, true, "The phrase joined to the quotation by a speech verb; null: unattributed"),
      column(SPEAKER_ENTITY_ID, DataTypes.StringType, true, "The speaker's entity (entities.entity_id) when resolved"),
      column(SPEAKER_NAME, DataTypes.StringType, true, "The speaker entity's name when resolved"),
      column(SPEECH_VERB, DataTypes.StringType, true, "The speech verb (said, told, according to, ...)"),
      column(ATTRIBUTION, DataTypes.StringType, true,
          "after (\"...,\" X said), before (X said: \"...\"), pronoun (he/she resolved to the nearest person "
              + "mentioned before the quotation), null when unattributed"));

  private QuoteTable() {}
}
