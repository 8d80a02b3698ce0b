package org.presslens.entities;

import java.util.ArrayList;
import java.util.List;

/**
 * Entity spans from token tags: a maximal run of tokens of one sentence with the same entity tag is one
 * mention; its surface form is the text between the first token's start and the last token's end, so
 * "Ban Ki-moon" and "al-Assad" stay whole whatever the tokenizer did inside them. (The CoNLL 4-class model tags
 * without B-/I- prefixes, so two adjacent names of one type read as one mention, as in CoreNLP itself.) A run
 * without a letter or digit (the model sometimes tags stray quote marks) is not a name and gives no mention.
 */
public final class Spans {
  /** One mention: [begin, end) character offsets, entity type, sentence, surface text. */
  public record Span(int begin, int end, String type, int sentence, String surface) {}

  private Spans() {}

  public static List<Span> of(String text, List<NerBackend.Token> tokens) {
    List<Span> spans = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= tokens.size(); i++) {
      NerBackend.Token token = i < tokens.size() ? tokens.get(i) : null;
      boolean continues = start >= 0 && token != null && token.tag().equals(tokens.get(start).tag())
          && token.sentence() == tokens.get(start).sentence();
      if (start >= 0 && !continues) {
        NerBackend.Token first = tokens.get(start);
        NerBackend.Token last = tokens.get(i - 1);
        String surface = text.substring(first.begin(), last.end());
        if (surface.codePoints().anyMatch(Character::isLetterOrDigit)) {
          spans.add(new Span(first.begin(), last.end(), first.tag(), first.sentence(), surface));
        }
        start = -1;
      }
      if (start < 0 && token != null && !token.tag().equals(NerBackend.OUTSIDE)) {
        start = i;
      }
    }
    return spans;
  }
}
