package org.presslens.dedup;

import static org.presslens.common.Schemas.column;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.presslens.common.Schemas;

/** The verified duplicate pairs, with both scores: the edges the clusters are built from. */
public final class DuplicatePairs {
  public static final String TABLE = "duplicate_pairs";
  public static final String GRAIN = "one row per verified pair of articles (article_a < article_b)";

  public static final String ARTICLE_A = "article_a";
  public static final String ARTICLE_B = "article_b";
  public static final String RELATION = "relation";
  public static final String JACCARD = "jaccard";
  public static final String CONTAINMENT = "containment";
  public static final String ESTIMATED_JACCARD = "estimated_jaccard";

  public static final StructType SCHEMA = Schemas.struct(
      column(ARTICLE_A, DataTypes.StringType, false, "The smaller article_id of the pair"),
      column(ARTICLE_B, DataTypes.StringType, false, "The larger article_id of the pair"),
      column(RELATION, DataTypes.StringType, false, "exact (same cleaned text), near or contained"),
      column(JACCARD, DataTypes.DoubleType, false, "Exact Jaccard similarity of the shingle sets"),
      column(CONTAINMENT, DataTypes.DoubleType, false, "Exact containment |A∩B|/min(|A|,|B|)"),
      column(ESTIMATED_JACCARD, DataTypes.DoubleType, true,
          "MinHash estimate of the Jaccard similarity (share of equal signature positions); null for exact pairs"));

  private DuplicatePairs() {}
}
