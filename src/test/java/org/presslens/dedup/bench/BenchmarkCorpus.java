package org.presslens.dedup.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;
import org.presslens.dedup.SetSimilarity;
import org.presslens.dedup.Shingles;

/**
 * Labelled near-duplicate benchmark built from real articles: AllSides originals with planted copies of each
 * {@link CopyKind}, AllSides originals left alone, and hard negatives that must stay apart: the BASIL triplets
 * (one event, three outlets), AllSides articles that share their opening but differ, real articles of one outlet
 * that share its page template or fixed intro ("outlet template": CNN pages, The Flip Side), and synthetic articles
 * that reuse the first fifth of another article's words as their lede ("shared lede"). Writes {@code articles.jsonl} (id, source,
 * date, title, text) and {@code truth.tsv} (id, cluster, kind) to the output directory. Deterministic for a seed.
 */
public final class BenchmarkCorpus {
  /** One generated article with its ground truth. */
  public record Doc(String id, String source, String date, String title, String text, String cluster, String kind) {}

  private final List<Doc> docs = new ArrayList<>();

  /**
   * @param withCopies originals that get copies (each one copy of {@code kindsPerOriginal} random kinds)
   * @param alone originals without copies
   */
  public static List<Doc> generate(Path allsidesDir, Path basilJsonl, int withCopies, int kindsPerOriginal,
      int alone, long seed) throws IOException {
    return new BenchmarkCorpus().build(allsidesDir, basilJsonl, withCopies, kindsPerOriginal, alone, seed);
  }

