package org.presslens.dedup;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Connected components of an undirected graph, distributed: the alternating large-star / small-star
 * algorithm (Kiveris et al., "Connected Components in MapReduce and Beyond", SoCC 2014), which converges in
 * O(log² n) rounds and never gathers the edges on the driver. Each round checks convergence with one count
 * (one aggregation job, the only actions of the dedup stage besides the bounded frequent-shingle list), and
 * cuts the lineage with a local checkpoint.
 */
public final class ConnectedComponents {
  static final String SRC = "src";
  static final String DST = "dst";
  /** Output columns. */
  public static final String NODE = "node";
  public static final String COMPONENT = "component";

  private ConnectedComponents() {}

  /**
   * Input: edges (src, dst) of string ids, any direction, no self loops needed. Output: one row per node that
   * has an edge: (node, component), where component is the smallest node id of its component.
   */
  public static Dataset<Row> of(Dataset<Row> edges, int maxRounds) {
    Dataset<Row> e = canonical(edges.select(col(SRC), col(DST))).localCheckpoint(false);
    Row checksum = checksum(e);
    for (int round = 0; round < maxRounds; round++) {
      Dataset<Row> next = smallStar(largeStar(e)).localCheckpoint(false);
      Row nextChecksum = checksum(next);
      boolean unchanged = nextChecksum.equals(checksum);
      e = next;
      checksum = nextChecksum;
      if (unchanged) {
        // At convergence every component is a star around its smallest node: (leaf, centre) edges.
        Dataset<Row> leaves = e.select(col(SRC).as(NODE), col(DST).as(COMPONENT));
        Dataset<Row> centres = e.select(col(DST).as(NODE), col(DST).as(COMPONENT));
        return leaves.union(centres).groupBy(NODE).agg(min(COMPONENT).as(COMPONENT));
      }
    }
    throw new IllegalStateException("connected components did not converge in " + maxRounds + " rounds");
  }

  /**
   * Size and order-independent hash sum of a (distinct) edge set: one job that also materialises the round's
   * checkpoint. Equal checksums of consecutive rounds mean the edge set no longer changes.
   */
  private static Row checksum(Dataset<Row> e) {
    // two independent hashes of at most 32 bits each: their sums cannot overflow a long below 2^31 edges
    return e.agg(org.apache.spark.sql.functions.count(lit(1)),
        org.apache.spark.sql.functions.sum(org.apache.spark.sql.functions.hash(col(SRC), col(DST))),
        org.apache.spark.sql.functions.sum(org.apache.spark.sql.functions.shiftrightunsigned(
            org.apache.spark.sql.functions.xxhash64(col(SRC), col(DST)), 33))).first();
  }

  /** Edges stored once, as (larger, smaller), without self loops. */
  private static Dataset<Row> canonical(Dataset<Row> edges) {
    return edges.filter(col(SRC).notEqual(col(DST)))
        .select(org.apache.spark.sql.functions.greatest(col(SRC), col(DST)).as(SRC), least(col(SRC), col(DST)).as(DST))
        .distinct();
  }

  private static Dataset<Row> both(Dataset<Row> e) {
    return e.union(e.select(col(DST).as(SRC), col(SRC).as(DST)));
  }

  /** Every node links its strictly larger neighbours to the smallest node of its closed neighbourhood. */
  static Dataset<Row> largeStar(Dataset<Row> e) {
    Dataset<Row> adjacency = both(e);
    Dataset<Row> smallest = adjacency.groupBy(SRC).agg(least(min(DST), col(SRC)).as("m"));
    return canonical(adjacency.join(smallest, SRC).filter(col(DST).gt(col(SRC)))
        .select(col(DST).as(SRC), col("m").as(DST)));
  }

  /** Every node links itself and its smaller neighbours to the smallest of them. */
  static Dataset<Row> smallStar(Dataset<Row> e) {
    // e is (larger, smaller): for node src, its smaller neighbours are the dst of its rows
    Dataset<Row> smallest = e.groupBy(SRC).agg(min(DST).as("m"));
    Dataset<Row> neighbours = e.join(smallest, SRC).select(col(DST).as(SRC), col("m").as(DST));
    Dataset<Row> self = smallest.select(col(SRC), col("m").as(DST));
    return canonical(neighbours.union(self));
  }
}
