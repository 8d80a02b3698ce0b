package org.presslens.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSourceTest {
  @TempDir
  Path dir;

  @Test
  void readsQuotedMultiLineFieldsWithDoubledQuotes() throws IOException {
    Path file = Fixtures.write(dir, "a.csv", "id,outlet,date,title,text\r\n"
        + "1,Daily,2/9/24,\"Comma, in title\",\"He said \"\"no\"\".\r\n\r\nSecond paragraph.\"\r\n"
        + "2,Daily,,Plain,Unquoted text with a 5\" screen\r\n");
    List<SourceRecord> records = Fixtures.read(file, Format.CSV);
    assertThat(records).hasSize(2).allMatch(r -> !r.isReject());
    assertThat(records.get(0).title()).isEqualTo("Comma, in title");
    assertThat(records.get(0).text()).isEqualTo("He said \"no\".\n\nSecond paragraph.");
    assertThat(records.get(0).position()).isEqualTo(2);
    assertThat(records.get(1).position()).isEqualTo(5);
    assertThat(records.get(1).text()).isEqualTo("Unquoted text with a 5\" screen");
    assertThat(records.get(1).dateRaw()).isEmpty();
  }

  @Test
  void rejectsRowsWithWrongFieldCountOrStrayCharactersAndGoesOn() throws IOException {
    Path file = Fixtures.write(dir, "b.csv", "id,text\n1,fine\n2,too,many\n3,\"closed\"x\n4,fine again\n");
    List<SourceRecord> records = Fixtures.read(file, Format.CSV);
    assertThat(records).extracting(SourceRecord::rejectReason)
        .containsExactly(null, RejectReason.BAD_CSV_ROW, RejectReason.BAD_CSV_ROW, null);
    assertThat(records.get(1).rejectMessage()).isEqualTo("expected 2 fields as in the header, found 3");
    assertThat(records.get(1).payload()).isEqualTo("2,too,many");
    assertThat(records.get(2).rejectMessage()).contains("after a closing quote");
    assertThat(records.get(3).sourceId()).isEqualTo("4");
  }

  @Test
  void anUnterminatedQuoteRejectsTheRestAsOneRow() throws IOException {
    Path file = Fixtures.write(dir, "c.csv", "id,text\n1,ok\n2,\"never closed\n3,lost\n");
    List<SourceRecord> records = Fixtures.read(file, Format.CSV);
    assertThat(records).hasSize(2);
    assertThat(records.get(1).rejectReason()).isEqualTo(RejectReason.BAD_CSV_ROW);
    assertThat(records.get(1).rejectMessage()).contains("unterminated quoted field", "line 3");
  }

  @Test
  void rejectsARecordWithInvalidUtf8() throws IOException {
    Path file = dir.resolve("d.csv");
    Files.write(file, JsonLinesSourceTest.concat("id,text\n1,ok\n".getBytes(StandardCharsets.UTF_8),
        "2,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1), "3,ok\n".getBytes(StandardCharsets.UTF_8)));
    assertThat(Fixtures.read(file, Format.CSV)).extracting(SourceRecord::rejectReason)
        .containsExactly(null, RejectReason.INVALID_UTF8, null);
  }

  @Test
  void aBadHeaderMakesTheFileUnreadable() throws IOException {
    Path file = Fixtures.write(dir, "e.csv", "id,\"text\nnot a header");
    assertThat(Fixtures.read(file, Format.CSV)).singleElement().extracting(SourceRecord::rejectReason)
        .isEqualTo(RejectReason.UNREADABLE_FILE);
  }

  @Test
  void tsvFilesUseTabs() throws IOException {
    Path file = Fixtures.write(dir, "f.tsv", "id\ttext\n1\ta, b\n");
    assertThat(Fixtures.read(file, Format.CSV)).singleElement().extracting(SourceRecord::text).isEqualTo("a, b");
  }
}
