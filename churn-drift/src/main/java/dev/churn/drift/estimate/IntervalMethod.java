package dev.churn.drift.estimate;

/**
 * How a {@link PerformanceEstimator} puts an interval around its estimates.
 */
public enum IntervalMethod {
  /**
   * Normal interval {@code estimate ± z * se}, with the standard error from the delta method:
   * every metric is linearized in the unknown labels, whose variances {@code p (1 - p)} are known
   * under calibration. O(n log n), deterministic; the default.
   */
  ANALYTIC,
  /**
   * Percentile interval of the metrics over label vectors simulated from the probabilities ({@code
   * y_i ~ Bernoulli(p_i)}), with a seeded generator. O(n log n + draws * n); closer to the truth
   * for small cohorts, where the distribution of ROC AUC or F1 is skewed.
   */
  MONTE_CARLO
}
