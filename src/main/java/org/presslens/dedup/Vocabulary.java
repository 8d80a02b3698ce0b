package org.presslens.dedup;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import scala.Tuple2;

/**
 * The words of the archive, learnt from a sample of its texts, and each text's share of words outside them: its
 * noise. OCR confuses characters, drops spaces and breaks words, and every such word is one that no other text
 * has, so a scanned text has a high share (a 5% character error rate gives about a third) where a clean one has a
 * few percent (names, rare words). {@link VerifyPairs} accepts the lower containment of a scanned copy only for a
 * pair that has a noisy text, so two clean texts need the full containment.
 *
 * <p>Words are maximal runs of letters, lower-cased, of at least two letters; the vocabulary is the words found in
 * at least {@value #MIN_TEXTS} sampled texts. With fewer than {@value #MIN_SAMPLE} sampled texts there is no
 * vocabulary and every text counts as clean: in a smaller sample too many clean texts have rare words enough to
 * look scanned (on random AllSides articles, 3.3% of clean texts reach 8% unknown words with 800 sampled, 0.4% with
 * 2,000, 0.1% with 5,000: VocabularyEvaluationTest).
 */
public final class Vocabulary implements Serializable {
  private static final long serialVersionUID = 1L;
  /** No vocabulary: every text's noise is 0. */
  public static final Vocabulary NONE = new Vocabulary(new int[0]);
  static final int MIN_TEXTS = 3;
  static final int MIN_SAMPLE = 2000;

  /** The words' hashes in an open-addressing table (0: empty; no word hashes to 0), half full at most. */
  private final int[] table;
  private final int size;

  Vocabulary(int[] words) {
    this.size = words.length;
    this.table = new int[words.length == 0 ? 0 : Integer.highestOneBit(Math.max(4, words.length * 2) - 1) << 1];
    for (int word : words) {
      int i = slot(word);
      while (table[i] != 0 && table[i] != word) {
        i = (i + 1) & (table.length - 1);
      }
      table[i] = word;
    }
  }

  private int slot(int word) {
    return (int) Shingles.mix(word) & (table.length - 1);
  }

  boolean contains(int word) {
    for (int i = slot(word); table[i] != 0; i = (i + 1) & (table.length - 1)) {
      if (table[i] == word) {
        return true;
      }
    }
    return false;
  }

  /** How many words the vocabulary has. */
  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /**
   * From the sampled texts: the words at least {@value #MIN_TEXTS} of them have; none when fewer than
   * {@value #MIN_SAMPLE} texts were sampled.
   */
  static Vocabulary learn(JavaRDD<String> sampledTexts) {
    return learn(sampledTexts, MIN_SAMPLE);
  }

  /** As {@link #learn(JavaRDD)}, with another minimum sample (to measure what smaller samples would give). */
  static Vocabulary learn(JavaRDD<String> sampledTexts, int minSample) {
    // each partition counts its texts per word in memory: one record per word and partition
    List<Tuple2<Integer, Integer>> counts = sampledTexts
        .mapPartitionsToPair(texts -> {
          ShingleCounts.Counter partition = new ShingleCounts.Counter(1 << 14);
          while (texts.hasNext()) {
            int[] found = words(texts.next());
            Arrays.sort(found);
            for (int i = 0; i < found.length; i++) {
              if (i == 0 || found[i] != found[i - 1]) {
                partition.increment(found[i]);
              }
            }
            partition.increment(SAMPLE_MARK);
          }
          List<Tuple2<Integer, Integer>> out = new ArrayList<>();
          partition.forEachAtLeast(1, (word, n) -> out.add(new Tuple2<>((int) word, n)));
          return out.iterator();
        })
        .reduceByKey(Integer::sum)
        .filter(t -> t._2() >= MIN_TEXTS || t._1() == SAMPLE_MARK)
        .collect();
    int sampled = counts.stream().filter(t -> t._1() == SAMPLE_MARK).mapToInt(Tuple2::_2).findFirst().orElse(0);
    if (sampled < minSample) {
      return NONE;
    }
    return new Vocabulary(counts.stream().filter(t -> t._1() != SAMPLE_MARK).mapToInt(Tuple2::_1).toArray());
  }

  /** A value no word hashes to in practice, counting the sampled texts. */
  private static final int SAMPLE_MARK = 0;

  /** The share of the text's words that are not in the vocabulary; 0 without a vocabulary or words. */
  public double noise(String text) {
    if (size == 0) {
      return 0;
    }
    int[] found = words(text);
    if (found.length == 0) {
      return 0;
    }
    int unknown = 0;
    for (int word : found) {
      if (!contains(word)) {
        unknown++;
      }
    }
    return (double) unknown / found.length;
  }

  /** The lower-case letter, or -1 (for an ASCII character with the case bit set). */
  private static int asciiLetter(int lower) {
    return lower >= 'a' && lower <= 'z' ? lower : -1;
  }

  /** Hashes of the text's words (maximal runs of at least two letters, lower-cased), in order. */
  static int[] words(String text) {
    int[] out = new int[Math.max(16, text.length() / 4)];
    int n = 0;
    int length = 0;
    long h = 0;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : ' ';
      // ASCII first: Character's tables cost more than the rest of the loop (the noise estimate reads every word)
      int lower = c < 128 ? asciiLetter(c | 0x20) : Character.isLetter(c) ? Character.toLowerCase(c) : -1;
      if (lower >= 0) {
        if (length == 0) {
          h = 0xcbf29ce484222325L;
        }
        h = (h ^ lower) * 0x100000001b3L;
        length++;
      } else {
        if (length >= 2) {
          if (n == out.length) {
            out = Arrays.copyOf(out, n * 2);
          }
          int word = (int) (Shingles.mix(h) >>> 32);
          out[n++] = word == SAMPLE_MARK ? 1 : word;
        }
        length = 0;
      }
    }
    return Arrays.copyOf(out, n);
  }
}
