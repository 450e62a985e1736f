package dev.churn.drift;

import dev.churn.core.table.CategoricalColumn;
import dev.churn.core.table.NumericColumn;

/** Bulk reads of column values into primitive arrays. */
final class Values {
  private Values() {}

  /**
   * Copies the values of a numeric column into {@code scratch.values}, in row order, NaN where
   * missing, and returns the row count.
   */
  static int read(NumericColumn c, Scratch scratch) {
    return c.copyTo(scratch.values(c.size()));
  }

  /**
   * Moves the finite values of {@code x[0, n)} to its front, in order, turning {@code -0.0} into
   * {@code 0.0}, and returns how many there are. NaN (missing) and infinities are dropped.
   */
  static int compactFinite(double[] x, int n) {
    int m = 0;
    for (int i = 0; i < n; i++) {
      double v = x[i];
      if (v - v == 0) { // false for NaN and infinities
        x[m++] = v + 0.0;
      }
    }
    return m;
  }

  /** Returns the number of rows per dictionary code; missing values are not counted. */
  static long[] codeCounts(CategoricalColumn c) {
    int[] codes = c.codes();
    long[] counts = new long[c.dictionary().size()];
    for (int code : codes) {
      if (code >= 0) {
        counts[code]++;
      }
    }
    return counts;
  }
}
