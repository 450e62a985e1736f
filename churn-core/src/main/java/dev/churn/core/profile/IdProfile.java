package dev.churn.core.profile;

import dev.churn.core.table.ColumnType;
import java.util.List;
import java.util.Objects;

/**
 * The profile of an ID column (free-form strings such as customer ids).
 *
 * @param name the column name
 * @param rows the number of rows
 * @param missing the number of missing values
 * @param distinct the number of distinct strings
 * @param examples the first distinct values in row order, at most {@link
 *     ProfileOptions#idExamples()}
 */
public record IdProfile(String name, int rows, int missing, long distinct, List<String> examples)
    implements ColumnProfile {

  /**
   * Checks the fields.
   *
   * @param name the column name
   * @param rows the number of rows
   * @param missing the number of missing values
   * @param distinct the number of distinct strings
   * @param examples the first distinct values in row order, at most {@link
   *     ProfileOptions#idExamples()}
   */
  public IdProfile {
    Objects.requireNonNull(name, "name");
    examples = List.copyOf(Objects.requireNonNull(examples, "examples"));
  }

  @Override
  public ColumnType type() {
    return ColumnType.ID;
  }
}
