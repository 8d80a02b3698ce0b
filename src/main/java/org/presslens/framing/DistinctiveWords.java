package org.presslens.framing;

import static org.presslens.common.Schemas.column;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.presslens.common.Schemas;

/** The distinctive_words table: words and bigrams an outlet uses more (or less) than the others. */
public final class DistinctiveWords {
  public static final String TABLE = "distinctive_words";
  public static final String GRAIN = "one row per (comparison, term) among the framing.words.top terms of highest and "
      + "of lowest z of the comparison; a comparison is (subset, outlet, other)";

  public static final String SUBSET_ENTITY_ID = "subset_entity_id";
  public static final String SUBSET_ENTITY_NAME = "subset_entity_name";
  public static final String OTHER = "other";
  public static final String TERM = "term";
  public static final String NGRAM = "ngram";
  public static final String COUNT = "count";
  public static final String OTHER_COUNT = "other_count";
  public static final String OUTLET_TERMS = "outlet_terms";
  public static final String OTHER_TERMS = "other_terms";
  public static final String PRIOR = "prior";
  public static final String P_VALUE = "p_value";
  public static final String P_ADJUSTED = "p_adjusted";
  public static final String TESTED = "tested_terms";

  public static final StructType SCHEMA = Schemas.struct(
      column(SUBSET_ENTITY_ID, DataTypes.StringType, true,
          "null: all canonical articles; else only articles that mention this entity (framing.words.entities)"),
      column(SUBSET_ENTITY_NAME, DataTypes.StringType, true, "The subset entity's name"),
      Columns.outlet(),
      column(OTHER, DataTypes.StringType, true,
          "The other side: null for all other outlets together, else the other outlet of a framing.words.outlet_pairs pair"),
      column(TERM, DataTypes.StringType, false, "Lower-cased word or bigram (stop words removed before pairing)"),
      column(NGRAM, DataTypes.IntegerType, false, "1 for a word, 2 for a bigram"),
      column(COUNT, DataTypes.LongType, false, "y_i: uses of the term by the outlet"),
      column(OTHER_COUNT, DataTypes.LongType, false, "y_j: uses of the term by the other side"),
      column(OUTLET_TERMS, DataTypes.LongType, false, "n_i: all term uses (words and bigrams) by the outlet"),
      column(OTHER_TERMS, DataTypes.LongType, false, "n_j: all term uses by the other side"),
      column(PRIOR, DataTypes.DoubleType, false,
          "a_w: the prior count, framing.words.prior times the term's share of all term uses in the subset"),
      Columns.logOdds("the term for the outlet against the other side"), Columns.variance(), Columns.z(),
      column(P_VALUE, DataTypes.DoubleType, false, "Two-sided normal p-value of z"),
      column(P_ADJUSTED, DataTypes.DoubleType, false,
          "Benjamini-Hochberg adjusted p-value over all terms tested in the comparison (false discovery rate)"),
      column(TESTED, DataTypes.LongType, false, "Terms tested in the comparison (the BH family size)"));

  private DistinctiveWords() {}
}
