package dev.churn.core.table;

import java.nio.ByteOrder;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.Float8Vector;

/**
 * A column of real numbers. Missing values read as {@link Double#NaN}; a NaN is never stored as a
 * present value.
 *
 * <pre>{@code
 * double[] minutes = table.numeric("total_day_minutes").toArray();
 * }</pre>
 */
public final class NumericColumn extends AbstractColumn<Float8Vector> implements Column {
  /** Values copied per bulk read: keeps byte offsets within an int. */
  private static final int CHUNK = 1 << 26;

  NumericColumn(ColumnSpec spec, Float8Vector vector) {
    super(spec, vector);
  }

  /** Returns the value at a row, or NaN when it is missing. */
  public double get(int row) {
    return vector.isNull(row) ? Double.NaN : vector.getDataBuffer().getDouble((long) row * 8);
  }

  /** Returns a copy of all values, NaN where missing. */
  public double[] toArray() {
    double[] out = new double[size()];
    copyTo(out);
    return out;
  }

  /**
   * Copies all values to the start of an array, NaN where missing: {@link #toArray()} into an
   * array the caller reuses, for code that reads many columns one after the other.
   *
   * <pre>{@code
   * double[] buffer = new double[table.rowCount()];
   * for (String name : names) {
   *   int n = table.numeric(name).copyTo(buffer);
   *   // use buffer[0, n)
   * }
   * }</pre>
   *
   * @param dest an array of at least {@link #size()} values; the rest is left as it is
   * @return the number of values copied, {@link #size()}
   * @throws IllegalArgumentException when {@code dest} is too short
   */
  public int copyTo(double[] dest) {
    int n = size();
    if (dest.length < n) {
      throw new IllegalArgumentException("dest holds " + dest.length + " values but column '"
          + name() + "' has " + n);
    }
    ArrowBuf data = vector.getDataBuffer();
    for (int from = 0; from < n; from += CHUNK) {
      int len = Math.min(CHUNK, n - from);
      data.nioBuffer((long) from * 8, len * 8).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer()
          .get(dest, from, len);
    }
    if (vector.getNullCount() > 0) {
      ArrowBuf validity = vector.getValidityBuffer();
      for (int b = 0, bytes = (n + 7) / 8; b < bytes; b++) {
        int bits = validity.getByte(b);
        if (bits != -1) { // some of these eight rows are missing
          for (int i = b * 8, end = Math.min(n, i + 8); i < end; i++) {
            if ((bits & (1 << (i & 7))) == 0) {
              dest[i] = Double.NaN;
            }
          }
        }
      }
    }
    return n;
  }

  @Override
  public String format(int row) {
    if (isMissing(row)) {
      return "";
    }
    double v = get(row);
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }

}
