package org.presslens.framing;

import static org.presslens.common.Schemas.column;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.presslens.common.Schemas;

/** The tone_by_entity table: the tone of the sentences in which an outlet mentions an entity. */
public final class ToneByEntity {
  public static final String TABLE = "tone_by_entity";
  public static final String GRAIN = "one row per (outlet, entity) with at least one sentence mentioning the entity";

  public static final String ENTITY_ID = "entity_id";
  public static final String ENTITY_NAME = "entity_name";
  public static final String N = "n";
  public static final String ARTICLES = "articles";

  public static final StructType SCHEMA = Schemas.struct(
      Columns.outlet(),
      column(ENTITY_ID, DataTypes.StringType, false, "The entity (entities.entity_id)"),
      column(ENTITY_NAME, DataTypes.StringType, false, "The entity's name"),
      column(N, DataTypes.LongType, false, "Sentences (title or text, canonical articles) that mention the entity"),
      column(ARTICLES, DataTypes.LongType, false, "Canonical articles those sentences come from"),
      Columns.mean("those sentences"), Columns.stdError());

  private ToneByEntity() {}
}
