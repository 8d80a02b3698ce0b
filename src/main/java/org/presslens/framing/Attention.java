package org.presslens.framing;

import static org.presslens.common.Schemas.column;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.presslens.common.Schemas;

/** The attention table: how much of each outlet's coverage in a period concerns an entity or a topic. */
public final class Attention {
  public static final String TABLE = "attention";
  public static final String GRAIN = "one row per (subject, outlet, period) for every outlet with canonical articles "
      + "in the period, zero counts included; subjects are the framing.attention_entities entities in most articles "
      + "and every configured topic";

  public static final String SUBJECT_TYPE = "subject_type";
  public static final String SUBJECT_ID = "subject_id";
  public static final String SUBJECT_NAME = "subject_name";
  public static final String MATCHING = "matching_articles";
  public static final String TOTAL = "total_articles";
  public static final String ALL_MATCHING = "all_matching_articles";
  public static final String ALL_TOTAL = "all_total_articles";
  public static final String ALL_SHARE = "all_share";
  public static final String RELATIVE = "relative_attention";

  public static final StructType SCHEMA = Schemas.struct(
      column(SUBJECT_TYPE, DataTypes.StringType, false, "entity or topic"),
      column(SUBJECT_ID, DataTypes.StringType, false, "entities.entity_id, or the topic's name"),
      column(SUBJECT_NAME, DataTypes.StringType, false, "The entity's name or the topic's name"),
      Columns.outlet(),
      Columns.periodStart(),
      column(MATCHING, DataTypes.LongType, false, "Canonical articles of the outlet in the period that mention the subject"),
      column(TOTAL, DataTypes.LongType, false, "Canonical articles of the outlet in the period"),
      Columns.share(MATCHING + " / " + TOTAL), Columns.shareLow(), Columns.shareHigh(),
      column(ALL_MATCHING, DataTypes.LongType, false, "Canonical articles of all outlets in the period that mention the subject"),
      column(ALL_TOTAL, DataTypes.LongType, false, "Canonical articles of all outlets in the period"),
      column(ALL_SHARE, DataTypes.DoubleType, false, ALL_MATCHING + " / " + ALL_TOTAL),
      column(RELATIVE, DataTypes.DoubleType, true,
          "share / all_share: above 1 the outlet gives the subject more attention than all outlets together"));

  private Attention() {}
}
