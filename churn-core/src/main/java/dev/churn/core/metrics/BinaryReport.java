package dev.churn.core.metrics;

/**
 * The standard set of metrics for one binary classifier on one labelled sample, for leaderboards,
 * model cards and monitoring.
 *
 * <p>Built by {@link BinaryMetrics#report(double[], boolean[])} with a single sort of the sample.
 * Each value equals the one returned by the corresponding {@link BinaryMetrics} method.
 *
 * @param rows number of rows in the sample
 * @param positives number of positive rows
 * @param rocAuc area under the ROC curve, see {@link BinaryMetrics#rocAuc(double[], boolean[])}
 * @param averagePrecision PR AUC as average precision, see {@link
 *     BinaryMetrics#averagePrecision(double[], boolean[])}
 * @param logLoss mean log loss with the default clipping, see {@link
 *     BinaryMetrics#logLoss(double[], boolean[])}
 * @param brier Brier score, see {@link BinaryMetrics#brier(double[], boolean[])}
 * @param expectedCalibrationError ECE over {@value BinaryMetrics#DEFAULT_CALIBRATION_BINS}
 *     equal-width bins, see {@link BinaryMetrics#expectedCalibrationError(double[], boolean[])}
 * @param bestF1 the F1-maximising threshold, see {@link BinaryMetrics#bestF1Threshold(double[],
 *     boolean[])}
 */
public record BinaryReport(
    int rows,
    int positives,
    double rocAuc,
    double averagePrecision,
    double logLoss,
    double brier,
    double expectedCalibrationError,
    BestF1 bestF1) {

  /** Returns the number of negative rows, {@code rows - positives}. */
  public int negatives() {
    return rows - positives;
  }

  /** Returns the fraction of positive rows, {@code positives / rows}. */
  public double baseRate() {
    return (double) positives / rows;
  }
}
