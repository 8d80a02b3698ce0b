package org.presslens.dedup;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;

/**
 * Each outlet's template shingles: shingles that at least {@code minTexts} distinct texts of the outlet contain.
 * Outlets wrap different articles in the same page template, fixed intro, photo gallery or footer; two articles of
 * one outlet that share only that are not copies of each other ({@link VerifyPairs} judges them without it).
 *
 * <p>Only what can change a verdict is counted: the shingles shared by the verified pairs whose two articles are of
 * one outlet, counted over the distinct texts of those outlets. A shingle is an outlet's template when so many of
 * its texts carry it, whether or not they are copies of each other; a story repeated inside one outlet keeps its
 * links because a text that is nearly all template is judged whole.
 */
final class Templates implements Serializable {
  private static final long serialVersionUID = 1L;
  /** No outlet has a template. */
  static final Templates NONE = new Templates(Map.of());
  /** At most this many (outlet, shingle) candidates are counted (a bound on the driver's memory). */
  static final int MAX_CANDIDATES = 4_000_000;

  /** Outlet name to its sorted template shingles. */
  private final Map<String, int[]> byOutlet;

  Templates(Map<String, int[]> byOutlet) {
    this.byOutlet = byOutlet;
  }

  boolean has(String outlet) {
    return byOutlet.containsKey(outlet);
  }

  boolean isEmpty() {
    return byOutlet.isEmpty();
  }

  /** Template shingles in all. */
  long size() {
    return byOutlet.values().stream().mapToLong(s -> s.length).sum();
  }

  Set<String> outlets() {
    return byOutlet.keySet();
  }

  /** The sorted shingles without the outlet's template ones. */
  int[] without(int[] shingles, String outlet) {
    int[] template = byOutlet.get(outlet);
    if (template == null) {
      return shingles;
    }
    int[] out = new int[shingles.length];
    int n = 0;
    for (int shingle : shingles) {
      if (Arrays.binarySearch(template, shingle) < 0) {
        out[n++] = shingle;
      }
    }
    return n == shingles.length ? shingles : Arrays.copyOf(out, n);
  }

