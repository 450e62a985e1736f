package dev.churn.drift;

import dev.churn.core.table.CategoricalColumn;
import dev.churn.core.table.Table;
import java.nio.ByteOrder;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.Float8Vector;

/** Bulk reads of column values into primitive arrays. */
final class Values {
  /** Doubles copied per bulk read: keeps byte offsets within an int. */
  private static final int CHUNK = 1 << 26;

  private Values() {}

  /**
   * Copies the values of a numeric column into {@code scratch.values}, in row order, NaN where
   * missing, and returns the row count.
   */
  static int read(Table table, String column, Scratch scratch) {
    Float8Vector v = (Float8Vector) table.arrowVector(column);
    int n = v.getValueCount();
    double[] x = scratch.values(n);
    ArrowBuf data = v.getDataBuffer();
    for (int from = 0; from < n; from += CHUNK) {
      int len = Math.min(CHUNK, n - from);
      data.nioBuffer((long) from * 8, len * 8).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer()
          .get(x, from, len);
    }
    if (v.getNullCount() > 0) {
      for (int i = 0; i < n; i++) {
        if (v.isNull(i)) {
          x[i] = Double.NaN;
        }
      }
    }
    return n;
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
