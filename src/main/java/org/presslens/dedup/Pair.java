package org.presslens.dedup;

import java.io.Serializable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * A candidate or exact pair with its verdict (relation null: not a duplicate). Ids ordered (idA < idB); keys are
 * the articles' 64-bit keys, the graph's node ids. Plain fields and a no-argument constructor, for Kryo.
 */
public final class Pair implements Serializable {
  private static final long serialVersionUID = 1L;
  String idA;
  String idB;
  long keyA;
  long keyB;
  String relation;
  double jaccard;
  double containment;
  /** MinHash estimate of the Jaccard similarity; null for exact pairs and for candidates that are not copies. */
  Double estimate;
  /** Shingles of each article and shared by both, as judged (null for exact pairs). */
  Integer shinglesA;
  Integer shinglesB;
  Integer shared;
  /** Shared shingles left out of the judgement as the outlet's template. */
  int templateShared;
  /** Why the pair is a copy, in words; null when it is not. */
  String evidence;
  /** For a verified pair of one outlet, before its templates are known: the outlet and the shared shingles. */
  String outlet;
  int[] sharedShingles;

  Pair() {}

  static Pair of(Sketch left, Sketch right, String relation, double jaccard, double containment, Double estimate) {
    boolean ordered = left.id.compareTo(right.id) < 0;
    Pair p = new Pair();
    p.idA = ordered ? left.id : right.id;
    p.idB = ordered ? right.id : left.id;
    p.keyA = ordered ? left.key : right.key;
    p.keyB = ordered ? right.key : left.key;
    p.relation = relation;
    p.jaccard = jaccard;
    p.containment = containment;
    p.estimate = estimate;
    p.evidence = "exact".equals(relation) ? EXACT_EVIDENCE : null;
    return p;
  }

  /** The evidence of an exact pair. */
  static final String EXACT_EVIDENCE = "same cleaned text (text_hash)";

  boolean isDuplicate() {
    return relation != null;
  }

  /** As a row of {@link DuplicatePairs#SCHEMA}. */
  Row toRow() {
    return RowFactory.create(idA, idB, relation, jaccard, containment, estimate, shinglesA, shinglesB, shared,
        templateShared, evidence);
  }
}
