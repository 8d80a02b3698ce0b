package org.presslens.dedup.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Archives of any size for the scale benchmark, written as JSON Lines (gzip) parts: real AllSides and BASIL
 * articles ({@link #REAL_SHARE} of the distinct articles, while the pool lasts) and "remixes" (each a real article's
 * outlet, date and title with as many paragraphs as it has, every paragraph drawn from a different real article:
 * real vocabulary, names and lengths, but a text no other article has), and copies of earlier articles planted as
 * wire reprints by other outlets with the dedup benchmark's copy kinds ({@link CopyKind}), so that the duplicate
 * rate is the archive's, not the pool's.
 */
public final class ScaleCorpus {
  /** What was written: distinct articles (real and remixed) and planted copies, with each copy's original. */
  public record Written(int real, int remixed, int copies, List<Path> parts, Path truth) {
    public int total() {
      return real + remixed + copies;
    }
  }

  /**
   * Share of the distinct articles that are real, at every size up to the pool's (about 38,000 real articles: an
   * archive of 100,000 articles and its 15% copies). Remixes mention more distinct entities than real articles
   * (their paragraphs come from different stories), so a mix that changed with the size would change the cost per
   * article of the entity stages with it.
   */
  public static final double REAL_SHARE = 0.42;

  private record Source(String id, String outlet, String date, String title, String text) {}

  private ScaleCorpus() {}

  /**
   * @param size articles to write
   * @param copyShare share of them that are planted copies (each copied original gets 1 to 4 copies)
   */
  public static Written write(Path allsidesDir, Path basilJsonl, int size, double copyShare, long seed, Path dir)
      throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    List<Source> pool = pool(allsidesDir, basilJsonl);
    BenchmarkCorpus.shuffle(pool, random);
    List<String> paragraphs = new ArrayList<>();
    for (Source s : pool) {
      List<String> own = CopyKind.paragraphs(s.text());
      if (own.size() >= 5) { // a drawn paragraph is then at most a small part of its source's text
        paragraphs.addAll(own);
      }
    }
    List<String> outlets = pool.stream().map(Source::outlet).distinct().sorted().toList();
    // an original gets 2.5 copies on average: this share of distinct articles is copied
    double copied = copyShare / (1 - copyShare) / 2.5;
    int partCount = Math.max(4, size / 10_000);
    Files.createDirectories(dir);
    List<Path> parts = new ArrayList<>();
    List<BufferedWriter> writers = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    Path truthFile = dir.resolve("truth.tsv");
    int real = 0;
    int remixed = 0;
    int copies = 0;
    try (BufferedWriter truth = Files.newBufferedWriter(truthFile)) {
      for (int p = 0; p < partCount; p++) {
        Path part = dir.resolve(String.format("part-%03d.jsonl.gz", p));
        parts.add(part);
        writers.add(new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(part)),
            StandardCharsets.UTF_8)));
      }
      CopyKind[] kinds = CopyKind.values();
      int written = 0;
      while (written < size) {
        Source article;
        if (real < pool.size() && random.nextDouble() < REAL_SHARE) {
          article = pool.get(real++);
        } else {
          Source host = pool.get(random.nextInt(pool.size()));
          int count = Math.max(3, Math.min(30, CopyKind.paragraphs(host.text()).size()));
          List<String> drawn = new ArrayList<>();
          for (int i = 0; i < count; i++) {
            drawn.add(paragraphs.get(random.nextInt(paragraphs.size())));
          }
          article = new Source("remix:" + remixed++, host.outlet(), host.date(), host.title(),
              String.join("\n\n", drawn));
        }
        emit(json, writers.get(random.nextInt(partCount)), article);
        truth.write(article.id() + "\t" + article.id() + "\n");
        written++;
        if (random.nextDouble() < copied) {
          int n = 1 + random.nextInt(4);
          for (int c = 0; c < n && written < size; c++) {
            CopyKind kind = kinds[random.nextInt(kinds.length)];
            Source copy = new Source("copy:" + copies++, outlets.get(random.nextInt(outlets.size())),
                article.date(), article.title(), kind.apply(article.text(), random));
            emit(json, writers.get(random.nextInt(partCount)), copy);
            truth.write(copy.id() + "\t" + article.id() + "\n");
            written++;
          }
        }
      }
    } finally {
      for (BufferedWriter w : writers) {
        w.close();
      }
    }
    return new Written(real, remixed, copies, parts, truthFile);
  }

  private static void emit(ObjectMapper json, BufferedWriter out, Source s) throws IOException {
    out.write(json.createObjectNode().put("id", s.id()).put("source", s.outlet()).put("date", s.date())
        .put("title", s.title()).put("text", s.text()).toString());
    out.newLine();
  }

  /** Every AllSides article with text (one per URL) and every BASIL article. */
  private static List<Source> pool(Path allsidesDir, Path basilJsonl) throws IOException {
    List<Source> pool = new ArrayList<>();
    for (JsonNode a : BenchmarkCorpus.readAllsides(allsidesDir)) {
      String text = a.path("content_original").asText("");
      if (!text.isBlank()) {
        pool.add(new Source("allsides:" + a.get("ID").asText(), a.path("source").asText(null),
            a.path("date").asText(null), a.path("title").asText(null), text));
      }
    }
    for (JsonNode b : BenchmarkCorpus.readJsonl(basilJsonl)) {
      pool.add(new Source("basil:" + b.get("uuid").asText(), b.get("source").asText(), b.get("date").asText(),
          b.get("title").asText(), b.get("text").asText()));
    }
    return pool;
  }
}
