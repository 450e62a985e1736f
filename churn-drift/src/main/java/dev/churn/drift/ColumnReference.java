package dev.churn.drift;

import dev.churn.core.table.ColumnRole;
import dev.churn.core.table.ColumnType;

/**
 * The statistics a {@link ReferenceProfile} keeps of one column: enough to test it for drift
 * without the reference data. A {@link NumericReference} for numbers, a {@link
 * CategoricalReference} for categories and booleans.
 */
public sealed interface ColumnReference permits NumericReference, CategoricalReference {

  /**
   * Returns the column name.
   *
   * @return the column name
   */
  String name();

  /**
   * Returns the column type in the reference table: NUMERIC, CATEGORICAL or BOOLEAN.
   *
   * @return the column type
   */
  ColumnType type();

  /**
   * Returns the role the column had in the reference table (e.g. LABEL).
   *
   * @return the role
   */
  ColumnRole role();

  /**
   * Returns the number of reference rows.
   *
   * @return the number of rows
   */
  int rows();

  /**
   * Returns the number of reference rows whose value is missing (for numbers: also NaN and
   * infinities).
   *
   * @return the number of missing values
   */
  int missing();

  /**
   * Returns the number of values present: {@code rows() - missing()}.
   *
   * @return the number of values present
   */
  default int count() {
    return rows() - missing();
  }

  /**
   * Returns the share of missing values, 0 when there are no rows.
   *
   * @return the share of missing values
   */
  default double missingShare() {
    return rows() == 0 ? 0.0 : (double) missing() / rows();
  }
}
