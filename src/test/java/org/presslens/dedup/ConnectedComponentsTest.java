package org.presslens.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.presslens.SparkTestSession;
import scala.Tuple2;

class ConnectedComponentsTest {
  /** Components of string-named nodes, each node's id its name's position in the alphabet. */
  private static Map<String, String> components(List<String[]> edges, int slices) {
    List<Tuple2<Long, Long>> pairs = edges.stream().map(e -> new Tuple2<>(node(e[0]), node(e[1])))
        .collect(Collectors.toList());
    JavaRDD<Tuple2<Long, Long>> rdd = JavaSparkContext.fromSparkContext(SparkTestSession.get().sparkContext())
        .parallelize(pairs, slices);
    Map<String, String> distributed = named(ConnectedComponents.of(rdd, 3, 64).collectAsMap());
    Map<String, String> local = named(ConnectedComponents.of(rdd, 1, 64).collectAsMap());
    assertThat(local).as("one partition (union-find) agrees with the star rounds").isEqualTo(distributed);
    return distributed;
  }

  private static Map<String, String> named(Map<Long, Long> components) {
    return components.entrySet().stream()
        .collect(Collectors.toMap(e -> name(e.getKey()), e -> name(e.getValue())));
  }

  private static long node(String name) {
    return name.chars().reduce(0, (acc, c) -> acc * 128 + c);
  }

  private static String name(long node) {
    StringBuilder out = new StringBuilder();
    for (long n = node; n > 0; n /= 128) {
      out.insert(0, (char) (n % 128));
    }
    return out.toString();
  }

  @Test
  void labelsEachComponentWithItsSmallestNode() {
    Map<String, String> c = components(List.of(
        new String[] {"b", "a"}, new String[] {"c", "b"}, new String[] {"d", "c"}, // chain a-b-c-d
        new String[] {"x", "z"}, new String[] {"y", "z"}, // star around z
        new String[] {"p", "q"}, new String[] {"q", "p"}, new String[] {"p", "p"}), 2); // duplicates and a loop
    assertThat(c).containsExactlyInAnyOrderEntriesOf(Map.of("a", "a", "b", "a", "c", "a", "d", "a",
        "x", "x", "y", "x", "z", "x", "p", "p", "q", "p"));
  }

  @Test
  void aLongChainSplitAcrossPartitionsIsOneComponent() {
    List<String[]> chain = new ArrayList<>();
    for (int i = 1; i < 300; i++) {
      chain.add(new String[] {id(i), id(i - 1)});
    }
    java.util.Collections.shuffle(chain, new java.util.Random(3));
    Map<String, String> c = components(chain, 7);
    assertThat(c).hasSize(300);
    assertThat(c.values()).containsOnly(id(0));
  }

  @Test
  void agreesWithUnionFindOnARandomGraph() {
    SplittableRandom random = new SplittableRandom(5);
    int nodes = 400;
    List<String[]> edges = new ArrayList<>();
    int[] parent = new int[nodes];
    for (int i = 0; i < nodes; i++) {
      parent[i] = i;
    }
    for (int e = 0; e < 300; e++) {
      int u = random.nextInt(nodes);
      int v = random.nextInt(nodes);
      edges.add(new String[] {id(u), id(v)});
      parent[find(parent, u)] = find(parent, v);
    }
    Map<String, String> c = components(edges, 4);
    for (String[] edge : edges) {
      assertThat(c.get(edge[0])).isEqualTo(c.get(edge[1]));
    }
    Map<Integer, String> smallest = new java.util.HashMap<>();
    for (String node : c.keySet()) {
      smallest.merge(find(parent, Integer.parseInt(node)), node, (x, y) -> x.compareTo(y) <= 0 ? x : y);
    }
    for (Map.Entry<String, String> entry : c.entrySet()) {
      assertThat(entry.getValue()).isEqualTo(smallest.get(find(parent, Integer.parseInt(entry.getKey()))));
    }
  }

  private static String id(int i) {
    return String.format("%04d", i);
  }

  private static int find(int[] parent, int x) {
    while (parent[x] != x) {
      x = parent[x];
    }
    return x;
  }
}
