package dev.churn.core.profile;

/**
 * The percentiles a numeric column's profile keeps, computed by linear interpolation between
 * order statistics (numpy's default {@code method="linear"}, the same as pandas'
 * {@code Series.quantile}). All are NaN when the column has no value.
 *
 * @param p1 the 1st percentile
 * @param p5 the 5th percentile
 * @param p25 the first quartile, Q1
 * @param p50 the median
 * @param p75 the third quartile, Q3
 * @param p95 the 95th percentile
 * @param p99 the 99th percentile
 */
public record Quantiles(
    double p1, double p5, double p25, double p50, double p75, double p95, double p99) {

  /** The probabilities of the fields, in order. */
  static final double[] PROBABILITIES = {0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99};

  /**
   * Returns the interquartile range {@code p75 - p25}.
   *
   * @return the interquartile range {@code p75 - p25}
   */
  public double iqr() {
    return p75 - p25;
  }

  /**
   * Returns the median, {@code p50}.
   *
   * @return the median, {@code p50}
   */
  public double median() {
    return p50;
  }

  /**
   * Returns the {@code q}-quantile of values sorted ascending, by linear interpolation: {@code
   * h = (n - 1) q}, then between {@code sorted[floor(h)]} and the next value, the way numpy
   * interpolates.
   *
   * @param sorted the values, ascending, no NaN
   * @param n how many of {@code sorted} to use
   * @param q the probability, in [0, 1]
   * @return the quantile, NaN when {@code n == 0}
   */
  static double linear(double[] sorted, int n, double q) {
    if (n == 0) {
      return Double.NaN;
    }
    double h = (n - 1) * q;
    int lo = (int) Math.floor(h);
    if (lo >= n - 1) {
      return sorted[n - 1];
    }
    double t = h - lo;
    double a = sorted[lo];
    double b = sorted[lo + 1];
    double diff = b - a;
    // numpy's _lerp: interpolate from the nearer end for accuracy.
    return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
  }

  static Quantiles of(double[] sorted, int n) {
    double[] v = new double[PROBABILITIES.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = linear(sorted, n, PROBABILITIES[i]);
    }
    return new Quantiles(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
  }
}
