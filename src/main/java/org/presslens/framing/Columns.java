package org.presslens.framing;

import static org.presslens.common.Schemas.column;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/** Column names and descriptions shared by the framing tables. */
final class Columns {
  static final String OUTLET = "outlet";
  static final String PERIOD_START = "period_start";
  static final String ARTICLES = "articles";
  static final String SHARE = "share";
  static final String SHARE_LOW = "share_low";
  static final String SHARE_HIGH = "share_high";
  static final String MEAN = "mean";
  static final String STD_ERROR = "std_error";
  static final String LOG_ODDS = "log_odds";
  static final String VARIANCE = "variance";
  static final String Z = "z";

  private Columns() {}

  static StructField outlet() {
    return column(OUTLET, DataTypes.StringType, true, "The outlet (null: articles whose source names none)");
  }

  static StructField periodStart() {
    return column(PERIOD_START, DataTypes.DateType, true,
        "First day of the period (framing.period: day, week from Monday, or month); null for undated articles");
  }

  static StructField share(String of) {
    return column(SHARE, DataTypes.DoubleType, true, "Share: " + of + " (null when the denominator is 0)");
  }

  static StructField shareLow() {
    return column(SHARE_LOW, DataTypes.DoubleType, true, "Lower bound of the share's Wilson 95% score interval");
  }

  static StructField shareHigh() {
    return column(SHARE_HIGH, DataTypes.DoubleType, true, "Upper bound of the share's Wilson 95% score interval");
  }

  static StructField logOdds(String what) {
    return column(LOG_ODDS, DataTypes.DoubleType, true, "Log-odds ratio of " + what
        + " with an informative Dirichlet prior (Monroe, Colaresi and Quinn 2008, eq. 16); > 0: used more");
  }

  static StructField variance() {
    return column(VARIANCE, DataTypes.DoubleType, true,
        "Variance of log_odds: 1/(y_i+a_w) + 1/(n_i+a_0-y_i-a_w) + 1/(y_j+a_w) + 1/(n_j+a_0-y_j-a_w)");
  }

  static StructField z() {
    return column(Z, DataTypes.DoubleType, true, "z-score: log_odds / sqrt(variance); |z| > 1.96 is a difference at 95%");
  }

  static StructField mean(String of) {
    return column(MEAN, DataTypes.DoubleType, true, "Mean VADER compound score (-1 to 1) of " + of);
  }

  static StructField stdError() {
    return column(STD_ERROR, DataTypes.DoubleType, true, "Standard error of the mean (sample sd / sqrt(n)); null for n < 2");
  }
}
