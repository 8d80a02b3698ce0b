package org.presslens.framing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Quote extraction and speaker attribution on hand-made sentences. */
class QuotesTest {
  private final List<Quotes.Mention> mentions = new ArrayList<>();

  private void mention(String text, String surface, String type, String id) {
    int at = text.indexOf(surface);
    mentions.add(new Quotes.Mention(at, at + surface.length(), type, id, id));
  }

  private Quotes.Quote only(String text) {
    List<Quotes.Quote> quotes = Quotes.extract(text, mentions, 3);
    assertThat(quotes).hasSize(1);
    return quotes.get(0);
  }

  @Test
  void nameThenVerbAfterTheQuote() {
    String text = "“We will not leave Syria alone,” Lavrov said on Tuesday.";
    mention(text, "Lavrov", "PERSON", "Sergei Lavrov");
    Quotes.Quote q = only(text);
    assertThat(q.text()).isEqualTo("We will not leave Syria alone,");
    assertThat(text.substring(q.begin(), q.end())).isEqualTo(q.text());
    assertThat(q.speaker()).isEqualTo("Lavrov");
    assertThat(q.entityName()).isEqualTo("Sergei Lavrov");
    assertThat(q.verb()).isEqualTo("said");
    assertThat(q.attribution()).isEqualTo("after");
  }

  @Test
  void verbThenNameAfterTheQuoteWithATitleAndAnAbbreviation() {
    String text = "\"It was a mistake from the start,\" said Mr. Steele, the party chairman.";
    mention(text, "Steele", "PERSON", "Michael Steele");
    Quotes.Quote q = only(text);
    assertThat(q.speaker()).isEqualTo("Mr. Steele");
    assertThat(q.entityName()).isEqualTo("Michael Steele");
  }

  @Test
  void speakerBeforeTheQuote() {
    String text = "Syria was quiet. Russian Foreign Minister Sergei Lavrov told reporters in Damascus: "
        + "\"The plan has failed completely.\"";
    mention(text, "Russian", "MISC", "Russian");
    mention(text, "Sergei Lavrov", "PERSON", "Sergei Lavrov");
    mention(text, "Damascus", "LOCATION", "Damascus");
    Quotes.Quote q = only(text);
    assertThat(q.attribution()).isEqualTo("before");
    assertThat(q.speaker()).isEqualTo("Russian Foreign Minister Sergei Lavrov");
    assertThat(q.entityName()).isEqualTo("Sergei Lavrov");
    assertThat(q.verb()).isEqualTo("told");
  }

  @Test
  void pronounResolvesToTheSubjectOfTheNearestSentenceNamingAPerson() {
    String text = "Obama spoke on Monday. Perry criticised Obama on Tuesday. \"Nothing is decided yet,\" he said.";
    mention(text, "Obama", "PERSON", "Barack Obama");
    mention(text, "Perry", "PERSON", "Rick Perry");
    int second = text.indexOf("Obama on");
    mentions.add(new Quotes.Mention(second, second + 5, "PERSON", "Barack Obama", "Barack Obama"));
    Quotes.Quote q = only(text);
    assertThat(q.speaker()).isEqualTo("he");
    assertThat(q.entityName()).isEqualTo("Rick Perry");
    assertThat(q.attribution()).isEqualTo("pronoun");
  }

  @Test
  void aFollowingQuoteContinuesTheSpeaker() {
    String text = "“We are asking the president to act,” Pelosi said. “We are giving him a chance.”";
    mention(text, "Pelosi", "PERSON", "Nancy Pelosi");
    List<Quotes.Quote> quotes = Quotes.extract(text, mentions, 3);
    assertThat(quotes).extracting(Quotes.Quote::entityName).containsExactly("Nancy Pelosi", "Nancy Pelosi");
    assertThat(quotes.get(1).attribution()).isEqualTo("continued");
  }

  @Test
  void aLongLeadUpNamesItsFirstPerson() {
    String text = "In a pair of evening tweets, Mr. Trump seemed to hold out hope of an agreement, writing: "
        + "“I remain ready and willing to work.”";
    mention(text, "Trump", "PERSON", "Donald Trump");
    assertThat(only(text).entityName()).isEqualTo("Donald Trump");
  }

  @Test
  void unnamedSpeakersKeepTheirPhraseWithoutAnEntity() {
    Quotes.Quote official = only("“Help is on the way now,” a senior EU official said.");
    assertThat(official.speaker()).isEqualTo("a senior EU official");
    assertThat(official.entityId()).isNull();
    Quotes.Quote according = only("\"The talks failed badly,\" according to the ministry.");
    assertThat(according.speaker()).isEqualTo("the ministry");
    assertThat(according.verb()).isEqualTo("according to");
  }

  @Test
  void relativeClausesAndAdjectivesAreNotSpeakers() {
    String text = "Syrian authorities, who deny firing on houses, said they were fighting “tens of armed terrorists”.";
    mention(text, "Syrian", "MISC", "Syrian");
    Quotes.Quote q = only(text);
    assertThat(q.speaker()).isEqualTo("Syrian authorities");
    assertThat(q.entityId()).isNull();
  }

  @Test
  void unattributedShortAndSubordinateClauses() {
    assertThat(only("Crowds chanted “Lavrov you are not welcome” in the square.").speaker()).isNull();
    assertThat(Quotes.extract("Some call it a \"regime\" and others do not.", mentions, 3)).isEmpty();
    assertThat(only("When asked whether they would stay, “They believe so, yes.”").speaker()).isNull();
  }

  @Test
  void aQuoteOpenAtTheEndOfAParagraphRunsToIt() {
    String text = "“The first part of the statement goes on\n\n“and ends here for good,” he said.";
    List<Quotes.Quote> quotes = Quotes.extract(text, mentions, 3);
    assertThat(quotes).extracting(Quotes.Quote::text)
        .containsExactly("The first part of the statement goes on", "and ends here for good,");
    assertThat(quotes.get(1).speaker()).isEqualTo("he");
    assertThat(quotes.get(1).entityId()).isNull();
    assertThat(quotes.get(0).attribution()).as("the open quote takes its speaker from the next").isNull();
  }

  @Test
  void aPossessorIsNotTheSpeakerAndMentionOrderDoesNotMatter() {
    String text = "Grimm’s lawyer, William McGinley, said: “We are disappointed by the decision.”";
    mention(text, "Grimm", "PERSON", "Michael Grimm");
    mention(text, "William McGinley", "PERSON", "William McGinley");
    assertThat(only(text).entityName()).isEqualTo("William McGinley");
    java.util.Collections.reverse(mentions);
    assertThat(only(text).entityName()).isEqualTo("William McGinley");
  }

  @Test
  void twoPeopleInTheSpeakerPhraseGiveTheFirstWhateverTheMentionOrder() {
    String text = "“The talks went well,” said Lavrov and Moallem after the meeting.";
    mention(text, "Lavrov", "PERSON", "Sergei Lavrov");
    mention(text, "Moallem", "PERSON", "Walid Moallem");
    Quotes.Quote inOrder = only(text);
    java.util.Collections.reverse(mentions);
    assertThat(only(text)).isEqualTo(inOrder);
    assertThat(inOrder.entityName()).isEqualTo("Sergei Lavrov");
  }
}
