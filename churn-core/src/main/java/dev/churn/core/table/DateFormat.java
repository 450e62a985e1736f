package dev.churn.core.table;

/** How dates are written in text input such as CSV. */
public enum DateFormat {
  /** ISO-8601 calendar dates, {@code 2017-03-01}. */
  ISO,
  /** Eight digits, {@code 20170301}, as in the KKBox tables. */
  YYYYMMDD,
  /** Either of the above, decided per value by its shape. */
  AUTO
}
