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
  /** OCR-like character noise: about 1.5% of characters confused (rn/m, l/1, O/0, e/c), some words broken. */
  OCR_NOISE;

  private static final String[] HEADERS = {"Breaking News", "EXCLUSIVE", "From our wire partners",
      "Posted in World News", "Listen to this article", "Sponsored content below"};
  private static final String[] FOOTERS = {"Copyright 2018 Syndication Ltd. All rights reserved.",
      "Follow us on Twitter and Facebook for more updates.", "This article originally appeared on a partner site.",
      "Sign up for our daily newsletter.", "Reporting by staff; editing by the desk."};
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
      case OCR_NOISE -> ocr(text, random);
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

  private static String ocr(String text, SplittableRandom random) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      double r = random.nextDouble();
      if (r < 0.015 && Character.isLetterOrDigit(c)) {
        out.append(switch (c) {
          case 'm' -> "rn";
          case 'l' -> "1";
          case 'O', 'o' -> "0";
          case 'e' -> "c";
          case 'i' -> "l";
          case 'h' -> "b";
          default -> String.valueOf((char) ('a' + random.nextInt(26)));
        });
      } else if (r < 0.018 && c == ' ') {
        out.append("-\n");
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