  private List<Doc> build(Path allsidesDir, Path basilJsonl, int withCopies, int kindsPerOriginal, int alone,
      long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    List<JsonNode> basil = readJsonl(basilJsonl);
    // BASIL's Fox, NYT and HuffPost articles also appear in AllSides: those AllSides copies are left out, so the
    // BASIL articles stay true singletons.
    Set<String> basilTitles = new HashSet<>();
    basil.forEach(b -> basilTitles.add(titleKey(b.get("title").asText())));
    List<JsonNode> allsides = new ArrayList<>(readAllsides(allsidesDir).stream()
        .filter(a -> !basilTitles.contains(titleKey(a.get("title").asText()))).toList());
    // Outlet templates: real articles of one outlet that share its page template or fixed intro but are different
    // articles; kept out of the other groups.
    List<JsonNode> templated = allsides.stream().filter(BenchmarkCorpus::carriesTemplate).toList();
    allsides.removeIf(BenchmarkCorpus::carriesTemplate);
    Map<String, List<JsonNode>> byOpening = new HashMap<>();
    for (JsonNode a : allsides) {
      byOpening.computeIfAbsent(opening(a), k -> new ArrayList<>()).add(a);
    }
    // Originals: articles whose opening no other article shares (so none is an unlabelled copy of another).
    List<JsonNode> unique = new ArrayList<>(allsides.stream().filter(a -> byOpening.get(opening(a)).size() == 1).toList());
    shuffle(unique, random);
    CopyKind[] kinds = CopyKind.values();
    for (int i = 0; i < withCopies + alone && i < unique.size(); i++) {
      JsonNode original = unique.get(i);
      String cluster = "allsides:" + original.get("ID").asText();
      add(original, i < withCopies ? "original" : "alone", cluster, text(original), "");
      if (i < withCopies) {
        List<CopyKind> chosen = new ArrayList<>(List.of(kinds));
        shuffle(chosen, random);
        for (CopyKind kind : chosen.subList(0, kindsPerOriginal)) {
          add(original, kind.label(), cluster, kind.apply(text(original), random), "-" + kind.label());
        }
      }
    }
    // Shared lede: the first fifth of one original's words, then another article from the same point on.
    int ledes = Math.max(1, (withCopies + alone) / 20);
    for (int i = 0; i < ledes && i + 1 < unique.size(); i++) {
      JsonNode lede = unique.get(i);
      JsonNode body = unique.get(unique.size() - 1 - i);
      String[] a = text(lede).split(" ");
      String[] b = text(body).split(" ");
      int cut = Math.max(1, a.length / 5);
      String mixed = String.join(" ", java.util.Arrays.copyOf(a, cut)) + "\n\n"
          + String.join(" ", java.util.Arrays.copyOfRange(b, Math.min(b.length, b.length / 5), b.length));
      String id = "lede:" + lede.get("ID").asText();
      docs.add(new Doc(id, body.get("source").asText(), body.get("date").asText(), body.get("title").asText(), mixed,
          id, "shared_lede"));
    }
    // AllSides groups with one opening: each member is its own cluster unless its text really is a copy of an
    // earlier member (word 5-gram Jaccard >= 0.5 or containment >= 0.8, the definition the benchmark scores).
    for (List<JsonNode> group : byOpening.values()) {
      if (group.size() < 2) {
        continue;
      }
      group.sort(Comparator.comparing(a -> a.get("ID").asText()));
      List<int[]> sets = group.stream().map(a -> Shingles.of(text(a), Shingles.Kind.WORD, 5)).toList();
      List<String> clusters = new ArrayList<>();
      for (int i = 0; i < group.size(); i++) {
        String cluster = "allsides:" + group.get(i).get("ID").asText();
        for (int j = 0; j < i; j++) {
          SetSimilarity sim = SetSimilarity.of(sets.get(i), sets.get(j));
          if (sim.jaccard() >= 0.5 || sim.containment() >= 0.8) {
            cluster = clusters.get(j);
            break;
          }
        }
        clusters.add(cluster);
        add(group.get(i), "shared_opening", cluster, text(group.get(i)), "");
      }
    }
    Map<String, List<JsonNode>> byOutlet = new java.util.TreeMap<>();
    templated.forEach(a -> byOutlet.computeIfAbsent(a.get("source").asText(), k -> new ArrayList<>()).add(a));
    for (List<JsonNode> outlet : byOutlet.values()) {
      List<String> clusters = templateClusters(outlet);
      for (int i = 0; i < outlet.size(); i++) {
        add(outlet.get(i), "outlet_template", clusters.get(i), text(outlet.get(i)), "");
      }
    }
    for (JsonNode b : basil) {
      String id = "basil:" + b.get("article_file").asText();
      docs.add(new Doc(id, b.get("source").asText(), b.get("date").asText(), b.get("title").asText(),
          b.get("text").asText(), id, "basil"));
    }
    return docs;
  }

  /**
   * The articles that carry an outlet's template: CNN pages with a photo gallery ("Hide Caption"), embedded video
   * lines ("JUST WATCHED") or a blog's "N years ago" block and link list; and every "The Flip Side" piece (many open
   * with the same fixed introduction).
   */
  private static boolean carriesTemplate(JsonNode article) {
    String source = article.get("source").asText();
    String text = text(article);
    return source.equals("The Flip Side") || source.equals("CNN (Web News)")
        && (text.contains("Hide Caption") || text.contains("JUST WATCHED") || text.contains("years ago\n"));
  }

