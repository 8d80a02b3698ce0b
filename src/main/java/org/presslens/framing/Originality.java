package org.presslens.framing;

import static org.presslens.common.Schemas.column;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.presslens.common.Schemas;

/** The originality table: how much of an outlet's output copies other outlets. Counts every article. */
public final class Originality {
  public static final String TABLE = "originality";
  public static final String GRAIN = "one row per (outlet, period) over ALL articles, copies included (the one "
      + "framing table not restricted to canonical articles)";

  public static final String COPIES = "copies_from_other_outlets";
  public static final String SAME_OUTLET_COPIES = "copies_within_outlet";
  public static final String ORIGINALS = "originals";

  public static final StructType SCHEMA = Schemas.struct(
      Columns.outlet(),
      Columns.periodStart(),
      column(Columns.ARTICLES, DataTypes.LongType, false, "All articles of the outlet in the period"),
      column(COPIES, DataTypes.LongType, false,
          "Articles whose duplicate cluster's original (its earliest article) is from another outlet"),
      Columns.share(COPIES + " / " + Columns.ARTICLES), Columns.shareLow(), Columns.shareHigh(),
      column(SAME_OUTLET_COPIES, DataTypes.LongType, false,
          "Articles whose cluster's original is another article of the same outlet (reprints)"),
      column(ORIGINALS, DataTypes.LongType, false, "Articles that are their cluster's original (singletons included)"));

  private Originality() {}
}
