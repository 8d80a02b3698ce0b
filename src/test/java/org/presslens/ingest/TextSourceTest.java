package org.presslens.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.presslens.config.InputSpec;

class TextSourceTest {
  @TempDir
  Path dir;

  @Test
  void oneFileIsOneRecordWithItsPathAsId() throws IOException {
    Path file = Fixtures.write(dir, "gazette/2024/hg-001.txt", "7 Feb 2024\n\nTitle\n\nBody.");
    InputSpec spec = new InputSpec("t", List.of(dir.toString()), "text", null, null, 1, null, null, null, null, null);
    FileContext context = new FileContext("t", file.toUri().toString(), "gazette/2024/hg-001.txt", 0, Format.TEXT,
        InputFiles.options(spec, 100), null, null, null, null);
    SourceRecord record = Fixtures.read(context).get(0);
    assertThat(record.sourceId()).isEqualTo("gazette/2024/hg-001");
    assertThat(record.outlet()).isEqualTo("gazette");
    assertThat(record.text()).isEqualTo("7 Feb 2024\n\nTitle\n\nBody.");
    assertThat(record.headerInText()).isTrue();
    assertThat(record.dateRaw()).isNull();
  }

  @Test
  void outletFromTheParentDirectoryOrTheManifest() throws IOException {
    Path file = Fixtures.write(dir, "a/b/x.txt", "Body");
    InputSpec spec = new InputSpec("t", List.of(dir.toString()), "text", null, null, -1, null, null, null, null, null);
    FileContext fromDir = new FileContext("t", file.toUri().toString(), "a/b/x.txt", 0, Format.TEXT,
        InputFiles.options(spec, 100), null, null, null, null);
    assertThat(Fixtures.read(fromDir).get(0).outlet()).isEqualTo("b");
    FileContext fromManifest = new FileContext("t", file.toUri().toString(), "a/b/x.txt", 0, Format.TEXT,
        InputFiles.options(spec, 100), "Valley Post", "http://v/1", "2/9/2024", null);
    SourceRecord record = Fixtures.read(fromManifest).get(0);
    assertThat(List.of(record.outlet(), record.url(), record.dateRaw())).containsExactly("Valley Post", "http://v/1",
        "2/9/2024");
  }

  @Test
  void rejectsAFileThatIsNotUtf8() throws IOException {
    Path file = dir.resolve("latin1.txt");
    Files.write(file, "Caf\u00e9 owners protest".getBytes(StandardCharsets.ISO_8859_1));
    SourceRecord record = Fixtures.read(file, Format.TEXT).get(0);
    assertThat(record.rejectReason()).isEqualTo(RejectReason.INVALID_UTF8);
    assertThat(record.payload()).startsWith("Caf");
  }

  @Test
  void stripsAByteOrderMark() throws IOException {
    Path file = Fixtures.write(dir, "bom.txt", "\uFEFFHello");
    assertThat(Fixtures.read(file, Format.TEXT).get(0).text()).isEqualTo("Hello");
  }
}
