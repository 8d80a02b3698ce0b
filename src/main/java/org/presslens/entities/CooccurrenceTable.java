package org.presslens.entities;

import static org.presslens.common.Schemas.column;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.presslens.common.Schemas;

/** The cooccurrence table: how strongly two entities are mentioned together, per window and scope. */
public final class CooccurrenceTable {
  public static final String TABLE = "cooccurrence";
  public static final String GRAIN = "one row per (window, scope, outlet, period_start, entity_a, entity_b), "
      + "entity_a < entity_b";

  public static final StructType SCHEMA = Schemas.struct(
      column("window", DataTypes.StringType, false,
          "sentence (a pair counts once per sentence mentioning both) or document (once per article)"),
      column("scope", DataTypes.StringType, false, "corpus, outlet, period or outlet_period: what N and the counts cover"),
      column("outlet", DataTypes.StringType, true, "The outlet of an outlet or outlet_period scope, else null"),
      column("period_start", DataTypes.DateType, true,
          "First day of the period (day, ISO week or month: cooccurrence.period) of a period or outlet_period scope; "
              + "undated articles are only in the corpus and outlet scopes"),
      column("entity_a", DataTypes.StringType, false, "The smaller entity_id of the pair"),
      column("entity_b", DataTypes.StringType, false, "The larger entity_id of the pair"),
      column("name_a", DataTypes.StringType, false, "entities.name of entity_a"),
      column("name_b", DataTypes.StringType, false, "entities.name of entity_b"),
      column("type_a", DataTypes.StringType, false, "entities.entity_type of entity_a"),
      column("type_b", DataTypes.StringType, false, "entities.entity_type of entity_b"),
      column("n_ab", DataTypes.LongType, false, "Windows of the scope mentioning both (each duplicate cluster once: canonical articles only)"),
      column("n_a", DataTypes.LongType, false, "Windows of the scope mentioning entity_a"),
      column("n_b", DataTypes.LongType, false, "Windows of the scope mentioning entity_b"),
      column("n", DataTypes.LongType, false, "Windows of the scope mentioning any entity (N)"),
      column("n_ab_with_copies", DataTypes.LongType, false,
          "n_ab if every copy of a duplicate cluster were counted (sum of the windows' cluster sizes): syndication"),
      column("pmi", DataTypes.DoubleType, false, "Pointwise mutual information ln(n_ab N / (n_a n_b))"),
      column("npmi", DataTypes.DoubleType, false, "Normalised PMI: pmi / -ln(n_ab / N), in [-1, 1]"),
      column("g2", DataTypes.DoubleType, false,
          "Dunning's log-likelihood ratio G² of the 2x2 table (n_ab, n_a - n_ab, n_b - n_ab, N - n_a - n_b + n_ab)"),
      column("outlets", DataTypes.LongType, false, "Distinct outlets of the articles with windows mentioning both (articles without an outlet count as one)"),
      column("example_articles", DataTypes.createArrayType(DataTypes.StringType, false), false,
          "Up to 3 article_ids (smallest first) with a window mentioning both"));

  private CooccurrenceTable() {}
}
