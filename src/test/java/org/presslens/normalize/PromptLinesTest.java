package org.presslens.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromptLinesTest {

  @Test
  void promptLinesAtBothEndsAreRemoved() {
    String text = "Support The Harbor Gazette!\n\nStorm Closes Bay Bridge\n\nThe bridge closed at noon as gusts rose."
        + "\n\nCrews expect to reopen it on Friday.\n\nRead more\n\nShare this story\nLeave a comment";
    PromptLines.Stripped stripped = PromptLines.strip(text);
    assertThat(stripped.text()).isEqualTo("Storm Closes Bay Bridge\n\nThe bridge closed at noon as gusts rose.\n\n"
        + "Crews expect to reopen it on Friday.");
    assertThat(stripped.removed()).isEqualTo(4);
  }

  @Test
  void reportingAndPromptsInsideTheTextStay() {
    String text = "Share prices fell sharply on Monday.\n\nRead more\n\nAnalysts expect a rebound.\n\n"
        + "Subscribe to the morning briefing.";
    PromptLines.Stripped stripped = PromptLines.strip(text);
    assertThat(stripped.text()).isEqualTo("Share prices fell sharply on Monday.\n\nRead more\n\n"
        + "Analysts expect a rebound.");
    assertThat(stripped.removed()).isEqualTo(1);
    assertThat(PromptLines.isPrompt("Support for the plan fell to a record low among voters in the state.")).isFalse();
    assertThat(PromptLines.isPrompt("Follow Dana Reyes on Twitter")).isTrue();
    assertThat(PromptLines.isPrompt("Comments (12)")).isTrue();
    assertThat(PromptLines.isPrompt("Read more at Coastline Daily")).isTrue();
    assertThat(PromptLines.strip("Read more\n\nShare this").text()).isEmpty();
  }
}
