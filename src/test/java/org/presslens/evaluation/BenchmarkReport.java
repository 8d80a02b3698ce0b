package org.presslens.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Generated Markdown reports (docs/benchmarks.md, docs/framing-evaluation.md), one section per benchmark or evaluation:
 * each replaces its own section and leaves the others.
 */
final class BenchmarkReport {
  private BenchmarkReport() {}

  /** Replaces the section that starts with {@code heading} (a "## " line) by {@code body}, or appends it. */
  static void writeSection(String heading, String body) throws IOException {
    writeSection(Path.of("docs/benchmarks.md"), "# Benchmarks", heading, body);
  }

  /** The same for any generated Markdown file with the given title. */
  static void writeSection(Path path, String title, String heading, String body) throws IOException {
    String text = Files.exists(path) ? Files.readString(path) : title + "\n";
    String section = heading + "\n\n" + body.stripTrailing() + "\n";
    int start = text.indexOf(heading);
    if (start >= 0) {
      int end = text.indexOf("\n## ", start + 1);
      text = text.substring(0, start) + section + (end >= 0 ? "\n" + text.substring(end + 1) : "");
    } else {
      text = text.stripTrailing() + "\n\n" + section;
    }
    Files.writeString(path, text);
  }
}
