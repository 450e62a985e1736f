package dev.churn.core.profile;

import dev.churn.core.table.ColumnType;
import java.util.List;
import java.util.Objects;

/**
 * The profile of a categorical column: how many categories occur and the most frequent ones.
 *
 * @param name the column name
 * @param rows the number of rows
 * @param missing the number of missing values
 * @param distinct the number of categories that occur at least once
 * @param top the most frequent categories, most frequent first (ties in order of first
 *     appearance in the dictionary), at most {@link ProfileOptions#topCategories()}
 * @param otherCount the number of non-missing rows whose category is not in {@code top}
 */
public record CategoricalProfile(
    String name, int rows, int missing, long distinct, List<CategoryCount> top, long otherCount)
    implements ColumnProfile {

  /**
   * Checks the fields.
   *
   * @param name the column name
   * @param rows the number of rows
   * @param missing the number of missing values
   * @param distinct the number of categories that occur at least once
   * @param top the most frequent categories, most frequent first (ties in order of first appearance
   *     in the dictionary), at most {@link ProfileOptions#topCategories()}
   * @param otherCount the number of non-missing rows whose category is not in {@code top}
   */
  public CategoricalProfile {
    Objects.requireNonNull(name, "name");
    top = List.copyOf(Objects.requireNonNull(top, "top"));
  }

  @Override
  public ColumnType type() {
    return ColumnType.CATEGORICAL;
  }

  /**
   * Returns the number of categories that occur but are not in {@link #top()}.
   *
   * @return the number of categories that occur but are not in {@link #top()}
   */
  public long otherCategories() {
    return distinct - top.size();
  }

  /**
   * Returns the share of non-missing rows whose category is not in {@link #top()}.
   *
   * @return the share of non-missing rows whose category is not in {@link #top()}
   */
  public double otherShare() {
    return present() == 0 ? 0.0 : (double) otherCount / present();
  }
}
