package org.presslens.dedup;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Candidate pairs from LSH buckets. Input: band rows (band, bucket, key) partitioned by bucket and sorted by
 * (band, bucket, key), so each bucket is a run of consecutive rows. Each run of at most {@code maxBucketSize}
 * members gives all its pairs; a larger run gives only the star of pairs with its smallest key, so a bucket of
 * thousands of near-identical boilerplate texts costs n-1 pairs instead of n²/2. Output: (key_a, key_b),
 * key_a < key_b, possibly repeated across bands.
 */
final class BucketPairs implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;
  private final int maxBucketSize;

  BucketPairs(int maxBucketSize) {
    this.maxBucketSize = maxBucketSize;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    List<Row> pairs = new ArrayList<>();
    List<Long> members = new ArrayList<>();
    int band = -1;
    long bucket = 0;
    while (rows.hasNext()) {
      Row row = rows.next();
      int rowBand = row.getAs("band");
      long rowBucket = row.getAs("bucket");
      if (rowBand != band || rowBucket != bucket) {
        emit(members, pairs);
        members.clear();
        band = rowBand;
        bucket = rowBucket;
      }
      members.add(row.getAs(Dedup.KEY));
    }
    emit(members, pairs);
    return pairs.iterator();
  }

  void emit(List<Long> ids, List<Row> pairs) {
    if (ids.size() < 2) {
      return;
    }
    if (ids.size() > maxBucketSize) {
      for (int j = 1; j < ids.size(); j++) {
        pairs.add(RowFactory.create(ids.get(0), ids.get(j)));
      }
      return;
    }
    for (int i = 0; i < ids.size(); i++) {
      for (int j = i + 1; j < ids.size(); j++) {
        pairs.add(RowFactory.create(ids.get(i), ids.get(j)));
      }
    }
  }
}
