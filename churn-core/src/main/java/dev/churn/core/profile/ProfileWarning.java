package dev.churn.core.profile;

import java.util.Objects;
import java.util.Optional;

/**
 * Something in a table that deserves a look before it is used for training: a constant column,
 * a mostly-missing one, an identifier posing as a feature, far-out outliers, duplicate rows.
 *
 * <p>Warnings come from {@link DataProfile#warnings()}; the thresholds behind them are in {@link
 * ProfileOptions}.
 *
 * @param column the column the warning is about, or empty for a warning about the whole table
 * @param kind what kind of problem it is
 * @param message a sentence for people, naming the column and the numbers behind the warning
 */
public record ProfileWarning(Optional<String> column, Kind kind, String message) {

  /** The kinds of warning a profile can raise. */
  public enum Kind {
    /** The column has a single distinct value, or no value at all. */
    CONSTANT,
    /** The share of missing values is at least {@link ProfileOptions#highMissingShare()}. */
    HIGH_MISSING,
    /**
     * The column looks like an identifier: an ID column; a categorical column whose values are
     * nearly all distinct ({@link ProfileOptions#idLikeDistinctShare()}); or a numeric column of
     * whole numbers that are all distinct. Identifiers should not be model features.
     */
    ID_LIKE,
    /**
     * A categorical column with at least {@link ProfileOptions#highCardinality()} categories
     * (not raised when the column is already ID_LIKE).
     */
    HIGH_CARDINALITY,
    /**
     * A numeric column has values beyond Tukey's fences {@code Q1 - k * IQR} and {@code Q3 + k *
     * IQR} with {@code k =} {@link ProfileOptions#outlierFence()}; only raised when IQR > 0.
     */
    OUTLIERS,
    /**
     * A column with exactly two values (boolean, categorical or numeric) whose rarer value has a
     * share below {@link ProfileOptions#imbalancedShare()}.
     */
    IMBALANCED,
    /** Some rows repeat an earlier row exactly (a table-level warning). */
    DUPLICATE_ROWS,
    /** The table has no rows (a table-level warning). */
    EMPTY
  }

  /**
   * Checks the fields.
   *
   * @param column the column the warning is about, or empty for a warning about the whole table
   * @param kind what kind of problem it is
   * @param message a sentence for people, naming the column and the numbers behind the warning
   */
  public ProfileWarning {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }

  /**
   * Returns a warning about one column.
   *
   * @param column the column name
   * @param kind the kind
   * @param message the sentence for people
   * @return the warning
   */
  public static ProfileWarning ofColumn(String column, Kind kind, String message) {
    return new ProfileWarning(Optional.of(Objects.requireNonNull(column, "column")), kind, message);
  }

  /**
   * Returns a warning about the whole table.
   *
   * @param kind the kind
   * @param message the sentence for people
   * @return the warning
   */
  public static ProfileWarning ofTable(Kind kind, String message) {
    return new ProfileWarning(Optional.empty(), kind, message);
  }

  /**
   * Returns whether this warning is about the whole table rather than one column.
   *
   * @return whether this warning is about the whole table rather than one column
   */
  public boolean isTableLevel() {
    return column.isEmpty();
  }
}
