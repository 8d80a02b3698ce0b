package org.presslens.dedup.bench;

import java.util.SplittableRandom;

/**
 * What a scanned newspaper's OCR does to a text, at a given character error rate: each letter or digit is, with
 * that probability, confused with a look-alike (rn/m, l/1/I, e/c, o/0, h/b, u/n, cl/d, vv/w, s/5), replaced by an
 * unrelated letter, doubled by a stray letter, dropped, or followed by stray punctuation; spaces are dropped at
 * twice the rate (words run together); and the text is set in narrow columns whose line ends hyphenate the word
 * they cut half of the time.
 */
public final class Ocr {
  private static final String[][] CONFUSIONS = {{"rn", "m"}, {"m", "rn"}, {"l", "1"}, {"l", "I"}, {"I", "l"},
      {"1", "l"}, {"e", "c"}, {"c", "e"}, {"o", "0"}, {"O", "0"}, {"h", "b"}, {"b", "h"}, {"n", "u"}, {"u", "n"},
      {"d", "cl"}, {"w", "vv"}, {"s", "5"}, {"i", "l"}, {"t", "f"}};
  private static final String PUNCTUATION = ".,'-:;";

  private Ocr() {}

  public static String scan(String text, double rate, SplittableRandom random) {
    StringBuilder noisy = new StringBuilder(text.length() + 64);
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      double r = random.nextDouble();
      if (c == ' ' && r < 2 * rate) {
        i++; // dropped space
        continue;
      }
      if (!Character.isLetterOrDigit(c) || r >= rate) {
        noisy.append(c);
        i++;
        continue;
      }
      double kind = random.nextDouble();
      if (kind < 0.6) {
        String[] confusion = confusionAt(text, i, random);
        if (confusion != null) {
          noisy.append(confusion[1]);
          i += confusion[0].length();
          continue;
        }
        noisy.append((char) ('a' + random.nextInt(26)));
      } else if (kind < 0.75) {
        noisy.append(c).append((char) ('a' + random.nextInt(26)));
      } else if (kind < 0.85) {
        noisy.append(PUNCTUATION.charAt(random.nextInt(PUNCTUATION.length()))).append(c);
      } else if (kind < 0.95) {
        noisy.append((char) ('a' + random.nextInt(26)));
      }
      // else: dropped
      i++;
    }
    return columns(noisy.toString(), 30 + random.nextInt(20), random);
  }

  private static String[] confusionAt(String text, int at, SplittableRandom random) {
    int start = random.nextInt(CONFUSIONS.length);
    for (int k = 0; k < CONFUSIONS.length; k++) {
      String[] confusion = CONFUSIONS[(start + k) % CONFUSIONS.length];
      if (text.startsWith(confusion[0], at)) {
        return confusion;
      }
    }
    return null;
  }

  /** Sets the text in columns of about {@code width} characters, hyphenating half of the words cut at a line end. */
  private static String columns(String text, int width, SplittableRandom random) {
    StringBuilder out = new StringBuilder(text.length() + text.length() / width * 2);
    for (String paragraph : text.split("\n+")) {
      int column = 0;
      for (String word : paragraph.split(" ")) {
        if (word.isEmpty()) {
          continue;
        }
        if (column > 0 && column + word.length() > width) {
          if (word.length() > 5 && random.nextBoolean()) {
            int cut = 2 + random.nextInt(word.length() - 3);
            out.append(' ').append(word, 0, cut).append("-\n").append(word.substring(cut));
            column = word.length() - cut;
            continue;
          }
          out.append('\n');
          column = 0;
        } else if (column > 0) {
          out.append(' ');
          column++;
        }
        out.append(word);
        column += word.length();
      }
      out.append("\n\n");
    }
    return out.toString().strip();
  }
}
