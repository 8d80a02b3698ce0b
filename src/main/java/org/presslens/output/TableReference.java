package org.presslens.output;

import java.util.List;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.presslens.common.Rejects;
import org.presslens.dedup.DuplicatePairs;
import org.presslens.dedup.Duplicates;
import org.presslens.entities.CooccurrenceTable;
import org.presslens.entities.EntityMentions;
import org.presslens.entities.EntityTable;
import org.presslens.framing.ArticleFraming;
import org.presslens.framing.Attention;
import org.presslens.framing.CopySources;
import org.presslens.framing.DistinctiveWords;
import org.presslens.framing.FrameShares;
import org.presslens.framing.LabelChoices;
import org.presslens.framing.LabelTargetTable;
import org.presslens.framing.Originality;
import org.presslens.framing.QuoteTable;
import org.presslens.framing.QuotedSpeakers;
import org.presslens.framing.ToneByEntity;
import org.presslens.framing.ToneByOutlet;
import org.presslens.normalize.Articles;
import org.presslens.normalize.Boilerplate;

/**
 * Every output table with its grain and schema, rendered as the Markdown that docs/tables.md embeds; a test
 * fails when the two disagree.
 */
public final class TableReference {
  /** One output table. */
  public record Table(String name, String grain, StructType schema, String partitionColumn) {}

  public static final List<Table> TABLES = List.of(
      new Table(Articles.TABLE, Articles.GRAIN, Articles.SCHEMA, Articles.PARTITION),
      new Table(Rejects.TABLE, Rejects.GRAIN, Rejects.SCHEMA, null),
      new Table(Boilerplate.TABLE, Boilerplate.GRAIN, Boilerplate.SCHEMA, null),
      new Table(Duplicates.TABLE, Duplicates.GRAIN, Duplicates.SCHEMA, null),
      new Table(DuplicatePairs.TABLE, DuplicatePairs.GRAIN, DuplicatePairs.SCHEMA, null),
      new Table(EntityMentions.TABLE, EntityMentions.GRAIN, EntityMentions.SCHEMA, null),
      new Table(EntityTable.TABLE, EntityTable.GRAIN, EntityTable.SCHEMA, null),
      new Table(CooccurrenceTable.TABLE, CooccurrenceTable.GRAIN, CooccurrenceTable.SCHEMA, null),
      new Table(ArticleFraming.TABLE, ArticleFraming.GRAIN, ArticleFraming.SCHEMA, null),
      new Table(Attention.TABLE, Attention.GRAIN, Attention.SCHEMA, null),
      new Table(DistinctiveWords.TABLE, DistinctiveWords.GRAIN, DistinctiveWords.SCHEMA, null),
      new Table(FrameShares.TABLE, FrameShares.GRAIN, FrameShares.SCHEMA, null),
      new Table(ToneByOutlet.TABLE, ToneByOutlet.GRAIN, ToneByOutlet.SCHEMA, null),
      new Table(ToneByEntity.TABLE, ToneByEntity.GRAIN, ToneByEntity.SCHEMA, null),
      new Table(LabelChoices.TABLE, LabelChoices.GRAIN, LabelChoices.SCHEMA, null),
      new Table(LabelTargetTable.TABLE, LabelTargetTable.GRAIN, LabelTargetTable.SCHEMA, null),
      new Table(QuoteTable.TABLE, QuoteTable.GRAIN, QuoteTable.SCHEMA, null),
      new Table(QuotedSpeakers.TABLE, QuotedSpeakers.GRAIN, QuotedSpeakers.SCHEMA, null),
      new Table(Originality.TABLE, Originality.GRAIN, Originality.SCHEMA, null),
      new Table(CopySources.TABLE, CopySources.GRAIN, CopySources.SCHEMA, null));

  /**
   * The state tables of incremental runs with described columns (under {@code <output>/_state/}; docs/incremental.md
   * embeds them). The raw mentions and framing scores, kept in the stages' own layouts, are described there in prose.
   */
  public static final List<Table> STATE = List.of(
      new Table(Batches.TABLE, "one row per batch", Batches.SCHEMA, null));

  private TableReference() {}

  public static String markdown(Table table) {
    StringBuilder out = new StringBuilder();
    out.append("Grain: ").append(table.grain()).append(".");
    if (table.partitionColumn() != null) {
      out.append(" Partitioned by `").append(table.partitionColumn()).append("`.");
    }
    out.append("\n\n| column | type | required | description |\n|---|---|---|---|\n");
    for (StructField field : table.schema().fields()) {
      out.append("| `").append(field.name()).append("` | ").append(field.dataType().simpleString()).append(" | ")
          .append(field.nullable() ? "no" : "yes").append(" | ")
          .append(field.getComment().get().replace("|", "\\|")).append(" |\n");
    }
    return out.toString();
  }
}
