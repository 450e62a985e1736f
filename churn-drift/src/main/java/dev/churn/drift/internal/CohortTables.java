package dev.churn.drift.internal;

import dev.churn.core.table.BooleanColumn;
import dev.churn.core.table.CategoricalColumn;
import dev.churn.core.table.Column;
import dev.churn.core.table.IdColumn;
import dev.churn.core.table.NumericColumn;
import dev.churn.core.table.Table;

/**
 * Reads the columns of a scored cohort (scores, 0/1 outcomes and decisions, risk buckets) from a
 * {@link Table} into primitive arrays, with errors that name the column, the row and the rule.
 */
public final class CohortTables {

  private static final String[] BUCKETS = {"A", "B", "C"};

  private CohortTables() {}

  /**
   * Reads a NUMERIC column with no missing values.
   *
   * @param table the table
   * @param name the column name
   * @param what what the column holds, for messages ("score", "probability")
   * @return the values
   * @throws IllegalArgumentException if the column is absent, not NUMERIC or has a missing value
   */
  public static double[] numbers(Table table, String name, String what) {
    Column column = table.column(name);
    if (!(column instanceof NumericColumn numeric)) {
      throw new IllegalArgumentException(
          "column '" + name + "' is " + column.type() + " but the " + what
              + " column must be NUMERIC");
    }
    double[] values = numeric.toArray();
    for (int i = 0; i < values.length; i++) {
      if (Double.isNaN(values[i])) {
        throw new IllegalArgumentException(
            "column '" + name + "' has a missing value at row " + i + " but every row needs a "
                + what);
      }
    }
    return values;
  }

  /**
   * Reads a BOOLEAN column, or a NUMERIC column of 0 and 1, with no missing values.
   *
   * @param table the table
   * @param name the column name
   * @return the values, 1 read as true
   * @throws IllegalArgumentException if the column is absent, of another type, has a missing
   *     value or a number other than 0 and 1
   */
  public static boolean[] bits(Table table, String name) {
    Column column = table.column(name);
    int n = table.rowCount();
    boolean[] out = new boolean[n];
    if (column instanceof BooleanColumn bool) {
      for (int i = 0; i < n; i++) {
        if (bool.isMissing(i)) {
          throw new IllegalArgumentException(
              "column '" + name + "' has a missing value at row " + i
                  + " but every row needs one");
        }
        out[i] = bool.get(i);
      }
      return out;
    }
    if (column instanceof NumericColumn numeric) {
      for (int i = 0; i < n; i++) {
        double v = numeric.get(i);
        if (v == 1.0) {
          out[i] = true;
        } else if (v != 0.0) {
          throw new IllegalArgumentException(
              "column '" + name + "' was '" + (Double.isNaN(v) ? "missing" : numeric.format(i))
                  + "' at row " + i + " but it must be 0 or 1");
        }
      }
      return out;
    }
    throw new IllegalArgumentException(
        "column '" + name + "' is " + column.type() + " but it must be BOOLEAN or NUMERIC (0/1)");
  }

  /**
   * Reads a CATEGORICAL or ID column of risk buckets A, B and C as codes 0, 1 and 2.
   *
   * @param table the table
   * @param name the column name
   * @return a code per row
   * @throws IllegalArgumentException if the column is absent, of another type, or a value is
   *     missing or not A, B or C
   */
  public static byte[] buckets(Table table, String name) {
    Column column = table.column(name);
    int n = table.rowCount();
    byte[] codes = new byte[n];
    if (column instanceof CategoricalColumn categorical) {
      int size = categorical.dictionary().size();
      int[] byCode = new int[size];
      for (int c = 0; c < size; c++) {
        byCode[c] = indexOf(categorical.dictionary().get(c));
      }
      int[] raw = categorical.codes();
      for (int i = 0; i < n; i++) {
        int c = raw[i];
        if (c == CategoricalColumn.MISSING || byCode[c] < 0) {
          throw new IllegalArgumentException(
              "column '" + name + "' was '" + categorical.format(i) + "' at row " + i
                  + " but it must be \"A\", \"B\" or \"C\"");
        }
        codes[i] = (byte) byCode[c];
      }
      return codes;
    }
    if (column instanceof IdColumn ids) {
      for (int i = 0; i < n; i++) {
        codes[i] = bucket(ids.get(i).orElse(null), "column '" + name + "' at row " + i);
      }
      return codes;
    }
    throw new IllegalArgumentException(
        "column '" + name + "' is " + column.type()
            + " but the bucket column must be CATEGORICAL or ID");
  }

  /**
   * Returns the code of a bucket name.
   *
   * @param bucket "A", "B" or "C"
   * @param where where the value comes from, for the message
   * @return 0, 1 or 2
   * @throws IllegalArgumentException if {@code bucket} is not A, B or C
   */
  public static byte bucket(String bucket, String where) {
    int b = indexOf(bucket);
    if (b < 0) {
      throw new IllegalArgumentException(
          where + " was '" + bucket + "' but it must be \"A\", \"B\" or \"C\"");
    }
    return (byte) b;
  }

  private static int indexOf(String bucket) {
    for (int b = 0; b < BUCKETS.length; b++) {
      if (BUCKETS[b].equals(bucket)) {
        return b;
      }
    }
    return -1;
  }
}
