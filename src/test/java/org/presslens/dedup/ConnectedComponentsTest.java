package org.presslens.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.presslens.SparkTestSession;

class ConnectedComponentsTest {
  private static final StructType EDGES = new StructType()
      .add(ConnectedComponents.SRC, DataTypes.StringType).add(ConnectedComponents.DST, DataTypes.StringType);

  private static Map<String, String> components(List<String[]> edges) {
    List<Row> rows = edges.stream().map(e -> RowFactory.create(e[0], e[1])).collect(Collectors.toList());
    Dataset<Row> result = ConnectedComponents.of(SparkTestSession.get().createDataFrame(rows, EDGES), 64);
    return result.collectAsList().stream().collect(Collectors.toMap(
        r -> r.getAs(ConnectedComponents.NODE), r -> r.getAs(ConnectedComponents.COMPONENT)));
  }

  @Test
  void labelsEachComponentWithItsSmallestNode() {
    Map<String, String> c = components(List.of(
        new String[] {"b", "a"}, new String[] {"c", "b"}, new String[] {"d", "c"}, // chain a-b-c-d
        new String[] {"x", "z"}, new String[] {"y", "z"}, // star around z
        new String[] {"p", "q"}, new String[] {"q", "p"}, new String[] {"p", "p"})); // duplicates and a loop
    assertThat(c).containsExactlyInAnyOrderEntriesOf(Map.of("a", "a", "b", "a", "c", "a", "d", "a",
        "x", "x", "y", "x", "z", "x", "p", "p", "q", "p"));
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
    Map<String, String> c = components(edges);
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
