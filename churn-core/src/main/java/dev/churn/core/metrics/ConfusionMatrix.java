package dev.churn.core.metrics;

/**
 * Counts of a binary classifier's decisions at one threshold, with the rates derived from them.
 *
 * <p>Obtain one from {@link BinaryMetrics#confusion(double[], boolean[], double)}, which predicts a
 * row positive when its score is {@code >=} the threshold (scikit-learn's convention for
 * thresholded scores). Use it to report precision, recall or F1 at an operating point, for example
 * the number of customers a retention campaign can contact.
 *
 * <p><b>Zero division.</b> Every rate whose denominator is zero is defined as {@code 0.0}, like
 * scikit-learn's {@code zero_division=0}. For example, {@link #precision()} is {@code 0.0} when no
 * row is predicted positive, and {@link #f1()} is {@code 0.0} when there are no true positives.
 *
 * @param tp true positives: positive rows predicted positive
 * @param fp false positives: negative rows predicted positive
 * @param tn true negatives: negative rows predicted negative
 * @param fn false negatives: positive rows predicted negative
 */
public record ConfusionMatrix(long tp, long fp, long tn, long fn) {

  /**
   * Checks that all counts are non-negative.
   *
   * @throws IllegalArgumentException if a count is negative
   */
  public ConfusionMatrix {
    if (tp < 0 || fp < 0 || tn < 0 || fn < 0) {
      throw new IllegalArgumentException(
          "confusion counts must be >= 0 (tp=" + tp + ", fp=" + fp + ", tn=" + tn + ", fn=" + fn
              + ")");
    }
  }

  /** Returns the number of rows counted: {@code tp + fp + tn + fn}. */
  public long rows() {
    return tp + fp + tn + fn;
  }

  /** Returns the number of actually positive rows: {@code tp + fn}. */
  public long positives() {
    return tp + fn;
  }

  /** Returns the number of actually negative rows: {@code fp + tn}. */
  public long negatives() {
    return fp + tn;
  }

  /** Returns the number of rows predicted positive: {@code tp + fp}. */
  public long predictedPositives() {
    return tp + fp;
  }

  /** Returns {@code tp / (tp + fp)}, or {@code 0.0} when nothing is predicted positive. */
  public double precision() {
    return ratio(tp, tp + fp);
  }

  /** Returns recall (true positive rate) {@code tp / (tp + fn)}, or {@code 0.0} without positives. */
  public double recall() {
    return ratio(tp, tp + fn);
  }

  /**
   * Returns the F1 score, the harmonic mean of precision and recall, computed as {@code 2 tp / (2
   * tp + fp + fn)}; {@code 0.0} when {@code tp == 0}.
   */
  public double f1() {
    return ratio(2 * tp, 2 * tp + fp + fn);
  }

  /** Returns {@code (tp + tn) / rows}, or {@code 0.0} for an empty matrix. */
  public double accuracy() {
    return ratio(tp + tn, rows());
  }

  /** Returns specificity (true negative rate) {@code tn / (tn + fp)}, or {@code 0.0} without negatives. */
  public double specificity() {
    return ratio(tn, tn + fp);
  }

  private static double ratio(long numerator, long denominator) {
    return denominator == 0 ? 0.0 : (double) numerator / (double) denominator;
  }
}
