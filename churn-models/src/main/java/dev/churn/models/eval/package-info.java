/**
 * Evaluation tools that sit around a trained churn model, each matching scikit-learn where
 * scikit-learn has the same tool.
 *
 * <ul>
 *   <li><b>Calibration</b>: {@link dev.churn.models.eval.Calibrator} with its two methods, {@link
 *       dev.churn.models.eval.IsotonicCalibrator} ({@code IsotonicRegression}) and {@link
 *       dev.churn.models.eval.PlattCalibrator} ({@code _sigmoid_calibration}), chosen with {@link
 *       dev.churn.models.eval.CalibrationMethod}; {@link dev.churn.models.eval.CalibrationReport}
 *       compares calibration error before and after on held-out rows.
 *   <li><b>Validation splits</b>: {@link dev.churn.models.eval.StratifiedKFold} and {@link
 *       dev.churn.models.eval.TimeSplit}, both returning {@link dev.churn.models.eval.Fold}s.
 *   <li><b>Decision thresholds</b>: {@link dev.churn.models.eval.Thresholds}, returning {@link
 *       dev.churn.models.eval.OperatingPoint}s.
 *   <li><b>Permutation importance</b>: {@link dev.churn.models.eval.PermutationImportance}, per
 *       column or per group of columns (one-hot columns of one source feature), scored with a
 *       {@link dev.churn.models.eval.Scoring}.
 * </ul>
 *
 * <p>Everything here works on primitive arrays of predicted probabilities and {@code boolean}
 * labels, like {@link dev.churn.core.metrics.BinaryMetrics}, and is deterministic for a given seed.
 */
package dev.churn.models.eval;
