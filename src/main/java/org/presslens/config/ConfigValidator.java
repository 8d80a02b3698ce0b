package org.presslens.config;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Start-up validation: every message names the key and the value. */
final class ConfigValidator {
  static final List<String> FORMATS = List.of("auto", "text", "jsonl", "json", "csv", "parquet");

  private ConfigValidator() {}

  static void validate(JobConfig c) {
    if (c.inputs().isEmpty()) {
      throw new ConfigException("inputs must name at least one input (use --input PATH or an inputs: list in the job file)");
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < c.inputs().size(); i++) {
      InputSpec in = c.inputs().get(i);
      String k = "inputs." + i;
      require(!in.paths().isEmpty(), k + ".paths must list at least one path");
      require(in.name().matches("[A-Za-z0-9_.-]+"), k + ".name must match [A-Za-z0-9_.-]+: " + in.name());
      require(names.add(in.name()), k + ".name must be unique: " + in.name());
      require(FORMATS.contains(in.format()), k + ".format must be one of " + FORMATS + ": " + in.format());
      require(in.dateOrder().equals("MDY") || in.dateOrder().equals("DMY"),
          k + ".date_order must be MDY or DMY: " + in.dateOrder());
      require(in.csvDelimiter().length() == 1, k + ".csv_delimiter must be one character: '" + in.csvDelimiter() + "'");
      date(k + ".dates_from", in.datesFrom());
      date(k + ".dates_to", in.datesTo());
    }
    require(c.output() != null && !c.output().isBlank(), "output must be set (use --output DIR or output: in the job file)");
    require(c.text().minWords() >= 0, "text.min_words must be >= 0: " + c.text().minWords());
    require(c.text().maxChars() > 0, "text.max_chars must be > 0: " + c.text().maxChars());
    require(c.text().titleMaxWords() > 0, "text.title_max_words must be > 0: " + c.text().titleMaxWords());
    require(c.text().titleScanLines() >= 0, "text.title_scan_lines must be >= 0: " + c.text().titleScanLines());
    require(c.boilerplate().minArticles() >= 2,
        "boilerplate.min_articles must be >= 2 (a line unique to one article is never boilerplate): "
            + c.boilerplate().minArticles());
    require(c.boilerplate().minShare() >= 0 && c.boilerplate().minShare() <= 1,
        "boilerplate.min_share must be in [0,1]: " + c.boilerplate().minShare());
    date("dates.min", c.dates().min());
    require(c.dates().maxDaysAhead() >= 0, "dates.max_days_ahead must be >= 0: " + c.dates().maxDaysAhead());
    CooccurrenceSettings co = c.cooccurrence();
    for (String window : co.windows().split(",")) {
      require(window.strip().equals("sentence") || window.strip().equals("document"),
          "cooccurrence.windows must list sentence and/or document: " + co.windows());
    }
    require(co.period().equals("day") || co.period().equals("week") || co.period().equals("month"),
        "cooccurrence.period must be day, week or month: " + co.period());
    require(co.minPairCount() >= 1, "cooccurrence.min_pair_count must be >= 1: " + co.minPairCount());
    require(co.minOutlets() >= 1, "cooccurrence.min_outlets must be >= 1: " + co.minOutlets());
    FramingSettings f = c.framing();
    require(f.period().equals("day") || f.period().equals("week") || f.period().equals("month"),
        "framing.period must be day, week or month: " + f.period());
    require(f.attentionEntities() >= 0, "framing.attention_entities must be >= 0: " + f.attentionEntities());
    require(f.words().minCount() >= 1, "framing.words.min_count must be >= 1: " + f.words().minCount());
    require(f.words().prior() > 0, "framing.words.prior must be > 0: " + f.words().prior());
    require(f.words().top() >= 1, "framing.words.top must be >= 1: " + f.words().top());
    require(f.words().minOutletArticles() >= 1,
        "framing.words.min_outlet_articles must be >= 1: " + f.words().minOutletArticles());
    for (String pair : f.words().outletPairs()) {
      String[] sides = pair.split("\\|", -1);
      require(sides.length == 2 && !sides[0].isBlank() && !sides[1].isBlank(),
          "framing.words.outlet_pairs entries must read \"outlet A|outlet B\": " + pair);
    }
    require(f.words().vocabulary() >= 1, "framing.words.vocabulary must be >= 1: " + f.words().vocabulary());
    require(f.labelPrior() > 0, "framing.label_prior must be > 0: " + f.labelPrior());
    require(f.frames().minHits() >= 1, "framing.frames.min_hits must be >= 1: " + f.frames().minHits());
    require(f.quoteMinWords() >= 1, "framing.quote_min_words must be >= 1: " + f.quoteMinWords());
    Set<String> labels = new HashSet<>();
    for (var family : f.labels().entrySet()) {
      require(family.getValue() != null && family.getValue().size() >= 2,
          "framing.labels." + family.getKey() + " must list at least two competing labels: " + family.getValue());
      for (String label : family.getValue()) {
        require(labels.add(label.strip().toLowerCase(java.util.Locale.ROOT)),
            "framing.labels: a label belongs to one family only: " + label);
      }
    }
    for (var topic : f.topics().entrySet()) {
      require(topic.getValue() != null && !topic.getValue().isEmpty(),
          "framing.topics." + topic.getKey() + " must list at least one term");
    }
    DedupSettings d = c.dedup();
    require(d.shingle().equals("folded") || d.shingle().equals("word") || d.shingle().equals("char"),
        "dedup.shingle must be folded, word or char: " + d.shingle());
    require(d.sampling() >= 0, "dedup.sampling must be >= 0: " + d.sampling());
    require(d.templateMinTexts() >= 0, "dedup.template_min_texts must be >= 0: " + d.templateMinTexts());
    require(d.ngram() >= 1, "dedup.ngram must be >= 1: " + d.ngram());
    require(d.permutations() >= 8 && d.permutations() <= 1024, "dedup.permutations must be in [8,1024]: " + d.permutations());
    for (var entry : new Object[][] {{"dedup.threshold", d.threshold()}, {"dedup.containment", d.containment()},
        {"dedup.noisy_containment", d.noisyContainment()}, {"dedup.noisy_min_jaccard", d.noisyMinJaccard()},
        {"dedup.noisy_text", d.noisyText()},
        {"dedup.lsh_threshold", d.lshThreshold()}}) {
      double v = (Double) entry[1];
      require(v > 0 && v <= 1, entry[0] + " must be in (0,1]: " + v);
    }
    require((d.bands() == 0) == (d.rows() == 0), "dedup.bands and dedup.rows must both be set or both be 0: "
        + d.bands() + ", " + d.rows());
    require(d.bands() * d.rows() <= d.permutations(), "dedup.bands * dedup.rows must be <= dedup.permutations: "
        + d.bands() * d.rows());
    require(d.bands() >= 0 && d.rows() >= 0, "dedup.bands and dedup.rows must be >= 0");
    require(d.falsePositiveWeight() >= 0 && d.falseNegativeWeight() >= 0
        && d.falsePositiveWeight() + d.falseNegativeWeight() > 0, "dedup false_positive_weight and "
        + "false_negative_weight must be >= 0 and not both 0");
    require(d.maxShingleShare() > 0 && d.maxShingleShare() <= 1, "dedup.max_shingle_share must be in (0,1]: "
        + d.maxShingleShare());
    require(d.shingleSample() >= 1, "dedup.shingle_sample must be >= 1: " + d.shingleSample());
    require(d.maxBucketSize() >= 2, "dedup.max_bucket_size must be >= 2: " + d.maxBucketSize());
    require(d.minContainedShingles() >= 1, "dedup.min_contained_shingles must be >= 1: " + d.minContainedShingles());
    for (String key : d.canonicalOrder().split(",")) {
      require(List.of("earliest", "longest", "id").contains(key),
          "dedup.canonical_order keys must be among earliest, longest, id: " + d.canonicalOrder());
    }
    require(c.incremental().batch().isEmpty() || c.incremental().batch().matches("[A-Za-z0-9_.-]+"),
        "incremental.batch must match [A-Za-z0-9_.-]+: " + c.incremental().batch());
    require(c.rejects().maxPayloadChars() >= 0, "rejects.max_payload_chars must be >= 0: " + c.rejects().maxPayloadChars());
    require(c.rejects().maxRatio() >= 0 && c.rejects().maxRatio() <= 1,
        "rejects.max_ratio must be in [0,1]: " + c.rejects().maxRatio());
    require(c.spark().readPartitions() >= 0, "spark.read_partitions must be >= 0: " + c.spark().readPartitions());
  }

  private static void date(String key, String value) {
    if (value == null) {
      return;
    }
    try {
      LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new ConfigException(key + " must be an ISO date (YYYY-MM-DD): " + value);
    }
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new ConfigException(message);
    }
  }
}
