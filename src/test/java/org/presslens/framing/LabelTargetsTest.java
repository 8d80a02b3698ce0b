package org.presslens.framing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabelTargetsTest {

  /** The target of the first use of {@code label} (one word) in {@code text}, or null. */
  private static String targetOf(String text, String label) {
    List<Terms.Token> tokens = Terms.tokens(text);
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).word().equals(label)) {
        LabelTargets.Target target = LabelTargets.of(text, tokens, i, i);
        return target == null ? null : target.name() + " (" + target.rule() + ")";
      }
    }
    throw new AssertionError("no " + label + " in " + text);
  }

  @Test
  void aNameRightBeforeTheLabelIsItsTarget() {
    assertThat(targetOf("Officials in Ankara said the Varnian regime had closed the border.", "regime"))
        .isEqualTo("Varnian (before)");
    assertThat(targetOf("Protesters marched against the Koval regime on Sunday.", "regime"))
        .isEqualTo("Koval (before)");
    assertThat(targetOf("Witnesses blamed Koval's brutal regime for the siege.", "regime"))
        .isEqualTo("Koval (before)");
    assertThat(targetOf("The town fell to NLF terrorists overnight.", "terrorists")).isEqualTo("NLF (before)");
    assertThat(targetOf("Fighting resumed as Ostrian-backed rebels advanced.", "rebels"))
        .isEqualTo("Ostrian-backed (before)");
    assertThat(targetOf("The report named Bashar al-Koval's regime twice.", "regime"))
        .isEqualTo("Bashar al-Koval (before)");
    assertThat(targetOf("Troops hit Dorna Front (banned in Ostria) militants at dawn.", "militants"))
        .as("a parenthesis between name and label").isEqualTo("Dorna Front (before)");
    assertThat(targetOf("They fought al-Qaeda-linked Dorna Front terrorists.", "terrorists"))
        .as("who backs the name is no part of it").isEqualTo("Dorna Front (before)");
    assertThat(targetOf("Dozens Killed in Varn NLF Terrorist Attack", "terrorist"))
        .as("an acronym before the label in title case").isEqualTo("NLF (before)");
  }

  @Test
  void aNameTiedAfterTheLabelIsItsTarget() {
    assertThat(targetOf("Diplomats met envoys of the regime in Varnia on Monday.", "regime"))
        .isEqualTo("Varnia (after)");
    assertThat(targetOf("They fought the regime of Bashar al-Koval for years.", "regime"))
        .isEqualTo("Bashar al-Koval (after)");
    assertThat(targetOf("Shelling hit terrorists in Eastern Dorna, the army said.", "terrorists"))
        .isEqualTo("Eastern Dorna (after)");
    assertThat(targetOf("A shell fired by terrorists positioned in Bani Varn hit the school.", "terrorists"))
        .isEqualTo("Bani Varn (after)");
  }

  @Test
  void withoutANameInTheLabelsPhraseTheTargetIsUnknown() {
    assertThat(targetOf("The regime denied the claim.", "regime")).isNull();
    assertThat(targetOf("Aid reached rebels in the north.", "rebels")).isNull();
    assertThat(targetOf("Food prices rose. Meanwhile rebels held the bridge, and meanwhile talks stalled.",
        "rebels")).isNull();
    assertThat(targetOf("Koval killed rebels in the spring.", "rebels")).isNull();
    // punctuation ends the label's phrase
    assertThat(targetOf("They spoke to Koval, whose regime fell.", "regime")).isNull();
  }
}
