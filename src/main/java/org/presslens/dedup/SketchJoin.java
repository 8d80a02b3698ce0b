package org.presslens.dedup;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import scala.Tuple2;

/**
 * Joins a small keyed RDD with the sketches, partition by partition: the small side is hash-partitioned like the
 * sketches, held in a hash map per partition, and the sketches stream past it. The sketches are neither shuffled
 * nor copied into a map (which is what Spark's cogroup-based join would do with them on every join).
 */
final class SketchJoin {
  /** What a match becomes. */
  interface Match<V, R> extends Serializable {
    void accept(V value, Sketch sketch, List<R> out);
  }

  private SketchJoin() {}

  static <V, R> JavaRDD<R> join(JavaPairRDD<Long, V> small, JavaPairRDD<Long, Sketch> sketches,
      Partitioner partitioner, Match<V, R> match) {
    return small.partitionBy(partitioner).zipPartitions(sketches, (values, rows) -> {
      Map<Long, List<V>> byKey = index(values);
      return new Flattening<Tuple2<Long, Sketch>, R>(rows, (row, out) -> {
        List<V> matches = byKey.get(row._1());
        if (matches != null) {
          for (V value : matches) {
            match.accept(value, row._2(), out);
          }
        }
      });
    });
  }

  /** The sketches whose key is not in {@code small}. */
  static <V> JavaRDD<Sketch> without(JavaPairRDD<Long, V> small, JavaPairRDD<Long, Sketch> sketches,
      Partitioner partitioner) {
    return small.partitionBy(partitioner).zipPartitions(sketches, (values, rows) -> {
      Map<Long, List<V>> byKey = index(values);
      return new Flattening<Tuple2<Long, Sketch>, Sketch>(rows, (row, out) -> {
        if (!byKey.containsKey(row._1())) {
          out.add(row._2());
        }
      });
    });
  }

  /** Lazily maps each input to zero or more outputs, holding only one input's outputs at a time. */
  private static final class Flattening<T, R> implements Iterator<R> {
    private final Iterator<T> in;
    private final java.util.function.BiConsumer<T, List<R>> function;
    private final List<R> buffer = new ArrayList<>();
    private int next;

    Flattening(Iterator<T> in, java.util.function.BiConsumer<T, List<R>> function) {
      this.in = in;
      this.function = function;
    }

    @Override
    public boolean hasNext() {
      while (next == buffer.size() && in.hasNext()) {
        buffer.clear();
        next = 0;
        function.accept(in.next(), buffer);
      }
      return next < buffer.size();
    }

    @Override
    public R next() {
      if (!hasNext()) {
        throw new java.util.NoSuchElementException();
      }
      return buffer.get(next++);
    }
  }

  private static <V> Map<Long, List<V>> index(Iterator<Tuple2<Long, V>> values) {
    Map<Long, List<V>> byKey = new HashMap<>();
    while (values.hasNext()) {
      Tuple2<Long, V> value = values.next();
      byKey.computeIfAbsent(value._1(), k -> new ArrayList<>(1)).add(value._2());
    }
    return byKey;
  }
}
