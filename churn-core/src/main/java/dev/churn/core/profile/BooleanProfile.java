package dev.churn.core.profile;

import dev.churn.core.table.ColumnType;
import java.util.List;
import java.util.Objects;

/**
 * The profile of a boolean column.
 *
 * @param name the column name
 * @param rows the number of rows
 * @param missing the number of missing values
 * @param distinct how many of {@code true} and {@code false} occur (0, 1 or 2)
 * @param trueCount the number of {@code true} values
 * @param trueShare {@code trueCount} divided by the non-missing rows; NaN when there are none
 * @param top the counts of {@code "true"} and {@code "false"} that occur, most frequent first
 */
public record BooleanProfile(
    String name,
    int rows,
    int missing,
    long distinct,
    long trueCount,
    double trueShare,
    List<CategoryCount> top)
    implements ColumnProfile {

  /**
   * Checks the fields.
   *
   * @param name the column name
   * @param rows the number of rows
   * @param missing the number of missing values
   * @param distinct how many of {@code true} and {@code false} occur (0, 1 or 2)
   * @param trueCount the number of {@code true} values
   * @param trueShare {@code trueCount} divided by the non-missing rows; NaN when there are none
   * @param top the counts of {@code "true"} and {@code "false"} that occur, most frequent first
   */
  public BooleanProfile {
    Objects.requireNonNull(name, "name");
    top = List.copyOf(Objects.requireNonNull(top, "top"));
  }

  @Override
  public ColumnType type() {
    return ColumnType.BOOLEAN;
  }

  /**
   * Returns the number of {@code false} values.
   *
   * @return the number of {@code false} values
   */
  public long falseCount() {
    return present() - trueCount;
  }
}
