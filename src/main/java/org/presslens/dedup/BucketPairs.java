package org.presslens.dedup;

import java.util.Arrays;
import java.util.Iterator;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import scala.Tuple2;

/**
 * Candidate pairs from the LSH buckets one partition owns. Input: the partition's (partition, [key, set size,
 * signature bytes, bucket...]) records from {@link Bands}, one per article; each article's key, size and bytes are
 * kept once, and its buckets are indexed in a primitive bucket-to-members multimap (about 30 bytes per band entry,
 * no object per entry). A bucket of at most {@code maxBucketSize} articles gives all its pairs; a larger one gives
 * only the star of pairs with its smallest key, so a bucket of thousands of near-identical boilerplate texts costs
 * n-1 pairs instead of n²/2. A pair is kept when {@link SignatureFilter} says it can still be a copy. Output:
 * distinct (key_a, key_b) within the partition, key_a < key_b; the same pair may still come from another
 * partition's buckets.
 */
final class BucketPairs implements PairFlatMapFunction<Iterator<Tuple2<Integer, long[]>>, Long, Long> {
  private static final long serialVersionUID = 1L;
  private final int maxBucketSize;
  private final SignatureFilter filter;
  private final int header;

  BucketPairs(int maxBucketSize, Bands bands) {
    this.maxBucketSize = maxBucketSize;
    this.filter = bands.pairFilter();
    this.header = bands.header();
  }

  @Override
  public Iterator<Tuple2<Long, Long>> call(Iterator<Tuple2<Integer, long[]>> records) {
    Texts texts = new Texts(filter.words());
    Index index = new Index(1 << 12);
    while (records.hasNext()) {
      long[] record = records.next()._2();
      int text = texts.add(record);
      for (int i = header; i < record.length; i++) {
        index.add(record[i], text);
      }
    }
    PairSet pairs = new PairSet(1 << 12);
    index.forEachBucket(members -> emit(members, texts, pairs));
    return pairs.iterator();
  }

  void emit(int[] members, Texts texts, PairSet out) {
    if (members.length > maxBucketSize) {
      int centre = 0;
      for (int j = 1; j < members.length; j++) {
        if (texts.keys[members[j]] < texts.keys[members[centre]]) {
          centre = j;
        }
      }
      for (int j = 0; j < members.length; j++) {
        pair(members[centre], members[j], texts, out);
      }
      return;
    }
    for (int i = 0; i < members.length; i++) {
      for (int j = i + 1; j < members.length; j++) {
        pair(members[i], members[j], texts, out);
      }
    }
  }

  private void pair(int left, int right, Texts texts, PairSet out) {
    long a = texts.keys[left];
    long b = texts.keys[right];
    if (a != b && filter.keep(filter.estimate(texts.bytes, left * filter.words(), texts.bytes,
        right * filter.words()), texts.sizes[left], texts.sizes[right])) {
      out.add(Math.min(a, b), Math.max(a, b));
    }
  }

  /** The partition's texts by their number in it: key, set size and signature bytes, in primitive arrays. */
  static final class Texts {
    private final int words;
    long[] keys = new long[1 << 10];
    int[] sizes = new int[1 << 10];
    long[] bytes;
    private int count;

    Texts(int words) {
      this.words = words;
      bytes = new long[(1 << 10) * words];
    }

    /** Adds a {@link Bands} record's text; its number. */
    int add(long[] record) {
      if (count == keys.length) {
        keys = Arrays.copyOf(keys, count * 2);
        sizes = Arrays.copyOf(sizes, count * 2);
        bytes = Arrays.copyOf(bytes, count * 2 * words);
      }
      keys[count] = record[0];
      sizes[count] = (int) record[1];
      System.arraycopy(record, 2, bytes, count * words, words);
      return count++;
    }
  }

  /** Open-addressing bucket -> chain of member texts, in parallel primitive arrays. */
  static final class Index {
    private long[] slots;
    private int[] heads;
    private int[] sizes;
    private boolean[] used;
    private int slotCount;
    private int[] members = new int[1 << 12];
    private int[] next = new int[1 << 12];
    private int entries;

    Index(int capacity) {
      slots = new long[capacity];
      heads = new int[capacity];
      sizes = new int[capacity];
      used = new boolean[capacity];
    }

    void add(long bucket, int member) {
      if (slotCount * 2 >= slots.length) {
        grow();
      }
      if (entries == members.length) {
        members = Arrays.copyOf(members, entries * 2);
        next = Arrays.copyOf(next, entries * 2);
      }
      int i = find(slots, used, bucket);
      if (!used[i]) {
        used[i] = true;
        slots[i] = bucket;
        heads[i] = -1;
        slotCount++;
      }
      members[entries] = member;
      next[entries] = heads[i];
      heads[i] = entries++;
      sizes[i]++;
    }

    void forEachBucket(java.util.function.Consumer<int[]> action) {
      for (int i = 0; i < slots.length; i++) {
        if (used[i] && sizes[i] > 1) {
          int[] bucket = new int[sizes[i]];
          int n = 0;
          for (int e = heads[i]; e >= 0; e = next[e]) {
            bucket[n++] = members[e];
          }
          action.accept(bucket);
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
