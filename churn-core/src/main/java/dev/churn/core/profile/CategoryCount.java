package dev.churn.core.profile;

import java.util.Objects;

/**
 * How often one value occurs in a column: one entry of the "top categories" of a categorical or
 * boolean column.
 *
 * @param value the category (for booleans {@code "true"} or {@code "false"})
 * @param count the number of rows with this value
 * @param share {@code count} divided by the number of non-missing rows, like pandas'
 *     {@code value_counts(normalize=True)}
 */
public record CategoryCount(String value, long count, double share) {

  /**
   * Checks the fields.
   *
   * @param value the category (for booleans {@code "true"} or {@code "false"})
   * @param count the number of rows with this value
   * @param share {@code count} divided by the number of non-missing rows, like pandas' {@code
   *     value_counts(normalize=True)}
   */
  public CategoryCount {
    Objects.requireNonNull(value, "value");
    if (count < 0) {
      throw new IllegalArgumentException("count was '" + count + "' but it must be >= 0");
    }
  }
}
