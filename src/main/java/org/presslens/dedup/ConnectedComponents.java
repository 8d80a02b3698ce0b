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
 * SoCC 2014) runs until the edges form stars; it converges in O(log² n) rounds and never gathers the edges on
 * the driver. Each round is materialised by one job, the convergence test (whether the edges already form stars,
 * the fixed point), and its lineage cut with a local checkpoint (released by Spark's context cleaner).
 */
public final class ConnectedComponents {
  private ConnectedComponents() {}

  /**
   * Input: edges in any direction (self loops allowed). Output: (node, component) for every node with an edge,
   * where component is the smallest node id of its component.
   */
  public static JavaPairRDD<Long, Long> of(JavaRDD<Tuple2<Long, Long>> edges, int partitions, int maxRounds) {
    if (partitions == 1) {
      // the whole graph fits one partition: one union-find gives the components, no shuffle, no rounds
      return edges.coalesce(1).mapPartitionsToPair(ConnectedComponents::components);
    }
    JavaRDD<Tuple2<Long, Long>> e = checkpoint(edges.mapPartitions(ConnectedComponents::contract)
        .distinct(partitions));
    for (int round = 0; !isStarForest(e, partitions); round++) {
      if (round == maxRounds) {
        throw new IllegalStateException("connected components did not converge in " + maxRounds + " rounds");
      }
      e = checkpoint(smallStar(largeStar(e, partitions), partitions));
    }
    // every component is a star around its smallest node: (leaf, centre) edges
    return e.flatMapToPair(t -> List.of(t, new Tuple2<>(t._2(), t._2())).iterator())
        .reduceByKey(Math::min, partitions);
  }

  /**
   * Whether the (larger, smaller) edges form stars: no node is both a leaf and a centre, and no leaf has two
   * centres. Then each centre is the smallest node of its component and the edge set is the algorithm's fixed
   * point. One job, which also materialises the round.
   */
  static boolean isStarForest(JavaRDD<Tuple2<Long, Long>> e, int partitions) {
    long leafOnce = 1L;
    long centre = 1L << 32;
    return e.flatMapToPair(t -> List.of(new Tuple2<>(t._1(), leafOnce), new Tuple2<>(t._2(), centre)).iterator())
        .reduceByKey(Long::sum, partitions)
        .filter(t -> {
          long leaves = t._2() & 0xffffffffL;
          return leaves > 1 || (leaves == 1 && t._2() >>> 32 > 0);
        })
        .count() == 0;
  }

  /** A partition's edges as (node, smallest node of its local component) for every non-root node. */
  static Iterator<Tuple2<Long, Long>> contract(Iterator<Tuple2<Long, Long>> edges) {
    return unionFind(edges, false);
  }

  /** A partition's edges as (node, smallest node of its component) for every node, roots included. */
  static Iterator<Tuple2<Long, Long>> components(Iterator<Tuple2<Long, Long>> edges) {
    return unionFind(edges, true);
  }

  private static Iterator<Tuple2<Long, Long>> unionFind(Iterator<Tuple2<Long, Long>> edges, boolean roots) {
    Map<Long, Long> parent = new HashMap<>();
    java.util.Set<Long> linked = new java.util.HashSet<>();
    while (edges.hasNext()) {
      Tuple2<Long, Long> edge = edges.next();
      long a = root(parent, edge._1());
      long b = root(parent, edge._2());
      if (a != b) {
        parent.put(Math.max(a, b), Math.min(a, b));
        linked.add(Math.min(a, b));
      }
    }
    List<Tuple2<Long, Long>> out = new ArrayList<>();
    for (Long node : new ArrayList<>(parent.keySet())) {
      long r = root(parent, node);
      if (r != node || (roots && linked.contains(node))) {
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

  /** The smallest of a node and its neighbours. */
  private static long smallest(long node, Iterable<Long> neighbours) {
    long m = node;
    for (long v : neighbours) {
      m = Math.min(m, v);
    }
    return m;
  }

  /** Every node links its strictly larger neighbours to the smallest node of its closed neighbourhood. */
  static JavaRDD<Tuple2<Long, Long>> largeStar(JavaRDD<Tuple2<Long, Long>> e, int partitions) {
    return e.flatMapToPair(t -> List.of(t, t.swap()).iterator())
        .groupByKey(partitions)
        .flatMap(group -> {
          long u = group._1();
          long m = smallest(u, group._2());
          List<Tuple2<Long, Long>> out = new ArrayList<>();
          for (long v : group._2()) {
            if (v > u) {
              out.add(new Tuple2<>(v, m));
            }
          }
          return out.iterator();
        }); // repeats are harmless: small-star groups them and emits distinct edges
  }

  /** Every node links itself and its smaller neighbours to the smallest of them. Input edges: (larger, smaller). */
  static JavaRDD<Tuple2<Long, Long>> smallStar(JavaRDD<Tuple2<Long, Long>> e, int partitions) {
    return e.mapToPair(t -> t)
        .groupByKey(partitions)
        .flatMap(group -> {
          long u = group._1();
          long m = smallest(u, group._2());
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
}
