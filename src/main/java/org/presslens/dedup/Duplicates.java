package org.presslens.dedup;

import static org.presslens.common.Schemas.column;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.presslens.common.Schemas;

/** The duplicates table: every article with its duplicate cluster. Nothing is deleted. */
public final class Duplicates {
  public static final String TABLE = "duplicates";
  public static final String GRAIN = "one row per article (every article of the articles table)";

  public static final String ARTICLE_ID = "article_id";
  public static final String CLUSTER_ID = "cluster_id";
  public static final String IS_CANONICAL = "is_canonical";
  public static final String CANONICAL_ID = "canonical_id";
  public static final String RELATION = "relation";
  public static final String JACCARD = "jaccard";
  public static final String CONTAINMENT = "containment";
  public static final String CLUSTER_SIZE = "cluster_size";
  public static final String CLUSTER_OUTLETS = "cluster_outlets";
  public static final String SHINGLES = "shingles";

  public static final StructType SCHEMA = Schemas.struct(
      column(ARTICLE_ID, DataTypes.StringType, false, "The article (articles.article_id)"),
      column(CLUSTER_ID, DataTypes.StringType, false,
          "Duplicate cluster: the smallest article_id in it (stable across reruns of the same input)"),
      column(IS_CANONICAL, DataTypes.BooleanType, false,
          "True for the one article per cluster that later stages count (singletons are their own canonical)"),
      column(CANONICAL_ID, DataTypes.StringType, false, "article_id of the cluster's canonical article"),
      column(RELATION, DataTypes.StringType, false,
          "To the canonical: none (the canonical itself, or a singleton), exact (same cleaned text), near "
              + "(Jaccard >= dedup.threshold), contained (containment >= dedup.containment: a cut or abridged "
              + "copy), linked (in the cluster only through other members)"),
      column(JACCARD, DataTypes.DoubleType, false, "Exact Jaccard similarity of the shingle sets with the canonical"),
      column(CONTAINMENT, DataTypes.DoubleType, false,
          "Exact containment |A∩B|/min(|A|,|B|) of the shingle sets with the canonical"),
      column(CLUSTER_SIZE, DataTypes.LongType, false, "Articles in the cluster (1 for a singleton)"),
      column(CLUSTER_OUTLETS, DataTypes.LongType, false, "Distinct outlets in the cluster"),
      column(SHINGLES, DataTypes.IntegerType, false,
          "Distinct shingles of the article; 0 when it is too short to shingle (then only exact copies are found)"));

  private Duplicates() {}
}
