package org.presslens.config;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Per-outlet framing statistics on canonical articles. */
public record FramingSettings(
    @JsonPropertyDescription("Compute the framing tables (attention, distinctive words, frames, tone, labels, quotes, originality)")
    Boolean enabled,
    @JsonPropertyDescription("Period of the outlet x period tables: day, week (starting Monday) or month")
    String period,
    @JsonPropertyDescription("Topic term lists, topic -> words or phrases; an article matches a topic when it contains any of them (case-insensitive, whole words); attention rows per topic")
    Map<String, List<String>> topics,
    @JsonPropertyDescription("Attention rows for this many entities, those in the most canonical articles (0: none)")
    Integer attentionEntities,
    @JsonPropertyDescription("Distinctive words (log-odds with an informative Dirichlet prior)")
    WordSettings words,
    @JsonPropertyDescription("Frame dimensions of the Policy Frames Codebook, scored with a cue lexicon")
    FrameSettings frames,
    @JsonPropertyDescription("Families of competing labels, family -> labels (words or phrases; a label also matches its plural/singular in s, es or ies)")
    Map<String, List<String>> labels,
    @JsonPropertyDescription("Prior strength of the label log-odds: alpha_0 times the label's share of its family in all canonical articles")
    Double labelPrior,
    @JsonPropertyDescription("Direct quotations shorter than this many words are ignored")
    Integer quoteMinWords) {

  /** The label families named in the framing literature on conflict news. */
  public static final Map<String, List<String>> DEFAULT_LABELS = defaultLabels();

  public FramingSettings {
    enabled = enabled == null ? Boolean.TRUE : enabled;
    period = period == null ? "month" : period;
    topics = topics == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(topics));
    attentionEntities = attentionEntities == null ? 100 : attentionEntities;
    words = words == null ? new WordSettings(null, null, null, null, null, null, null) : words;
    frames = frames == null ? new FrameSettings(null, null) : frames;
    labels = labels == null ? DEFAULT_LABELS : Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    labelPrior = labelPrior == null ? 10.0 : labelPrior;
    quoteMinWords = quoteMinWords == null ? 3 : quoteMinWords;
  }

  public static FramingSettings defaults() {
    return new FramingSettings(null, null, null, null, null, null, null, null, null);
  }

  private static Map<String, List<String>> defaultLabels() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("rulers", List.of("regime", "government", "authorities", "administration"));
    m.put("armed_opposition", List.of("rebels", "opposition", "activists", "militants", "insurgents", "terrorists",
        "fighters"));
    m.put("conflict", List.of("uprising", "revolt", "crisis", "civil war"));
    return Collections.unmodifiableMap(m);
  }

  /** Distinctive words per outlet (Monroe, Colaresi and Quinn 2008). */
  public record WordSettings(
      @JsonPropertyDescription("Terms (unigrams and bigrams) used fewer times than this in all canonical articles are not tested")
      Integer minCount,
      @JsonPropertyDescription("Prior strength alpha_0: the Dirichlet prior is alpha_0 times the term's share of all canonical text")
      Double prior,
      @JsonPropertyDescription("Rows kept per comparison and direction: the terms with the highest and the lowest z-scores")
      Integer top,
      @JsonPropertyDescription("Outlets with fewer canonical articles are not compared (they still count in the rest)")
      Integer minOutletArticles,
      @JsonPropertyDescription("Outlet pairs also compared head to head, each as \"outlet A|outlet B\"")
      List<String> outletPairs,
      @JsonPropertyDescription("Entity names (entities.name, case-insensitive) whose articles get their own comparison")
      List<String> entities,
      @JsonPropertyDescription("Terms tested per subset: the most used ones (bounds the outlets x terms comparisons)")
      Integer vocabulary) {

    public WordSettings {
      minCount = minCount == null ? 5 : minCount;
      prior = prior == null ? 1000.0 : prior;
      top = top == null ? 100 : top;
      minOutletArticles = minOutletArticles == null ? 5 : minOutletArticles;
      outletPairs = outletPairs == null ? List.of() : List.copyOf(outletPairs);
      entities = entities == null ? List.of() : List.copyOf(entities);
      vocabulary = vocabulary == null ? 20000 : vocabulary;
    }
  }

  /** Frame dimensions. */
  public record FrameSettings(
      @JsonPropertyDescription("Cue lexicon file (TSV frame_id<TAB>cue, see docs/framing.md); null: the built-in lexicon")
      String lexicon,
      @JsonPropertyDescription("An article invokes a frame when it contains at least this many of the frame's cues (occurrences)")
      Integer minHits) {

    public FrameSettings {
      minHits = minHits == null ? 2 : minHits;
    }
  }
}
