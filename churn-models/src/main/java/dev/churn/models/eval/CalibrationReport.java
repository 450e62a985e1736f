package dev.churn.models.eval;

import dev.churn.core.metrics.BinaryMetrics;
import java.util.Objects;

/**
 * Calibration error of a model's probabilities before and after calibration, on the same held-out
 * rows: expected calibration error (10 equal-width bins), Brier score and log loss, all from {@link
 * BinaryMetrics}. Lower is better for all three.
 *
 * <p>Only numbers on rows the calibrator did not see are honest; {@link
 * CalibrationMethod#fitAndEvaluate(double[], boolean[], java.util.List)} produces them by
 * cross-fitting, or pass your own held-out predictions to {@link #of(double[], double[],
 * boolean[])}.
 *
 * @param eceBefore expected calibration error of the raw probabilities
 * @param eceAfter expected calibration error of the calibrated probabilities
 * @param brierBefore Brier score of the raw probabilities
 * @param brierAfter Brier score of the calibrated probabilities
 * @param logLossBefore log loss of the raw probabilities
 * @param logLossAfter log loss of the calibrated probabilities
 */
public record CalibrationReport(
    double eceBefore,
    double eceAfter,
    double brierBefore,
    double brierAfter,
    double logLossBefore,
    double logLossAfter) {

  /**
   * Computes the report from raw and calibrated probabilities of the same held-out rows.
   *
   * @param before the model's probability per row, within {@code [0, 1]}
   * @param after the calibrated probability per row, within {@code [0, 1]}
   * @param labels the outcome per row
   * @return the report
   * @throws IllegalArgumentException if the arrays are empty, of different lengths or hold values
   *     outside {@code [0, 1]}
   */
  public static CalibrationReport of(double[] before, double[] after, boolean[] labels) {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(labels, "labels");
    return new CalibrationReport(
        BinaryMetrics.expectedCalibrationError(before, labels),
        BinaryMetrics.expectedCalibrationError(after, labels),
        BinaryMetrics.brier(before, labels),
        BinaryMetrics.brier(after, labels),
        BinaryMetrics.logLoss(before, labels),
        BinaryMetrics.logLoss(after, labels));
  }

  /**
   * Tells whether calibration lowered the log loss (the quantity both calibration methods aim at
   * most directly).
   *
   * @return {@code logLossAfter < logLossBefore}
   */
  public boolean improvesLogLoss() {
    return logLossAfter < logLossBefore;
  }
}
