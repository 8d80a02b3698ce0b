package org.presslens.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.junit.jupiter.api.Test;

class PairScopesTest {
  private static final Row PAIR = new GenericRowWithSchema(new Object[] {3L, 7L, 1}, PairScopes.KEY);
  private static final Date JAN = Date.valueOf("2024-01-01");
  private static final Date FEB = Date.valueOf("2024-02-01");

  private final List<Row> windows = new ArrayList<>();

  private void window(Long outlet, Date period, String article, long copies) {
    windows.add(new GenericRowWithSchema(new Object[] {3L, 7L, 1, outlet, period, article, copies}, PairScopes.INPUT));
  }

  /** The cells made, by "scope outlet period". */
  private Map<String, Row> cells(int minPairCount, int minOutlets) {
    Map<String, Row> cells = new HashMap<>();
    new PairScopes(minPairCount, minOutlets).call(PAIR, windows.iterator()).forEachRemaining(r -> {
      assertThat(List.of(r.get(0), r.get(1), r.get(2))).containsExactly(3L, 7L, 1);
      cells.put(r.getAs("scope") + " " + r.getAs("o") + " " + r.getAs("period_start"), r);
    });
    return cells;
  }

  private static List<Object> counts(Row cell) {
    return List.of(cell.getAs("n_ab"), cell.getAs("n_ab_with_copies"), cell.getAs("outlets"),
        Arrays.asList((String[]) cell.getAs("examples")));
  }

  @Test
  void everyWindowCountsInItsScopesCells() {
    window(1L, JAN, "x2", 1);
    window(1L, JAN, "x1", 3);
    window(1L, FEB, "x3", 1);
    window(2L, JAN, "y1", 1);
    window(null, JAN, "z1", 1); // no outlet: the corpus and period cells only, as one outlet of its own
    window(2L, null, "y2", 2); // undated: the corpus and outlet cells only
    Map<String, Row> cells = cells(1, 1);
    assertThat(cells).containsOnlyKeys("0 null null", "1 1 null", "1 2 null", "2 null 2024-01-01",
        "2 null 2024-02-01", "3 1 2024-01-01", "3 1 2024-02-01", "3 2 2024-01-01");
    assertThat(counts(cells.get("0 null null"))).containsExactly(6L, 9L, 3L, List.of("x1", "x2", "x3"));
    assertThat(counts(cells.get("1 2 null"))).containsExactly(2L, 3L, 1L, List.of("y1", "y2"));
    assertThat(counts(cells.get("2 null 2024-01-01"))).containsExactly(4L, 6L, 3L, List.of("x1", "x2", "y1"));
    assertThat(counts(cells.get("3 1 2024-01-01"))).containsExactly(2L, 4L, 1L, List.of("x1", "x2"));
  }

  @Test
  void cellsUnderTheMinimumsAreLeftOut() {
    window(1L, JAN, "x1", 1);
    window(1L, FEB, "x2", 1);
    window(2L, FEB, "y1", 1);
    assertThat(cells(2, 1)).containsOnlyKeys("0 null null", "1 1 null", "2 null 2024-02-01");
    assertThat(cells(2, 2)).containsOnlyKeys("0 null null", "2 null 2024-02-01");
    assertThat(cells(4, 1)).isEmpty();
  }

  @Test
  void examplesAreTheThreeSmallestDistinctArticlesInSparksStringOrder() {
    // two sentence windows of one article are two windows and one example; U+FFFD sorts before U+1F600 in UTF-8 (and
    // in Spark), though its UTF-16 unit is larger than the emoji's first surrogate
    for (String article : List.of("b", "d", "a", "b", "\uFFFD", "\uD83D\uDE00", "c")) {
      window(1L, JAN, article, 1);
    }
    assertThat(counts(cells(1, 1).get("0 null null"))).containsExactly(7L, 7L, 1L, List.of("a", "b", "c"));
    windows.removeIf(w -> !List.of("\uFFFD", "\uD83D\uDE00").contains(w.<String>getAs("article_id")));
    assertThat(counts(cells(1, 1).get("0 null null")).get(3)).isEqualTo(List.of("\uFFFD", "\uD83D\uDE00"));
  }

  @Test
  void codePointOrderIsTheOrderOfUtf8Bytes() {
    List<String> strings = List.of("", "a", "ab", "b", "\u00e9", "\uFFFD", "\uD83D\uDE00", "\uD83D\uDE00a", "z\u00e9");
    for (String x : strings) {
      for (String y : strings) {
        assertThat(Integer.signum(PairScopes.compareCodePoints(x, y))).as(x + " vs " + y)
            .isEqualTo(Integer.signum(Arrays.compareUnsigned(x.getBytes(StandardCharsets.UTF_8),
                y.getBytes(StandardCharsets.UTF_8))));
      }
    }
  }
}
