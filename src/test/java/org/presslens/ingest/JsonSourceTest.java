package org.presslens.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonSourceTest {
  @TempDir
  Path dir;

  @Test
  void readsAnArrayElementByElement() throws IOException {
    Path file = Fixtures.write(dir, "a.json", """
        [
          {"id": "1", "text": "one"},
          {"id": "2", "text": "two"},
          "not an object",
          {"id": "4", "text": "four"}
        ]
        """);
    List<SourceRecord> records = Fixtures.read(file, Format.JSON);
    assertThat(records).extracting(SourceRecord::position).containsExactly(1L, 2L, 3L, 4L);
    assertThat(records).extracting(SourceRecord::rejectReason)
        .containsExactly(null, null, RejectReason.MALFORMED_JSON, null);
    assertThat(records.get(3).text()).isEqualTo("four");
  }

  @Test
  void readsPrettyPrintedObjectsOneAfterAnother() throws IOException {
    Path file = Fixtures.write(dir, "b.json", "{\n \"text\": \"one\"\n}\n{\n \"text\": \"two\"\n}\n");
    assertThat(Fixtures.read(file, Format.JSON)).extracting(SourceRecord::text).containsExactly("one", "two");
  }

  @Test
  void aSyntaxErrorRejectsTheRestOfTheFileOnce() throws IOException {
    Path file = Fixtures.write(dir, "c.json", "[{\"text\": \"one\"}, {\"text\": \"two\" \"oops\": 1}, {\"text\": \"x\"}]");
    List<SourceRecord> records = Fixtures.read(file, Format.JSON);
    assertThat(records).hasSize(2);
    assertThat(records.get(0).text()).isEqualTo("one");
    assertThat(records.get(1).rejectReason()).isEqualTo(RejectReason.MALFORMED_JSON);
    assertThat(records.get(1).position()).isEqualTo(2);
    assertThat(records.get(1).rejectMessage()).contains("the rest of the file from element 2", "line 1");
  }

  @Test
  void anEmptyFileHasNoRecords() throws IOException {
    assertThat(Fixtures.read(Fixtures.write(dir, "e.json", "  \n"), Format.JSON)).isEmpty();
    assertThat(Fixtures.read(Fixtures.write(dir, "f.json", "[]"), Format.JSON)).isEmpty();
  }
}