  /**
   * The templates that the verified same-outlet pairs could meet: their shared shingles that at least
   * {@code minTexts} distinct texts of the outlet carry, and that are at least {@value #SPECIFICITY} times as common
   * among the outlet's texts as among all other texts (a phrase of the language or of the news of the day is
   * common everywhere; an outlet's template is its own). {@code texts}: one sketch per distinct text.
   */
  static Templates find(JavaRDD<Pair> sameOutletPairs, JavaRDD<Sketch> texts, int minTexts) {
    if (minTexts <= 1) {
      return NONE;
    }
    List<Long> candidates = sameOutletPairs
        .flatMap(p -> {
          long outlet = outletKey(p.outlet);
          return Arrays.stream(p.sharedShingles).mapToObj(s -> code(outlet, s)).iterator();
        })
        .distinct()
        .take(MAX_CANDIDATES);
    if (candidates.isEmpty()) {
      return NONE;
    }
    long[] codes = candidates.stream().mapToLong(Long::longValue).sorted().toArray();
    int[] shingles = Arrays.stream(codes).mapToInt(c -> (int) c).sorted().distinct().toArray();
    JavaSparkContext context = JavaSparkContext.fromSparkContext(texts.context());
    Broadcast<long[]> wantedCodes = context.broadcast(codes);
    Broadcast<int[]> wantedShingles = context.broadcast(shingles);
    Broadcast<long[]> wantedBits = context.broadcast(bits(shingles));
    // per text: (outlet code, 1) for its outlet's candidates, (ALL | shingle, 1) for every candidate shingle, and
    // (outlet | TEXTS, 1) to count the texts of each outlet
    // counted per partition in a primitive table first: the candidate shingles include common phrases that most
    // texts carry, millions of (key, 1) records that would otherwise be boxed and shuffled one by one
    List<Tuple2<Long, Long>> counts = texts.mapPartitionsToPair(partition -> {
          long[] own = wantedCodes.value();
          int[] any = wantedShingles.value();
          long[] bits = wantedBits.value();
          ShingleCounts.Counter local = new ShingleCounts.Counter(1 << 12);
          while (partition.hasNext()) {
            Sketch t = partition.next();
            long outlet = t.outlet == null ? ALL : outletKey(t.outlet);
            local.increment(outlet | TEXTS);
            for (int shingle : t.shingles) {
              if (mayHave(bits, shingle) && Arrays.binarySearch(any, shingle) >= 0) {
                local.increment(ALL | (shingle & 0xffffffffL));
                long c = code(outlet, shingle);
                if (outlet != ALL && Arrays.binarySearch(own, c) >= 0) {
                  local.increment(c);
                }
              }
            }
          }
          List<Tuple2<Long, Long>> out = new java.util.ArrayList<>();
          local.forEachAtLeast(1, (key, n) -> out.add(new Tuple2<>(key, (long) n)));
          return out.iterator();
        })
        .reduceByKey(Long::sum)
        .filter(c -> (c._1() & OUTLET_MASK) == ALL || (c._1() & ~OUTLET_MASK) == TEXTS || c._2() >= minTexts)
        .collect();
    wantedCodes.destroy();
    wantedShingles.destroy();
    wantedBits.destroy();
    Map<Long, Long> everywhere = new HashMap<>();
    Map<Long, Long> outletTexts = new HashMap<>();
    long allTexts = 0;
    for (Tuple2<Long, Long> c : counts) {
      if ((c._1() & ~OUTLET_MASK) == TEXTS && (c._1() & OUTLET_MASK) != ALL) {
        outletTexts.put(c._1() & OUTLET_MASK, c._2());
      }
      if ((c._1() & ~OUTLET_MASK) == TEXTS) {
        allTexts += c._2();
      } else if ((c._1() & OUTLET_MASK) == ALL) {
        everywhere.put(c._1() & ~OUTLET_MASK, c._2());
      }
    }
    Map<Long, String> names = new HashMap<>();
    sameOutletPairs.map(p -> p.outlet).distinct().collect().forEach(o -> names.put(outletKey(o), o));
    Map<String, List<Integer>> lists = new HashMap<>();
    for (Tuple2<Long, Long> c : counts) {
      long outlet = c._1() & OUTLET_MASK;
      long shingle = c._1() & ~OUTLET_MASK;
      if (outlet == ALL || shingle == TEXTS || !names.containsKey(outlet)) {
        continue;
      }
      long inOutlet = c._2();
      long ofOutlet = outletTexts.getOrDefault(outlet, 1L);
      long elsewhere = everywhere.getOrDefault(shingle, inOutlet) - inOutlet;
      long otherTexts = Math.max(1, allTexts - ofOutlet);
      if ((double) inOutlet / ofOutlet >= SPECIFICITY * elsewhere / otherTexts) {
        lists.computeIfAbsent(names.get(outlet), k -> new java.util.ArrayList<>()).add((int) shingle);
      }
    }
    Map<String, int[]> byOutlet = new HashMap<>();
    lists.forEach((outlet, list) -> byOutlet.put(outlet, list.stream().mapToInt(Integer::intValue).sorted().toArray()));
    return new Templates(byOutlet);
  }

  /** Bits of a filter in front of the sorted candidate shingles: most of a text's shingles are not candidates. */
  private static final int FILTER_BITS = 1 << 22;

  /** A one-hash bit filter of the shingles (512 KB): a clear bit means the shingle is not among them. */
  static long[] bits(int[] shingles) {
    long[] bits = new long[FILTER_BITS / 64];
    for (int shingle : shingles) {
      int bit = (int) (Shingles.mix(shingle) >>> 42);
      bits[bit >>> 6] |= 1L << bit;
    }
    return bits;
  }

  static boolean mayHave(long[] bits, int shingle) {
    int bit = (int) (Shingles.mix(shingle) >>> 42);
    return (bits[bit >>> 6] & (1L << bit)) != 0;
  }

  /** How many times more common among an outlet's texts than among other texts a template shingle must be. */
  static final int SPECIFICITY = 10;
  /** The key part that stands for "every outlet" (a hash of an outlet name is this with probability 2^-32). */
  private static final long ALL = 0L;
  /** The shingle part of a key that counts the texts of an outlet (a shingle hashed to -1 is miscounted with them). */
  private static final long TEXTS = 0xffffffffL;

  private static final long OUTLET_MASK = 0xffffffff00000000L;

  /** An outlet's 64-bit key with its low 32 bits cleared, for {@link #code}. */
  private static long outletKey(String outlet) {
    return Sketch.key(outlet) & OUTLET_MASK;
  }

  /** One (outlet, shingle) as a long: the outlet key's high 32 bits, then the shingle. */
  private static long code(long outletKey, int shingle) {
    return outletKey | (shingle & 0xffffffffL);
  }
}
