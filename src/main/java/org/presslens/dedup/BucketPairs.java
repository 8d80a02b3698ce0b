package org.presslens.dedup;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import scala.Tuple2;

/**
 * Candidate pairs from the LSH buckets one partition owns. Input: the partition's (partition, [key, bucket...])
 * records from {@link Bands}; they are indexed in a primitive bucket-to-members multimap (about 36 bytes per
 * band entry, no object per entry). A bucket of at most {@code maxBucketSize} articles gives all its pairs; a
 * larger one gives only the star of pairs with its smallest key, so a bucket of thousands of near-identical
 * boilerplate texts costs n-1 pairs instead of n²/2. Output: distinct (key_a, key_b) within the partition,
 * key_a < key_b; the same pair may still come from another partition's buckets.
 */
final class BucketPairs implements PairFlatMapFunction<Iterator<Tuple2<Integer, long[]>>, Long, Long> {
  private static final long serialVersionUID = 1L;
  private final int maxBucketSize;

  BucketPairs(int maxBucketSize) {
    this.maxBucketSize = maxBucketSize;
  }

  @Override
  public Iterator<Tuple2<Long, Long>> call(Iterator<Tuple2<Integer, long[]>> records) {
    Index index = new Index(1 << 12);
    while (records.hasNext()) {
      long[] record = records.next()._2();
      for (int i = 1; i < record.length; i++) {
        index.add(record[i], record[0]);
      }
    }
    Set<Tuple2<Long, Long>> pairs = new HashSet<>();
    index.forEachBucket(members -> emit(members, pairs));
    return pairs.iterator();
  }

  void emit(long[] members, Set<Tuple2<Long, Long>> out) {
    if (members.length < 2) {
      return;
    }
    Arrays.sort(members);
    if (members.length > maxBucketSize) {
      for (int j = 1; j < members.length; j++) {
        if (members[j] != members[0]) {
          out.add(new Tuple2<>(members[0], members[j]));
        }
      }
      return;
    }
    for (int i = 0; i < members.length; i++) {
      for (int j = i + 1; j < members.length; j++) {
        if (members[i] != members[j]) {
          out.add(new Tuple2<>(members[i], members[j]));
        }
      }
    }
  }

  /** Open-addressing bucket -> chain of member keys, in parallel primitive arrays. */
  static final class Index {
    private long[] slots;
    private int[] heads;
    private int[] sizes;
    private boolean[] used;
    private int slotCount;
    private long[] keys = new long[1 << 12];
    private int[] next = new int[1 << 12];
    private int entries;

    Index(int capacity) {
      slots = new long[capacity];
      heads = new int[capacity];
      sizes = new int[capacity];
      used = new boolean[capacity];
    }

    void add(long bucket, long key) {
      if (slotCount * 2 >= slots.length) {
        grow();
      }
      if (entries == keys.length) {
        keys = Arrays.copyOf(keys, entries * 2);
        next = Arrays.copyOf(next, entries * 2);
      }
      int i = find(slots, used, bucket);
      if (!used[i]) {
        used[i] = true;
        slots[i] = bucket;
        heads[i] = -1;
        slotCount++;
      }
      keys[entries] = key;
      next[entries] = heads[i];
      heads[i] = entries++;
      sizes[i]++;
    }

    void forEachBucket(java.util.function.Consumer<long[]> action) {
      for (int i = 0; i < slots.length; i++) {
        if (used[i] && sizes[i] > 1) {
          long[] members = new long[sizes[i]];
          int n = 0;
          for (int e = heads[i]; e >= 0; e = next[e]) {
            members[n++] = keys[e];
          }
          action.accept(members);
        }
      }
    }

    private static int find(long[] slots, boolean[] used, long bucket) {
      return ShingleCounts.Counter.slot(slots, used, bucket);
    }

    private void grow() {
      long[] oldSlots = slots;
      int[] oldHeads = heads;
      int[] oldSizes = sizes;
      boolean[] oldUsed = used;
      slots = new long[oldSlots.length * 2];
      heads = new int[oldSlots.length * 2];
      sizes = new int[oldSlots.length * 2];
      used = new boolean[oldSlots.length * 2];
      for (int j = 0; j < oldSlots.length; j++) {
        if (oldUsed[j]) {
          int i = find(slots, used, oldSlots[j]);
          used[i] = true;
          slots[i] = oldSlots[j];
          heads[i] = oldHeads[j];
          sizes[i] = oldSizes[j];
        }
      }
    }
  }
}
