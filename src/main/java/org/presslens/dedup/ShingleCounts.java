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
    Counter counts = new Counter(Integer.highestOneBit((int) Math.min(1 << 29, Math.max(1 << 10, 2 * total))) * 2);
    for (int[] shingles : sets) {
      for (int shingle : shingles) {
        counts.increment(shingle);
      }
    }
    long local = Math.max(2, (long) Math.ceil(texts * share / 2));
    List<Tuple2<Integer, Long>> out = new ArrayList<>();
    counts.forEachAtLeast((int) Math.min(Integer.MAX_VALUE, local),
        (shingle, n) -> out.add(new Tuple2<>((int) shingle, (long) n)));
    return out.iterator();
  }

  /** What {@link Counter#forEachAtLeast} hands each key and its count to. */
  @FunctionalInterface
  interface KeyCount {
    void accept(long key, int count);
  }

  /**
   * Open-addressing key to count map (keys are shingles, words or outlet-and-shingle codes): no boxing for the
   * millions of keys a partition counts.
   */
  static final class Counter {
    private long[] keys;
    private int[] counts;
    private boolean[] used;
    private int size;

    /** {@code capacity}: a power of two. */
    Counter(int capacity) {
      keys = new long[capacity];
      counts = new int[capacity];
      used = new boolean[capacity];
    }

    void increment(long key) {
      if (size * 2 >= keys.length) {
        grow();
      }
      int i = slot(keys, used, key);
      if (!used[i]) {
        used[i] = true;
        keys[i] = key;
        size++;
      }
      counts[i]++;
    }

    void forEachAtLeast(int min, KeyCount action) {
      for (int i = 0; i < keys.length; i++) {
        if (used[i] && counts[i] >= min) {
          action.accept(keys[i], counts[i]);
        }
      }
    }

    /** The slot of {@code key} in an open-addressing table of long keys: where it is, or the free slot it goes to. */
    static int slot(long[] keys, boolean[] used, long key) {
      int mask = keys.length - 1;
      int i = (int) Shingles.mix(key) & mask;
      while (used[i] && keys[i] != key) {
        i = (i + 1) & mask;
      }
      return i;
    }

    private void grow() {
      long[] oldKeys = keys;
      int[] oldCounts = counts;
      boolean[] oldUsed = used;
      keys = new long[oldKeys.length * 2];
      counts = new int[oldKeys.length * 2];
      used = new boolean[oldKeys.length * 2];
      for (int j = 0; j < oldKeys.length; j++) {
        if (oldUsed[j]) {
          int i = slot(keys, used, oldKeys[j]);
          used[i] = true;
          keys[i] = oldKeys[j];
          counts[i] = oldCounts[j];
        }
      }
    }
  }
}
