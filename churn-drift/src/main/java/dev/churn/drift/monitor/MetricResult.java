package dev.churn.drift.monitor;

import java.util.Objects;

/**
 * One monitored metric of a labelled cohort: its value, its flag and the rule that gave the flag.
 *
 * <p>Part of a {@link PerformanceReport}; see {@link Metric} for the exact definitions.
 *
 * @param metric which metric
 * @param value its value on the cohort; never NaN (metrics that are undefined on a cohort are left
 *     out of the report and explained in {@link PerformanceReport#notes()})
 * @param flag GREEN, YELLOW or RED by the rule, or UNRATED when the metric has no rule
 * @param rule the rule in words (see {@link FlagRule#describe()}), or {@code "unrated"}
 */
public record MetricResult(Metric metric, double value, Flag flag, String rule) {

  /**
   * Checks the fields.
   *
   * @throws NullPointerException if a reference is null
   * @throws IllegalArgumentException if {@code value} is NaN
   */
  public MetricResult {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(flag, "flag");
    Objects.requireNonNull(rule, "rule");
    if (Double.isNaN(value)) {
      throw new IllegalArgumentException("value of " + metric + " was 'NaN' but it must be a number");
    }
  }
}