  /**
   * Truth for one outlet's templated articles: the text of an article is what is left when the word 5-grams that
   * at least {@value #TEMPLATE_TEXTS} of the outlet's articles carry are taken out (unless that leaves fewer than 50);
   * two articles are copies when what is left has Jaccard >= 0.5 or containment >= 0.8 (the benchmark's definition),
   * and clusters are the connected components of such pairs.
   */
  private static List<String> templateClusters(List<JsonNode> outlet) {
    List<int[]> sets = outlet.stream().map(a -> Shingles.of(text(a), Shingles.Kind.WORD, 5)).toList();
    Map<Integer, Integer> texts = new HashMap<>();
    sets.forEach(set -> java.util.Arrays.stream(set).forEach(x -> texts.merge(x, 1, Integer::sum)));
    List<int[]> own = sets.stream().map(set -> {
      int[] left = java.util.Arrays.stream(set).filter(x -> texts.get(x) < TEMPLATE_TEXTS).toArray();
      return left.length < 50 ? set : left;
    }).toList();
    int[] parent = new int[outlet.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    for (int i = 0; i < parent.length; i++) {
      for (int j = 0; j < i; j++) {
        boolean bothOwn = own.get(i) != sets.get(i) && own.get(j) != sets.get(j);
        SetSimilarity sim = bothOwn ? SetSimilarity.of(own.get(i), own.get(j)) : SetSimilarity.of(sets.get(i), sets.get(j));
        if (sim.jaccard() >= 0.5 || sim.containment() >= 0.8) {
          parent[root(parent, i)] = root(parent, j);
        }
      }
    }
    List<String> clusters = new ArrayList<>();
    for (int i = 0; i < parent.length; i++) {
      clusters.add("allsides:" + outlet.get(root(parent, i)).get("ID").asText());
    }
    return clusters;
  }

  private static final int TEMPLATE_TEXTS = 3;

  private static int root(int[] parent, int i) {
    while (parent[i] != i) {
      i = parent[i] = parent[parent[i]];
    }
    return i;
  }

  private void add(JsonNode article, String kind, String cluster, String text, String suffix) {
    String id = "allsides:" + article.get("ID").asText() + suffix;
    String source = suffix.isEmpty() ? article.get("source").asText() : "Copy Desk " + kind;
    docs.add(new Doc(id, source, article.get("date").asText(), article.get("title").asText(), text, cluster, kind));
  }

  private static String titleKey(String title) {
    return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }

  private static String text(JsonNode article) {
    return article.get("content_original").asText();
  }

  private static String opening(JsonNode article) {
    String text = text(article).replaceAll("\\s+", " ");
    return text.substring(0, Math.min(300, text.length()));
  }

  public static <T> void shuffle(List<T> list, SplittableRandom random) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      T t = list.get(i);
      list.set(i, list.get(j));
      list.set(j, t);
    }
  }

  public static List<JsonNode> readAllsides(Path dir) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    Set<String> urls = new HashSet<>();
    try (var files = Files.list(dir)) {
      for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".jsonl.gz")).sorted().toList()) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
            new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
          ObjectMapper json = new ObjectMapper();
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            JsonNode node = json.readTree(line);
            if (urls.add(node.get("url").asText())) {
              out.add(node);
            }
          }
        }
      }
    }
    out.sort(Comparator.comparing(a -> a.get("ID").asText()));
    return out;
  }

  static List<JsonNode> readJsonl(Path file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (!line.isBlank()) {
        out.add(json.readTree(line));
      }
    }
    return out;
  }

  /** Writes articles.jsonl and truth.tsv. */
  public static void write(List<Doc> docs, Path dir) throws IOException {
    Files.createDirectories(dir);
    ObjectMapper json = new ObjectMapper();
    try (BufferedWriter articles = Files.newBufferedWriter(dir.resolve("articles.jsonl"));
        BufferedWriter truth = Files.newBufferedWriter(dir.resolve("truth.tsv"))) {
      for (Doc d : docs) {
        ObjectNode node = json.createObjectNode().put("id", d.id()).put("source", d.source()).put("date", d.date())
            .put("title", d.title()).put("text", d.text());
        articles.write(node.toString());
        articles.newLine();
        truth.write(d.id() + "\t" + d.cluster() + "\t" + d.kind());
        truth.newLine();
      }
    }
  }

  /** Kinds in the order reports list them. */
  public static List<String> kinds() {
    List<String> kinds = new ArrayList<>(List.of("alone", "original"));
    for (CopyKind kind : CopyKind.values()) {
      kinds.add(kind.label());
    }
    kinds.addAll(List.of("shared_lede", "shared_opening", "outlet_template", "basil"));
    return kinds;
  }

  static Map<String, String> index(List<Doc> docs) {
    Map<String, String> out = new LinkedHashMap<>();
    docs.forEach(d -> out.put(d.id(), d.cluster()));
    return out;
  }
}
