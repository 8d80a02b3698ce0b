package org.presslens.dedup;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.presslens.common.RowValues;

/**
 * Executor side: one duplicate cluster's members (with their shingles) to their rows of the duplicates table.
 * Picks the canonical by the configured order; members with the canonical's text are exact copies; the others
 * are compared with the canonical on both shingle sets.
 */
final class Clusters implements Serializable {
  private static final long serialVersionUID = 1L;
  private final List<String> canonicalOrder;
  private final VerifyPairs verifier;

  Clusters(List<String> canonicalOrder, VerifyPairs verifier) {
    this.canonicalOrder = canonicalOrder;
    this.verifier = verifier;
  }

  /** The rows of one cluster's members. */
  List<Row> rows(Iterable<Sketch> cluster) {
    List<Sketch> members = new ArrayList<>();
    cluster.forEach(members::add);
    Sketch canonical = members.stream().min(order(canonicalOrder)).orElseThrow();
    String clusterId = members.stream().map(s -> s.id).min(String::compareTo).orElseThrow();
    Set<String> outlets = new HashSet<>();
    members.stream().filter(s -> s.outlet != null).forEach(s -> outlets.add(s.outlet));
    List<Row> out = new ArrayList<>(members.size());
    for (Sketch s : members) {
      String relation;
      double jaccard = 1.0;
      double containment = 1.0;
      if (s == canonical) {
        relation = "none";
      } else if (s.textHash.equals(canonical.textHash)) {
        relation = "exact";
      } else {
        VerifyPairs.Judgement judged = verifier.judge(s, canonical);
        SetSimilarity similarity = judged.similarity();
        String verified = verifier.relation(judged);
        relation = verified == null ? "linked" : verified;
        jaccard = similarity.jaccard();
        containment = similarity.containment();
      }
      out.add(row(s, clusterId, canonical.id, relation, jaccard, containment, members.size(), outlets.size()));
    }
    return out;
  }

  /** The row of an article in no cluster: its own canonical. */
  static Row single(Sketch s) {
    return row(s, s.id, s.id, "none", 1.0, 1.0, 1, s.outlet == null ? 0 : 1);
  }

  private static Row row(Sketch s, String clusterId, String canonicalId, String relation, double jaccard,
      double containment, long size, long outlets) {
    return new RowValues(Duplicates.SCHEMA)
        .set(Duplicates.ARTICLE_ID, s.id)
        .set(Duplicates.CLUSTER_ID, clusterId)
        .set(Duplicates.IS_CANONICAL, s.id.equals(canonicalId))
        .set(Duplicates.CANONICAL_ID, canonicalId)
        .set(Duplicates.RELATION, relation)
        .set(Duplicates.JACCARD, jaccard)
        .set(Duplicates.CONTAINMENT, containment)
        .set(Duplicates.CLUSTER_SIZE, size)
        .set(Duplicates.CLUSTER_OUTLETS, outlets)
        .set(Duplicates.SHINGLES, s.shingleCount)
        .build();
  }

  /** The canonical order: earliest (undated last), longest, smallest id; id always breaks the last tie. */
  static Comparator<Sketch> order(List<String> keys) {
    Comparator<Sketch> order = null;
    for (String key : keys) {
      Comparator<Sketch> next = switch (key) {
        case "earliest" -> Comparator.comparing((Sketch s) -> s.publishedDay,
            Comparator.nullsLast(Comparator.naturalOrder()));
        case "longest" -> Comparator.comparingInt((Sketch s) -> s.wordCount).reversed();
        case "id" -> Comparator.comparing((Sketch s) -> s.id);
        default -> throw new IllegalArgumentException("unknown canonical order key " + key);
      };
      order = order == null ? next : order.thenComparing(next);
    }
    Comparator<Sketch> byId = Comparator.comparing((Sketch s) -> s.id);
    return order == null ? byId : order.thenComparing(byId);
  }
}
