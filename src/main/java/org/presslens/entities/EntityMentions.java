package org.presslens.entities;

import static org.presslens.common.Schemas.column;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.presslens.common.Schemas;

/** The entity_mentions table: every named-entity mention in a canonical article, linked to its entity. */
public final class EntityMentions {
  public static final String TABLE = "entity_mentions";
  public static final String GRAIN = "one row per entity mention in a canonical article (title or text)";

  public static final String ARTICLE_ID = "article_id";
  public static final String OUTLET = "outlet";
  public static final String PUBLISHED_DATE = "published_date";
  public static final String ENTITY_ID = "entity_id";
  public static final String ENTITY_TYPE = "entity_type";
  public static final String ENTITY_NAME = "entity_name";
  public static final String SURFACE = "surface";
  public static final String FIELD = "field";
  public static final String CHAR_START = "char_start";
  public static final String CHAR_END = "char_end";
  public static final String SENTENCE_INDEX = "sentence_index";
  public static final String PARAGRAPH_INDEX = "paragraph_index";
  public static final String IN_LEAD = "in_lead";
  public static final String LINK_METHOD = "link_method";
  public static final String LINK_EVIDENCE = "link_evidence";
  public static final String TAGGED_TYPE = "tagged_type";

  public static final StructType SCHEMA = Schemas.struct(
      column(ARTICLE_ID, DataTypes.StringType, false, "The article (articles.article_id); canonical articles only"),
      column(OUTLET, DataTypes.StringType, true, "The article's outlet (copied from articles for convenience)"),
      column(PUBLISHED_DATE, DataTypes.DateType, true, "The article's publication date (copied from articles)"),
      column(ENTITY_ID, DataTypes.StringType, false, "The entity (entities.entity_id)"),
      column(ENTITY_TYPE, DataTypes.StringType, false, "The entity's type (entities.entity_type)"),
      column(TAGGED_TYPE, DataTypes.StringType, false,
          "The tagger's type for this mention: PERSON, ORGANIZATION, LOCATION or MISC"),
      column(ENTITY_NAME, DataTypes.StringType, false, "The entity's name (entities.name)"),
      column(SURFACE, DataTypes.StringType, false, "The mention as written, from its character offsets"),
      column(FIELD, DataTypes.StringType, false, "title or text: which field of the article the offsets refer to"),
      column(CHAR_START, DataTypes.IntegerType, false, "Offset of the mention's first character in the field"),
      column(CHAR_END, DataTypes.IntegerType, false, "Offset just after the mention's last character"),
      column(SENTENCE_INDEX, DataTypes.IntegerType, false, "Sentence of the field, from 0"),
      column(PARAGRAPH_INDEX, DataTypes.IntegerType, true, "Paragraph of the text, from 0; null in the title"),
      column(IN_LEAD, DataTypes.BooleanType, false, "True in the title or the text's first paragraph"),
      column(LINK_METHOD, DataTypes.StringType, false,
          "How the mention was linked to its entity. In its article: exact (its cleaned name), alias (curated alias"
              + " map), transliteration (spelling variant), initial (a full name without the middle initial another"
              + " mention has), short_form (tail of a longer name), acronym, edit_distance (a one-off typo). Across"
              + " articles: transliteration, initial (middle initials dropped), corpus_referent (a one-word name to the"
              + " full name other articles link it to), gender (an honorific taken back from a person not of its"
              + " gender, and left unresolved). See docs/entities.md"),
      column(LINK_EVIDENCE, DataTypes.StringType, true,
          "Why, in words: the longer name and its count, the corpus counts behind a link across articles, or why an"
              + " in-article link was undone; null for a name that is simply itself"));

  private EntityMentions() {}
}
