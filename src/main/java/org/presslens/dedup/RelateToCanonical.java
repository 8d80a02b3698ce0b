package org.presslens.dedup;

import java.util.Iterator;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.presslens.common.MappedRows;
import org.presslens.common.RowValues;

/** Executor side: a cluster member's relation and exact similarity to its cluster's canonical article. */
final class RelateToCanonical implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;
  private final double threshold;
  private final double containment;
  private final int minContainedShingles;

  RelateToCanonical(double threshold, double containment, int minContainedShingles) {
    this.threshold = threshold;
    this.containment = containment;
    this.minContainedShingles = minContainedShingles;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    return new MappedRows(rows, this::relate);
  }

  Row relate(Row row) {
    String id = row.getAs(Duplicates.ARTICLE_ID);
    String canonical = row.getAs(Duplicates.CANONICAL_ID);
    int[] own = Dedup.unpack(row.getAs(Dedup.SHINGLES_A));
    int[] other = Dedup.unpack(row.getAs(Dedup.SHINGLES_B));
    boolean sameText = row.getAs("rep").equals(row.getAs("canonical_rep"));
    SetSimilarity s = sameText ? new SetSimilarity(own.length, own.length, own.length) : SetSimilarity.of(own, other);
    String relation;
    if (id.equals(canonical)) {
      relation = "none";
    } else if (sameText) {
      relation = "exact";
    } else {
      String verified = VerifyPairs.relation(s, threshold, containment, minContainedShingles);
      relation = verified == null ? "linked" : verified;
    }
    double jaccard = sameText ? 1.0 : s.jaccard();
    double contained = sameText ? 1.0 : s.containment();
    return new RowValues(Duplicates.SCHEMA)
        .set(Duplicates.ARTICLE_ID, id)
        .set(Duplicates.CLUSTER_ID, row.getAs(Duplicates.CLUSTER_ID))
        .set(Duplicates.IS_CANONICAL, id.equals(canonical))
        .set(Duplicates.CANONICAL_ID, canonical)
        .set(Duplicates.RELATION, relation)
        .set(Duplicates.JACCARD, jaccard)
        .set(Duplicates.CONTAINMENT, contained)
        .set(Duplicates.CLUSTER_SIZE, row.getAs(Duplicates.CLUSTER_SIZE))
        .set(Duplicates.CLUSTER_OUTLETS, row.getAs(Duplicates.CLUSTER_OUTLETS))
        .set(Duplicates.SHINGLES, own.length)
        .build();
  }
}
