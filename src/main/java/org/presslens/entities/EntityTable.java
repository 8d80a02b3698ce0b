package org.presslens.entities;

import static org.presslens.common.Schemas.column;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.presslens.common.Schemas;

/** The entities table: one row per canonical entity. */
public final class EntityTable {
  public static final String TABLE = "entities";
  public static final String GRAIN = "one row per canonical entity (entity_id)";

  public static final String ENTITY_ID = "entity_id";
  public static final String NAME = "name";
  public static final String ENTITY_TYPE = "entity_type";
  public static final String TYPE_SHARE = "type_share";
  public static final String GENDER = "gender";
  public static final String MENTIONS = "mentions";
  public static final String DOCUMENTS = "documents";
  public static final String OUTLETS = "outlets";
  public static final String TOP_SURFACE_FORMS = "top_surface_forms";
  public static final String FIRST_SEEN = "first_seen";
  public static final String LAST_SEEN = "last_seen";

  public static final StructType SCHEMA = Schemas.struct(
      column(ENTITY_ID, DataTypes.StringType, false,
          "Stable id: 16 hex of SHA-256 of the resolved name key (lower case, no accents or dots)"),
      column(NAME, DataTypes.StringType, false,
          "The entity's name: its most frequent resolved form written as its key (a full name, not a short form)"),
      column(ENTITY_TYPE, DataTypes.StringType, false,
          "PERSON, ORGANIZATION, LOCATION or MISC: the most voted type of its mentions (a title or honorific votes"
              + " PERSON)"),
      column(TYPE_SHARE, DataTypes.DoubleType, false, "Share of the mentions' votes that went to entity_type"),
      column(GENDER, DataTypes.StringType, true,
          "PERSON only: M or F when the mentions written with its name say so (honorifics 3 votes, the pronoun"
              + " after a mention 1; 3+ votes, 2 to 1, no honorific of the other side), else null"),
      column(MENTIONS, DataTypes.LongType, false, "Mentions in canonical articles"),
      column(DOCUMENTS, DataTypes.LongType, false, "Canonical articles mentioning it"),
      column(OUTLETS, DataTypes.LongType, false, "Distinct outlets of those articles"),
      column(TOP_SURFACE_FORMS, DataTypes.createArrayType(DataTypes.StringType, false), false,
          "Up to 5 surface forms, most frequent first"),
      column(FIRST_SEEN, DataTypes.DateType, true, "Earliest publication date of an article mentioning it"),
      column(LAST_SEEN, DataTypes.DateType, true, "Latest publication date of an article mentioning it"));

  private EntityTable() {}
}
