package org.presslens.dedup;

import java.util.Arrays;

/**
 * Shingle sets as sorted, distinct 32-bit hashes. Tokens are maximal runs of letters and digits, lower-cased
 * (punctuation, spacing and paragraph breaks do not matter, so re-flowed copies shingle alike).
 *
 * <ul>
 *   <li>{@link Kind#FOLDED} (the default): n consecutive characters of the text's <em>folded</em> form: its letters
 *       and digits only, lower-cased, with no spaces or punctuation, and the characters OCR confuses folded into
 *       one (see {@link #folded}). Words run together, words broken by a hyphenated line end, punctuation inside
 *       words and the common confusions then leave the shingles as they were; a clean copy shingles as before.
 *   <li>{@link Kind#WORD}: n consecutive tokens.
 *   <li>{@link Kind#CHAR}: n consecutive characters of the tokens joined by single spaces.
 * </ul>
 *
 * <p>With {@code sampling} m > 1 only the shingles whose hash is 0 modulo m are kept: a consistent sample (the same
 * shingle is kept in every text), so Jaccard similarity and containment of the samples estimate those of the full
 * sets while the sets stay as small as word shingles.
 */
public final class Shingles {
  /** Shingle kinds. */
  public enum Kind { FOLDED, WORD, CHAR;

    /** Parses a config value: folded, word or char. */
    public static Kind of(String name) {
      return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
    }

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private Shingles() {}

  /** All shingles: the sorted distinct set, or an empty array when the text has fewer than {@code n} units. */
  public static int[] of(String text, Kind kind, int n) {
    return of(text, kind, n, 1);
  }

  /** The shingles whose hash is 0 modulo {@code sampling} (1 keeps all). */
  public static int[] of(String text, Kind kind, int n, int sampling) {
    return switch (kind) {
      case WORD -> words(text, n, sampling);
      case CHAR -> chars(normalForm(text), n, sampling);
      case FOLDED -> chars(folded(text), n, sampling);
    };
  }

  static int[] words(String text, int n, int sampling) {
    long[] tokens = tokenHashes(text);
    if (tokens.length < n) {
      return new int[0];
    }
    int[] out = new int[tokens.length - n + 1];
    int kept = 0;
    for (int i = 0; i + n <= tokens.length; i++) {
      long h = 0;
      for (int j = i; j < i + n; j++) {
        h = h * 0x9E3779B97F4A7C15L + tokens[j];
      }
      kept = keep(out, kept, mix(h), sampling);
    }
    return sortedDistinct(out, kept);
  }

  static int[] chars(String normal, int n, int sampling) {
    if (normal.length() < n) {
      return new int[0];
    }
    int[] out = new int[normal.length() - n + 1];
    int kept = 0;
    for (int i = 0; i + n <= normal.length(); i++) {
      long h = 0xcbf29ce484222325L;
      for (int j = i; j < i + n; j++) {
        h = (h ^ normal.charAt(j)) * 0x100000001b3L;
      }
      kept = keep(out, kept, mix(h), sampling);
    }
    return sortedDistinct(out, kept);
  }

  /**
   * Keeps a mixed shingle hash when its low bits are 0 modulo {@code sampling}; the shingle is its high 32 bits, so
   * the kept values are not biased by the sampling.
   */
  private static int keep(int[] out, int kept, long mixed, int sampling) {
    if (sampling <= 1 || Long.remainderUnsigned(mixed & 0xffffffffL, sampling) == 0) {
      out[kept++] = (int) (mixed >>> 32);
    }
    return kept;
  }

  /**
   * The folded form of a text: its letters and digits only, lower-cased, without spaces or punctuation, and with
   * the characters that OCR confuses folded into one: rn, m → m; cl, d → d; vv, w → w; i, l, 1 → l; o, 0 → o;
   * c, e → e; h, b → b; u, n → n; s, 5 → s. A clean text and its scan then differ only where a character was
   * replaced by an unrelated one or a stray character was added.
   */
  public static String folded(String text) {
    StringBuilder out = new StringBuilder(text.length());
    char previous = 0; // the previous letter or digit as it was (lower-cased), for the two-letter confusions
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        continue;
      }
      c = Character.toLowerCase(c);
      int last = out.length() - 1;
      if (previous == 'r' && c == 'n') {
        out.setCharAt(last, 'm');
        previous = 0;
      } else if (previous == 'c' && (c == 'l' || c == '1')) {
        out.setCharAt(last, 'd');
        previous = 0;
      } else if (previous == 'v' && c == 'v') {
        out.setCharAt(last, 'w');
        previous = 0;
      } else {
        out.append(fold(c));
        previous = c;
      }
    }
    return out.toString();
  }

  private static char fold(char c) {
    return switch (c) {
      case 'i', '1' -> 'l';
      case '0' -> 'o';
      case 'c' -> 'e';
      case 'h' -> 'b';
      case 'u' -> 'n';
      case '5' -> 's';
      default -> c;
    };
  }

  /** Lower-cased tokens joined by single spaces. */
  static String normalForm(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean inToken = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        if (!inToken && out.length() > 0) {
          out.append(' ');
        }
        out.append(Character.toLowerCase(c));
        inToken = true;
      } else {
        inToken = false;
      }
    }
    return out.toString();
  }

  static long[] tokenHashes(String text) {
    long[] hashes = new long[Math.max(16, text.length() / 5)];
    int count = 0;
    long h = 0;
    boolean inToken = false;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : ' ';
      if (Character.isLetterOrDigit(c)) {
        if (!inToken) {
          h = 0xcbf29ce484222325L;
          inToken = true;
        }
        h = (h ^ Character.toLowerCase(c)) * 0x100000001b3L;
      } else if (inToken) {
        if (count == hashes.length) {
          hashes = Arrays.copyOf(hashes, count * 2);
        }
        hashes[count++] = h;
        inToken = false;
      }
    }
    return Arrays.copyOf(hashes, count);
  }

  static int[] sortedDistinct(int[] values) {
    return sortedDistinct(values, values.length);
  }

  /** The first {@code length} values, sorted, without repeats. */
  static int[] sortedDistinct(int[] values, int length) {
    Arrays.sort(values, 0, length);
    int n = 0;
    for (int i = 0; i < length; i++) {
      if (i == 0 || values[i] != values[i - 1]) {
        values[n++] = values[i];
      }
    }
    return Arrays.copyOf(values, n);
  }

  /** splitmix64 finaliser: spreads the bits of a 64-bit value. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
