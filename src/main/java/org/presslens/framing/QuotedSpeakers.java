package org.presslens.framing;

import static org.presslens.common.Schemas.column;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.presslens.common.Schemas;

/** The quoted_speakers table: whom each outlet quotes, how often. */
public final class QuotedSpeakers {
  public static final String TABLE = "quoted_speakers";
  public static final String GRAIN = "one row per (outlet, speaker): a resolved entity, else the speaker phrase "
      + "(lower-cased), else unattributed";

  public static final String SPEAKER_ENTITY_ID = "speaker_entity_id";
  public static final String SPEAKER = "speaker";
  public static final String QUOTES = "quotes";
  public static final String ARTICLES = "articles";
  public static final String OUTLET_QUOTES = "outlet_quotes";

  public static final StructType SCHEMA = Schemas.struct(
      Columns.outlet(),
      column(SPEAKER_ENTITY_ID, DataTypes.StringType, true, "The speaker's entity; null for an unresolved speaker"),
      column(SPEAKER, DataTypes.StringType, false,
          "The entity's name, else the lower-cased speaker phrase, else (unattributed)"),
      column(QUOTES, DataTypes.LongType, false, "Quotations of the speaker in the outlet's canonical articles"),
      column(ARTICLES, DataTypes.LongType, false, "Articles with at least one of them"),
      column(OUTLET_QUOTES, DataTypes.LongType, false, "All quotations in the outlet's canonical articles"),
      Columns.share(QUOTES + " / " + OUTLET_QUOTES), Columns.shareLow(), Columns.shareHigh());

  private QuotedSpeakers() {}
}
