package org.presslens.framing;

import com.vader.sentiment.analyzer.SentimentAnalyzer;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * VADER (Hutto and Gilbert 2014; the MIT-licensed Java port com.github.apanimesh061:vader-sentiment-analyzer)
 * compound score of one sentence, in [-1, 1]. VADER is built for sentences: an article's tone is the mean of its
 * sentences' scores (VADER's compound over a whole article saturates towards -1 or 1).
 */
public final class Tone {
  private Tone() {}

  /** The compound score, or null for a sentence without a letter (nothing for VADER to read). */
  public static Double compound(String sentence) {
    if (sentence == null || sentence.codePoints().noneMatch(Character::isLetter)) {
      return null;
    }
    try {
      SentimentAnalyzer analyzer = new SentimentAnalyzer(sentence);
      analyzer.analyze();
      Float compound = analyzer.getPolarity().get("compound");
      return compound == null ? null : (double) compound;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
