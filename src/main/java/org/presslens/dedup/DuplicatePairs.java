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
  public static final String SHINGLES_A = "shingles_a";
  public static final String SHINGLES_B = "shingles_b";
  public static final String SHARED_SHINGLES = "shared_shingles";
  public static final String TEMPLATE_SHINGLES = "template_shingles";
  public static final String EVIDENCE = "evidence";

  public static final StructType SCHEMA = Schemas.struct(
      column(ARTICLE_A, DataTypes.StringType, false, "The smaller article_id of the pair"),
      column(ARTICLE_B, DataTypes.StringType, false, "The larger article_id of the pair"),
      column(RELATION, DataTypes.StringType, false, "exact (same cleaned text), near or contained"),
      column(JACCARD, DataTypes.DoubleType, false,
          "Exact Jaccard similarity of the shingle sets the pair was judged on (1 for exact pairs)"),
      column(CONTAINMENT, DataTypes.DoubleType, false,
          "Exact containment |A∩B|/min(|A|,|B|) of the sets the pair was judged on (1 for exact pairs)"),
      column(ESTIMATED_JACCARD, DataTypes.DoubleType, true,
          "MinHash estimate of the Jaccard similarity of the whole sets (share of equal signature positions); null "
              + "for exact pairs"),
      column(SHINGLES_A, DataTypes.IntegerType, true,
          "Shingles of article_a the pair was judged on (its outlet's template shingles left out when both articles "
              + "are of one outlet); null for exact pairs"),
      column(SHINGLES_B, DataTypes.IntegerType, true, "The same for article_b"),
      column(SHARED_SHINGLES, DataTypes.IntegerType, true, "Shingles of both, as judged; null for exact pairs"),
      column(TEMPLATE_SHINGLES, DataTypes.IntegerType, false,
          "Shingles both share that were left out as their outlet's template (0 when none)"),
      column(EVIDENCE, DataTypes.StringType, false,
          "Which evidence verified the pair, in words: the same cleaned text, or the score and threshold that "
              + "were met, on which shingles, and how much outlet template was left out"));

  private DuplicatePairs() {}
}
