package dev.churn.drift.estimate;

import dev.churn.drift.monitor.Flag;
import dev.churn.drift.monitor.Metric;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The performance a model is expected to show on the current cohort, estimated from its
 * calibrated probabilities before any label is known. Returned by {@link PerformanceEstimator}.
 *
 * <p>All components are plain values, so an estimate serializes to JSON as it is. Metrics that
 * cannot be estimated (ROC AUC when every probability is 0, or every one is 1; conversion rate
 * when nothing is recommended) are left out of {@link #metrics()} and explained in {@link
 * #notes()}.
 *
 * <pre>{@code
 * PerformanceEstimate e = estimator.estimate(probabilities);
 * EstimatedMetric auc = e.metric(Metric.ROC_AUC).orElseThrow();
 * log.info("expected AUC {} [{}, {}], {}", auc.estimate(), auc.lower(), auc.upper(), auc.flag());
 * }</pre>
 *
 * @param rows rows in the cohort
 * @param expectedPositives the sum of the probabilities: the expected number of positives
 * @param recommended rows recommended (flagged for action)
 * @param decision how the recommendation was made, for example {@code "probability >= 0.5"}
 * @param confidence the nominal coverage of the intervals, for example 0.95
 * @param method how the intervals were computed, for example {@code "ANALYTIC"} or {@code
 *     "MONTE_CARLO draws=200 seed=42"}
 * @param metrics the estimated metrics, in the order of {@link Metric}
 * @param overall the worst flag of the rated estimates, or UNRATED when none is rated
 * @param notes why a metric is missing, one sentence each
 */
public record PerformanceEstimate(
    long rows,
    double expectedPositives,
    long recommended,
    String decision,
    double confidence,
    String method,
    List<EstimatedMetric> metrics,
    Flag overall,
    List<String> notes) {

  /**
   * Copies the lists and checks the fields.
   *
   * @throws NullPointerException if a reference is null
   * @throws IllegalArgumentException if a count is negative, {@code confidence} is outside {@code
   *     (0, 1)} or {@code overall} is not the worst of the metric flags
   */
  public PerformanceEstimate {
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(overall, "overall");
    metrics = List.copyOf(metrics);
    notes = List.copyOf(notes);
    if (rows < 1 || recommended < 0 || recommended > rows) {
      throw new IllegalArgumentException(
          "rows and recommended were '" + rows + ", " + recommended
              + "' but they must satisfy 1 <= rows and 0 <= recommended <= rows");
    }
    if (!(confidence > 0.0 && confidence < 1.0)) {
      throw new IllegalArgumentException(
          "confidence was '" + confidence + "' but it must be in (0, 1)");
    }
    Flag worst = Flag.UNRATED;
    for (EstimatedMetric m : metrics) {
      worst = worst.worse(m.flag());
    }
    if (overall != worst) {
      throw new IllegalArgumentException(
          "overall was '" + overall + "' but it must be the worst metric flag, " + worst);
    }
  }

  /**
   * Returns one estimated metric.
   *
   * @param metric the metric
   * @return its estimate, or empty if it could not be estimated
   */
  public Optional<EstimatedMetric> metric(Metric metric) {
    Objects.requireNonNull(metric, "metric");
    for (EstimatedMetric m : metrics) {
      if (m.metric() == metric) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
