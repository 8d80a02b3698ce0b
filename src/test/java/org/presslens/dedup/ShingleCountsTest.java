package org.presslens.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ShingleCountsTest {
  @Test
  void counterAgreesWithAHashMapThroughResizes() {
    ShingleCounts.Counter counter = new ShingleCounts.Counter(4);
    Map<Integer, Integer> expected = new HashMap<>();
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < 50_000; i++) {
      int key = random.nextInt(5_000) - 2_500;
      counter.increment(key);
      expected.merge(key, 1, Integer::sum);
    }
    Map<Integer, Integer> actual = new HashMap<>();
    counter.forEachAtLeast(1, (k, n) -> actual.put((int) k, n));
    assertThat(actual).isEqualTo(expected);
    Map<Integer, Integer> frequent = new HashMap<>();
    counter.forEachAtLeast(12, (k, n) -> frequent.put((int) k, n));
    assertThat(frequent).allSatisfy((k, v) -> assertThat(v).isGreaterThanOrEqualTo(12))
        .hasSize((int) expected.values().stream().filter(v -> v >= 12).count());
  }
}
