package dev.churn.drift.monitor;

import dev.churn.core.metrics.ConfusionMatrix;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The realized performance of a model on one labelled cohort: ROC AUC, F1 and the business metrics
 * with their flags, the confusion counts of the recommendation, the bucket breakdown and the
 * overall flag. Returned by {@link PerformanceMonitor}.
 *
 * <p>All components are plain values (numbers, strings, enums, lists and records of them), so a
 * report serializes to JSON as it is, for example with Jackson's {@code ObjectMapper}. Metrics that
 * are undefined on the cohort (ROC AUC when all labels are equal, conversion rate when nothing was
 * recommended, the share caught in A and B when nobody churned) are left out of {@link #metrics()}
 * and explained in {@link #notes()}; {@link Metric#CAUGHT_IN_AB} is also left out when the monitor
 * knows no buckets.
 *
 * <pre>{@code
 * PerformanceReport report = monitor.evaluate(probabilities, churned);
 * if (report.overall().isAtLeast(Flag.YELLOW)) {
 *   log.warn("model needs attention: {}", report.metrics());
 * }
 * double auc = report.value(Metric.ROC_AUC).orElseThrow();
 * }</pre>
 *
 * @param rows number of rows in the cohort
 * @param positives rows whose realized label is positive
 * @param recommended rows that were recommended (flagged for action)
 * @param decision how the recommendation was made, for example {@code "score >= 0.5"} or {@code
 *     "given per row"}
 * @param confusion the recommendation against the realized labels ({@code tp}: recommended and
 *     positive, {@code fp}: recommended and negative, {@code fn}: positive and not recommended,
 *     {@code tn}: the rest)
 * @param metrics the defined metrics, in the order of {@link Metric}
 * @param buckets rows and positives per risk bucket A, B, C; empty when no buckets were known
 * @param overall the worst flag of the rated metrics, or UNRATED when no metric is rated
 * @param notes why a metric is missing, one sentence each; empty when nothing is missing
 */
public record PerformanceReport(
    long rows,
    long positives,
    long recommended,
    String decision,
    ConfusionMatrix confusion,
    List<MetricResult> metrics,
    List<BucketCount> buckets,
    Flag overall,
    List<String> notes) {

  /**
   * Copies the lists and checks that the counts and the overall flag agree with their sources.
   *
   * @throws NullPointerException if a reference is null
   * @throws IllegalArgumentException if the counts disagree with the confusion matrix, or {@code
   *     overall} is not the worst of the metric flags
   */
  public PerformanceReport {
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(confusion, "confusion");
    Objects.requireNonNull(overall, "overall");
    metrics = List.copyOf(metrics);
    buckets = List.copyOf(buckets);
    notes = List.copyOf(notes);
    if (rows != confusion.rows()
        || positives != confusion.positives()
        || recommended != confusion.predictedPositives()) {
      throw new IllegalArgumentException(
          "rows, positives and recommended were '" + rows + ", " + positives + ", " + recommended
              + "' but they must match the confusion matrix " + confusion);
    }
    Flag worst = Flag.UNRATED;
    for (MetricResult m : metrics) {
      worst = worst.worse(m.flag());
    }
    if (overall != worst) {
      throw new IllegalArgumentException(
          "overall was '" + overall + "' but it must be the worst metric flag, " + worst);
    }
  }

  /**
   * Returns one metric's result.
   *
   * @param metric the metric
   * @return its result, or empty if it is undefined on this cohort or was not computed
   */
  public Optional<MetricResult> metric(Metric metric) {
    Objects.requireNonNull(metric, "metric");
    for (MetricResult m : metrics) {
      if (m.metric() == metric) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns one metric's value.
   *
   * @param metric the metric
   * @return its value, or empty if it is undefined on this cohort or was not computed
   */
  public OptionalDouble value(Metric metric) {
    Optional<MetricResult> m = metric(metric);
    return m.isPresent() ? OptionalDouble.of(m.get().value()) : OptionalDouble.empty();
  }

  /**
   * Returns one metric's flag.
   *
   * @param metric the metric
   * @return its flag, or UNRATED if it is undefined on this cohort or was not computed
   */
  public Flag flag(Metric metric) {
    return metric(metric).map(MetricResult::flag).orElse(Flag.UNRATED);
  }
}
