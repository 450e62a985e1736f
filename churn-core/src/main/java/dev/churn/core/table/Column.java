package dev.churn.core.table;

/**
 * A read-only view of one column of a {@link Table}.
 *
 * <p>Use the typed subtypes to read values: {@link NumericColumn}, {@link CategoricalColumn},
 * {@link BooleanColumn}, {@link DateColumn} and {@link IdColumn}. A column view is valid while
 * its table is open; reading it after the table is closed throws.
 */
public sealed interface Column
    permits NumericColumn, CategoricalColumn, BooleanColumn, DateColumn, IdColumn {

  /** Returns the spec of the column: name, type, role. */
  ColumnSpec spec();

  /** Returns the column name. */
  default String name() {
    return spec().name();
  }

  /** Returns the column type. */
  default ColumnType type() {
    return spec().type();
  }

  /** Returns the number of rows. */
  int size();

  /** Returns whether the value at a row is missing. */
  boolean isMissing(int row);

  /** Returns the number of missing values. */
  int missingCount();

  /**
   * Returns the value at a row as text, the way CSV output writes it: numbers in Java's shortest
   * round-trip form, dates in ISO-8601, and an empty string for a missing value.
   */
  String format(int row);
}
