package dev.churn.core.table;

import java.util.Objects;
import org.apache.arrow.vector.BitVector;

/** A column of true/false values. */
public final class BooleanColumn implements Column {
  private final ColumnSpec spec;
  private final BitVector vector;

  BooleanColumn(ColumnSpec spec, BitVector vector) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.vector = vector;
  }

  @Override
  public ColumnSpec spec() {
    return spec;
  }

  @Override
  public int size() {
    return vector.getValueCount();
  }

  @Override
  public boolean isMissing(int row) {
    return vector.isNull(row);
  }

  @Override
  public int missingCount() {
    return vector.getNullCount();
  }

  /**
   * Returns the value at a row.
   *
   * @throws IllegalStateException when the value is missing; check {@link #isMissing(int)} first
   */
  public boolean get(int row) {
    if (vector.isNull(row)) {
      throw new IllegalStateException(
          "column '" + spec.name() + "' has a missing value at row " + row);
    }
    return vector.get(row) != 0;
  }

  /** Returns the value at a row as 1.0 or 0.0, or NaN when it is missing. */
  public double getAsDouble(int row) {
    return vector.isNull(row) ? Double.NaN : vector.get(row);
  }

  /** Returns the number of true values. */
  public int trueCount() {
    int n = size();
    int count = 0;
    for (int i = 0; i < n; i++) {
      if (!vector.isNull(i) && vector.get(i) != 0) {
        count++;
      }
    }
    return count;
  }

  @Override
  public String format(int row) {
    return isMissing(row) ? "" : Boolean.toString(get(row));
  }

  BitVector vector() {
    return vector;
  }

  @Override
  public String toString() {
    return "BooleanColumn[" + spec.name() + ", rows=" + size() + "]";
  }
}
