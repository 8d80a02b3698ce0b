package org.presslens.framing;

import static org.presslens.common.Schemas.column;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.presslens.common.Schemas;

/** The copy_sources table: which outlets an outlet copies. */
public final class CopySources {
  public static final String TABLE = "copy_sources";
  public static final String GRAIN = "one row per (outlet, source outlet) with at least one copy";

  public static final String SOURCE_OUTLET = "source_outlet";
  public static final String COPIES = "copies";
  public static final String OUTLET_COPIES = "outlet_copies";

  public static final StructType SCHEMA = Schemas.struct(
      Columns.outlet(),
      column(SOURCE_OUTLET, DataTypes.StringType, true, "Outlet of the originals copied"),
      column(COPIES, DataTypes.LongType, false, "Articles of the outlet copying an original of source_outlet"),
      column(OUTLET_COPIES, DataTypes.LongType, false, "All copies from other outlets in the outlet"),
      Columns.share(COPIES + " / " + OUTLET_COPIES), Columns.shareLow(), Columns.shareHigh());

  private CopySources() {}
}
