package dev.churn.drift;

import java.util.Objects;

/**
 * A category that the current data holds but the reference did not: a drift signal of its own
 * (a new product, a new channel, a changed spelling), reported per column by {@link
 * ColumnDrift#newCategories()}.
 *
 * @param category the category
 * @param count how many current values hold it
 * @param share {@code count} over the current column's non-missing values
 */
public record NewCategory(String category, long count, double share) {

  /**
   * Checks the fields.
   *
   * @param category the category
   * @param count how many current values hold it
   * @param share {@code count} over the current column's non-missing values
   */
  public NewCategory {
    Objects.requireNonNull(category, "category");
    if (count < 0) {
      throw new IllegalArgumentException("count was " + count + " but it must be >= 0");
    }
  }
}
