package dev.churn.models.spi;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Numeric model inputs: a dense row-major matrix of doubles with named columns, as the
 * preprocessing produces it from a table. {@code NaN} marks a missing value; backends that do not
 * handle missing values (see {@link ModelBackend.Capabilities#handlesMissing()}) never see one.
 *
 * <p>The matrix does not copy its array: treat it as read-only.
 *
 * <pre>{@code
 * FeatureMatrix x = FeatureMatrix.of(List.of("tenure", "calls"), 2, new double[] {3, 1, 12, 0});
 * double calls = x.get(1, 1);   // row 1, column "calls"
 * }</pre>
 */
public final class FeatureMatrix {
  private final List<String> names;
  private final int rows;
  private final double[] values;

  private FeatureMatrix(List<String> names, int rows, double[] values) {
    this.names = List.copyOf(names);
    this.rows = rows;
    this.values = values;
  }

  /**
   * Wraps a row-major array.
   *
   * @param names the column names
   * @param rows the number of rows
   * @param values {@code rows * names.size()} values, row after row
   * @return the matrix
   * @throws IllegalArgumentException when the array length does not match
   */
  public static FeatureMatrix of(List<String> names, int rows, double[] values) {
    Objects.requireNonNull(names, "names");
    Objects.requireNonNull(values, "values");
    if (rows < 0 || (long) rows * names.size() != values.length) {
      throw new IllegalArgumentException("a " + rows + " x " + names.size()
          + " matrix needs " + (long) rows * names.size() + " values but got " + values.length);
    }
    return new FeatureMatrix(names, rows, values);
  }

  /** Returns the column names. */
  public List<String> names() {
    return names;
  }

  /** Returns the number of rows. */
  public int rows() {
    return rows;
  }

  /** Returns the number of columns. */
  public int columns() {
    return names.size();
  }

  /** Returns one value. */
  public double get(int row, int column) {
    return values[row * names.size() + column];
  }

  /** Returns the backing row-major array (not a copy): do not modify it. */
  public double[] values() {
    return values;
  }

  /** Returns a copy of one row. */
  public double[] row(int row) {
    int c = names.size();
    return Arrays.copyOfRange(values, row * c, row * c + c);
  }

  /** Returns a copy of one column. */
  public double[] column(int column) {
    int c = names.size();
    double[] out = new double[rows];
    for (int r = 0; r < rows; r++) {
      out[r] = values[r * c + column];
    }
    return out;
  }

  /** Returns the given rows, in the given order, as a new matrix. */
  public FeatureMatrix rows(int[] selected) {
    int c = names.size();
    double[] out = new double[selected.length * c];
    for (int i = 0; i < selected.length; i++) {
      System.arraycopy(values, selected[i] * c, out, i * c, c);
    }
    return new FeatureMatrix(names, selected.length, out);
  }

  /** Returns a copy in which one column's values are replaced (used by permutation importance). */
  public FeatureMatrix withColumn(int column, double[] newValues) {
    if (newValues.length != rows) {
      throw new IllegalArgumentException(
          "column needs " + rows + " values but got " + newValues.length);
    }
    double[] out = values.clone();
    int c = names.size();
    for (int r = 0; r < rows; r++) {
      out[r * c + column] = newValues[r];
    }
    return new FeatureMatrix(names, rows, out);
  }

  @Override
  public String toString() {
    return "FeatureMatrix[" + rows + " x " + names.size() + " " + names + "]";
  }
}
