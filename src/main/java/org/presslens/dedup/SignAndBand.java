package org.presslens.dedup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Executor side: one row per (article, band) with the band's bucket key. The signature is computed from the
 * article's shingles without the corpus-frequent ones (unless that leaves none).
 */
final class SignAndBand implements FlatMapFunction<Row, Row> {
  private static final long serialVersionUID = 1L;
  private final MinHasher hasher;
  private final LshParams lsh;
  private final int[] frequent;

  SignAndBand(MinHasher hasher, LshParams lsh, int[] frequentSorted) {
    this.hasher = hasher;
    this.lsh = lsh;
    this.frequent = frequentSorted;
  }

  @Override
  public Iterator<Row> call(Row row) {
    long key = row.getAs(Dedup.KEY);
    int[] signature = hasher.signature(withoutFrequent(Dedup.shingles(row)));
    List<Row> out = new ArrayList<>(lsh.bands());
    for (int band = 0; band < lsh.bands(); band++) {
      long h = band;
      for (int i = band * lsh.rows(); i < (band + 1) * lsh.rows(); i++) {
        h = h * 0x9E3779B97F4A7C15L + signature[i];
      }
      out.add(RowFactory.create(band, Shingles.mix(h), key));
    }
    return out.iterator();
  }

  int[] withoutFrequent(int[] shingles) {
    if (frequent.length == 0) {
      return shingles;
    }
    int[] kept = new int[shingles.length];
    int n = 0;
    for (int shingle : shingles) {
      if (Arrays.binarySearch(frequent, shingle) < 0) {
        kept[n++] = shingle;
      }
    }
    return n == 0 ? shingles : Arrays.copyOf(kept, n);
  }

  /** The signature as used for banding, for the estimate reported with each pair. */
  int[] signature(int[] shingles) {
    return hasher.signature(withoutFrequent(shingles));
  }
}
