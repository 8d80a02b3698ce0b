package org.presslens.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpansTest {
  private static NerBackend.Token t(int begin, int end, int sentence, String tag) {
    return new NerBackend.Token(begin, end, sentence, tag);
  }

  @Test
  void runsOfOneTagInOneSentenceAreOneMentionWithTheSurfaceFromTheText() {
    String text = "UN chief Ban Ki-moon met Lavrov. Moscow agreed.";
    List<NerBackend.Token> tokens = List.of(t(0, 2, 0, "ORGANIZATION"), t(3, 8, 0, "O"), t(9, 12, 0, "PERSON"),
        t(13, 15, 0, "PERSON"), t(15, 16, 0, "PERSON"), t(16, 20, 0, "PERSON"), t(21, 24, 0, "O"),
        t(25, 31, 0, "PERSON"), t(31, 32, 0, "O"), t(33, 39, 1, "LOCATION"), t(40, 46, 1, "O"), t(46, 47, 1, "O"));
    List<Spans.Span> spans = Spans.of(text, tokens);
    assertThat(spans).extracting(Spans.Span::surface).containsExactly("UN", "Ban Ki-moon", "Lavrov", "Moscow");
    assertThat(spans.get(1).begin()).isEqualTo(9);
    assertThat(spans.get(1).end()).isEqualTo(20);
    assertThat(spans.get(3).sentence()).isEqualTo(1);
  }

  @Test
  void aSentenceBreakEndsAMention() {
    String text = "Paris\n\nLondon";
    List<Spans.Span> spans = Spans.of(text, List.of(t(0, 5, 0, "LOCATION"), t(7, 13, 1, "LOCATION")));
    assertThat(spans).extracting(Spans.Span::surface).containsExactly("Paris", "London");
  }

  @Test
  void aRunWithoutALetterOrDigitIsNoMention() {
    // tagged stray quote marks once gave a PERSON whose name key was empty, and the surname step failed on it
    String text = "He said \u2019\u201d to Lavrov";
    List<Spans.Span> spans = Spans.of(text, List.of(t(0, 2, 0, "O"), t(3, 7, 0, "O"), t(8, 10, 0, "PERSON"),
        t(11, 13, 0, "O"), t(14, 20, 0, "PERSON")));
    assertThat(spans).extracting(Spans.Span::surface).containsExactly("Lavrov");
  }

  @Test
  void theCoreNlpBackendTagsAndKeepsHyphenatedNamesWhole() {
    String text = "Secretary-General Ban Ki-moon met Sergei Lavrov in Moscow on Tuesday.";
    List<Spans.Span> spans = Spans.of(text, CoreNlpBackend.get().tag(text));
    // the 4-class model calls "Ban Ki-moon" MISC here; what matters is that the name is one mention
    assertThat(spans).extracting(Spans.Span::surface).contains("Ban Ki-moon");
    assertThat(spans).extracting(s -> s.type() + ":" + s.surface())
        .contains("PERSON:Sergei Lavrov", "LOCATION:Moscow");
  }

  @Test
  void strayWordsMarksAndLineBreaksAreTrimmed() {
    String text = "Voters dislike Obamacare.\n[Barack] Obama and Bill ClintonÃ met Osama bin Laden";
    assertThat(Spans.trim(text, 7, 24, "MISC", 0).surface()).isEqualTo("Obamacare");
    assertThat(Spans.trim(text, 27, 40, "PERSON", 1).surface()).isEqualTo("Barack] Obama");
    assertThat(Spans.trim(text, 45, 58, "PERSON", 1).surface()).isEqualTo("Bill Clinton");
    assertThat(Spans.trim(text, 63, 78, "PERSON", 1).surface()).isEqualTo("Osama bin Laden");
    List<NerBackend.Token> tokens = List.of(new NerBackend.Token(0, 5, 0, "PERSON"), new NerBackend.Token(6, 11, 0,
        "PERSON"));
    assertThat(Spans.of("Trump\nTrump", tokens)).extracting(Spans.Span::surface).containsExactly("Trump", "Trump");
    assertThat(Spans.of("Trump Trump", tokens)).extracting(Spans.Span::begin).containsExactly(0, 6);
  }
}
