package org.presslens.dedup;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import scala.Tuple2;

/**
 * Per partition: (shingle, texts of the partition containing it), counted in memory, emitting only shingles in
 * at least half of {@code share} of the partition's texts. A shingle in at least {@code share} of all texts
 * reaches that share in some partition (the overall share is a weighted mean of the partitions' shares), so the
 * frequent ones survive while the long tail never reaches the shuffle. Their summed counts can be short by the
 * partitions that pruned them: the frequent-shingle list is a heuristic for LSH, never used for verification.
 */
final class ShingleCounts implements PairFlatMapFunction<Iterator<Sketch>, Integer, Long> {
  private static final long serialVersionUID = 1L;
  private final double share;

  ShingleCounts(double share) {
    this.share = share;
  }

  @Override
  public Iterator<Tuple2<Integer, Long>> call(Iterator<Sketch> sketches) {
    // the partition's sketches are cached objects: hold references to size the table once instead of regrowing it
    List<int[]> sets = new ArrayList<>();
    long total = 0;
    while (sketches.hasNext()) {
      int[] shingles = sketches.next().shingles;
      sets.add(shingles);
      total += shingles.length;
    }
    long texts = sets.size();
    IntCounter counts = new IntCounter(Integer.highestOneBit((int) Math.min(1 << 29, Math.max(1 << 10, 2 * total))) * 2);
    for (int[] shingles : sets) {
      for (int shingle : shingles) {
        counts.increment(shingle);
      }
    }
    long local = Math.max(2, (long) Math.ceil(texts * share / 2));
    List<Tuple2<Integer, Long>> out = new ArrayList<>();
    counts.forEachAtLeast((int) Math.min(Integer.MAX_VALUE, local), (shingle, n) -> out.add(new Tuple2<>(shingle, (long) n)));
    return out.iterator();
  }

  /** Open-addressing int to count map: no boxing for the millions of shingles of a partition. */
  static final class IntCounter {
    private int[] keys;
    private int[] counts;
    private boolean[] used;
    private int size;

    IntCounter(int capacity) {
      keys = new int[capacity];
      counts = new int[capacity];
      used = new boolean[capacity];
    }

    void increment(int key) {
      if (size * 2 >= keys.length) {
        grow();
      }
      int mask = keys.length - 1;
      int i = (int) Shingles.mix(key) & mask;
      while (used[i] && keys[i] != key) {
        i = (i + 1) & mask;
      }
      if (!used[i]) {
        used[i] = true;
        keys[i] = key;
        size++;
      }
      counts[i]++;
    }

    void forEachAtLeast(int min, java.util.function.BiConsumer<Integer, Integer> action) {
      for (int i = 0; i < keys.length; i++) {
        if (used[i] && counts[i] >= min) {
          action.accept(keys[i], counts[i]);
        }
      }
    }

    private void grow() {
      int[] oldKeys = keys;
      int[] oldCounts = counts;
      boolean[] oldUsed = used;
      keys = new int[oldKeys.length * 2];
      counts = new int[oldKeys.length * 2];
      used = new boolean[oldKeys.length * 2];
      int mask = keys.length - 1;
      for (int j = 0; j < oldKeys.length; j++) {
        if (oldUsed[j]) {
          int i = (int) Shingles.mix(oldKeys[j]) & mask;
          while (used[i]) {
            i = (i + 1) & mask;
          }
          used[i] = true;
          keys[i] = oldKeys[j];
          counts[i] = oldCounts[j];
        }
      }
    }
  }
}
