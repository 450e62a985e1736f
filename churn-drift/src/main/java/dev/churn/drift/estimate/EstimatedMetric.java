package dev.churn.drift.estimate;

import dev.churn.drift.monitor.Flag;
import dev.churn.drift.monitor.Metric;
import java.util.Objects;

/**
 * One metric as a {@link PerformanceEstimator} expects it to turn out once the labels are known:
 * the estimate, its standard error and an interval, with the flag the estimate would get.
 *
 * @param metric which metric (see {@link Metric} for the definitions)
 * @param estimate the expected value (see {@link PerformanceEstimator} for how it is computed)
 * @param standardError the standard deviation of the metric over the labels the probabilities
 *     allow: from the delta method, or of the simulated values
 * @param lower lower end of the interval
 * @param upper upper end of the interval
 * @param flag the flag of the estimate under the estimator's thresholds, UNRATED without a rule
 * @param rule the rule in words, or {@code "unrated"}
 */
public record EstimatedMetric(
    Metric metric,
    double estimate,
    double standardError,
    double lower,
    double upper,
    Flag flag,
    String rule) {

  /**
   * Checks the fields.
   *
   * @throws NullPointerException if a reference is null
   * @throws IllegalArgumentException if a number is NaN, the standard error is negative or {@code
   *     lower > upper}
   */
  public EstimatedMetric {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(flag, "flag");
    Objects.requireNonNull(rule, "rule");
    if (Double.isNaN(estimate) || Double.isNaN(lower) || Double.isNaN(upper)) {
      throw new IllegalArgumentException(
          "estimate, lower and upper of " + metric + " were '" + estimate + ", " + lower + ", "
              + upper + "' but they must be numbers");
    }
    if (!(standardError >= 0.0)) {
      throw new IllegalArgumentException(
          "standardError of " + metric + " was '" + standardError + "' but it must be >= 0");
    }
    if (lower > upper) {
      throw new IllegalArgumentException(
          "lower of " + metric + " was '" + lower + "' but it must be <= upper (" + upper + ")");
    }
  }

  /**
   * Tells whether a realized value lies in the interval (ends included).
   *
   * @param value the realized value
   * @return true if {@code lower <= value <= upper}
   */
  public boolean covers(double value) {
    return value >= lower && value <= upper;
  }
}
