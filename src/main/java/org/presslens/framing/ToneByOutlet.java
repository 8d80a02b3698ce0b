package org.presslens.framing;

import static org.presslens.common.Schemas.column;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.presslens.common.Schemas;

/** The tone_by_outlet table: mean article tone per outlet and period. */
public final class ToneByOutlet {
  public static final String TABLE = "tone_by_outlet";
  public static final String GRAIN = "one row per (outlet, period) with canonical articles that have a tone";

  public static final String N = "n";

  public static final StructType SCHEMA = Schemas.struct(
      Columns.outlet(),
      Columns.periodStart(),
      column(N, DataTypes.LongType, false, "Canonical articles with a tone (article_framing.tone not null)"),
      Columns.mean("the articles' tones (each the mean of its sentences)"), Columns.stdError());

  private ToneByOutlet() {}
}
