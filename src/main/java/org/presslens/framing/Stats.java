package org.presslens.framing;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.when;

import org.apache.commons.math3.special.Erf;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * The statistics of the framing tables as Spark column expressions: Wilson score intervals for shares, the
 * log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and Quinn 2008), two-sided normal p-values
 * and Benjamini-Hochberg adjustment.
 */
public final class Stats {
  /** The 97.5% standard normal quantile: 95% intervals. */
  public static final double Z95 = 1.959963984540054;

  private Stats() {}

  /** k / n, null when n is 0. */
  public static Column share(Column k, Column n) {
    return when(n.gt(0), k.cast(DataTypes.DoubleType).divide(n));
  }

  /** Lower bound of the Wilson score interval of k successes in n trials (null when n is 0). */
  public static Column wilsonLow(Column k, Column n) {
    return wilson(k, n, -1);
  }

  /** Upper bound of the Wilson score interval. */
  public static Column wilsonHigh(Column k, Column n) {
    return wilson(k, n, 1);
  }

  private static Column wilson(Column k, Column n, int sign) {
    Column nd = n.cast(DataTypes.DoubleType);
    Column p = k.cast(DataTypes.DoubleType).divide(nd);
    double z2 = Z95 * Z95;
    Column centre = p.plus(lit(z2).divide(nd.multiply(2)));
    Column half = lit(Z95).multiply(sqrt(p.multiply(lit(1).minus(p)).divide(nd).plus(lit(z2).divide(nd.multiply(nd)
        .multiply(4)))));
    Column bound = centre.plus(half.multiply(sign)).divide(lit(1).plus(lit(z2).divide(nd)));
    return when(n.gt(0), sign < 0 ? functions.greatest(lit(0.0), bound) : least(lit(1.0), bound));
  }

  /**
   * Monroe et al.'s eq. 16: log((y_i + a) / (n_i + a0 - y_i - a)) - log((y_j + a) / (n_j + a0 - y_j - a)), where a
   * is the word's prior count and a0 the sum of all prior counts.
   */
  public static Column logOdds(Column yi, Column ni, Column yj, Column nj, Column a, Column a0) {
    return log(yi.plus(a).divide(ni.plus(a0).minus(yi).minus(a)))
        .minus(log(yj.plus(a).divide(nj.plus(a0).minus(yj).minus(a))));
  }

  /**
   * Variance of {@link #logOdds}: the four cells of the two smoothed 2x2 tables, 1/(y_i + a) + 1/(n_i + a0 - y_i - a)
   * + 1/(y_j + a) + 1/(n_j + a0 - y_j - a). Monroe et al.'s eq. 18 keeps only the first and third terms, which is
   * right for a word (a small part of all text) but overstates z for a label that is most of its family.
   */
  public static Column logOddsVariance(Column yi, Column ni, Column yj, Column nj, Column a, Column a0) {
    return lit(1.0).divide(yi.plus(a)).plus(lit(1.0).divide(ni.plus(a0).minus(yi).minus(a)))
        .plus(lit(1.0).divide(yj.plus(a))).plus(lit(1.0).divide(nj.plus(a0).minus(yj).minus(a)));
  }

  /** Two-sided p-value of a standard normal z: erfc(|z| / sqrt 2). */
  public static Column pValue(Column z) {
    return functions.udf((UDF1<Double, Double>) Stats::twoSidedP, DataTypes.DoubleType).apply(abs(z));
  }

  static Double twoSidedP(Double z) {
    return z == null ? null : Erf.erfc(Math.abs(z) / Math.sqrt(2.0));
  }

  /**
   * Adds {@code out}, the Benjamini-Hochberg adjusted p-value of column {@code p} within each family (rows with
   * equal {@code family} columns): from the largest rank down, the running minimum of p * m / rank, capped at 1
   * (as R's p.adjust(method = "BH")).
   */
  public static Dataset<Row> benjaminiHochberg(Dataset<Row> data, String p, String out, String... family) {
    Column[] keys = java.util.Arrays.stream(family).map(functions::col).toArray(Column[]::new);
    String rank = "__bh_rank";
    String scaled = "__bh_scaled";
    return data
        .withColumn(rank, row_number().over(Window.partitionBy(keys).orderBy(col(p).asc())))
        .withColumn(scaled, col(p).multiply(count(lit(1)).over(Window.partitionBy(keys))).divide(col(rank)))
        .withColumn(out, least(lit(1.0), min(col(scaled)).over(Window.partitionBy(keys).orderBy(col(rank).desc())
            .rowsBetween(Window.unboundedPreceding(), Window.currentRow()))))
        .drop(rank, scaled);
  }

  /** Standard error of a mean: sample standard deviation / sqrt(n), null below 2 values. */
  public static Column standardError(Column values) {
    return functions.stddev_samp(values).divide(sqrt(count(values)));
  }
}
