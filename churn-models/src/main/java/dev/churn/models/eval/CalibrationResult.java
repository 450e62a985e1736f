package dev.churn.models.eval;

import java.util.Objects;

/**
 * What {@link CalibrationMethod#fitAndEvaluate(double[], boolean[], java.util.List)} returns: the
 * calibrator to ship, fitted on every row, and how much calibration helped on rows it did not see.
 *
 * @param calibrator the calibrator fitted on all the given probabilities
 * @param report calibration error before and after, on the cross-fitted validation rows
 * @param validationRows the rows the report covers (every row of some fold's test set), increasing
 * @param calibrated the cross-fitted calibrated probability of each of {@code validationRows}, in
 *     the same order
 */
public record CalibrationResult(
    Calibrator calibrator, CalibrationReport report, int[] validationRows, double[] calibrated) {

  /**
   * Copies the arrays.
   *
   * @param calibrator the calibrator fitted on all the given probabilities
   * @param report calibration error before and after, on the cross-fitted validation rows
   * @param validationRows the rows the report covers (every row of some fold's test set),
   *     increasing
   * @param calibrated the cross-fitted calibrated probability of each of {@code validationRows}, in
   *     the same order
   */
  public CalibrationResult {
    Objects.requireNonNull(calibrator, "calibrator");
    Objects.requireNonNull(report, "report");
    validationRows = validationRows.clone();
    calibrated = calibrated.clone();
    if (validationRows.length != calibrated.length) {
      throw new IllegalArgumentException(
          "validationRows and calibrated must have the same length ("
              + validationRows.length
              + " vs "
              + calibrated.length
              + ")");
    }
  }

  /**
   * Returns the rows the report covers.
   *
   * @return a copy, increasing
   */
  @Override
  public int[] validationRows() {
    return validationRows.clone();
  }

  /**
   * Returns the cross-fitted calibrated probabilities of {@link #validationRows()}.
   *
   * @return a copy
   */
  @Override
  public double[] calibrated() {
    return calibrated.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CalibrationResult other
        && calibrator.equals(other.calibrator)
        && report.equals(other.report)
        && java.util.Arrays.equals(validationRows, other.validationRows)
        && java.util.Arrays.equals(calibrated, other.calibrated);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        calibrator,
        report,
        java.util.Arrays.hashCode(validationRows),
        java.util.Arrays.hashCode(calibrated));
  }

  @Override
  public String toString() {
    return "CalibrationResult["
        + calibrator
        + ", "
        + report
        + ", "
        + validationRows.length
        + " validation rows]";
  }
}
