package org.presslens.dedup;

import java.util.Arrays;

/**
 * Shingle sets as sorted, distinct 32-bit hashes. Tokens are maximal runs of letters and digits, lower-cased
 * (punctuation, spacing and paragraph breaks do not matter, so re-flowed copies shingle alike). Word shingles
 * are n consecutive tokens; character shingles are n consecutive characters of the tokens joined by single
 * spaces (robust to OCR noise, which breaks words but leaves most character runs intact).
 */
public final class Shingles {
  /** Shingle kinds. */
  public enum Kind { WORD, CHAR }

  private Shingles() {}

  /** The shingle set, or an empty array when the text has fewer than {@code n} tokens (characters). */
  public static int[] of(String text, Kind kind, int n) {
    return kind == Kind.WORD ? words(text, n) : chars(text, n);
  }

  static int[] words(String text, int n) {
    long[] tokens = tokenHashes(text);
    if (tokens.length < n) {
      return new int[0];
    }
    int[] out = new int[tokens.length - n + 1];
    for (int i = 0; i + n <= tokens.length; i++) {
      long h = 0;
      for (int j = i; j < i + n; j++) {
        h = h * 0x9E3779B97F4A7C15L + tokens[j];
      }
      out[i] = (int) (mix(h) >>> 32);
    }
    return sortedDistinct(out);
  }

  static int[] chars(String text, int n) {
    String normal = normalForm(text);
    if (normal.length() < n) {
      return new int[0];
    }
    int[] out = new int[normal.length() - n + 1];
    for (int i = 0; i + n <= normal.length(); i++) {
      long h = 0xcbf29ce484222325L;
      for (int j = i; j < i + n; j++) {
        h = (h ^ normal.charAt(j)) * 0x100000001b3L;
      }
      out[i] = (int) (mix(h) >>> 32);
    }
    return sortedDistinct(out);
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
    Arrays.sort(values);
    int n = 0;
    for (int i = 0; i < values.length; i++) {
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
