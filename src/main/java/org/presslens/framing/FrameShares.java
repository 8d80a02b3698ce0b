package org.presslens.framing;

import static org.presslens.common.Schemas.column;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.presslens.common.Schemas;

/** The frames table: the share of an outlet's articles that invoke each frame of the Policy Frames Codebook. */
public final class FrameShares {
  public static final String TABLE = "frames";
  public static final String GRAIN = "one row per (outlet, period, frame) for every outlet with canonical articles in "
      + "the period and each of the 15 frames, zero counts included";

  public static final String FRAME = "frame";
  public static final String FRAME_NAME = "frame_name";
  public static final String INVOKING = "invoking_articles";
  public static final String MEAN_HITS = "mean_hits";

  public static final StructType SCHEMA = Schemas.struct(
      Columns.outlet(),
      Columns.periodStart(),
      column(FRAME, DataTypes.StringType, false, "Frame id (docs/framing.md); other: articles that invoke no frame"),
      column(FRAME_NAME, DataTypes.StringType, false, "The frame's name in the codebook"),
      column(Columns.ARTICLES, DataTypes.LongType, false, "Canonical articles of the outlet in the period"),
      column(INVOKING, DataTypes.LongType, false,
          "Articles with at least framing.frames.min_hits of the frame's cues (for other: with no frame)"),
      Columns.share(INVOKING + " / " + Columns.ARTICLES), Columns.shareLow(), Columns.shareHigh(),
      column(MEAN_HITS, DataTypes.DoubleType, false, "Mean cue hits of the frame per article"));

  private FrameShares() {}
}
