package org.presslens.framing;

import static org.presslens.common.Schemas.column;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.presslens.common.Schemas;

/** The label_targets table: what each outlet's labels name, so that label choices can be read for one target. */
public final class LabelTargetTable {
  public static final String TABLE = "label_targets";
  public static final String GRAIN = "one row per (outlet, family, label, target) with at least one use; target null "
      + "for the uses whose target the text does not state";

  public static final String TARGET = "target";
  public static final String TARGET_ENTITY_ID = "target_entity_id";
  public static final String TARGET_FAMILY_COUNT = "target_family_count";
  public static final String LABEL_COUNT = "label_count";
  public static final String LABEL_SHARE = "label_share";

  public static final StructType SCHEMA = Schemas.struct(
      Columns.outlet(),
      column(LabelChoices.FAMILY, DataTypes.StringType, false, "The label family (framing.labels key)"),
      column(LabelChoices.LABEL, DataTypes.StringType, false, "The label as configured"),
      column(TARGET, DataTypes.StringType, true, "What the label names, as the text says it in the label's phrase "
          + "(\"Assad\" in \"the Assad regime\", \"Damascus\" in \"the regime in Damascus\"): the name of the entity "
          + "mentioned there, else the words as written; null when the text does not say"),
      column(TARGET_ENTITY_ID, DataTypes.StringType, true, "The target's entity (entities.entity_id) when a mention "
          + "covers it"),
      column(LabelChoices.COUNT, DataTypes.LongType, false, "Uses of the label for this target in the outlet's "
          + "canonical article texts"),
      column(LabelChoices.OUTSIDE_QUOTES, DataTypes.LongType, false, "Of them, uses outside direct quotations"),
      column(Columns.ARTICLES, DataTypes.LongType, false, "Canonical articles of the outlet with such a use"),
      column(TARGET_FAMILY_COUNT, DataTypes.LongType, false,
          "Uses of any label of the family for this target by the outlet"),
      Columns.share(LabelChoices.COUNT + " / " + TARGET_FAMILY_COUNT + ": the label's share of what the outlet calls "
          + "this target"), Columns.shareLow(), Columns.shareHigh(),
      column(LABEL_COUNT, DataTypes.LongType, false, "Uses of the label by the outlet, whatever the target"),
      column(LABEL_SHARE, DataTypes.DoubleType, false, LabelChoices.COUNT + " / " + LABEL_COUNT
          + ": the share of the outlet's uses of the label that name this target"));

  private LabelTargetTable() {}
}
