package org.presslens.framing;

import static org.presslens.common.Schemas.column;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.presslens.common.Schemas;

/** The label_choices table: which of a family of competing labels each outlet uses. */
public final class LabelChoices {
  public static final String TABLE = "label_choices";
  public static final String GRAIN = "one row per (outlet, family, label) for every outlet with canonical articles "
      + "and every configured label, zero counts included";

  public static final String FAMILY = "family";
  public static final String LABEL = "label";
  public static final String COUNT = "count";
  public static final String OUTSIDE_QUOTES = "count_outside_quotes";
  public static final String ARTICLES = "articles";
  public static final String FAMILY_COUNT = "family_count";
  public static final String REST_COUNT = "rest_count";
  public static final String REST_FAMILY_COUNT = "rest_family_count";
  public static final String REST_SHARE = "rest_share";
  public static final String PRIOR = "prior";

  public static final StructType SCHEMA = Schemas.struct(
      Columns.outlet(),
      column(FAMILY, DataTypes.StringType, false, "The label family (framing.labels key)"),
      column(LABEL, DataTypes.StringType, false, "The label as configured (its plural or singular also counts)"),
      column(COUNT, DataTypes.LongType, false, "Uses of the label in the outlet's canonical article texts"),
      column(OUTSIDE_QUOTES, DataTypes.LongType, false, "Uses outside direct quotations (the outlet's own voice)"),
      column(ARTICLES, DataTypes.LongType, false, "Canonical articles of the outlet that use the label"),
      column(FAMILY_COUNT, DataTypes.LongType, false, "Uses of any label of the family by the outlet"),
      Columns.share(COUNT + " / " + FAMILY_COUNT), Columns.shareLow(), Columns.shareHigh(),
      column(REST_COUNT, DataTypes.LongType, false, "Uses of the label by all other outlets"),
      column(REST_FAMILY_COUNT, DataTypes.LongType, false, "Uses of the family by all other outlets"),
      column(REST_SHARE, DataTypes.DoubleType, true, REST_COUNT + " / " + REST_FAMILY_COUNT),
      column(PRIOR, DataTypes.DoubleType, false,
          "a_w: framing.label_prior times the label's share of its family in all canonical articles"),
      Columns.logOdds("the label within its family, outlet against all other outlets"), Columns.variance(), Columns.z());

  private LabelChoices() {}
}
