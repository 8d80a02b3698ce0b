package org.presslens.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocumentEntitiesTest {
  private static final DocumentEntities RESOLVER = new DocumentEntities(Map.of("us", "United States",
      "usa", "United States", "united states", "United States"));

  private static List<DocumentEntities.Resolved> resolve(String... typedSurfaces) {
    List<Spans.Span> spans = new ArrayList<>();
    for (String typed : typedSurfaces) {
      String[] parts = typed.split(":", 2);
      spans.add(new Spans.Span(0, parts[1].length(), parts[0], 0, parts[1]));
    }
    return RESOLVER.resolve(spans);
  }

  private static List<String> names(List<DocumentEntities.Resolved> resolved) {
    return resolved.stream().map(DocumentEntities.Resolved::name).toList();
  }

  @Test
  void titlesHonorificsAndPossessivesAreStripped() {
    assertThat(Names.clean("Foreign Minister Sergei Lavrov")).isEqualTo("Sergei Lavrov");
    assertThat(Names.clean("Mr Lovrov")).isEqualTo("Lovrov");
    assertThat(Names.clean("President Bashar al-Assad's")).isEqualTo("Bashar al-Assad");
    assertThat(Names.clean("Assad’s")).isEqualTo("Assad");
    assertThat(Names.clean("President")).as("nothing left: keep the surface").isEqualTo("President");
  }

  @Test
  void shortFormsJoinTheLongerNameTheyEndWith() {
    List<DocumentEntities.Resolved> r = resolve("PERSON:Sergei Lavrov", "PERSON:Lavrov", "PERSON:President Assad",
        "PERSON:Bashar al-Assad", "PERSON:Assad");
    assertThat(names(r)).containsExactly("Sergei Lavrov", "Sergei Lavrov", "Bashar al-Assad", "Bashar al-Assad",
        "Bashar al-Assad");
    assertThat(r.get(1).method()).isEqualTo("short_form");
    assertThat(r.get(0).method()).isEqualTo("exact");
  }

  @Test
  void aShortFormOfTwoEquallyMentionedNamesStaysItself() {
    List<DocumentEntities.Resolved> r = resolve("PERSON:Bashar al-Assad", "PERSON:Asma al-Assad", "PERSON:Assad");
    assertThat(r.get(2).name()).isEqualTo("Assad");
    assertThat(r.get(2).method()).isEqualTo("exact");
  }

  @Test
  void aShortFormOfAnotherTypeJoinsAPersonOnlyWithEvidenceOfAPerson() {
    List<DocumentEntities.Resolved> place = resolve("LOCATION:Washington", "PERSON:George Washington");
    assertThat(place.get(0).name()).as("no title, never tagged PERSON").isEqualTo("Washington");
    List<DocumentEntities.Resolved> r = resolve("PERSON:Donald Trump", "LOCATION:Trump", "PERSON:Trump",
        "ORGANIZATION:President Trump");
    assertThat(names(r)).containsOnly("Donald Trump");
    assertThat(r).extracting(DocumentEntities.Resolved::type).containsOnly("PERSON");
    assertThat(r.get(1).method()).isEqualTo("short_form");
    assertThat(r.get(1).evidence()).contains("Donald Trump");
  }

  @Test
  void theSameNameIsOneEntityWhateverItsTags() {
    List<DocumentEntities.Resolved> r = resolve("MISC:Obamacare", "PERSON:Obamacare", "MISC:Obamacare");
    assertThat(r).extracting(DocumentEntities.Resolved::type).containsOnly("MISC");
  }

  @Test
  void anHonorificNeverJoinsANameOfTheOtherGender() {
    List<Spans.Span> spans = List.of(new Spans.Span(0, 13, "PERSON", 0, "Melania Trump"),
        new Spans.Span(20, 29, "PERSON", 1, "Mr. Trump"), new Spans.Span(40, 50, "PERSON", 2, "Mrs. Trump"));
    List<DocumentEntities.Resolved> r = RESOLVER.resolve(spans, java.util.Arrays.asList("F", null, null));
    assertThat(r.get(1).name()).isEqualTo("Trump");
    assertThat(r.get(2).name()).isEqualTo("Melania Trump");
  }

  @Test
  void middleInitialsLinkOnlyWhenTheArticleUsesOne() {
    List<DocumentEntities.Resolved> one = resolve("PERSON:Donald J. Trump", "PERSON:Donald Trump");
    assertThat(names(one)).containsOnly("Donald J. Trump");
    assertThat(one.get(1).method()).isEqualTo("initial");
    List<DocumentEntities.Resolved> two = resolve("PERSON:George W. Bush", "PERSON:George H.W. Bush",
        "PERSON:George Bush");
    assertThat(names(two)).containsExactly("George W. Bush", "George H.W. Bush", "George Bush");
    assertThat(DocumentEntities.isTypoName("george w bush", "george hw bush")).isFalse();
    assertThat(Names.withoutMiddleInitials("george hw bush")).isEqualTo("george bush");
    assertThat(Names.withoutMiddleInitials("jd vance")).isEqualTo("jd vance");
  }

  @Test
  void marksAndMojibakeLeaveTheName() {
    assertThat(Names.clean("Barack] Obama")).isEqualTo("Barack Obama");
    assertThat(Names.clean("Bill ClintonÃ")).isEqualTo("Bill Clinton");
    assertThat(Names.clean("JosÃ© Mourinho")).isEqualTo("José Mourinho");
    assertThat(Names.clean("Mâcon")).isEqualTo("Mâcon");
    assertThat(Names.honorifics("Former President Trump")).containsExactly("former", "president");
    assertThat(Names.gender(Names.honorifics("Mrs. Clinton"))).isEqualTo(Names.WOMAN);
  }

  @Test
  void acronymsJoinTheirExpansion() {
    List<DocumentEntities.Resolved> r = resolve("ORGANIZATION:United Nations", "ORGANIZATION:U.N.",
        "ORGANIZATION:UN", "ORGANIZATION:Organization of the Petroleum Exporting Countries");
    assertThat(names(r).subList(0, 3)).containsOnly("United Nations");
    assertThat(r.get(2).method()).isEqualTo("acronym");
  }

  @Test
  void aOneOffTypoJoinsAFrequentName() {
    List<DocumentEntities.Resolved> r = resolve("PERSON:Sergei Lavrov", "PERSON:Lavrov", "PERSON:Mr Lovrov");
    assertThat(r.get(2).name()).isEqualTo("Sergei Lavrov");
    assertThat(r.get(2).method()).isEqualTo("edit_distance");
  }

  @Test
  void obamaAndOsamaNeverMerge() {
    assertThat(DocumentEntities.isTypo("obama", "osama")).isFalse();
    assertThat(DocumentEntities.isTypo("lovrov", "lavrov")).isTrue();
    assertThat(DocumentEntities.isTypo("lavorv", "lavrov")).isTrue();
    List<DocumentEntities.Resolved> r = resolve("PERSON:Obama", "PERSON:Obama", "PERSON:Obama", "PERSON:Osama");
    assertThat(r.get(3).name()).isEqualTo("Osama");
    List<DocumentEntities.Resolved> twice = resolve("PERSON:Lavrov", "PERSON:Lovrov", "PERSON:Lovrov");
    assertThat(twice.get(1).name()).as("a form mentioned twice is a name, not a typo").isEqualTo("Lovrov");
  }

  @Test
  void countryAliasesResolveToOneName() {
    List<DocumentEntities.Resolved> r = resolve("LOCATION:U.S.", "LOCATION:US", "LOCATION:United States",
        "LOCATION:USA");
    assertThat(names(r)).containsOnly("United States");
    assertThat(r.get(0).method()).isEqualTo("alias");
    assertThat(r.get(2).method()).isEqualTo("exact");
  }

  @Test
  void spellingVariantsFoldToOneKey() {
    assertThat(Names.fold(Names.key("Sergey Lavrov"))).isEqualTo(Names.fold(Names.key("Sergei Lavrov")));
    assertThat(Names.fold(Names.key("Bashar al-Assad"))).isEqualTo(Names.fold(Names.key("Bashar Assad")));
    assertThat(Names.fold(Names.key("Obama"))).isNotEqualTo(Names.fold(Names.key("Osama")));
  }

  @Test
  void wordsTheTaggerRanIntoANameAreDropped() {
    String text = "Obamacare is law. The fees rise.";
    List<Spans.Span> spans = List.of(new Spans.Span(0, 9, "MISC", 0, "Obamacare"));
    String title = "Fees Obamacare, An Obamacare moment, Paul Ryan's Obamacare";
    assertThat(ExtractMentions.strayWord(title, true, new Spans.Span(0, 14, "PERSON", 0, "Fees Obamacare"), text, spans)
        .surface()).isEqualTo("Obamacare");
    assertThat(ExtractMentions.strayWord(title, true, new Spans.Span(16, 28, "PERSON", 0, "An Obamacare"), text, spans)
        .surface()).isEqualTo("Obamacare");
    assertThat(ExtractMentions.strayWord(title, true, new Spans.Span(37, 58, "PERSON", 0, "Paul Ryan's Obamacare"), text,
        spans).surface()).isEqualTo("Obamacare");
    Spans.Span melania = new Spans.Span(0, 13, "PERSON", 0, "Melania Trump");
    assertThat(ExtractMentions.strayWord("Melania Trump speaks", true, melania, "Trump spoke.",
        List.of(new Spans.Span(0, 5, "PERSON", 0, "Trump")))).as("not a lower-case word of the text").isEqualTo(melania);
    Spans.Span southAfrica = new Spans.Span(0, 12, "LOCATION", 0, "South Africa");
    assertThat(ExtractMentions.strayWord("South Africa votes", true, southAfrica, "Africa votes in the south.",
        List.of(new Spans.Span(0, 6, "LOCATION", 0, "Africa")))).isEqualTo(southAfrica);
  }

  @Test
  void anAuxiliaryOpeningAQuestionOrAVerbOpeningAnImperativeIsDroppedButAGivenNameIsNot() {
    String text = "Obamacare is law.\n\nWill Obamacare fall apart? Take Obamacare. Will Hurd spoke. Hurd left.";
    List<Spans.Span> spans = List.of(span("Obamacare", 0, 0), span("Will Obamacare", text.indexOf("Will Obamacare"), 1),
        span("Take Obamacare", text.indexOf("Take"), 2), span("Will Hurd", text.indexOf("Will Hurd"), 3),
        span("Hurd", text.lastIndexOf("Hurd"), 4));
    assertThat(ExtractMentions.strayWord(text, false, spans.get(1), text, spans).surface()).isEqualTo("Obamacare");
    assertThat(ExtractMentions.strayWord(text, false, spans.get(2), text, spans).surface()).isEqualTo("Obamacare");
    assertThat(ExtractMentions.strayWord(text, false, spans.get(3), text, spans)).isEqualTo(spans.get(3));
  }

  private static Spans.Span span(String surface, int begin, int sentence) {
    return new Spans.Span(begin, begin + surface.length(), "PERSON", sentence, surface);
  }
}
