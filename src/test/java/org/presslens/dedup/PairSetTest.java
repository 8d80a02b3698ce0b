package org.presslens.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

class PairSetTest {
  @Test
  void holdsEachPairOnceInOrderOfItsTwoKeysThroughGrowth() {
    PairSet pairs = new PairSet(4);
    Set<Tuple2<Long, Long>> expected = new HashSet<>();
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < 20_000; i++) {
      long a = random.nextInt(300);
      long b = random.nextInt(300) - 150L; // negative keys too
      pairs.add(a, b);
      expected.add(new Tuple2<>(a, b));
    }
    pairs.add(1, 2);
    pairs.add(2, 1); // another pair: (first, second) is ordered
    expected.add(new Tuple2<>(1L, 2L));
    expected.add(new Tuple2<>(2L, 1L));
    Set<Tuple2<Long, Long>> found = new HashSet<>();
    int count = 0;
    for (var it = pairs.iterator(); it.hasNext(); count++) {
      found.add(it.next());
    }
    assertThat(found).isEqualTo(expected);
    assertThat(count).as("no pair twice").isEqualTo(expected.size());
  }

  @Test
  void anEmptySetHasNoPairs() {
    assertThat(new PairSet(8).iterator().hasNext()).isFalse();
  }
}
