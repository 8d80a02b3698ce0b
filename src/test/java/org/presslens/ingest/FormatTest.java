package org.presslens.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormatTest {
  @Test
  void decidesFormatFromTheExtensionBehindCompression() {
    assertThat(Format.fromFileName("articles-part-00000.jsonl.gz")).isEqualTo(Format.JSONL);
    assertThat(Format.fromFileName("x.ndjson")).isEqualTo(Format.JSONL);
    assertThat(Format.fromFileName("x.JSON")).isEqualTo(Format.JSON);
    assertThat(Format.fromFileName("FA-KES-Dataset.csv")).isEqualTo(Format.CSV);
    assertThat(Format.fromFileName("x.tsv.bz2")).isEqualTo(Format.CSV);
    assertThat(Format.fromFileName("part-0.parquet")).isEqualTo(Format.PARQUET);
    assertThat(Format.fromFileName("000_9905ef1c51d06d62.txt")).isEqualTo(Format.TEXT);
    assertThat(Format.fromFileName("README")).isEqualTo(Format.TEXT);
  }
}
