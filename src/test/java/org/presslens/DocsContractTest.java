package org.presslens;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.presslens.config.ConfigReference;
import org.presslens.ingest.RejectReason;
import org.presslens.output.TableReference;

/** Docs follow code: README's configuration table and docs/tables.md are generated from the code's declarations. */
class DocsContractTest {
  private static String block(Path file, String name) throws IOException {
    String text = Files.readString(file);
    String start = "<!-- " + name + ":start -->\n";
    String end = "<!-- " + name + ":end -->";
    int from = text.indexOf(start);
    int to = text.indexOf(end);
    assertThat(from).as(file + " has a block " + name).isNotNegative();
    assertThat(to).as(file + " closes block " + name).isGreaterThan(from);
    return text.substring(from + start.length(), to).strip() + "\n";
  }

  @Test
  void readmeListsEveryConfigKeyWithItsDefault() throws IOException {
    assertThat(block(Path.of("README.md"), "config"))
        .as("README config table; regenerate with: jobs/presslens config-reference")
        .isEqualTo(ConfigReference.markdownTable());
  }

  @Test
  void incrementalDocDescribesEveryStateTableAsTheCodeDeclaresIt() throws IOException {
    for (TableReference.Table table : TableReference.STATE) {
      assertThat(block(Path.of("docs/incremental.md"), "state:" + table.name()))
          .as("docs/incremental.md for " + table.name() + "; regenerate with: jobs/presslens table-reference")
          .isEqualTo(TableReference.markdown(table).strip() + "\n");
    }
  }

  @Test
  void tablesDocDescribesEveryTableAsTheCodeDeclaresIt() throws IOException {
    for (TableReference.Table table : TableReference.TABLES) {
      assertThat(block(Path.of("docs/tables.md"), "table:" + table.name()))
          .as("docs/tables.md for " + table.name() + "; regenerate with: jobs/presslens table-reference")
          .isEqualTo(TableReference.markdown(table).strip() + "\n");
    }
  }

  @Test
  void everyRejectReasonIsDocumented() throws IOException {
    String doc = Files.readString(Path.of("docs/tables.md"));
    for (RejectReason reason : RejectReason.values()) {
      assertThat(doc).contains("`" + reason.code() + "`");
    }
  }

  @Test
  void readmeNamesEveryOutputTable() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    for (TableReference.Table table : TableReference.TABLES) {
      assertThat(readme).contains("`" + table.name() + "/`");
    }
  }
}
