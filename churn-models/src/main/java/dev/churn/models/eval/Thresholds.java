package dev.churn.models.eval;

import dev.churn.core.metrics.BestF1;
import dev.churn.core.metrics.BinaryMetrics;
import java.util.Arrays;

/**
 * Chooses a decision threshold for a churn score on a labelled (held-out) sample: which customers
 * to flag for a retention action. Rows with {@code score >= threshold} are flagged, as in {@link
 * BinaryMetrics#confusion(double[], boolean[], double)}.
 *
 * <pre>{@code
 * BestF1 balanced = Thresholds.maxF1(p, churned);
 * OperatingPoint catch80 = Thresholds.forRecall(p, churned, 0.80);   // flag 80% of churners
 * double flagged = catch80.flaggedFraction();
 * }</pre>
 */
public final class Thresholds {

  private Thresholds() {}

  /**
   * Returns the threshold that maximises F1 (the highest one on ties); see {@link
   * BinaryMetrics#bestF1Threshold(double[], boolean[])}.
   *
   * @param scores one score per row; not NaN
   * @param labels one label per row; at least one positive
   * @return the threshold with its F1, precision, recall and confusion matrix
   * @throws IllegalArgumentException if the arrays are invalid or no label is positive
   */
  public static BestF1 maxF1(double[] scores, boolean[] labels) {
    return BinaryMetrics.bestF1Threshold(scores, labels);
  }

  /**
   * Returns the highest threshold at which the recall reaches {@code targetRecall}: the score of
   * the {@code m}-th highest-scoring positive, where {@code m} is the smallest count with {@code m
   * / positives >= targetRecall}. No higher threshold, among the scores or between them, reaches
   * the target, so this flags the fewest rows that do. A score of {@code -0.0} is reported as
   * {@code 0.0}.
   *
   * @param scores one score per row; not NaN
   * @param labels one label per row; at least one positive
   * @param targetRecall the recall to reach, within {@code (0, 1]}
   * @return the threshold with its precision, recall, F1 and confusion matrix; its recall is at
   *     least {@code targetRecall}
   * @throws IllegalArgumentException if the arrays are invalid, no label is positive, or the target
   *     is outside {@code (0, 1]}
   */
  public static OperatingPoint forRecall(double[] scores, boolean[] labels, double targetRecall) {
    Checks.scoresAndLabels(scores, labels, false);
    if (!(targetRecall > 0 && targetRecall <= 1)) {
      throw new IllegalArgumentException(
          "targetRecall was " + targetRecall + " but it must be within (0, 1]");
    }
    int positives = 0;
    for (boolean label : labels) {
      if (label) {
        positives++;
      }
    }
    if (positives == 0) {
      throw new IllegalArgumentException(
          "recall is undefined when labels contain no positives (positives=0, negatives="
              + labels.length
              + ")");
    }
    double[] positiveScores = new double[positives];
    for (int i = 0, k = 0; i < scores.length; i++) {
      if (labels[i]) {
        positiveScores[k++] = scores[i];
      }
    }
    Arrays.sort(positiveScores);
    int m = 1;
    while (m < positives && (double) m / positives < targetRecall) {
      m++;
    }
    double threshold = positiveScores[positives - m] + 0.0; // -0.0 becomes 0.0
    return at(scores, labels, threshold);
  }

  /**
   * Returns what a given threshold achieves.
   *
   * @param scores one score per row; not NaN
   * @param labels one label per row
   * @param threshold flag rows with {@code score >= threshold}; not NaN
   * @return the operating point
   * @throws IllegalArgumentException if the arrays are invalid or the threshold is NaN
   */
  public static OperatingPoint at(double[] scores, boolean[] labels, double threshold) {
    return OperatingPoint.of(threshold, BinaryMetrics.confusion(scores, labels, threshold));
  }
}
