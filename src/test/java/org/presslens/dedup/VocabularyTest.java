package org.presslens.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.presslens.SparkTestSession;

class VocabularyTest {
  private static final String[] SUBJECTS = {"The council", "The minister", "A spokesman", "The mayor", "Officials"};
  private static final String[] VERBS = {"said", "announced", "confirmed", "denied", "reported"};
  private static final String[] OBJECTS = {"the harbour plan on Monday", "new talks with the union",
      "a budget for the schools", "the report about the river", "that the bridge would reopen"};

  private static List<String> clean(int n) {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      texts.add(SUBJECTS[i % 5] + " " + VERBS[(i / 5) % 5] + " " + OBJECTS[(i / 25) % 5] + ". "
          + SUBJECTS[(i + 2) % 5] + " " + VERBS[(i + 3) % 5] + " " + OBJECTS[(i + 1) % 5] + ".");
    }
    return texts;
  }

  @Test
  void wordsAreRunsOfLettersLowerCasedInAnyScript() {
    // one-letter runs are not words; digits and punctuation end a word
    assertThat(Vocabulary.words("Paris, PARIS and paris! a Zürich ZÜRICH x2y [ok]@`{z}"))
        .isEqualTo(Vocabulary.words("paris paris and paris zürich zürich ok")).hasSize(7);
    // every character as Character's letter tables see it: the ASCII path agrees with them
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < 0x250; c++) {
      all.append(c).append(c).append(' ');
    }
    int letters = 0;
    for (char c = 0; c < 0x250; c++) {
      letters += Character.isLetter(c) ? 1 : 0;
    }
    int[] words = Vocabulary.words(all.toString());
    assertThat(words).hasSize(letters);
    int w = 0;
    for (char c = 0; c < 0x250; c++) {
      if (Character.isLetter(c)) {
        char lower = Character.toLowerCase(c);
        assertThat(words[w++]).as("U+%04X", (int) c).isEqualTo(Vocabulary.words("" + lower + lower)[0]);
      }
    }
  }

  @Test
  void scannedTextsAreNoisyAndCleanOnesAreNot() {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(SparkTestSession.get().sparkContext());
    Vocabulary vocabulary = Vocabulary.learn(jsc.parallelize(clean(Vocabulary.MIN_SAMPLE + 50), 3));
    assertThat(vocabulary.isEmpty()).isFalse();
    assertThat(vocabulary.noise("The mayor denied the report about the river.")).isZero();
    // confusions and words run together: most words are unknown
    assertThat(vocabulary.noise("Tbe rnayor dcnied thereport ab0ut tbe river.")).isGreaterThan(0.5);
    // one unusual name in a clean sentence is a little noise
    assertThat(vocabulary.noise("The mayor Quackenbush denied the report about the river.")).isBetween(0.05, 0.2);
  }

  @Test
  void tooSmallASampleGivesNoVocabulary() {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(SparkTestSession.get().sparkContext());
    Vocabulary vocabulary = Vocabulary.learn(jsc.parallelize(clean(Vocabulary.MIN_SAMPLE - 1), 2));
    assertThat(vocabulary.isEmpty()).isTrue();
    assertThat(vocabulary.noise("Tbe rnayor dcnied thereport")).isZero();
  }
}
