package dev.churn.core.profile;

import dev.churn.core.table.ColumnType;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The profile of a date column: its range and how the dates spread over the months.
 *
 * @param name the column name
 * @param rows the number of rows
 * @param missing the number of missing values
 * @param distinct the number of distinct days
 * @param min the earliest date, empty when the column has no value
 * @param max the latest date, empty when the column has no value
 * @param bins a histogram by calendar month (several months per bin when the range is longer
 *     than {@link ProfileOptions#maxDateBins()} months), from the month of {@code min} to the
 *     month of {@code max}
 */
public record DateProfile(
    String name,
    int rows,
    int missing,
    long distinct,
    Optional<LocalDate> min,
    Optional<LocalDate> max,
    List<DateBin> bins)
    implements ColumnProfile {

  /**
   * Checks the fields.
   *
   * @param name the column name
   * @param rows the number of rows
   * @param missing the number of missing values
   * @param distinct the number of distinct days
   * @param min the earliest date, empty when the column has no value
   * @param max the latest date, empty when the column has no value
   * @param bins a histogram by calendar month (several months per bin when the range is longer than
   *     {@link ProfileOptions#maxDateBins()} months), from the month of {@code min} to the month of
   *     {@code max}
   */
  public DateProfile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(min, "min");
    Objects.requireNonNull(max, "max");
    bins = List.copyOf(Objects.requireNonNull(bins, "bins"));
  }

  @Override
  public ColumnType type() {
    return ColumnType.DATE;
  }
}
