package dev.churn.core.profile;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One bin of a date column's histogram: the dates from {@code start} (included) to {@code end}
 * (excluded). Bins start on the first of a month and are one or more whole months wide.
 *
 * @param start the first day of the bin
 * @param end the first day after the bin
 * @param count the number of values in the bin
 */
public record DateBin(LocalDate start, LocalDate end, long count) {

  /**
   * Checks the fields.
   *
   * @param start the first day of the bin
   * @param end the first day after the bin
   * @param count the number of values in the bin
   */
  public DateBin {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException(
          "end was '" + end + "' but it must be after start '" + start + "'");
    }
  }
}
