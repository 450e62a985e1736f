package dev.churn.models.eval;

import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ways to calibrate a churn model's probabilities, and the honest way to measure what
 * calibration buys.
 *
 * <p>Calibrators must be fitted on predictions the model made for rows it was not trained on
 * (out-of-fold predictions from cross-validation, or a held-out period), never on its training
 * rows, where it is over-confident. {@link #fitAndEvaluate(double[], boolean[], List)} goes one
 * step further and also keeps the <em>calibrator</em> away from the rows it is judged on:
 *
 * <pre>{@code
 * List<Fold> folds = new StratifiedKFold(5, true, 42).split(churned);
 * double[] oof = ...;   // out-of-fold probabilities of the model, one per row, from those folds
 * CalibrationResult result = CalibrationMethod.ISOTONIC.fitAndEvaluate(oof, churned, folds);
 * Calibrator calibrator = result.calibrator();               // ship this one
 * double eceGain = result.report().eceBefore() - result.report().eceAfter();
 * }</pre>
 */
public enum CalibrationMethod {

  /** {@link IsotonicCalibrator}: flexible, needs a few thousand rows to be smooth. */
  ISOTONIC {
    @Override
    public Calibrator fit(double[] probabilities, boolean[] labels) {
      return IsotonicCalibrator.fit(probabilities, labels);
    }
  },

  /**
   * {@link PlattCalibrator} on the logit of the probability ({@link PlattCalibrator.Input#LOGIT}):
   * two parameters, robust on small samples.
   */
  PLATT {
    @Override
    public Calibrator fit(double[] probabilities, boolean[] labels) {
      return PlattCalibrator.fit(probabilities, labels);
    }
  };

  private static final Logger LOG = LoggerFactory.getLogger(CalibrationMethod.class);

  /**
   * Fits a calibrator of this kind on held-out probabilities.
   *
   * @param probabilities the model's out-of-sample probability per row, within {@code [0, 1]}
   * @param labels the outcome per row
   * @return the calibrator
   * @throws IllegalArgumentException if the arrays are null, empty or of different lengths, or a
   *     probability is outside {@code [0, 1]}
   */
  public abstract Calibrator fit(double[] probabilities, boolean[] labels);

  /**
   * Fits the calibrator to ship on all rows and measures, by cross-fitting over {@code folds}, how
   * calibration changes the error on rows the calibrator did not see: for each fold a calibrator is
   * fitted on the probabilities of the fold's train rows and applied to its test rows; the report
   * compares raw and cross-fitted probabilities over all test rows.
   *
   * <p>Folds must not share test rows; rows in no test fold (the first periods of an expanding
   * {@link TimeSplit}) are left out of the report.
   *
   * @param probabilities the model's out-of-fold probability per row, within {@code [0, 1]}
   * @param labels the outcome per row
   * @param folds the folds, for example those that produced the out-of-fold probabilities
   * @return the calibrator fitted on all rows, the report and the cross-fitted probabilities
   * @throws IllegalArgumentException if the arrays are invalid, a fold has no train or no test row,
   *     names a row out of range, or two folds share a test row
   */
  public CalibrationResult fitAndEvaluate(
      double[] probabilities, boolean[] labels, List<Fold> folds) {
    Checks.scoresAndLabels(probabilities, labels, true);
    Checks.probabilities(probabilities);
    Objects.requireNonNull(folds, "folds");
    if (folds.isEmpty()) {
      throw new IllegalArgumentException("folds must not be empty");
    }
    int n = probabilities.length;
    double[] crossFitted = new double[n];
    boolean[] covered = new boolean[n];
    int coveredCount = 0;
    for (Fold fold : folds) {
      Objects.requireNonNull(fold, "fold");
      int[] train = fold.trainRows();
      int[] test = fold.testRows();
      if (train.length == 0 || test.length == 0) {
        throw new IllegalArgumentException(
            fold + " must have train and test rows to cross-fit a calibrator");
      }
      if (train[train.length - 1] >= n || test[test.length - 1] >= n) {
        throw new IllegalArgumentException(fold + " names rows beyond the " + n + " probabilities");
      }
      double[] trainP = new double[train.length];
      boolean[] trainY = new boolean[train.length];
      for (int i = 0; i < train.length; i++) {
        trainP[i] = probabilities[train[i]];
        trainY[i] = labels[train[i]];
      }
      Calibrator c = fit(trainP, trainY);
      for (int row : test) {
        if (covered[row]) {
          throw new IllegalArgumentException(
              "row " + row + " is a test row of more than one fold (again in " + fold + ")");
        }
        covered[row] = true;
        coveredCount++;
        crossFitted[row] = c.apply(probabilities[row]);
      }
    }
    int[] rows = new int[coveredCount];
    double[] before = new double[coveredCount];
    double[] after = new double[coveredCount];
    boolean[] y = new boolean[coveredCount];
    for (int row = 0, k = 0; row < n; row++) {
      if (covered[row]) {
        rows[k] = row;
        before[k] = probabilities[row];
        after[k] = crossFitted[row];
        y[k] = labels[row];
        k++;
      }
    }
    CalibrationReport report = CalibrationReport.of(before, after, y);
    Calibrator calibrator = fit(probabilities, labels);
    LOG.debug(
        "{} calibration over {} folds ({} of {} rows validated): {}",
        this,
        folds.size(),
        coveredCount,
        n,
        report);
    return new CalibrationResult(calibrator, report, rows, after);
  }
}
