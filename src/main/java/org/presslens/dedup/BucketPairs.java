package org.presslens.dedup;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Candidate pairs of one LSH bucket (its member ids, sorted): every pair when the bucket has at most
 * {@code maxBucketSize} members, else only the star of pairs with the smallest member, so that a bucket
 * of thousands of near-identical boilerplate texts costs n-1 pairs instead of n²/2.
 */
final class BucketPairs implements FlatMapFunction<Row, Row> {
  private static final long serialVersionUID = 1L;
  private final int maxBucketSize;

  BucketPairs(int maxBucketSize) {
    this.maxBucketSize = maxBucketSize;
  }

  @Override
  public Iterator<Row> call(Row bucket) {
    List<String> ids = bucket.getList(bucket.fieldIndex(Dedup.MEMBERS));
    List<Row> pairs = new ArrayList<>();
    if (ids.size() > maxBucketSize) {
      for (int j = 1; j < ids.size(); j++) {
        pairs.add(RowFactory.create(ids.get(0), ids.get(j)));
      }
    } else {
      for (int i = 0; i < ids.size(); i++) {
        for (int j = i + 1; j < ids.size(); j++) {
          pairs.add(RowFactory.create(ids.get(i), ids.get(j)));
        }
      }
    }
    return pairs.iterator();
  }
}
