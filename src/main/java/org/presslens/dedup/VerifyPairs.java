package org.presslens.dedup;

import java.io.Serializable;
import java.util.Locale;

/**
 * Executor side: the verdict on a candidate pair from its two shingle sets. Two articles of one outlet are judged
 * without the shingles that are that outlet's template ({@link Templates}): text the outlet repeats around or
 * inside different articles (a page template, a fixed intro, a standard footer) is not evidence that two of its
 * articles are copies of each other. Such a pair is judged without the template when at least half of what the two
 * texts share is template; a pair that shares mostly its own text, and a text that is nearly all template (fewer
 * than {@code minContainedShingles} shingles left), are judged on the whole sets, so that repeated copies of one
 * story inside one outlet still link.
 */
final class VerifyPairs implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Share of the shared shingles from which a same-outlet pair is judged without its outlet's template. */
  static final double TEMPLATE_SHARE = 0.5;
  private final Bands bands;
  private final Rule rule;
  private final Templates templates;
  private final String shingles;

  VerifyPairs(Bands bands, Rule rule, Templates templates, String shingles) {
    this.bands = bands;
    this.rule = rule;
    this.templates = templates;
    this.shingles = shingles;
  }

  /** The same verifier, judging same-outlet pairs without these templates. */
  VerifyPairs withTemplates(Templates found) {
    return new VerifyPairs(bands, rule, found, shingles);
  }

  Bands bands() {
    return bands;
  }

  Templates templates() {
    return templates;
  }

  /**
   * When two articles are copies, from the similarity of their shingle sets: <em>near</em> when the Jaccard
   * similarity reaches {@code threshold}; <em>contained</em> when the shorter text has at least
   * {@code minContainedShingles} shingles and its containment in the longer one reaches {@code containment}, or
   * reaches the lower {@code noisyContainment} while the Jaccard similarity also reaches {@code noisyMinJaccard} (a
   * scanned or cut copy: OCR noise removes part of the shared shingles, but such a copy is not a short passage
   * quoted inside a much longer text).
   */
  record Rule(double threshold, double containment, double noisyContainment, double noisyMinJaccard,
      int minContainedShingles, double noisyText) implements Serializable {

    /** near, contained, or null when the pair is not a copy; {@code noisy}: one of the texts is scanned. */
    String relation(SetSimilarity s, boolean noisy) {
      if (s.jaccard() >= threshold) {
        return "near";
      }
      boolean large = Math.min(s.leftSize(), s.rightSize()) >= minContainedShingles;
      if (large && (s.containment() >= containment
          || noisy && s.containment() >= noisyContainment && s.jaccard() >= noisyMinJaccard)) {
        return "contained";
      }
      return null;
    }

    /** Whether a pair has a scanned (noisy) text. */
    boolean noisy(Sketch a, Sketch b) {
      return Math.max(a.noise, b.noise) >= noisyText;
    }

    /** Why a pair with this similarity is a copy, in words (for a verified pair); {@code noise}: the noisier text's. */
    String evidence(SetSimilarity s, double noise) {
      if (s.jaccard() >= threshold) {
        return String.format(Locale.ROOT, "Jaccard %.3f >= %.2f", s.jaccard(), threshold);
      }
      if (s.containment() >= containment) {
        return String.format(Locale.ROOT, "containment %.3f >= %.2f", s.containment(), containment);
      }
      return String.format(Locale.ROOT, "containment %.3f >= %.2f with Jaccard %.3f >= %.2f (a scanned text: %.0f%% "
          + "of its words unknown >= %.0f%%)", s.containment(), noisyContainment, s.jaccard(), noisyMinJaccard,
          100 * noise, 100 * noisyText);
    }
  }

  /** The similarity a pair is judged on, and how many shared shingles were left out as the outlet's template. */
  record Judgement(SetSimilarity similarity, int templateShingles, boolean noisy) {}

  Judgement judge(Sketch a, Sketch b) {
    SetSimilarity full = SetSimilarity.of(a.shingles, b.shingles);
    boolean noisy = rule.noisy(a, b);
    if (a.outlet == null || !a.outlet.equals(b.outlet) || !templates.has(a.outlet)) {
      return new Judgement(full, 0, noisy);
    }
    int[] left = templates.without(a.shingles, a.outlet);
    int[] right = templates.without(b.shingles, b.outlet);
    if (Math.min(left.length, right.length) < rule.minContainedShingles()) {
      return new Judgement(full, 0, noisy); // (nearly) all template: judged as a whole
    }
    SetSimilarity own = SetSimilarity.of(left, right);
    int template = full.intersection() - own.intersection();
    if (template < TEMPLATE_SHARE * full.intersection()) {
      return new Judgement(full, 0, noisy); // they share mostly their own text: judged as a whole
    }
    return new Judgement(own, template, noisy);
  }

  Pair verify(Sketch a, Sketch b) {
    Judgement judged = judge(a, b);
    SetSimilarity s = judged.similarity();
    String relation = rule.relation(s, judged.noisy());
    // on the whole sets: the same whatever frequent shingles the run left out of its signatures; only for a
    // verified pair (the only kind written)
    Double estimate = relation == null ? null
        : MinHasher.estimate(bands.wholeSignature(a.shingles), bands.wholeSignature(b.shingles));
    Pair pair = Pair.of(a, b, relation, s.jaccard(), s.containment(), estimate);
    pair.shared = s.intersection();
    pair.templateShared = judged.templateShingles();
    pair.shinglesA = a.id.equals(pair.idA) ? s.leftSize() : s.rightSize();
    pair.shinglesB = a.id.equals(pair.idA) ? s.rightSize() : s.leftSize();
    if (relation != null) {
      pair.evidence = evidence(s, pair.shinglesA, pair.shinglesB, Math.max(a.noise, b.noise),
          judged.templateShingles());
      if (a.outlet != null && a.outlet.equals(b.outlet)) {
        pair.outlet = a.outlet;
        pair.sharedShingles = SetSimilarity.shared(a.shingles, b.shingles);
      }
    }
    return pair;
  }

  String relation(Judgement judged) {
    return rule.relation(judged.similarity(), judged.noisy());
  }

  /** In words, with the shingle counts in the order of the pair's articles (the same whichever sketch came first). */
  private String evidence(SetSimilarity s, int shinglesA, int shinglesB, double noise, int templateShingles) {
    String out = rule.evidence(s, noise) + " on " + shingles + ": " + s.intersection() + " shared of " + shinglesA
        + " and " + shinglesB;
    return templateShingles == 0 ? out
        : out + ", after leaving out " + templateShingles + " shared shingles of the outlet's template";
  }
}
