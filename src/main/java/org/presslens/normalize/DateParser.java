package org.presslens.normalize;

import java.io.Serializable;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses publication dates written in the many ways archives write them, and refuses to guess: a value
 * that is missing, unparseable, a placeholder, impossible, outside the plausible range or in the future
 * yields a null date with a status saying why. Timestamps keep the calendar date as written in their own
 * zone (an article stamped 23:30-05:00 was published that day where it was written).
 */
public final class DateParser implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Values of articles.date_status. */
  public enum Status {
    OK, MISSING, UNPARSED, PLACEHOLDER, INVALID, WEEKDAY_MISMATCH, OUT_OF_RANGE, FUTURE;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A parse outcome: {@code date} is non-null exactly when {@code status} is OK. */
  public record Result(LocalDate date, Status status) {}

  private static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
      + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
  private static final String WEEKDAY = "(mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?"
      + "|fri(?:day)?|sat(?:urday)?|sun(?:day)?)";
  private static final String TIME = "(?:[ t,]+(?:at )?\\d{1,2}(?::\\d{2}){1,2}(?:[.,]\\d+)?\\s*(?:[ap]\\.?m\\.?)?"
      + "\\s*(?:z|utc|gmt|[a-z]{2,5}|[+-]\\d{2}(?::?\\d{2})?)?)?";
  private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})" + TIME);
  private static final Pattern YMD_SLASH = Pattern.compile("(\\d{4})/(\\d{1,2})/(\\d{1,2})" + TIME);
  private static final Pattern NUMERIC = Pattern.compile("(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4}|\\d{2})" + TIME);
  private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
  private static final Pattern EPOCH = Pattern.compile("\\d{10}|\\d{13}");
  private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
      "(?:" + WEEKDAY + ",?\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+" + MONTH + "\\.?,?\\s+(\\d{4})" + TIME);
  private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
      "(?:" + WEEKDAY + ",?\\s+)?" + MONTH + "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})" + TIME);
  private static final Map<String, DayOfWeek> DAYS = Map.of("mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY,
      "wed", DayOfWeek.WEDNESDAY, "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY, "sat", DayOfWeek.SATURDAY,
      "sun", DayOfWeek.SUNDAY);
  private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";

  /** Recognises any date form, whatever its plausibility: what a dateline test needs. */
  private static final DateParser ANY = new DateParser(false, LocalDate.MIN, null, LocalDate.MAX);

  private final boolean dayFirst;
  private final LocalDate earliest;
  private final LocalDate latestPlausible;
  private final LocalDate latestPossible;

  /**
   * @param dayFirst numeric dates such as 2/7/12 are day/month (DMY) rather than month/day (MDY)
   * @param earliest earlier dates are OUT_OF_RANGE
   * @param latestPlausible later dates are OUT_OF_RANGE (null: no archive-specific bound)
   * @param latestPossible later dates are FUTURE (the run date plus the allowed skew)
   */
  public DateParser(boolean dayFirst, LocalDate earliest, LocalDate latestPlausible, LocalDate latestPossible) {
    this.dayFirst = dayFirst;
    this.earliest = earliest;
    this.latestPlausible = latestPlausible;
    this.latestPossible = latestPossible;
  }

  /** True when the line is nothing but a date in a recognised form (a dateline at the top of a text file). */
  public static boolean isDateLine(String line) {
    String s = prepare(line);
    return s != null && s.length() <= 64 && !(s.matches("\\d+"))
        && ANY.parse(line).status() != Status.UNPARSED;
  }

  public Result parse(String raw) {
    String s = prepare(raw);
    if (s == null) {
      return new Result(null, Status.MISSING);
    }
    Matcher m;
    if ((m = ISO.matcher(s)).matches() || (m = YMD_SLASH.matcher(s)).matches() || (m = COMPACT.matcher(s)).matches()) {
      return check(num(m, 1), num(m, 2), num(m, 3), null);
    }
    if ((m = NUMERIC.matcher(s)).matches()) {
      int first = num(m, 1);
      int second = num(m, 3);
      boolean dmy = dayFirst || m.group(2).equals(".");
      int year = year(m.group(4));
      return dmy ? check(year, second, first, null) : check(year, first, second, null);
    }
    if ((m = DAY_MONTH_YEAR.matcher(s)).matches()) {
      return check(num(m, 4), month(m.group(3)), num(m, 2), m.group(1));
    }
    if ((m = MONTH_DAY_YEAR.matcher(s)).matches()) {
      return check(num(m, 4), month(m.group(2)), num(m, 3), m.group(1));
    }
    if (EPOCH.matcher(s).matches()) {
      long value = Long.parseLong(s);
      Instant instant = s.length() == 13 ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
      LocalDate d = instant.atZone(ZoneOffset.UTC).toLocalDate();
      return check(d.getYear(), d.getMonthValue(), d.getDayOfMonth(), null);
    }
    return new Result(null, Status.UNPARSED);
  }

  private static String prepare(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    if (s.endsWith(".")) {
      s = s.substring(0, s.length() - 1);
    }
    return s.isEmpty() || s.equals("null") || s.equals("none") || s.equals("n/a") ? null : s;
  }

  private Result check(int year, int month, int day, String weekday) {
    if (year <= 1) {
      return new Result(null, Status.PLACEHOLDER);
    }
    LocalDate date;
    try {
      date = LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      return new Result(null, Status.INVALID);
    }
    if (weekday != null && DAYS.get(weekday.substring(0, 3)) != date.getDayOfWeek()) {
      return new Result(null, Status.WEEKDAY_MISMATCH);
    }
    if (date.isAfter(latestPossible)) {
      return new Result(null, Status.FUTURE);
    }
    if (date.isBefore(earliest) || (latestPlausible != null && date.isAfter(latestPlausible))) {
      return new Result(null, Status.OUT_OF_RANGE);
    }
    return new Result(date, Status.OK);
  }

  private int year(String digits) {
    int value = Integer.parseInt(digits);
    if (digits.length() == 4) {
      return value;
    }
    int pivot = latestPossible.getYear() % 100;
    int century = latestPossible.getYear() - latestPossible.getYear() % 100;
    return value <= pivot ? century + value : century - 100 + value;
  }

  private static int month(String name) {
    return MONTHS.indexOf(name.substring(0, 3)) / 3 + 1;
  }

  private static int num(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }
}
