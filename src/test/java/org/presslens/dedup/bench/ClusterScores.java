package org.presslens.dedup.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Scores a predicted clustering against the truth: adjusted Rand index and pairwise precision / recall / F1. */
public record ClusterScores(long truePairs, long predictedPairs, long correctPairs, double ari) {

  public double precision() {
    return predictedPairs == 0 ? 1.0 : (double) correctPairs / predictedPairs;
  }

  public double recall() {
    return truePairs == 0 ? 1.0 : (double) correctPairs / truePairs;
  }

  public double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /** Both maps give every item its cluster label; items missing from {@code predicted} count as singletons. */
  public static ClusterScores of(Map<String, String> truth, Map<String, String> predicted) {
    Map<String, Long> truthSizes = new HashMap<>();
    Map<String, Long> predictedSizes = new HashMap<>();
    Map<String, Long> both = new HashMap<>();
    for (Map.Entry<String, String> item : truth.entrySet()) {
      String p = predicted.getOrDefault(item.getKey(), "single:" + item.getKey());
      truthSizes.merge(item.getValue(), 1L, Long::sum);
      predictedSizes.merge(p, 1L, Long::sum);
      both.merge(item.getValue() + "\u0000" + p, 1L, Long::sum);
    }
    long a = pairs(truthSizes.values());
    long b = pairs(predictedSizes.values());
    long ab = pairs(both.values());
    double total = truth.size() * (truth.size() - 1) / 2.0;
    double expected = a * (double) b / total;
    double max = (a + b) / 2.0;
    double ari = max == expected ? 1.0 : (ab - expected) / (max - expected);
    return new ClusterScores(a, b, ab, ari);
  }

  private static long pairs(Iterable<Long> sizes) {
    long sum = 0;
    for (long n : sizes) {
      sum += n * (n - 1) / 2;
    }
    return sum;
  }

  /**
   * Per kind of document: recall of its true pairs (for a copy: its pair with the original, the member whose
   * id names the true cluster) and precision of the predicted pairs it is part of.
   */
  public record KindScore(String kind, long docs, long truePairs, long foundPairs, long predictedPairs,
      long wrongPairs) {
    public double recall() {
      return truePairs == 0 ? Double.NaN : (double) foundPairs / truePairs;
    }

    public double precision() {
      return predictedPairs == 0 ? Double.NaN : (double) (predictedPairs - wrongPairs) / predictedPairs;
    }
  }

  public static List<KindScore> byKind(Map<String, String> truth, Map<String, String> predicted,
      Map<String, String> kinds, List<String> order) {
    Map<String, List<String>> byPredicted = new HashMap<>();
    Map<String, List<String>> byTruth = new HashMap<>();
    for (String id : truth.keySet()) {
      byPredicted.computeIfAbsent(predicted.getOrDefault(id, "single:" + id), k -> new ArrayList<>()).add(id);
      byTruth.computeIfAbsent(truth.get(id), k -> new ArrayList<>()).add(id);
    }
    Map<String, long[]> counts = new LinkedHashMap<>();
    order.forEach(k -> counts.put(k, new long[5]));
    for (String id : truth.keySet()) {
      long[] c = counts.computeIfAbsent(kinds.get(id), k -> new long[5]);
      c[0]++;
      String p = predicted.getOrDefault(id, "single:" + id);
      boolean representative = id.equals(truth.get(id));
      for (String mate : byTruth.get(truth.get(id))) {
        // a copy is scored on its pair with the original (the cluster's named member), the original on all pairs
        if (!mate.equals(id) && (representative || mate.equals(truth.get(id)))) {
          c[1]++;
          if (p.equals(predicted.getOrDefault(mate, "single:" + mate))) {
            c[2]++;
          }
        }
      }
      for (String mate : byPredicted.get(p)) {
        if (!mate.equals(id)) {
          c[3]++;
          if (!truth.get(mate).equals(truth.get(id))) {
            c[4]++;
          }
        }
      }
    }
    List<KindScore> out = new ArrayList<>();
    counts.forEach((kind, c) -> {
      if (c[0] > 0) {
        out.add(new KindScore(kind, c[0], c[1], c[2], c[3], c[4]));
      }
    });
    return out;
  }
}
