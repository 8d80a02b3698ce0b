package org.presslens.entities;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The windows of one entity pair in one window kind, counted in every scope they fall in: the corpus; the outlet
 * (when the article has one); the period (when it is dated); the outlet and period (when both). For each scope's
 * cell, the windows mentioning both ({@code n_ab}), their copies, the distinct outlets (articles without an outlet
 * count as one) and the three smallest article ids; cells under {@code minPairCount} windows or {@code minOutlets}
 * outlets are left out.
 *
 * <p>One pass over the pair's windows, which Spark hands over sorted together: built-in aggregations did this in
 * three (per outlet and period, then per scope and outlet, then per scope), and their example ids, gathered with
 * {@code collect_set}, made each an object aggregation that falls back to sorting every group past 128 per task:
 * half the co-occurrence stage's CPU at 10,000 articles.
 */
public final class PairScopes implements FlatMapGroupsFunction<Row, Row, Row> {
  /** The pair: entity numbers {@code a < b} and the window kind's number. */
  public static final StructType KEY = new StructType().add("a", DataTypes.LongType, false)
      .add("b", DataTypes.LongType, false).add("w", DataTypes.IntegerType, false);
  /** One window mentioning both: the article's outlet number, period and id, and its duplicate cluster's size. */
  public static final StructType INPUT = new StructType().add("a", DataTypes.LongType, false)
      .add("b", DataTypes.LongType, false).add("w", DataTypes.IntegerType, false)
      .add("o", DataTypes.LongType, true).add("period_start", DataTypes.DateType, true)
      .add("article_id", DataTypes.StringType, false).add("copies", DataTypes.LongType, false);
  /** One scope cell of the pair; {@code scope} numbers corpus, outlet, period and outlet_period from 0. */
  public static final StructType OUTPUT = new StructType().add("a", DataTypes.LongType, false)
      .add("b", DataTypes.LongType, false).add("w", DataTypes.IntegerType, false)
      .add("scope", DataTypes.IntegerType, false).add("o", DataTypes.LongType, true)
      .add("period_start", DataTypes.DateType, true).add("n_ab", DataTypes.LongType, false)
      .add("n_ab_with_copies", DataTypes.LongType, false).add("outlets", DataTypes.LongType, false)
      .add("examples", DataTypes.createArrayType(DataTypes.StringType, false), false);
  public static final int EXAMPLES = 3;

  private static final int OUTLET = INPUT.fieldIndex("o");
  private static final int PERIOD = INPUT.fieldIndex("period_start");
  private static final int ARTICLE = INPUT.fieldIndex("article_id");
  private static final int COPIES = INPUT.fieldIndex("copies");

  private final int minPairCount;
  private final int minOutlets;

  public PairScopes(int minPairCount, int minOutlets) {
    this.minPairCount = minPairCount;
    this.minOutlets = minOutlets;
  }

  @Override
  public Iterator<Row> call(Row pair, Iterator<Row> windows) {
    // a pair in fewer windows than min_pair_count is in fewer in every scope: most pairs are seen once, and are
    // dropped before any cell is made for them
    List<Row> first = new ArrayList<>(Math.max(minPairCount, 1));
    while (first.size() < minPairCount && windows.hasNext()) {
      first.add(windows.next());
    }
    if (first.size() < minPairCount) {
      return Collections.emptyIterator();
    }
    Map<Cell, Counts> cells = new LinkedHashMap<>();
    first.forEach(w -> add(cells, w));
    windows.forEachRemaining(w -> add(cells, w));
    long a = pair.getAs("a");
    long b = pair.getAs("b");
    int window = pair.getAs("w");
    List<Row> out = new ArrayList<>();
    cells.forEach((cell, counts) -> {
      long outlets = counts.outlets.size() + (counts.noOutlet ? 1 : 0);
      if (counts.windows >= minPairCount && outlets >= minOutlets) {
        out.add(new GenericRowWithSchema(new Object[] {a, b, window, cell.scope(), cell.outlet(), cell.period(),
            counts.windows, counts.copies, outlets, counts.examples()}, OUTPUT));
      }
    });
    return out.iterator();
  }

  private static void add(Map<Cell, Counts> cells, Row window) {
    Long outlet = window.isNullAt(OUTLET) ? null : window.getLong(OUTLET);
    Object period = window.get(PERIOD);
    String article = window.getString(ARTICLE);
    long copies = window.getLong(COPIES);
    cells.computeIfAbsent(new Cell(0, null, null), c -> new Counts()).add(outlet, article, copies);
    if (outlet != null) {
      cells.computeIfAbsent(new Cell(1, outlet, null), c -> new Counts()).add(outlet, article, copies);
    }
    if (period != null) {
      cells.computeIfAbsent(new Cell(2, null, period), c -> new Counts()).add(outlet, article, copies);
    }
    if (outlet != null && period != null) {
      cells.computeIfAbsent(new Cell(3, outlet, period), c -> new Counts()).add(outlet, article, copies);
    }
  }

  /** A scope's cell: its number in the scopes, and the outlet and period it is about (null where it is not). */
  private record Cell(int scope, Long outlet, Object period) {}

  /** What one cell has counted so far. */
  private static final class Counts {
    long windows;
    long copies;
    final Set<Long> outlets = new HashSet<>();
    boolean noOutlet;
    /** The smallest distinct article ids so far, in Spark's string order (by code point, as UTF-8 bytes sort). */
    final String[] smallest = new String[EXAMPLES];
    int examples;

    void add(Long outlet, String article, long copies) {
      windows++;
      this.copies += copies;
      if (outlet == null) {
        noOutlet = true;
      } else {
        outlets.add(outlet);
      }
      int at = examples;
      for (int i = 0; i < examples; i++) {
        int order = compareCodePoints(article, smallest[i]);
        if (order == 0) {
          return;
        }
        if (order < 0) {
          at = i;
          break;
        }
      }
      if (at == EXAMPLES) {
        return;
      }
      int last = Math.min(examples, EXAMPLES - 1);
      System.arraycopy(smallest, at, smallest, at + 1, last - at);
      smallest[at] = article;
      examples = Math.min(examples + 1, EXAMPLES);
    }

    String[] examples() {
      String[] out = new String[examples];
      System.arraycopy(smallest, 0, out, 0, examples);
      return out;
    }
  }

  /** Strings compared by code point: the order of their UTF-8 bytes, which is Spark's order of strings. */
  static int compareCodePoints(String x, String y) {
    int i = 0;
    int j = 0;
    while (i < x.length() && j < y.length()) {
      int cx = x.codePointAt(i);
      int cy = y.codePointAt(j);
      if (cx != cy) {
        return Integer.compare(cx, cy);
      }
      i += Character.charCount(cx);
      j += Character.charCount(cy);
    }
    return Boolean.compare(i < x.length(), j < y.length());
  }
}
