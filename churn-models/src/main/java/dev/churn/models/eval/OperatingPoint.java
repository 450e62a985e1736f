package dev.churn.models.eval;

import dev.churn.core.metrics.ConfusionMatrix;
import java.util.Objects;

/**
 * A decision threshold with what it achieves on a labelled sample: customers with {@code score >=
 * threshold} are flagged (for a retention offer, say), and {@link #confusion()} counts the outcome.
 *
 * <p>Returned by {@link Thresholds#forRecall(double[], boolean[], double)} and {@link
 * Thresholds#at(double[], boolean[], double)}.
 *
 * @param threshold rows with {@code score >= threshold} are flagged
 * @param precision the share of flagged rows that are positive (0 when none is flagged)
 * @param recall the share of positive rows that are flagged (0 when there are no positives)
 * @param f1 the harmonic mean of precision and recall (0 when both are 0)
 * @param confusion the full counts at this threshold
 */
public record OperatingPoint(
    double threshold, double precision, double recall, double f1, ConfusionMatrix confusion) {

  /**
   * Checks that the confusion matrix is present.
   *
   * @param threshold rows with {@code score >= threshold} are flagged
   * @param precision the share of flagged rows that are positive (0 when none is flagged)
   * @param recall the share of positive rows that are flagged (0 when there are no positives)
   * @param f1 the harmonic mean of precision and recall (0 when both are 0)
   * @param confusion the full counts at this threshold
   */
  public OperatingPoint {
    Objects.requireNonNull(confusion, "confusion");
  }

  /**
   * Builds the operating point of a threshold from its confusion matrix.
   *
   * @param threshold the threshold
   * @param confusion the counts at that threshold
   * @return the operating point
   */
  public static OperatingPoint of(double threshold, ConfusionMatrix confusion) {
    return new OperatingPoint(
        threshold, confusion.precision(), confusion.recall(), confusion.f1(), confusion);
  }

  /**
   * Returns the share of all rows that are flagged.
   *
   * @return predicted positives divided by rows
   */
  public double flaggedFraction() {
    return (double) confusion.predictedPositives() / confusion.rows();
  }
}
