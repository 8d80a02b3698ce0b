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
 * Executor side: one duplicate cluster's members (headers, without shingles) to their rows of the duplicates
 * table. Picks the canonical by the configured order; members with the canonical's text are exact copies; the
 * others need both shingle sets and come back through {@link #relate}.
 */
final class Clusters implements Serializable {
  private static final long serialVersionUID = 1L;
  private final List<String> canonicalOrder;
  private final VerifyPairs verifier;

  Clusters(List<String> canonicalOrder, VerifyPairs verifier) {
    this.canonicalOrder = canonicalOrder;
    this.verifier = verifier;
  }

  /** A member's place in its cluster, before its similarity to the canonical is known. */
  static final class Member implements Serializable {
    private static final long serialVersionUID = 1L;
    Sketch article;
    String clusterId;
    String canonicalId;
    long canonicalKey;
    boolean sameTextAsCanonical;
    long size;
    long outlets;

    Member() {}

    boolean needsShingles() {
      return !sameTextAsCanonical;
    }
  }

  /** The members of one cluster, placed. */
  List<Member> place(Iterable<Sketch> headers) {
    List<Sketch> members = new ArrayList<>();
    headers.forEach(members::add);
    Sketch canonical = members.stream().min(order(canonicalOrder)).orElseThrow();
    String clusterId = members.stream().map(s -> s.id).min(String::compareTo).orElseThrow();
    Set<String> outlets = new HashSet<>();
    members.stream().filter(s -> s.outlet != null).forEach(s -> outlets.add(s.outlet));
    List<Member> out = new ArrayList<>(members.size());
    for (Sketch s : members) {
      Member m = new Member();
      m.article = s;
      m.clusterId = clusterId;
      m.canonicalId = canonical.id;
      m.canonicalKey = canonical.key;
      m.sameTextAsCanonical = s.textHash.equals(canonical.textHash);
      m.size = members.size();
      m.outlets = outlets.size();
      out.add(m);
    }
    return out;
  }

  /** The row of a member with the canonical's text (the canonical itself included). */
  Row row(Member m) {
    boolean canonical = m.article.id.equals(m.canonicalId);
    return row(m, canonical ? "none" : "exact", 1.0, 1.0);
  }

  /** The row of a member with another text: exact similarity to the canonical, from both shingle sets. */
  Row relate(Member m, int[] own, int[] canonicalShingles) {
    SetSimilarity s = SetSimilarity.of(own, canonicalShingles);
    String verified = verifier.relation(s);
    return row(m, verified == null ? "linked" : verified, s.jaccard(), s.containment());
  }

  /** The row of an article in no cluster: its own canonical. */
  static Row single(Sketch s) {
    return new RowValues(Duplicates.SCHEMA)
        .set(Duplicates.ARTICLE_ID, s.id)
        .set(Duplicates.CLUSTER_ID, s.id)
        .set(Duplicates.IS_CANONICAL, true)
        .set(Duplicates.CANONICAL_ID, s.id)
        .set(Duplicates.RELATION, "none")
        .set(Duplicates.JACCARD, 1.0)
        .set(Duplicates.CONTAINMENT, 1.0)
        .set(Duplicates.CLUSTER_SIZE, 1L)
        .set(Duplicates.CLUSTER_OUTLETS, s.outlet == null ? 0L : 1L)
        .set(Duplicates.SHINGLES, s.shingleCount)
        .build();
  }

  private static Row row(Member m, String relation, double jaccard, double containment) {
    return new RowValues(Duplicates.SCHEMA)
        .set(Duplicates.ARTICLE_ID, m.article.id)
        .set(Duplicates.CLUSTER_ID, m.clusterId)
        .set(Duplicates.IS_CANONICAL, m.article.id.equals(m.canonicalId))
        .set(Duplicates.CANONICAL_ID, m.canonicalId)
        .set(Duplicates.RELATION, relation)
        .set(Duplicates.JACCARD, jaccard)
        .set(Duplicates.CONTAINMENT, containment)
        .set(Duplicates.CLUSTER_SIZE, m.size)
        .set(Duplicates.CLUSTER_OUTLETS, m.outlets)
        .set(Duplicates.SHINGLES, m.article.shingleCount)
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
