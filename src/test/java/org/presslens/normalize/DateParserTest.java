package org.presslens.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateParserTest {
  private static final LocalDate RUN = LocalDate.of(2026, 11, 21);
  private final DateParser mdy = new DateParser(false, LocalDate.of(1700, 1, 1), null, RUN.plusDays(1));

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "2012-02-07|2012-02-07",
      "2012-2-7|2012-02-07",
      "7 Feb 2012|2012-02-07",
      "07 February 2012|2012-02-07",
      "Wed 05 Apr 2017|2017-04-05",
      "Wednesday, 5 April 2017|2017-04-05",
      "Tue, 07 Feb 2012 10:00:00 GMT|2012-02-07",
      "February 7, 2012|2012-02-07",
      "Feb. 7, 2012 10:30 AM EST|2012-02-07",
      "7/23/17|2017-07-23",
      "12/22/16|2016-12-22",
      "2/9/2024|2024-02-09",
      "2012/02/07|2012-02-07",
      "20120207|2012-02-07",
      "07.02.2012|2012-02-07",
      "2012-02-07T10:00:00Z|2012-02-07",
      "2024-02-10T09:30:00+02:00|2024-02-10",
      "2012-02-07T23:30:00-05:00|2012-02-07",
      "2012-02-07 08:15:00|2012-02-07",
      "1328572800|2012-02-07",
      "1328572800000|2012-02-07",
      "  7   Feb   2012 |2012-02-07",
  })
  void parsesCommonForms(String raw, String expected) {
    DateParser.Result result = mdy.parse(raw);
    assertThat(result.status()).isEqualTo(DateParser.Status.OK);
    assertThat(result.date()).isEqualTo(LocalDate.parse(expected));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "0001-11-30|PLACEHOLDER",
      "0001-01-01|PLACEHOLDER",
      "2050-09-30|FUTURE",
      "2012-02-30|INVALID",
      "13/40/2012|INVALID",
      "Thu 05 Apr 2017|WEEKDAY_MISMATCH",
      "1600-01-01|OUT_OF_RANGE",
      "last Tuesday|UNPARSED",
      "February 2012|UNPARSED",
      "2012|UNPARSED",
  })
  void refusesToGuess(String raw, String status) {
    DateParser.Result result = mdy.parse(raw);
    assertThat(result.status()).isEqualTo(DateParser.Status.valueOf(status));
    assertThat(result.date()).isNull();
  }

  @Test
  void emptyAndNullAreMissing() {
    assertThat(mdy.parse(null).status()).isEqualTo(DateParser.Status.MISSING);
    assertThat(mdy.parse("").status()).isEqualTo(DateParser.Status.MISSING);
    assertThat(mdy.parse("   ").status()).isEqualTo(DateParser.Status.MISSING);
  }

  @Test
  void dayFirstOrderReadsNumericDatesAsDmy() {
    DateParser dmy = new DateParser(true, LocalDate.of(1700, 1, 1), null, RUN);
    assertThat(dmy.parse("7/2/2012").date()).isEqualTo(LocalDate.of(2012, 2, 7));
    assertThat(mdy.parse("7/2/2012").date()).isEqualTo(LocalDate.of(2012, 7, 2));
    assertThat(mdy.parse("23/7/2017").status()).isEqualTo(DateParser.Status.INVALID);
  }

  @Test
  void twoDigitYearsNeverLandInTheFuture() {
    assertThat(mdy.parse("1/1/26").date()).isEqualTo(LocalDate.of(2026, 1, 1));
    assertThat(mdy.parse("1/1/27").date()).isEqualTo(LocalDate.of(1927, 1, 1));
  }

  @Test
  void archiveRangeMarksImplausibleDates() {
    DateParser allsides = new DateParser(false, LocalDate.of(2012, 1, 1), LocalDate.of(2020, 12, 31), RUN);
    assertThat(allsides.parse("2001-05-05").status()).isEqualTo(DateParser.Status.OUT_OF_RANGE);
    assertThat(allsides.parse("2021-05-05").status()).isEqualTo(DateParser.Status.OUT_OF_RANGE);
    assertThat(allsides.parse("2016-05-05").status()).isEqualTo(DateParser.Status.OK);
  }

  @Test
  void recognisesDateLines() {
    assertThat(DateParser.isDateLine("7 Feb 2012")).isTrue();
    assertThat(DateParser.isDateLine("Wed 14 Feb 2024")).isTrue();
    assertThat(DateParser.isDateLine("Russian envoy holds talks as Homs blasted")).isFalse();
    assertThat(DateParser.isDateLine("2012")).isFalse();
    assertThat(DateParser.isDateLine("On 7 Feb 2012 the minister arrived in Damascus.")).isFalse();
  }
}
