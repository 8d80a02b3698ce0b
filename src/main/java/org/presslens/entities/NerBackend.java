package org.presslens.entities;

import java.util.List;

/**
 * A named-entity tagger: text in, tokens with character offsets, sentence numbers and one of the CoNLL tags
 * out. Spans are built from the tags by {@link Spans}, never by the backend, so every backend yields mentions
 * the same way. Implementations are built once per JVM and shared by the tasks of an executor.
 */
public interface NerBackend {
  /** Tags of the CoNLL 2003 scheme; O for a token outside any entity. */
  String PERSON = "PERSON";
  String ORGANIZATION = "ORGANIZATION";
  String LOCATION = "LOCATION";
  String MISC = "MISC";
  String OUTSIDE = "O";

  /** One token: [begin, end) character offsets into the tagged text, its sentence (from 0), its tag. */
  record Token(int begin, int end, int sentence, String tag) {}

  List<Token> tag(String text);

  /** Name and version, for the run report. */
  String description();
}
