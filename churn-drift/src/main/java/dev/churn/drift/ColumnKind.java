package dev.churn.drift;

/**
 * How a drift test sees a column, which decides the tests it can run and the default one (see
 * {@link DriftTest#AUTO}).
 */
public enum ColumnKind {
  /** Real numbers: a {@link dev.churn.core.table.ColumnType#NUMERIC} column. */
  NUMERIC,
  /**
   * Labels: a {@link dev.churn.core.table.ColumnType#CATEGORICAL} column whose reference and
   * current data together hold more than two categories.
   */
  CATEGORICAL,
  /**
   * Two values at most: a {@link dev.churn.core.table.ColumnType#BOOLEAN} column, or a
   * categorical one whose reference and current data together hold at most two categories.
   */
  BINARY
}
