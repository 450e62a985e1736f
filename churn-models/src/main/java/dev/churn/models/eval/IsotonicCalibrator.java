package dev.churn.models.eval;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Isotonic calibration: the non-decreasing step-and-ramp function of the score that best fits the
 * labels in the least-squares sense, as scikit-learn's {@code IsotonicRegression(increasing=True,
 * out_of_bounds="clip")} computes it.
 *
 * <p>Fitting follows scikit-learn 1.2 step by step, so that predictions agree to rounding:
 *
 * <ol>
 *   <li>rows with zero weight are dropped; the rest are sorted by score, then label;
 *   <li>rows whose scores are tied are merged into one point whose target is the weighted mean of
 *       their labels and whose weight is their total weight (scikit-learn's {@code _make_unique});
 *       as there, a score counts as tied with the first score of the current run when it exceeds it
 *       by less than {@value #TIE_RESOLUTION} ({@code np.finfo(float64).resolution});
 *   <li>pool-adjacent-violators on the merged points (weighted);
 *   <li>points that lie in the middle of a flat run are dropped, as they do not change the
 *       function.
 * </ol>
 *
 * <p>{@link #apply(double)} interpolates linearly between the kept points and clips inputs outside
 * the fitted score range to its ends (scikit-learn's {@code out_of_bounds="clip"}). The result is
 * also clamped to the two points around the input, which only removes a rounding error of at most
 * one ulp but guarantees that the function is non-decreasing in floating point.
 *
 * <pre>{@code
 * IsotonicCalibrator iso = IsotonicCalibrator.fit(oofProbabilities, churned);
 * double calibrated = iso.apply(0.37);
 * }</pre>
 */
public final class IsotonicCalibrator implements Calibrator {

  static final String METHOD = "isotonic";

  /**
   * Scores closer than this to the first of a run of scores are treated as tied, as in
   * scikit-learn's {@code _make_unique} ({@code np.finfo(np.float64).resolution}).
   */
  public static final double TIE_RESOLUTION = 1e-15;

  private static final Logger LOG = LoggerFactory.getLogger(IsotonicCalibrator.class);

  private final double[] x;
  private final double[] y;

  private IsotonicCalibrator(double[] x, double[] y) {
    this.x = x;
    this.y = y;
  }

  /**
   * Fits an isotonic calibrator with every row weighted 1.
   *
   * @param scores the model's score or probability per row; finite
   * @param labels the outcome per row, {@code true} for positive (churned)
   * @return the fitted calibrator
   * @throws IllegalArgumentException if the arrays are null, empty or of different lengths, or a
   *     score is not finite
   */
  public static IsotonicCalibrator fit(double[] scores, boolean[] labels) {
    return fit(scores, labels, null);
  }

  /**
   * Fits a weighted isotonic calibrator, as {@code IsotonicRegression().fit(scores, labels,
   * sample_weight=weights)}.
   *
   * @param scores the model's score or probability per row; finite
   * @param labels the outcome per row, {@code true} for positive (churned)
   * @param weights a finite, non-negative weight per row, at least one of them positive; or {@code
   *     null} for weight 1 everywhere. Rows of weight 0 are ignored.
   * @return the fitted calibrator
   * @throws IllegalArgumentException if the arrays are null, empty or of different lengths, a score
   *     is not finite, or a weight is negative or not finite, or all weights are 0
   */
  public static IsotonicCalibrator fit(double[] scores, boolean[] labels, double[] weights) {
    Checks.scoresAndLabels(scores, labels, true);
    int n = scores.length;
    if (weights != null) {
      Checks.weights(weights, n);
    }
    // Drop zero weights, then sort by (score, label) like np.lexsort((y, X)); the index breaks
    // the remaining ties, as lexsort is stable.
    int kept = 0;
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      if (weights == null || weights[i] > 0) {
        order[kept++] = i;
      }
    }
    order = Arrays.copyOf(order, kept);
    IndexSort.sort(
        order,
        (i, j) -> {
          double a = scores[i];
          double b = scores[j];
          if (a < b) {
            return -1;
          }
          if (a > b) {
            return 1;
          }
          int c = Boolean.compare(labels[i], labels[j]);
          return c != 0 ? c : Integer.compare(i, j);
        });

    // _make_unique: average the labels of tied scores.
    double[] ux = new double[kept];
    double[] uy = new double[kept];
    double[] uw = new double[kept];
    int u = 0;
    double currentX = scores[order[0]];
    double currentY = 0;
    double currentW = 0;
    for (int j = 0; j < kept; j++) {
      int row = order[j];
      double xj = scores[row];
      double wj = weights == null ? 1.0 : weights[row];
      double yj = labels[row] ? 1.0 : 0.0;
      if (xj - currentX >= TIE_RESOLUTION) {
        ux[u] = currentX;
        uw[u] = currentW;
        uy[u] = currentY / currentW;
        u++;
        currentX = xj;
        currentW = wj;
        currentY = yj * wj;
      } else {
        currentW += wj;
        currentY += yj * wj;
      }
    }
    ux[u] = currentX;
    uw[u] = currentW;
    uy[u] = currentY / currentW;
    u++;
    ux = Arrays.copyOf(ux, u);
    uy = Arrays.copyOf(uy, u);
    uw = Arrays.copyOf(uw, u);

    pava(uy, uw);

    // Keep the ends and every point that is not inside a flat run.
    boolean[] keep = new boolean[u];
    int count = 0;
    for (int i = 0; i < u; i++) {
      keep[i] = i == 0 || i == u - 1 || uy[i] != uy[i - 1] || uy[i] != uy[i + 1];
      if (keep[i]) {
        count++;
      }
    }
    double[] tx = new double[count];
    double[] ty = new double[count];
    for (int i = 0, k = 0; i < u; i++) {
      if (keep[i]) {
        tx[k] = ux[i];
        ty[k] = uy[i];
        k++;
      }
    }
    LOG.debug(
        "isotonic calibration fitted on {} rows ({} distinct scores, {} kept points)",
        kept,
        u,
        count);
    return new IsotonicCalibrator(tx, ty);
  }

  /**
   * Pool-adjacent-violators, in place, as scikit-learn 1.2's {@code
   * _inplace_contiguous_isotonic_regression}: merges each decreasing run into one block holding the
   * weighted mean, backtracking so the whole pass is O(n).
   */
  static void pava(double[] y, double[] w) {
    int n = y.length;
    // target[i] = j and target[j] = i for an active block [i..j]
    int[] target = new int[n];
    for (int i = 0; i < n; i++) {
      target[i] = i;
    }
    int i = 0;
    while (i < n) {
      int k = target[i] + 1;
      if (k == n) {
        break;
      }
      if (y[i] < y[k]) {
        i = k;
        continue;
      }
      double sumWy = w[i] * y[i];
      double sumW = w[i];
      while (true) {
        double prevY = y[k];
        sumWy += w[k] * y[k];
        sumW += w[k];
        k = target[k] + 1;
        if (k == n || prevY < y[k]) {
          y[i] = sumWy / sumW;
          w[i] = sumW;
          target[i] = k - 1;
          target[k - 1] = i;
          if (i > 0) {
            i = target[i - 1];
          }
          break;
        }
      }
    }
    i = 0;
    while (i < n) {
      int k = target[i] + 1;
      Arrays.fill(y, i + 1, k, y[i]);
      i = k;
    }
  }

  /**
   * Rebuilds a calibrator from its points, as read from a model package.
   *
   * @param x the scores of the points, strictly increasing and finite; at least one
   * @param y the calibrated probabilities at those scores, non-decreasing, within {@code [0, 1]}
   * @return the calibrator
   * @throws IllegalArgumentException if the arrays break those rules or differ in length
   */
  @JsonCreator
  public static IsotonicCalibrator of(
      @JsonProperty(value = "x", required = true) double[] x,
      @JsonProperty(value = "y", required = true) double[] y) {
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(y, "y");
    if (x.length != y.length || x.length == 0) {
      throw new IllegalArgumentException(
          "x and y must be non-empty and of the same length (x.length="
              + x.length
              + ", y.length="
              + y.length
              + ")");
    }
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(x[i])) {
        throw new IllegalArgumentException("x[" + i + "] was " + x[i] + " but it must be finite");
      }
      if (!(y[i] >= 0 && y[i] <= 1)) {
        throw new IllegalArgumentException(
            "y[" + i + "] was " + y[i] + " but it must be within [0, 1]");
      }
      if (i > 0 && !(x[i] > x[i - 1])) {
        throw new IllegalArgumentException(
            "x must be strictly increasing but x["
                + (i - 1)
                + "]="
                + x[i - 1]
                + " and x["
                + i
                + "]="
                + x[i]);
      }
      if (i > 0 && y[i] < y[i - 1]) {
        throw new IllegalArgumentException(
            "y must be non-decreasing but y["
                + (i - 1)
                + "]="
                + y[i - 1]
                + " and y["
                + i
                + "]="
                + y[i]);
      }
    }
    return new IsotonicCalibrator(x.clone(), y.clone());
  }

  /**
   * Returns the scores of the fitted points (scikit-learn's {@code X_thresholds_}).
   *
   * @return a copy, strictly increasing
   */
  @JsonProperty("x")
  public double[] xThresholds() {
    return x.clone();
  }

  /**
   * Returns the calibrated probabilities at {@link #xThresholds()} (scikit-learn's {@code
   * y_thresholds_}).
   *
   * @return a copy, non-decreasing
   */
  @JsonProperty("y")
  public double[] yThresholds() {
    return y.clone();
  }

  /**
   * Returns the calibrated probability: linear interpolation between the fitted points, with scores
   * outside the fitted range clipped to it.
   *
   * @param score a score of the kind the calibrator was fitted on; not NaN (infinities are clipped)
   * @return the calibrated probability, within {@code [y[0], y[last]]}
   * @throws IllegalArgumentException if {@code score} is NaN
   */
  @Override
  public double apply(double score) {
    if (Double.isNaN(score)) {
      throw new IllegalArgumentException("score must not be NaN");
    }
    int n = x.length;
    if (n == 1) {
      return y[0];
    }
    double t = Math.max(x[0], Math.min(score, x[n - 1]));
    // first index with x[idx] >= t (numpy searchsorted, side="left"), kept within [1, n - 1]
    int idx = Arrays.binarySearch(x, t);
    if (idx < 0) {
      idx = -idx - 1;
    }
    idx = Math.max(1, Math.min(idx, n - 1));
    int lo = idx - 1;
    double slope = (y[idx] - y[lo]) / (x[idx] - x[lo]);
    double value = slope * (t - x[lo]) + y[lo];
    return Math.max(y[lo], Math.min(value, y[idx]));
  }

  @Override
  public String method() {
    return METHOD;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IsotonicCalibrator other
        && Arrays.equals(x, other.x)
        && Arrays.equals(y, other.y);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(x) + Arrays.hashCode(y);
  }

  @Override
  public String toString() {
    return "IsotonicCalibrator["
        + x.length
        + " points, x in ["
        + x[0]
        + ", "
        + x[x.length - 1]
        + "], y in ["
        + y[0]
        + ", "
        + y[y.length - 1]
        + "]]";
  }
}
