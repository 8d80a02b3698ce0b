package org.presslens.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.presslens.config.InputSpec;

/** Reads test files through the real readers. */
final class Fixtures {
  private Fixtures() {}

  static FileContext context(Path file, Format format, InputSpec spec) {
    return new FileContext(spec.name() == null ? "test" : spec.name(), file.toUri().toString(),
        file.getFileName().toString(), 0, format, InputFiles.options(spec, 200), null, null, null, null);
  }

  static List<SourceRecord> read(Path file, Format format) throws IOException {
    return read(context(file, format, InputSpec.of(List.of(file.toString()), format.name())));
  }

  static List<SourceRecord> read(FileContext context) throws IOException {
    List<SourceRecord> records = new ArrayList<>();
    try (RecordSource source = Readers.open(context, new Configuration(), new ObjectMapper())) {
      for (SourceRecord r = source.next(); r != null; r = source.next()) {
        records.add(r);
      }
    }
    return records;
  }

  static Path write(Path dir, String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content);
  }
}
