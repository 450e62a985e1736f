package dev.churn.core.table;

import org.apache.arrow.vector.BitVector;

/** A column of true/false values. */
public final class BooleanColumn extends AbstractColumn<BitVector> implements Column {

  BooleanColumn(ColumnSpec spec, BitVector vector) {
    super(spec, vector);
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

}
