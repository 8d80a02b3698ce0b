package org.presslens.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir
  Path dir;

  private Path job(String yaml) throws IOException {
    return Files.writeString(dir.resolve("job.yaml"), yaml);
  }

  @Test
  void bindsAJobFileAndFillsDefaults() throws IOException {
    JobConfig config = ConfigLoader.load(job("""
        inputs:
          - paths: [../shared/data/allsides_abp/articles-part-*.jsonl.gz]
            fields: {text: content_original}
        output: out/x
        boilerplate: {min_articles: 7}
        """), ConfigLoader.Overrides.none());
    InputSpec input = config.inputs().get(0);
    assertThat(input.name()).isEqualTo("allsides_abp");
    assertThat(input.format()).isEqualTo("auto");
    assertThat(input.fields().text()).isEqualTo("content_original");
    assertThat(config.boilerplate().minArticles()).isEqualTo(7);
    assertThat(config.boilerplate().minShare()).isEqualTo(0.01);
    assertThat(config.text().minWords()).isEqualTo(20);
  }

  @Test
  void commandLineOverridesTheJobFile() throws IOException {
    JobConfig config = ConfigLoader.load(job("""
        inputs: [{paths: [a.jsonl], name: a}]
        output: out/x
        """), new ConfigLoader.Overrides(List.of("data/text", "data/csv/x.csv"), "csv", "out/y",
        List.of("boilerplate.min_share=0.5", "inputs.1.fields.text=body", "outlets.aliases={Fox: Fox News}")));
    assertThat(config.inputs()).extracting(InputSpec::name).containsExactly("text", "x");
    assertThat(config.inputs()).extracting(InputSpec::format).containsExactly("csv", "csv");
    assertThat(config.inputs().get(1).fields().text()).isEqualTo("body");
    assertThat(config.output()).isEqualTo("out/y");
    assertThat(config.boilerplate().minShare()).isEqualTo(0.5);
    assertThat(config.outlets().aliases()).containsEntry("Fox", "Fox News");
  }

  @Test
  void unknownKeysAreNamed() throws IOException {
    Path file = job("inputs: [{paths: [a]}]\noutput: o\nboilerplate: {min_artcles: 3}\n");
    assertThatThrownBy(() -> ConfigLoader.load(file, ConfigLoader.Overrides.none()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown config key 'min_artcles' at boilerplate");
  }

  @Test
  void aFramingLabelBelongsToOneFamily() throws IOException {
    Path file = job("inputs: [{paths: [a]}]\noutput: o\nframing:\n  labels:\n    rulers: [regime, government]\n"
        + "    army: [regime, troops]\n");
    assertThatThrownBy(() -> ConfigLoader.load(file, ConfigLoader.Overrides.none()))
        .hasMessage("framing.labels: a label belongs to one family only: regime");
  }

  @Test
  void invalidValuesAreNamedWithTheirKeyAndValue() throws IOException {
    Path file = job("inputs: [{paths: [a]}]\noutput: o\n");
    assertThatThrownBy(() -> ConfigLoader.load(file,
        new ConfigLoader.Overrides(null, null, null, List.of("boilerplate.min_share=1.7"))))
        .hasMessage("boilerplate.min_share must be in [0,1]: 1.7");
    assertThatThrownBy(() -> ConfigLoader.load(file,
        new ConfigLoader.Overrides(null, "xml", null, null)))
        .hasMessage("inputs.0.format must be one of [auto, text, jsonl, json, csv, parquet]: xml");
    assertThatThrownBy(() -> ConfigLoader.load(file,
        new ConfigLoader.Overrides(null, null, null, List.of("inputs.0.dates_from=2012-13-01"))))
        .hasMessage("inputs.0.dates_from must be an ISO date (YYYY-MM-DD): 2012-13-01");
    assertThatThrownBy(() -> ConfigLoader.load(file,
        new ConfigLoader.Overrides(null, null, null, List.of("boilerplate.min_articles=1"))))
        .hasMessageStartingWith("boilerplate.min_articles must be >= 2");
  }

  @Test
  void inputsAndOutputAreRequired() {
    assertThatThrownBy(() -> ConfigLoader.load(null, ConfigLoader.Overrides.none()))
        .hasMessageStartingWith("inputs must name at least one input");
    assertThatThrownBy(() -> ConfigLoader.load(null, new ConfigLoader.Overrides(List.of("a"), null, null, null)))
        .hasMessageStartingWith("output must be set");
  }

  @Test
  void inputNamesMustBeUnique() {
    assertThatThrownBy(() -> ConfigLoader.load(null,
        new ConfigLoader.Overrides(List.of("x/data.jsonl", "y/data.csv"), null, "o", null)))
        .hasMessage("inputs.1.name must be unique: data");
  }

  @Test
  void derivesInputNamesFromPaths() {
    assertThat(InputNames.derive("../shared/seeds")).isEqualTo("seeds");
    assertThat(InputNames.derive("../shared/seeds/")).isEqualTo("seeds");
    assertThat(InputNames.derive("/data/allsides_abp/articles-part-*.jsonl.gz")).isEqualTo("allsides_abp");
    assertThat(InputNames.derive("hdfs://nn/archive/FA-KES-Dataset.csv")).isEqualTo("fa-kes-dataset");
  }

  @Test
  void everyJobFileInJobsIsValid() throws IOException {
    try (var files = Files.list(Path.of("jobs"))) {
      List<Path> jobs = files.filter(p -> p.toString().endsWith(".yaml")).toList();
      assertThat(jobs).isNotEmpty();
      for (Path job : jobs) {
        assertThat(ConfigLoader.load(job, ConfigLoader.Overrides.none()).inputs()).as(job.toString()).isNotEmpty();
      }
    }
  }
}
