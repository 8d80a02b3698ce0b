package org.presslens.dedup;

import java.util.Iterator;
import java.util.NoSuchElementException;
import scala.Tuple2;

/**
 * A set of (long, long) pairs in open-addressing primitive arrays: about 40 bytes per pair at the fullest, where a
 * {@code HashSet<Tuple2<Long, Long>>} takes about 130.
 */
final class PairSet {
  private long[] firsts;
  private long[] seconds;
  private boolean[] used;
  private int size;

  /** {@code capacity}: a power of two. */
  PairSet(int capacity) {
    firsts = new long[capacity];
    seconds = new long[capacity];
    used = new boolean[capacity];
  }

  /** Adds the pair (nothing when it is there). */
  void add(long first, long second) {
    if (size * 2 >= firsts.length) {
      grow();
    }
    int i = slot(firsts, seconds, used, first, second);
    if (!used[i]) {
      used[i] = true;
      firsts[i] = first;
      seconds[i] = second;
      size++;
    }
  }

  /** The pairs, in no particular order. */
  Iterator<Tuple2<Long, Long>> iterator() {
    return new Iterator<>() {
      private int next = advance(0);

      private int advance(int from) {
        int i = from;
        while (i < used.length && !used[i]) {
          i++;
        }
        return i;
      }

      @Override
      public boolean hasNext() {
        return next < used.length;
      }

      @Override
      public Tuple2<Long, Long> next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Tuple2<Long, Long> out = new Tuple2<>(firsts[next], seconds[next]);
        next = advance(next + 1);
        return out;
      }
    };
  }

  private static int slot(long[] firsts, long[] seconds, boolean[] used, long first, long second) {
    int mask = firsts.length - 1;
    int i = (int) Shingles.mix(first * 0x9E3779B97F4A7C15L + second) & mask;
    while (used[i] && (firsts[i] != first || seconds[i] != second)) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private void grow() {
    long[] oldFirsts = firsts;
    long[] oldSeconds = seconds;
    boolean[] oldUsed = used;
    firsts = new long[oldFirsts.length * 2];
    seconds = new long[oldFirsts.length * 2];
    used = new boolean[oldFirsts.length * 2];
    for (int j = 0; j < oldFirsts.length; j++) {
      if (oldUsed[j]) {
        int i = slot(firsts, seconds, used, oldFirsts[j], oldSeconds[j]);
        used[i] = true;
        firsts[i] = oldFirsts[j];
        seconds[i] = oldSeconds[j];
      }
    }
  }
}
