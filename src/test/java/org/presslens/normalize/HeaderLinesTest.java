package org.presslens.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeaderLinesTest {
  @Test
  void takesALeadingDateLine() {
    HeaderLines.Split split = HeaderLines.dateLine("7 Feb 2012\n\nEnvoy holds talks\n\nBody.");
    assertThat(split.line()).isEqualTo("7 Feb 2012");
    assertThat(split.rest()).isEqualTo("Envoy holds talks\n\nBody.");
  }

  @Test
  void leavesTextWithoutDateLineAlone() {
    String text = "Russia's foreign minister holds talks with President Assad in Syria.\n\nMore.";
    assertThat(HeaderLines.dateLine(text).line()).isNull();
    assertThat(HeaderLines.dateLine(text).rest()).isEqualTo(text);
  }

  @Test
  void takesAShortFirstParagraphAsTitle() {
    HeaderLines.Split split = HeaderLines.title("Envoy holds talks as city blasted\n\nThe minister arrived.", 20);
    assertThat(split.line()).isEqualTo("Envoy holds talks as city blasted");
    assertThat(split.rest()).isEqualTo("The minister arrived.");
  }

  @Test
  void doesNotTakeASentenceOrALongLineOrTheWholeTextAsTitle() {
    assertThat(HeaderLines.title("The minister arrived on Tuesday.\n\nMore text.", 20).line()).isNull();
    assertThat(HeaderLines.title("Support the paper!\n\nMore text.", 20).line()).isNull();
    assertThat(HeaderLines.title("one two three four five six\n\nMore.", 5).line()).isNull();
    assertThat(HeaderLines.title("Only a headline", 20).line()).isNull();
    assertThat(HeaderLines.title("Two lines\nin one paragraph\n\nMore.", 20).line()).isNull();
  }

  @Test
  void dropsTitleCopiesAtTheTopEvenWithLostPunctuation() {
    String text = "Russia's FM arrives in Syria\n\nBEIRUT- The Associated Press\nRussias FM arrives in Syria\n\n"
        + "Body mentions Russia's FM arrives in Syria again.";
    HeaderLines.Dropped dropped = HeaderLines.dropRepeatedTitle(text, "Russia's FM arrives in Syria", 5);
    assertThat(dropped.removed()).isEqualTo(2);
    assertThat(dropped.text())
        .isEqualTo("BEIRUT- The Associated Press\n\nBody mentions Russia's FM arrives in Syria again.");
  }

  @Test
  void keepsTitleCopiesBelowTheScannedLines() {
    String text = "a\n\nb\n\nTitle\n\nc";
    assertThat(HeaderLines.dropRepeatedTitle(text, "Title", 2).removed()).isZero();
    assertThat(HeaderLines.dropRepeatedTitle(text, "Title", 3).removed()).isEqualTo(1);
  }
}
