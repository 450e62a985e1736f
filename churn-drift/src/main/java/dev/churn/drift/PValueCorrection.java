package dev.churn.drift;

import java.util.Arrays;
import java.util.Objects;

/**
 * How the p-values of many columns are adjusted before they are compared with their thresholds.
 * Testing 50 columns at 5 % flags two or three of them by chance alone; a correction keeps the
 * share of false alarms in check. Only p-value tests ({@link DriftTest#KS}, {@link
 * DriftTest#CHI2}, {@link DriftTest#Z}) take part; distances are compared as they are.
 *
 * <pre>{@code
 * double[] adjusted = PValueCorrection.BENJAMINI_HOCHBERG.adjust(new double[] {0.01, 0.04, 0.03});
 * // {0.03, 0.04, 0.04}
 * }</pre>
 */
public enum PValueCorrection {
  /** No adjustment: each column is tested on its own (Evidently's behaviour). */
  NONE,
  /**
   * Bonferroni: {@code min(1, p * m)} for {@code m} tests, which bounds the chance of any false
   * alarm (family-wise error rate).
   */
  BONFERRONI,
  /**
   * Benjamini-Hochberg: the step-up adjusted p-values {@code min over j >= i of min(1, p_(j) * m /
   * j)} with {@code p_(1) <= ... <= p_(m)}, which bounds the expected share of false alarms among
   * the flagged columns (false discovery rate). Equals {@code
   * statsmodels.stats.multitest.multipletests(p, method="fdr_bh")}.
   */
  BENJAMINI_HOCHBERG;

  /**
   * Returns the adjusted p-values, in the order of the input. Every adjusted value is at least
   * its raw value and at most 1.
   *
   * @param pValues raw p-values, each within {@code [0, 1]}
   * @return the adjusted p-values, a new array
   * @throws IllegalArgumentException naming a p-value that is NaN or outside {@code [0, 1]}
   */
  public double[] adjust(double[] pValues) {
    Objects.requireNonNull(pValues, "pValues");
    for (int i = 0; i < pValues.length; i++) {
      double p = pValues[i];
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException(
            "pValues[" + i + "] was " + p + " but p-values must be within [0, 1]");
      }
    }
    int m = pValues.length;
    double[] out = pValues.clone();
    switch (this) {
      case NONE -> { }
      case BONFERRONI -> {
        for (int i = 0; i < m; i++) {
          out[i] = Math.min(1.0, pValues[i] * m);
        }
      }
      case BENJAMINI_HOCHBERG -> {
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
          order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(pValues[a], pValues[b]));
        double running = 1.0;
        for (int rank = m; rank >= 1; rank--) {
          int i = order[rank - 1];
          running = Math.min(running, pValues[i] * m / rank);
          out[i] = Math.min(1.0, Math.max(running, pValues[i]));
        }
      }
      default -> throw new AssertionError(this);
    }
    return out;
  }
}
