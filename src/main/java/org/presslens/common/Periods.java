package org.presslens.common;

import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.to_date;

import org.apache.spark.sql.Column;

/** The period scopes of the statistics tables: day, week (starting Monday) or month, keyed by their first day. */
public final class Periods {
  private Periods() {}

  /** First day of the period ({@code day}, {@code week} or {@code month}, validated at start-up) holding the date. */
  public static Column start(Column date, String period) {
    return to_date(date_trunc(period, date));
  }
}
