package dev.churn.core.table;

/**
 * The kind of values a column holds, which fixes how it is stored in Arrow and how models, drift
 * tests and profiles treat it.
 */
public enum ColumnType {
  /** Real numbers stored as 64-bit floats; missing values are nulls (read back as NaN). */
  NUMERIC,
  /** A small-to-medium set of labels, stored as 32-bit codes into a dictionary. */
  CATEGORICAL,
  /** True or false. */
  BOOLEAN,
  /** A calendar date without time zone, stored as days since 1970-01-01. */
  DATE,
  /** A free-form string such as a customer id: never a feature, never dictionary-encoded. */
  ID
}
