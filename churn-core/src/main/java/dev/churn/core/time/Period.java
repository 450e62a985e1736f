package dev.churn.core.time;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One calendar month, the unit of churn's monthly cycle: a snapshot of customers, a feature
 * computation, a scoring run and a label window are all identified by a {@code Period}.
 *
 * <p>Note the name: this is <em>not</em> {@link java.time.Period} (an amount of time such as "2
 * months"); it is a specific month such as March 2017, wrapping {@link YearMonth}. The name is
 * deliberate because "period" is what churn data calls its monthly snapshot; in code that also uses
 * {@code java.time.Period}, import one of them by its qualified name.
 *
 * <p>The as-of convention: features for period M are computed <em>as of</em> M's first day ({@link
 * #asOf()}), from events strictly before that day, so a model scoring March uses only what was
 * known on March 1.
 *
 * <p>Usage:
 *
 * <pre>{@code
 * Period march = Period.parse("2017-03");          // or Period.of(2017, 3)
 * LocalDate cutoff = march.asOf();                 // 2017-03-01
 * Period label = march.next();                     // 2017-04, the month whose churn is predicted
 * for (Period p : Period.range(Period.of(2016, 1), march)) { ... }   // 15 months
 * }</pre>
 *
 * <p>Years are limited to {@value Dates#MIN_YEAR}-{@value Dates#MAX_YEAR} so that the text form is
 * always {@code yyyy-MM}. In JSON (Jackson) a period is the string {@code "2017-03"}.
 *
 * @param yearMonth the month
 */
public record Period(YearMonth yearMonth) implements Comparable<Period> {

  /**
   * Creates a period from a {@link YearMonth}.
   *
   * @param yearMonth the month
   * @throws IllegalArgumentException if the year is outside 1-9999
   */
  public Period {
    Objects.requireNonNull(yearMonth, "yearMonth");
    if (yearMonth.getYear() < Dates.MIN_YEAR || yearMonth.getYear() > Dates.MAX_YEAR) {
      throw new IllegalArgumentException(
          "yearMonth "
              + yearMonth
              + " has year "
              + yearMonth.getYear()
              + ", outside "
              + Dates.MIN_YEAR
              + "-"
              + Dates.MAX_YEAR);
    }
  }

  /**
   * Returns the period for a year and month.
   *
   * @param year the year, 1-9999
   * @param month the month, 1-12
   * @return the period
   * @throws IllegalArgumentException if the year or month is out of range
   */
  public static Period of(int year, int month) {
    if (month < 1 || month > 12) {
      throw new IllegalArgumentException("month must be 1-12, but was " + month);
    }
    if (year < Dates.MIN_YEAR || year > Dates.MAX_YEAR) {
      throw new IllegalArgumentException(
          "year must be " + Dates.MIN_YEAR + "-" + Dates.MAX_YEAR + ", but was " + year);
    }
    return new Period(YearMonth.of(year, month));
  }

  /**
   * Returns the period for a {@link YearMonth}.
   *
   * @param yearMonth the month
   * @return the period
   */
  public static Period of(YearMonth yearMonth) {
    return new Period(yearMonth);
  }

  /**
   * Parses the strict text form {@code yyyy-MM}, e.g. {@code "2017-03"}.
   *
   * @param text exactly four year digits, a dash and two month digits
   * @return the period
   * @throws IllegalArgumentException if {@code text} is not in that form or the month is not 1-12
   */
  public static Period parse(CharSequence text) {
    Objects.requireNonNull(text, "text");
    if (text.length() != 7 || text.charAt(4) != '-') {
      throw new IllegalArgumentException(
          "'" + text + "' is not a period: expected the form yyyy-MM, e.g. 2017-03");
    }
    int year = 0;
    int month = 0;
    for (int i = 0; i < 7; i++) {
      if (i == 4) {
        continue;
      }
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException(
            "'" + text + "' is not a period: expected the form yyyy-MM, e.g. 2017-03");
      }
      if (i < 4) {
        year = year * 10 + (c - '0');
      } else {
        month = month * 10 + (c - '0');
      }
    }
    if (month < 1 || month > 12 || year < Dates.MIN_YEAR) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not a period: "
              + (year < Dates.MIN_YEAR ? "year must be 1-9999" : "month must be 01-12"));
    }
    return new Period(YearMonth.of(year, month));
  }

  /**
   * Returns the period that contains a date.
   *
   * @param date any date with a year 1-9999
   * @return the month of {@code date}
   */
  public static Period containing(LocalDate date) {
    Objects.requireNonNull(date, "date");
    return new Period(YearMonth.from(date));
  }

  /**
   * Lists consecutive periods from {@code from} to {@code toInclusive}, both included.
   *
   * @param from the first period
   * @param toInclusive the last period, not before {@code from}
   * @return the periods in order; one element if both are equal
   * @throws IllegalArgumentException if {@code toInclusive} is before {@code from}
   */
  public static List<Period> range(Period from, Period toInclusive) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(toInclusive, "toInclusive");
    int months = from.monthsUntil(toInclusive);
    if (months < 0) {
      throw new IllegalArgumentException(
          "toInclusive " + toInclusive + " must not be before from " + from);
    }
    List<Period> periods = new ArrayList<>(months + 1);
    for (int i = 0; i <= months; i++) {
      periods.add(from.plusMonths(i));
    }
    return List.copyOf(periods);
  }

  @JsonCreator
  static Period fromJson(String text) {
    return parse(text);
  }

  /**
   * Returns the year.
   *
   * @return the year, 1-9999
   */
  public int year() {
    return yearMonth.getYear();
  }

  /**
   * Returns the month of the year.
   *
   * @return the month, 1-12
   */
  public int month() {
    return yearMonth.getMonthValue();
  }

  /**
   * Returns the first day of the month.
   *
   * @return e.g. 2017-03-01 for 2017-03
   */
  public LocalDate firstDay() {
    return yearMonth.atDay(1);
  }

  /**
   * Returns the last day of the month, leap years included.
   *
   * @return e.g. 2017-02-28 for 2017-02, 2016-02-29 for 2016-02
   */
  public LocalDate lastDay() {
    return yearMonth.atEndOfMonth();
  }

  /**
   * Returns the as-of date of this period: its first day. Features for this period are computed as
   * of that day, from events strictly before it.
   *
   * @return the same date as {@link #firstDay()}
   */
  public LocalDate asOf() {
    return firstDay();
  }

  /**
   * Returns the following month.
   *
   * @return e.g. 2018-01 for 2017-12
   */
  public Period next() {
    return plusMonths(1);
  }

  /**
   * Returns the preceding month.
   *
   * @return e.g. 2016-12 for 2017-01
   */
  public Period previous() {
    return plusMonths(-1);
  }

  /**
   * Returns the period {@code months} later (earlier if negative).
   *
   * @param months months to add
   * @return the shifted period
   * @throws IllegalArgumentException if the result's year is outside 1-9999
   */
  public Period plusMonths(long months) {
    if (months == 0) {
      return this;
    }
    long index = monthIndex() + months;
    if (index < 0 || index >= (long) Dates.MAX_YEAR * 12) {
      throw new IllegalArgumentException(
          "months " + months + " moves " + this + " outside years 1-9999");
    }
    return new Period(YearMonth.of((int) (index / 12) + 1, (int) (index % 12) + 1));
  }

  /**
   * Tells whether a date falls in this month.
   *
   * @param date the date
   * @return true if {@code firstDay() <= date <= lastDay()}
   */
  public boolean contains(LocalDate date) {
    Objects.requireNonNull(date, "date");
    return date.getYear() == year() && date.getMonthValue() == month();
  }

  /**
   * Counts months from this period to another.
   *
   * @param other the other period
   * @return 0 if equal, 1 if {@code other} is the next month, negative if {@code other} is earlier
   */
  public int monthsUntil(Period other) {
    Objects.requireNonNull(other, "other");
    return other.monthIndex() - monthIndex();
  }

  /**
   * Tells whether this period is earlier than another.
   *
   * @param other the other period
   * @return true if this month comes before {@code other}
   */
  public boolean isBefore(Period other) {
    return compareTo(other) < 0;
  }

  /**
   * Tells whether this period is later than another.
   *
   * @param other the other period
   * @return true if this month comes after {@code other}
   */
  public boolean isAfter(Period other) {
    return compareTo(other) > 0;
  }

  @Override
  public int compareTo(Period other) {
    Objects.requireNonNull(other, "other");
    return yearMonth.compareTo(other.yearMonth);
  }

  /**
   * Returns the text form {@code yyyy-MM}, which {@link #parse(CharSequence)} reads back.
   *
   * @return e.g. {@code "2017-03"}
   */
  @JsonValue
  @Override
  public String toString() {
    return String.format("%04d-%02d", year(), month());
  }

  /** Months since January of year 1. */
  private int monthIndex() {
    return (year() - 1) * 12 + (month() - 1);
  }
}
