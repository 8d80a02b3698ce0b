package org.presslens.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.presslens.entities.CoreNlpBackend;
import org.presslens.entities.NerBackend;
import org.presslens.entities.Spans;

/**
 * Entity-level exact-span F1 of the NER backend on CoNLL-2003 eng.testb (../shared/data/conll2003), the way the
 * job runs it: each document's text (tokens joined by spaces, sentences by blank lines) goes through the backend
 * and {@link Spans}; a predicted mention counts when its character span and type equal a gold entity's (IOB1
 * decoded). Also the backend's single-thread speed. {@code mvn test -Pshared -Dtest=NerEvaluationTest}; prints
 * the scores and writes them to target/ner-evaluation.md.
 */
@Tag("shared")
class NerEvaluationTest {
  private static final Path TESTB = Path.of("../shared/data/conll2003/eng.testb");
  private static final Map<String, String> CONLL = Map.of(NerBackend.PERSON, "PER", NerBackend.ORGANIZATION,
      "ORG", NerBackend.LOCATION, "LOC", NerBackend.MISC, "MISC");

  /** A document rebuilt from its tokens, with the gold entities as (begin, end, type). */
  record Document(String text, Set<List<Object>> gold, int tokens) {}

  static List<Document> read(Path file) throws IOException {
    List<Document> docs = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    Set<List<Object>> gold = new HashSet<>();
    int tokens = 0;
    int entityStart = -1;
    int entityEnd = -1;
    String entityType = null;
    boolean sentenceOpen = false;
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    lines.add("-DOCSTART- -X- -X- O");
    for (String line : lines) {
      boolean docStart = line.startsWith("-DOCSTART-");
      String[] f = line.isBlank() || docStart ? null : line.split(" ");
      String tag = f == null ? "O" : f[3];
      String type = tag.equals("O") ? null : tag.substring(2);
      boolean continues = type != null && type.equals(entityType) && !tag.startsWith("B-");
      if (entityType != null && !continues) {
        gold.add(List.of(entityStart, entityEnd, entityType));
        entityType = null;
      }
      if (docStart) {
        if (tokens > 0) {
          docs.add(new Document(text.toString(), gold, tokens));
        }
        text = new StringBuilder();
        gold = new HashSet<>();
        tokens = 0;
        sentenceOpen = false;
        continue;
      }
      if (f == null) {
        sentenceOpen = false;
        continue;
      }
      if (text.length() > 0) {
        text.append(sentenceOpen ? " " : "\n\n");
      }
      sentenceOpen = true;
      int begin = text.length();
      text.append(f[0]);
      tokens++;
      if (type != null) {
        if (entityType == null) {
          entityStart = begin;
          entityType = type;
        }
        entityEnd = text.length();
      }
    }
    return docs;
  }

  @Test
  void exactSpanF1OnConllTestB() throws IOException {
    List<Document> docs = read(TESTB);
    NerBackend backend = CoreNlpBackend.get();
    backend.tag("Warm up the tagger in Paris with Angela Merkel.");
    Map<String, int[]> counts = new TreeMap<>(); // type -> true positives, predicted, gold
    long tokens = 0;
    long nanos = 0;
    for (Document doc : docs) {
      long start = System.nanoTime();
      List<Spans.Span> spans = Spans.of(doc.text(), backend.tag(doc.text()));
      nanos += System.nanoTime() - start;
      tokens += doc.tokens();
      Set<List<Object>> predicted = new HashSet<>();
      for (Spans.Span s : spans) {
        predicted.add(List.of(s.begin(), s.end(), CONLL.get(s.type())));
      }
      for (List<Object> p : predicted) {
        int[] c = counts.computeIfAbsent((String) p.get(2), k -> new int[3]);
        c[1]++;
        if (doc.gold().contains(p)) {
          c[0]++;
        }
      }
      for (List<Object> g : doc.gold()) {
        counts.computeIfAbsent((String) g.get(2), k -> new int[3])[2]++;
      }
    }
    int[] all = new int[3];
    StringBuilder out = new StringBuilder("| type | precision | recall | F1 | gold entities |\n|---|---|---|---|---|\n");
    for (Map.Entry<String, int[]> e : counts.entrySet()) {
      for (int i = 0; i < 3; i++) {
        all[i] += e.getValue()[i];
      }
      out.append(line(e.getKey(), e.getValue()));
    }
    out.append(line("all (micro)", all));
    double f1 = 2.0 * all[0] / (all[1] + all[2]);
    out.append(String.format("%nDocuments %d, tokens %d; backend alone, one thread: %.0f tokens/s (%s)%n", docs.size(),
        tokens, tokens / (nanos / 1e9), backend.description()));
    System.out.println("NER EVALUATION (eng.testb)\n" + out);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/ner-evaluation.md"), out.toString());
    assertThat(all[2]).as("gold entities of eng.testb").isEqualTo(5648);
    assertThat(f1).as("entity-level exact-span F1").isGreaterThanOrEqualTo(0.88);
  }

  private static String line(String type, int[] c) {
    double p = c[1] == 0 ? 0 : (double) c[0] / c[1];
    double r = c[2] == 0 ? 0 : (double) c[0] / c[2];
    return String.format("| %s | %.4f | %.4f | %.4f | %d |%n", type, p, r, p + r == 0 ? 0 : 2 * p * r / (p + r), c[2]);
  }
}
