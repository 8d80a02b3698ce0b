package org.presslens.dedup;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import scala.Tuple2;

/**
 * Executor side: an article's LSH band buckets, grouped by the partition that owns them. A bucket is a 64-bit hash
 * of the band number and the band's rows of the signature; its partition is the bucket modulo the number of
 * partitions. One record per (article, partition): (partition, [key, set size, signature bytes..., bucket, bucket,
 * ...]), so the shuffle carries a few arrays per article instead of one record per band; the set size and the
 * signature bytes are what {@link SignatureFilter} judges the pairs on where they meet. The signature is computed
 * from the article's shingles without the corpus-frequent ones (unless that leaves none). Articles too short to
 * shingle have no buckets.
 */
final class Bands implements PairFlatMapFunction<Sketch, Integer, long[]>, Serializable {
  private static final long serialVersionUID = 1L;
  private final MinHasher hasher;
  private final LshParams lsh;
  private final int[] frequent;
  private final SignatureFilter pairFilter;
  /** 2^18-bit (32 KB) filter of the frequent shingles' hashes: most shingles are ruled out without a search. */
  private final long[] filter = new long[1 << 12];
  private int partitions = 1;

  Bands(MinHasher hasher, LshParams lsh, int[] frequentSorted, SignatureFilter pairFilter) {
    this.hasher = hasher;
    this.lsh = lsh;
    this.frequent = frequentSorted;
    this.pairFilter = pairFilter;
    for (int shingle : frequentSorted) {
      int bit = filterBit(shingle);
      filter[bit >>> 6] |= 1L << bit;
    }
  }

  private static int filterBit(int shingle) {
    return (int) (Shingles.mix(shingle) >>> 46);
  }

  /** The same bands, grouped for {@code partitions} partitions. */
  Bands grouped(int partitions) {
    Bands out = new Bands(hasher, lsh, frequent, pairFilter);
    out.partitions = partitions;
    return out;
  }

  @Override
  public Iterator<Tuple2<Integer, long[]>> call(Sketch sketch) {
    if (sketch.shingles.length == 0) {
      return java.util.Collections.emptyIterator();
    }
    int[] banded = withoutFrequent(sketch.shingles);
    int[] signature = hasher.signature(banded);
    long[] buckets = buckets(signature);
    int header = header();
    int[] counts = new int[partitions];
    for (long bucket : buckets) {
      counts[partition(bucket, partitions)]++;
    }
    long[][] groups = new long[partitions][];
    List<Tuple2<Integer, long[]>> out = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      if (counts[p] > 0) {
        groups[p] = new long[header + counts[p]];
        groups[p][0] = sketch.key;
        groups[p][1] = banded.length;
        pairFilter.pack(signature, groups[p], 2);
        counts[p] = header;
        out.add(new Tuple2<>(p, groups[p]));
      }
    }
    for (long bucket : buckets) {
      int p = partition(bucket, partitions);
      groups[p][counts[p]++] = bucket;
    }
    return out.iterator();
  }

  /** Longs before the buckets in a record: key, set size, signature bytes. */
  int header() {
    return 2 + pairFilter.words();
  }

  SignatureFilter pairFilter() {
    return pairFilter;
  }

  /** The bucket of each band. */
  long[] buckets(int[] signature) {
    long[] buckets = new long[lsh.bands()];
    for (int band = 0; band < lsh.bands(); band++) {
      long h = band;
      for (int i = band * lsh.rows(); i < (band + 1) * lsh.rows(); i++) {
        h = h * 0x9E3779B97F4A7C15L + signature[i];
      }
      buckets[band] = Shingles.mix(h);
    }
    return buckets;
  }

  static int partition(long bucket, int partitions) {
    return (int) Long.remainderUnsigned(bucket, partitions);
  }

  /** The MinHash signature of the whole set (frequent shingles included), for the pair's estimate. */
  int[] wholeSignature(int[] shingles) {
    return hasher.signature(shingles);
  }

  int[] withoutFrequent(int[] shingles) {
    if (frequent.length == 0) {
      return shingles;
    }
    int[] kept = new int[shingles.length];
    int n = 0;
    for (int shingle : shingles) {
      int bit = filterBit(shingle);
      if ((filter[bit >>> 6] & (1L << bit)) == 0 || Arrays.binarySearch(frequent, shingle) < 0) {
        kept[n++] = shingle;
      }
    }
    return n == 0 ? shingles : Arrays.copyOf(kept, n);
  }
}
