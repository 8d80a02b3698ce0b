package org.presslens.dedup;

import java.util.Iterator;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.presslens.common.MappedRows;

/**
 * Executor side: exact Jaccard and containment of a candidate pair from its two shingle sets, the MinHash
 * estimate, and the relation (near, contained, or null when the pair is not a duplicate).
 */
final class VerifyPairs implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;
  private final SignAndBand signer;
  private final double threshold;
  private final double containment;
  private final int minContainedShingles;

  VerifyPairs(SignAndBand signer, double threshold, double containment, int minContainedShingles) {
    this.signer = signer;
    this.threshold = threshold;
    this.containment = containment;
    this.minContainedShingles = minContainedShingles;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    return new MappedRows(rows, this::verify);
  }

  Row verify(Row pair) {
    int[] a = Dedup.unpack(pair.getAs(Dedup.SHINGLES_A));
    int[] b = Dedup.unpack(pair.getAs(Dedup.SHINGLES_B));
    SetSimilarity s = SetSimilarity.of(a, b);
    String relation = relation(s, threshold, containment, minContainedShingles);
    double estimate = MinHasher.estimate(signer.signature(a), signer.signature(b));
    String left = pair.getAs(DuplicatePairs.ARTICLE_A);
    String right = pair.getAs(DuplicatePairs.ARTICLE_B);
    boolean ordered = left.compareTo(right) < 0;
    return RowFactory.create(ordered ? left : right, ordered ? right : left, relation, s.jaccard(), s.containment(),
        estimate);
  }

  static String relation(SetSimilarity s, double threshold, double containment, int minContainedShingles) {
    if (s.jaccard() >= threshold) {
      return "near";
    }
    if (s.containment() >= containment && Math.min(s.leftSize(), s.rightSize()) >= minContainedShingles) {
      return "contained";
    }
    return null;
  }
}
