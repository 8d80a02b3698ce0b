package org.presslens.dedup;

import java.io.Serializable;
import java.time.LocalDate;
import org.apache.spark.sql.Row;
import org.presslens.normalize.Articles;

/**
 * One article as the dedup stage carries it between steps: its id and 64-bit key, the identity of its cleaned
 * text, its sorted distinct shingle hashes (empty when the text is too short to shingle), and what the canonical
 * order and the cluster statistics need. Plain fields and a no-argument constructor: what Kryo serialises as is.
 */
public final class Sketch implements Serializable {
  private static final long serialVersionUID = 1L;
  String id;
  long key;
  String textHash;
  long textKey;
  int[] shingles;
  /** Distinct shingles; kept when {@link #header} drops the shingles themselves. */
  int shingleCount;
  /** Days since 1970-01-01 of the publication date; null when the article has no date. */
  Integer publishedDay;
  int wordCount;
  String outlet;
  /** Share of its words outside the archive's vocabulary ({@link Vocabulary#noise}): high for scanned text. */
  float noise;

  Sketch() {}

  /** From a row with the articles columns id, text, text_hash, published_date, word_count, outlet. */
  static Sketch of(Row row, Shingles.Kind kind, int n, int sampling, Vocabulary vocabulary) {
    Sketch s = new Sketch();
    s.id = row.getAs(Articles.ARTICLE_ID);
    s.key = key(s.id);
    s.textHash = row.getAs(Articles.TEXT_HASH);
    s.textKey = key(s.textHash);
    String text = row.getAs(Articles.TEXT);
    s.shingles = Shingles.of(text, kind, n, sampling);
    s.noise = (float) vocabulary.noise(text);
    s.shingleCount = s.shingles.length;
    Object date = row.getAs(Articles.PUBLISHED_DATE);
    s.publishedDay = date == null ? null
        : (int) (date instanceof LocalDate local ? local : ((java.sql.Date) date).toLocalDate()).toEpochDay();
    Integer words = row.getAs(Articles.WORD_COUNT);
    s.wordCount = words == null ? 0 : words;
    s.outlet = row.getAs(Articles.OUTLET);
    return s;
  }

  /** The same article without its shingles (what cluster bookkeeping shuffles), keeping their number. */
  Sketch header() {
    Sketch s = new Sketch();
    s.id = id;
    s.key = key;
    s.textHash = textHash;
    s.textKey = textKey;
    s.shingles = null;
    s.publishedDay = publishedDay;
    s.wordCount = wordCount;
    s.outlet = outlet;
    s.shingleCount = shingleCount;
    s.noise = noise;
    return s;
  }

  /** 64-bit key of a string (collisions among a billion ids have probability below 3%; see docs/dedup.md). */
  public static long key(String value) {
    if (value == null) {
      return 0L;
    }
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < value.length(); i++) {
      h = (h ^ value.charAt(i)) * 0x100000001b3L;
    }
    return Shingles.mix(h);
  }
}
