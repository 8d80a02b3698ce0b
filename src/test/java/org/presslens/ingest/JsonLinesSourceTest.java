package org.presslens.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.presslens.config.FieldMapping;
import org.presslens.config.InputSpec;

class JsonLinesSourceTest {
  @TempDir
  Path dir;

  @Test
  void readsOneRecordPerLineWithDefaultFieldNames() throws IOException {
    Path file = Fixtures.write(dir, "a.jsonl", """
        {"id": "a1", "source": "Wire", "date": "2024-02-05", "title": "T1", "text": "Body one", "url": "http://x/1"}

        {"ID": 7, "outlet": "Other", "headline": "T2", "body": "Body two"}
        """);
    List<SourceRecord> records = Fixtures.read(file, Format.JSONL);
    assertThat(records).hasSize(2);
    SourceRecord first = records.get(0);
    assertThat(first.isReject()).isFalse();
    assertThat(first.position()).isEqualTo(1);
    assertThat(List.of(first.sourceId(), first.outlet(), first.dateRaw(), first.title(), first.text(), first.url()))
        .containsExactly("a1", "Wire", "2024-02-05", "T1", "Body one", "http://x/1");
    assertThat(records.get(1).position()).isEqualTo(3);
    assertThat(records.get(1).sourceId()).isEqualTo("7");
    assertThat(records.get(1).title()).isEqualTo("T2");
  }

  @Test
  void mappedFieldsMayBeNestedPaths() throws IOException {
    Path file = Fixtures.write(dir, "n.jsonl", "{\"meta\": {\"src\": \"Nested\"}, \"content_original\": \"B\"}\n");
    InputSpec spec = new InputSpec("n", List.of(file.toString()), "jsonl",
        new FieldMapping(null, "meta.src", null, null, "content_original", null), null, null, null, null, null, null,
        null);
    SourceRecord record = Fixtures.read(Fixtures.context(file, Format.JSONL, spec)).get(0);
    assertThat(record.outlet()).isEqualTo("Nested");
    assertThat(record.text()).isEqualTo("B");
  }

  @Test
  void rejectsMalformedAndNonObjectLinesAndGoesOn() throws IOException {
    Path file = Fixtures.write(dir, "b.jsonl", "{\"text\": \"ok\"}\n{\"text\": \"broken\"\n[1, 2]\n{\"text\": \"ok again\"}\n");
    List<SourceRecord> records = Fixtures.read(file, Format.JSONL);
    assertThat(records).extracting(SourceRecord::rejectReason)
        .containsExactly(null, RejectReason.MALFORMED_JSON, RejectReason.MALFORMED_JSON, null);
    assertThat(records.get(1).payload()).isEqualTo("{\"text\": \"broken\"");
    assertThat(records.get(2).rejectMessage()).isEqualTo("expected a JSON object, found ARRAY");
    assertThat(records.get(3).position()).isEqualTo(4);
  }

  @Test
  void rejectsALineThatIsNotUtf8() throws IOException {
    byte[] bad = "{\"text\": \"caf\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] good = "{\"text\": \"fine\"}\n".getBytes(StandardCharsets.UTF_8);
    Path file = dir.resolve("c.jsonl");
    Files.write(file, concat(good, bad, good));
    List<SourceRecord> records = Fixtures.read(file, Format.JSONL);
    assertThat(records).extracting(SourceRecord::rejectReason).containsExactly(null, RejectReason.INVALID_UTF8, null);
    assertThat(records.get(1).position()).isEqualTo(2);
  }

  @Test
  void keepsTheReadablePartOfATruncatedGzipAndRejectsTheRest() throws IOException {
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= 2000; i++) {
      lines.append("{\"id\": \"r").append(i).append("\", \"text\": \"record number ").append(i)
          .append(" with some words to make the stream longer ").append(i * 7919).append("\"}\n");
    }
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(lines.toString().getBytes(StandardCharsets.UTF_8));
    }
    byte[] all = gz.toByteArray();
    Path file = dir.resolve("t.jsonl.gz");
    Files.write(file, Arrays.copyOf(all, all.length / 2));

    List<SourceRecord> records = Fixtures.read(file, Format.JSONL);
    SourceRecord last = records.get(records.size() - 1);
    assertThat(last.rejectReason()).isEqualTo(RejectReason.TRUNCATED_FILE);
    assertThat(last.rejectMessage()).contains("earlier records were kept");
    List<SourceRecord> kept = records.subList(0, records.size() - 1);
    assertThat(kept).hasSizeGreaterThan(100).allMatch(r -> !r.isReject());
    assertThat(kept.get(kept.size() - 1).sourceId()).isEqualTo("r" + kept.size());
    assertThat(last.position()).isEqualTo(kept.size() + 1);
  }

  @Test
  void aFileThatIsNotGzipIsUnreadable() throws IOException {
    Path file = Fixtures.write(dir, "fake.jsonl.gz", "{\"text\": \"not compressed\"}\n");
    List<SourceRecord> records = Fixtures.read(file, Format.JSONL);
    assertThat(records).singleElement().extracting(SourceRecord::rejectReason).isEqualTo(RejectReason.UNREADABLE_FILE);
  }

  @Test
  void aMissingFileIsUnreadable() throws IOException {
    List<SourceRecord> records = Fixtures.read(dir.resolve("gone.jsonl"), Format.JSONL);
    assertThat(records).singleElement().satisfies(r -> {
      assertThat(r.rejectReason()).isEqualTo(RejectReason.UNREADABLE_FILE);
      assertThat(r.rejectMessage()).contains("FileNotFoundException");
    });
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
