package org.presslens.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** docs/benchmarks.md, one section per benchmark: a benchmark replaces its own section and leaves the others. */
final class BenchmarkReport {
  private BenchmarkReport() {}

  /** Replaces the section that starts with {@code heading} (a "## " line) by {@code body}, or appends it. */
  static void writeSection(String heading, String body) throws IOException {
    Path path = Path.of("docs/benchmarks.md");
    String text = Files.exists(path) ? Files.readString(path) : "# Benchmarks\n";
    String section = heading + "\n\n" + body;
    int start = text.indexOf(heading);
    if (start >= 0) {
      int end = text.indexOf("\n## ", start + 1);
      text = text.substring(0, start) + section + (end >= 0 ? text.substring(end + 1) : "");
    } else {
      text = text.stripTrailing() + "\n\n" + section;
    }
    Files.writeString(path, text);
  }
}
