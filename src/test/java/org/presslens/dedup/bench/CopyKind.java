package org.presslens.dedup.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The kinds of copy the benchmark plants, each a function of the original text and a seeded random source.
 * They imitate what happens to wire copy on its way through other outlets and through scanners.
 */
public enum CopyKind {
  /** The outlet's own header and footer lines around the unchanged body. */
  HEADER_FOOTER,
  /** Paragraphs merged and split differently, single line breaks. */
  REFLOW,
  /** About 3% of words replaced, dropped or inserted, and typos in about 2% of words. */
  LIGHT_EDITS,
  /** An editor's note and a correction added at the top or bottom. */
  EDITORS_NOTE,
  /** Cut from the bottom to 60-90% of the words. */
  TRIM,
  /** Cut from the bottom to about a third (30-40%) of the words. */
  HEAVY_TRIM,
  /** Straight quotes made curly, double hyphens made dashes, as a typesetting system does. */
  CURLY_QUOTES,
  /** A paragraph of the outlet's boilerplate (a newsletter call, a comment policy) put in the middle of the text. */
  BOILERPLATE_PARAGRAPH,
  /**
   * A scan: 1-5% of characters confused ({@link Ocr}), spaces dropped, punctuation inside words, the text set in
   * narrow columns with hyphenated line breaks.
   */
  OCR_NOISE,
  /** A scan at the top of the range: 5% of characters confused, and everything else {@link #OCR_NOISE} does. */
  OCR_5,
  /** A scan (1-5%) of a copy cut from the bottom to 35-90% of the words. */
  OCR_TRIM;

  private static final String[] HEADERS = {"Breaking News", "EXCLUSIVE", "From our wire partners",
      "Posted in World News", "Listen to this article", "Sponsored content below"};
  private static final String[] FOOTERS = {"Copyright 2018 Syndication Ltd. All rights reserved.",
      "Follow us on Twitter and Facebook for more updates.", "This article originally appeared on a partner site.",
      "Sign up for our daily newsletter.", "Reporting by staff; editing by the desk."};
  private static final String[] BOILERPLATE = {
      "Sign up for our free morning newsletter and get the day's top stories delivered to your inbox. You can "
          + "unsubscribe at any time, and we will never share your address with anyone else.",
      "We welcome your comments. Please keep them civil and on topic; comments that include profanity, personal "
          + "attacks or links to other sites will be removed by our moderators.",
      "Support independent journalism. Our reporting is made possible by readers like you: become a member today "
          + "for as little as a few dollars a month."};
  private static final String[] FILLER = {"also", "reportedly", "officials", "meanwhile", "however", "new",
      "local", "said", "the", "on", "Tuesday", "state", "according"};

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String apply(String text, SplittableRandom random) {
    return switch (this) {
      case HEADER_FOOTER -> pick(HEADERS, random) + "\n\n" + text + "\n\n" + pick(FOOTERS, random) + "\n\n"
          + pick(FOOTERS, random);
      case REFLOW -> reflow(text, random);
      case LIGHT_EDITS -> edit(text, random);
      case EDITORS_NOTE -> random.nextBoolean()
          ? "Editor's note: This story has been updated with new information from officials.\n\n" + text
          : text + "\n\nCorrection: An earlier version of this article misstated a date. It has been corrected.";
      case TRIM -> keepWords(text, 0.6 + 0.3 * random.nextDouble());
      case HEAVY_TRIM -> keepWords(text, 0.3 + 0.1 * random.nextDouble());
      case CURLY_QUOTES -> curly(text);
      case BOILERPLATE_PARAGRAPH -> boilerplate(text, random);
      case OCR_NOISE -> Ocr.scan(text, 0.01 + 0.04 * random.nextDouble(), random);
      case OCR_5 -> Ocr.scan(text, 0.05, random);
      case OCR_TRIM -> Ocr.scan(keepWords(text, 0.35 + 0.55 * random.nextDouble()), 0.01 + 0.04 * random.nextDouble(),
          random);
    };
  }

  private static String pick(String[] options, SplittableRandom random) {
    return options[random.nextInt(options.length)];
  }

  static List<String> paragraphs(String text) {
    List<String> out = new ArrayList<>();
    for (String p : text.split("\n+")) {
      if (!p.isBlank()) {
        out.add(p.strip());
      }
    }
    return out;
  }

  private static String reflow(String text, SplittableRandom random) {
    List<String> paragraphs = paragraphs(text);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < paragraphs.size(); i++) {
      String p = paragraphs.get(i);
      if (random.nextDouble() < 0.4 && i + 1 < paragraphs.size()) {
        p = p + " " + paragraphs.get(++i);
      }
      int split = p.indexOf(". ", p.length() / 2);
      if (random.nextDouble() < 0.3 && split > 0) {
        p = p.substring(0, split + 1) + "\n" + p.substring(split + 2);
      }
      out.append(p).append('\n');
    }
    return out.toString().strip();
  }

  private static String edit(String text, SplittableRandom random) {
    StringBuilder out = new StringBuilder();
    for (String word : text.split(" ")) {
      double r = random.nextDouble();
      if (r < 0.01) {
        continue; // dropped
      }
      if (r < 0.02) {
        out.append(pick(FILLER, random)).append(' '); // replaced
        continue;
      }
      if (random.nextDouble() < 0.02 && word.length() > 3) {
        int at = 1 + random.nextInt(word.length() - 2); // typo: two letters swapped
        word = word.substring(0, at) + word.charAt(at + 1) + word.charAt(at) + word.substring(at + 2);
      }
      out.append(word).append(' ');
      if (r < 0.03) {
        out.append(pick(FILLER, random)).append(' '); // inserted
      }
    }
    return out.toString().strip();
  }

  private static String keepWords(String text, double share) {
    String[] words = text.split(" ");
    int keep = Math.max(1, (int) Math.round(words.length * share));
    return String.join(" ", java.util.Arrays.copyOf(words, keep));
  }

  private static String curly(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean open = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        out.append(open ? '\u201c' : '\u201d');
        open = !open;
      } else if (c == '\'') {
        out.append('\u2019');
      } else if (c == '-' && i + 1 < text.length() && text.charAt(i + 1) == '-') {
        out.append('\u2014');
        i++;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String boilerplate(String text, SplittableRandom random) {
    List<String> paragraphs = paragraphs(text);
    paragraphs.add(paragraphs.size() / 2, pick(BOILERPLATE, random));
    return String.join("\n\n", paragraphs);
  }

}
