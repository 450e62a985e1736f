package dev.churn.core.profile;

import dev.churn.core.table.ColumnType;

/**
 * The profile of one column: what every column has (name, type, rows, missing and distinct
 * values) and, in the subtype for the column's type, the statistics that make sense for it.
 *
 * <pre>{@code
 * for (ColumnProfile c : profile.columns()) {
 *   if (c instanceof NumericProfile n) {
 *     log.info("{}: mean {}, median {}", n.name(), n.mean(), n.quantiles().p50());
 *   } else if (c instanceof CategoricalProfile k) {
 *     log.info("{}: {} categories", k.name(), k.distinct());
 *   }
 * }
 * }</pre>
 */
public sealed interface ColumnProfile
    permits NumericProfile, CategoricalProfile, BooleanProfile, DateProfile, IdProfile {

  /**
   * Returns the column name.
   *
   * @return the column name
   */
  String name();

  /**
   * Returns the column type, as stored in the table (for a CSV, as inferred).
   *
   * @return the column type
   */
  ColumnType type();

  /**
   * Returns the number of rows, missing ones included.
   *
   * @return the number of rows, missing ones included
   */
  int rows();

  /**
   * Returns the number of missing values.
   *
   * @return the number of missing values
   */
  int missing();

  /**
   * Returns the number of distinct non-missing values, counted exactly (for categorical columns:
   * the categories that occur at least once, not the size of the dictionary).
   *
   * @return the number of distinct non-missing values
   */
  long distinct();

  /**
   * Returns the number of non-missing values.
   *
   * @return the number of non-missing values
   */
  default int present() {
    return rows() - missing();
  }

  /**
   * Returns the share of missing values, in [0, 1]; 0 for a table without rows.
   *
   * @return the share of missing values, in [0, 1]; 0 for a table without rows
   */
  default double missingShare() {
    return rows() == 0 ? 0.0 : (double) missing() / rows();
  }
}
