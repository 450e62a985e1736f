package dev.churn.core.table;

import java.nio.ByteOrder;
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

  NumericColumn(ColumnSpec spec, Float8Vector vector) {
    super(spec, vector);
  }

  /** Returns the value at a row, or NaN when it is missing. */
  public double get(int row) {
    return vector.isNull(row) ? Double.NaN : vector.getDataBuffer().getDouble((long) row * 8);
  }

  /** Returns a copy of all values, NaN where missing. */
  public double[] toArray() {
    int n = size();
    double[] out = new double[n];
    if (n == 0) {
      return out;
    }
    vector.getDataBuffer().nioBuffer(0, n * 8).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer()
        .get(out);
    if (vector.getNullCount() > 0) {
      for (int i = 0; i < n; i++) {
        if (vector.isNull(i)) {
          out[i] = Double.NaN;
        }
      }
    }
    return out;
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
