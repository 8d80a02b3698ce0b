package org.presslens.dedup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Connected components of an undirected graph with 64-bit node ids, distributed: each partition first contracts
 * its own edges with a union-find (a star forest with the same components, usually far fewer edges), then the
 * alternating large-star / small-star algorithm (Kiveris et al., "Connected Components in MapReduce and Beyond",
 * SoCC 2014) runs until a round changes nothing; it converges in O(log² n) rounds and never gathers the edges on
 * the driver. Each round is materialised by one job, the convergence test (edge count and hash sums), and its
 * lineage cut with a local checkpoint (released by Spark's context cleaner once unreferenced).
 */
public final class ConnectedComponents {
  private ConnectedComponents() {}

  /**
   * Input: edges in any direction (self loops allowed). Output: (node, component) for every node with an edge,
   * where component is the smallest node id of its component.
   */
  public static JavaPairRDD<Long, Long> of(JavaRDD<Tuple2<Long, Long>> edges, int partitions, int maxRounds) {
    JavaRDD<Tuple2<Long, Long>> e = checkpoint(edges.mapPartitions(ConnectedComponents::contract)
        .distinct(partitions));
    long[] checksum = checksum(e);
    for (int round = 0; round < maxRounds; round++) {
      JavaRDD<Tuple2<Long, Long>> next = checkpoint(smallStar(largeStar(e, partitions), partitions));
      long[] nextChecksum = checksum(next);
      boolean unchanged = java.util.Arrays.equals(checksum, nextChecksum);
      e = next;
      checksum = nextChecksum;
      if (unchanged) {
        // At convergence every component is a star around its smallest node: (leaf, centre) edges.
        return e.flatMapToPair(t -> List.of(t, new Tuple2<>(t._2(), t._2())).iterator())
            .reduceByKey(Math::min, partitions);
      }
    }
    throw new IllegalStateException("connected components did not converge in " + maxRounds + " rounds");
  }

  /** A partition's edges as (node, smallest node of its local component) for every non-root node. */
  static Iterator<Tuple2<Long, Long>> contract(Iterator<Tuple2<Long, Long>> edges) {
    Map<Long, Long> parent = new HashMap<>();
    while (edges.hasNext()) {
      Tuple2<Long, Long> edge = edges.next();
      long a = root(parent, edge._1());
      long b = root(parent, edge._2());
      if (a != b) {
        parent.put(Math.max(a, b), Math.min(a, b));
      }
    }
    List<Tuple2<Long, Long>> out = new ArrayList<>();
    for (Long node : parent.keySet()) {
      long r = root(parent, node);
      if (r != node) {
        out.add(new Tuple2<>(node, r));
      }
    }
    return out.iterator();
  }

  private static long root(Map<Long, Long> parent, long node) {
    long r = node;
    Long up;
    while ((up = parent.get(r)) != null && up != r) {
      r = up;
    }
    parent.putIfAbsent(node, node);
    // path compression
    long n = node;
    while (n != r) {
      long next = parent.get(n);
      parent.put(n, r);
      n = next;
    }
    return r;
  }

  /** Every node links its strictly larger neighbours to the smallest node of its closed neighbourhood. */
  static JavaRDD<Tuple2<Long, Long>> largeStar(JavaRDD<Tuple2<Long, Long>> e, int partitions) {
    return e.flatMapToPair(t -> List.of(t, t.swap()).iterator())
        .groupByKey(partitions)
        .flatMap(group -> {
          long u = group._1();
          long m = u;
          for (long v : group._2()) {
            m = Math.min(m, v);
          }
          List<Tuple2<Long, Long>> out = new ArrayList<>();
          for (long v : group._2()) {
            if (v > u) {
              out.add(new Tuple2<>(v, m));
            }
          }
          return out.iterator();
        })
        .distinct(partitions);
  }

  /** Every node links itself and its smaller neighbours to the smallest of them. Input edges: (larger, smaller). */
  static JavaRDD<Tuple2<Long, Long>> smallStar(JavaRDD<Tuple2<Long, Long>> e, int partitions) {
    return e.mapToPair(t -> t)
        .groupByKey(partitions)
        .flatMap(group -> {
          long u = group._1();
          long m = u;
          for (long v : group._2()) {
            m = Math.min(m, v);
          }
          List<Tuple2<Long, Long>> out = new ArrayList<>();
          for (long v : group._2()) {
            if (v != m) {
              out.add(new Tuple2<>(v, m));
            }
          }
          if (u != m) {
            out.add(new Tuple2<>(u, m));
          }
          return out.iterator();
        })
        .distinct(partitions);
  }

  private static JavaRDD<Tuple2<Long, Long>> checkpoint(JavaRDD<Tuple2<Long, Long>> e) {
    e.persist(StorageLevel.MEMORY_AND_DISK());
    e.rdd().localCheckpoint();
    return e;
  }

  /**
   * Size and order-independent hash sums of a (distinct) edge set: one job that also materialises the round.
   * Equal checksums of consecutive rounds mean the edge set no longer changes.
   */
  private static long[] checksum(JavaRDD<Tuple2<Long, Long>> e) {
    return e.aggregate(new long[3], (acc, t) -> {
      long h = Shingles.mix(t._1() * 0x9E3779B97F4A7C15L + t._2());
      acc[0]++;
      acc[1] += h;
      acc[2] += Shingles.mix(h);
      return acc;
    }, (x, y) -> new long[] {x[0] + y[0], x[1] + y[1], x[2] + y[2]});
  }
}
