package org.presslens.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.presslens.SparkTestSession;
import org.presslens.config.ConfigException;
import org.presslens.config.FieldMapping;
import org.presslens.config.InputSpec;

class IngestTest {
  private final SparkSession spark = SparkTestSession.get();
  @TempDir
  Path dir;

  private static InputSpec input(String name, String format, String manifest, List<String> paths) {
    return new InputSpec(name, paths, format, null, manifest, null, null, null, null, null, null);
  }

  @Test
  void readsManyPathsAndFormatsInOneRunAndRecordsTheSourceFile() throws IOException {
    Fixtures.write(dir, "mixed/a.jsonl", "{\"id\": \"1\", \"text\": \"one\"}\n{\"id\": \"2\", \"text\": \"two\"}\n");
    Fixtures.write(dir, "mixed/sub/b.csv", "id,text\n3,three\n");
    Fixtures.write(dir, "mixed/c.json", "[{\"id\": \"4\", \"text\": \"four\"}]");
    Fixtures.write(dir, "mixed/_SUCCESS", "");
    Fixtures.write(dir, "mixed/.hidden.txt", "not read");
    Fixtures.write(dir, "more/d.txt", "five");
    Ingest.Plan plan = Ingest.plan(spark, List.of(
        input("mixed", "auto", null, List.of(dir.resolve("mixed").toString())),
        input("more", "auto", null, List.of(dir.resolve("m*").toString() + "/*.txt"))), 100);
    assertThat(plan.files()).extracting(FileContext::relativePath)
        .containsExactly("a.jsonl", "c.json", "sub/b.csv", "d.txt");

    List<Row> rows = Ingest.read(spark, plan, 0).collectAsList();
    assertThat(rows).extracting(r -> (String) r.getAs(SourceRecords.SOURCE_ID))
        .containsExactlyInAnyOrder("1", "2", "3", "4", "d");
    assertThat(rows).extracting(r -> (String) r.getAs(SourceRecords.SOURCE_FORMAT))
        .containsExactlyInAnyOrder("jsonl", "jsonl", "csv", "json", "text");
    assertThat(rows).allSatisfy(r -> assertThat((String) r.getAs(SourceRecords.SOURCE_FILE)).startsWith("file:"));
  }

  @Test
  void aPathThatMatchesNothingIsAConfigurationError() {
    assertThatThrownBy(() -> Ingest.plan(spark,
        List.of(input("x", "auto", null, List.of(dir.resolve("nope/*.jsonl").toString()))), 100))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("input 'x': nothing matches path");
  }

  @Test
  void textInputsTakeMetadataFromTheManifestAndSkipIt() throws IOException {
    Fixtures.write(dir, "text/vp/vp-1.txt", "Title\nBody");
    Fixtures.write(dir, "text/vp/vp-2.txt", "Other\nBody");
    Fixtures.write(dir, "text/manifest.csv", "file,outlet,url,date\nvp/vp-1.txt,Valley Post,http://v/1,2/9/2024\n");
    Ingest.Plan plan = Ingest.plan(spark, List.of(input("t", "text", dir.resolve("text/manifest.csv").toString(),
        List.of(dir.resolve("text").toString()))), 100);
    assertThat(plan.files()).extracting(FileContext::relativePath).containsExactly("vp/vp-1.txt", "vp/vp-2.txt");
    assertThat(plan.files()).extracting(FileContext::manifestOutlet).containsExactly("Valley Post", null);
    assertThat(plan.files().get(0).manifestDate()).isEqualTo("2/9/2024");
  }

  @Test
  void aBadManifestIsAConfigurationError() throws IOException {
    Fixtures.write(dir, "t2/a.txt", "x");
    Fixtures.write(dir, "t2.csv", "name,outlet\na.txt,X\n");
    assertThatThrownBy(() -> Ingest.plan(spark, List.of(input("t", "text", dir.resolve("t2.csv").toString(),
        List.of(dir.resolve("t2").toString()))), 100))
        .hasMessageContaining("header must have a 'file' column");
  }

  @Test
  void readsParquetThroughTheFieldMappingWithRowPositions() {
    StructType schema = new StructType().add("doc", DataTypes.StringType).add("body", DataTypes.StringType)
        .add("n", DataTypes.IntegerType);
    Dataset<Row> data = spark.createDataFrame(List.of(RowFactory.create("p1", "first body", 1),
        RowFactory.create("p2", "second body", 2)), schema).coalesce(1);
    String path = dir.resolve("pq").toString();
    data.write().parquet(path);
    InputSpec spec = new InputSpec("pq", List.of(path), "auto",
        new FieldMapping("doc", null, null, null, "body", null), null, null, "Fixed Outlet", null, null, null, null);
    List<Row> rows = Ingest.read(spark, Ingest.plan(spark, List.of(spec), 100), 0)
        .orderBy(SourceRecords.SOURCE_POSITION).collectAsList();
    assertThat(rows).extracting(r -> (String) r.getAs(SourceRecords.SOURCE_ID)).containsExactly("p1", "p2");
    assertThat(rows).extracting(r -> (Long) r.getAs(SourceRecords.SOURCE_POSITION)).containsExactly(1L, 2L);
    assertThat(rows).extracting(r -> (String) r.getAs(SourceRecords.OUTLET_RAW))
        .containsExactly("Fixed Outlet", "Fixed Outlet");
    assertThat(rows).extracting(r -> (String) r.getAs(SourceRecords.TITLE_RAW)).containsOnlyNulls();
  }
}
