package dev.churn.core.time;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Strict date parsing and formatting for the two layouts churn data uses, {@code yyyy-MM-dd} (ISO)
 * and {@code yyyyMMdd} (compact, often stored as an integer), plus a few calendar helpers.
 *
 * <p>Parsing is exact: exactly four year digits, two month digits, two day digits (and the dashes,
 * for ISO); month 1-12; day within the month's length, leap years included (2016-02-29 is valid,
 * 2017-02-29 is not; 2000 is a leap year, 1900 is not). No signs, spaces or lenient resolution.
 * Years range from {@value #MIN_YEAR} to {@value #MAX_YEAR}. Invalid input raises {@link
 * IllegalArgumentException} whose message quotes the input and states the broken rule.
 *
 * <p>The {@code char[]} variants, {@link #parseIsoEpochDay(char[], int, int)} and {@link
 * #parseYyyymmdd(char[], int, int)}, are allocation-free fast paths for CSV ingest: they return the
 * epoch day ({@link LocalDate#toEpochDay()}) as an {@code int} and only allocate when reporting an
 * error.
 *
 * <p>Usage:
 *
 * <pre>{@code
 * LocalDate d = Dates.parseYyyymmdd(20170301);          // 2017-03-01
 * int day = Dates.parseIsoEpochDay(buf, start, 10);     // from a CSV field
 * int compact = Dates.toYyyymmdd(d);                    // 20170301
 * LocalDate due = Dates.plusMonthsClamped(LocalDate.of(2017, 1, 31), 1); // 2017-02-28
 * }</pre>
 */
public final class Dates {

  /** Smallest year accepted by the text parsers and formatters. */
  public static final int MIN_YEAR = 1;

  /** Largest year accepted, the largest with four digits. */
  public static final int MAX_YEAR = 9999;

  /** Smallest value accepted by {@link #parseYyyymmdd(int)}: 1000-01-01. */
  public static final int MIN_YYYYMMDD_INT = 1000_01_01;

  /** Largest value accepted by {@link #parseYyyymmdd(int)}: 9999-12-31. */
  public static final int MAX_YYYYMMDD_INT = 9999_12_31;

  private static final String ISO = "yyyy-MM-dd";
  private static final String COMPACT = "yyyyMMdd";
  private static final int ISO_LENGTH = 10;
  private static final int COMPACT_LENGTH = 8;
  private static final int MAX_QUOTED = 40;

  private Dates() {}

  /**
   * Parses a strict ISO date, {@code yyyy-MM-dd}.
   *
   * @param text the text, exactly 10 characters
   * @return the date
   * @throws IllegalArgumentException if {@code text} is not a valid date in that layout
   */
  public static LocalDate parseIso(CharSequence text) {
    Objects.requireNonNull(text, "text");
    return LocalDate.ofEpochDay(parseIsoEpochDay(toChars(text, ISO_LENGTH, ISO), 0, text.length()));
  }

  /**
   * Parses a strict ISO date, {@code yyyy-MM-dd}, from {@code len} characters of {@code buf}
   * starting at {@code off}, without allocating.
   *
   * @param buf characters, e.g. a CSV parser's buffer
   * @param off index of the first character
   * @param len number of characters; must be 10 for a valid date
   * @return the date's epoch day ({@link LocalDate#toEpochDay()})
   * @throws IllegalArgumentException if the characters are not a valid date in that layout
   * @throws IndexOutOfBoundsException if {@code off} and {@code len} do not fit in {@code buf}
   */
  public static int parseIsoEpochDay(char[] buf, int off, int len) {
    Objects.requireNonNull(buf, "buf");
    Objects.checkFromIndexSize(off, len, buf.length);
    if (len != ISO_LENGTH) {
      throw invalid(buf, off, len, ISO, "expected 10 characters but got " + len);
    }
    int year = digits4(buf, off);
    int month = digits2(buf, off + 5);
    int day = digits2(buf, off + 8);
    if (year < 0 || month < 0 || day < 0 || buf[off + 4] != '-' || buf[off + 7] != '-') {
      throw invalid(buf, off, len, ISO, "expected digits in the form 2017-03-01");
    }
    return checkedEpochDay(year, month, day, buf, off, len, ISO);
  }

  /**
   * Parses a strict compact date, {@code yyyyMMdd}, given as text.
   *
   * @param text the text, exactly 8 digits
   * @return the date
   * @throws IllegalArgumentException if {@code text} is not a valid date in that layout
   */
  public static LocalDate parseYyyymmdd(CharSequence text) {
    Objects.requireNonNull(text, "text");
    return LocalDate.ofEpochDay(
        parseYyyymmdd(toChars(text, COMPACT_LENGTH, COMPACT), 0, text.length()));
  }

  /**
   * Parses a compact date given as an integer, e.g. {@code 20170301} for 2017-03-01.
   *
   * <p>The value must have eight digits ({@value #MIN_YYYYMMDD_INT} to {@value
   * #MAX_YYYYMMDD_INT}): an integer cannot keep leading zeros, so a shorter value such as {@code
   * 170301} is far more likely a {@code yyMMdd} mistake than a date in year 17, and is rejected.
   *
   * @param yyyymmdd the date as an integer
   * @return the date
   * @throws IllegalArgumentException if the value is not a valid eight-digit {@code yyyyMMdd} date
   */
  public static LocalDate parseYyyymmdd(int yyyymmdd) {
    if (yyyymmdd < MIN_YYYYMMDD_INT || yyyymmdd > MAX_YYYYMMDD_INT) {
      throw new IllegalArgumentException(
          "yyyymmdd "
              + yyyymmdd
              + " is not a valid yyyyMMdd date: expected eight digits between "
              + MIN_YYYYMMDD_INT
              + " and "
              + MAX_YYYYMMDD_INT);
    }
    int year = yyyymmdd / 10000;
    int month = yyyymmdd / 100 % 100;
    int day = yyyymmdd % 100;
    String problem = problem(year, month, day);
    if (problem != null) {
      throw new IllegalArgumentException(
          "yyyymmdd " + yyyymmdd + " is not a valid yyyyMMdd date: " + problem);
    }
    return LocalDate.of(year, month, day);
  }

  /**
   * Parses a strict compact date, {@code yyyyMMdd}, from {@code len} characters of {@code buf}
   * starting at {@code off}, without allocating.
   *
   * @param buf characters, e.g. a CSV parser's buffer
   * @param off index of the first character
   * @param len number of characters; must be 8 for a valid date
   * @return the date's epoch day ({@link LocalDate#toEpochDay()}), not a {@link LocalDate}
   * @throws IllegalArgumentException if the characters are not a valid date in that layout
   * @throws IndexOutOfBoundsException if {@code off} and {@code len} do not fit in {@code buf}
   */
  public static int parseYyyymmdd(char[] buf, int off, int len) {
    Objects.requireNonNull(buf, "buf");
    Objects.checkFromIndexSize(off, len, buf.length);
    if (len != COMPACT_LENGTH) {
      throw invalid(buf, off, len, COMPACT, "expected 8 digits but got " + len + " characters");
    }
    int year = digits4(buf, off);
    int month = digits2(buf, off + 4);
    int day = digits2(buf, off + 6);
    if (year < 0 || month < 0 || day < 0) {
      throw invalid(buf, off, len, COMPACT, "expected 8 digits such as 20170301");
    }
    return checkedEpochDay(year, month, day, buf, off, len, COMPACT);
  }

  /**
   * Formats a date as the integer {@code yyyyMMdd}, e.g. 2017-03-01 as {@code 20170301}.
   *
   * @param date the date; its year must be 1000 to 9999 so that the result has eight digits
   * @return the date as an integer
   * @throws IllegalArgumentException if the year is outside 1000-9999
   */
  public static int toYyyymmdd(LocalDate date) {
    Objects.requireNonNull(date, "date");
    if (date.getYear() < 1000 || date.getYear() > MAX_YEAR) {
      throw new IllegalArgumentException(
          "date " + date + " cannot be an eight-digit yyyyMMdd integer: year must be 1000-9999");
    }
    return date.getYear() * 10000 + date.getMonthValue() * 100 + date.getDayOfMonth();
  }

  /**
   * Formats a date as the text {@code yyyyMMdd}, e.g. {@code "20170301"}.
   *
   * @param date the date, year 1 to 9999
   * @return eight digits, zero-padded
   * @throws IllegalArgumentException if the year is outside 1-9999
   */
  public static String formatYyyymmdd(LocalDate date) {
    checkYear(date);
    char[] out = new char[COMPACT_LENGTH];
    put(out, 0, date.getYear(), 4);
    put(out, 4, date.getMonthValue(), 2);
    put(out, 6, date.getDayOfMonth(), 2);
    return new String(out);
  }

  /**
   * Formats a date as the text {@code yyyy-MM-dd}, e.g. {@code "2017-03-01"}.
   *
   * @param date the date, year 1 to 9999
   * @return ten characters, zero-padded
   * @throws IllegalArgumentException if the year is outside 1-9999
   */
  public static String formatIso(LocalDate date) {
    checkYear(date);
    char[] out = new char[ISO_LENGTH];
    put(out, 0, date.getYear(), 4);
    out[4] = '-';
    put(out, 5, date.getMonthValue(), 2);
    out[7] = '-';
    put(out, 8, date.getDayOfMonth(), 2);
    return new String(out);
  }

  /**
   * Adds months, moving the day back to the month's last day when it does not exist there: January
   * 31 plus one month is February 28 (29 in a leap year), and March 31 minus one month is
   * February's last day too. Adding one month and then another can therefore differ from adding
   * two at once (Jan 31 + 1 + 1 = Mar 28, Jan 31 + 2 = Mar 31). This is {@link
   * LocalDate#plusMonths(long)}, named for what it does.
   *
   * @param date the start date
   * @param months months to add, may be negative
   * @return the shifted date
   */
  public static LocalDate plusMonthsClamped(LocalDate date, long months) {
    Objects.requireNonNull(date, "date");
    return date.plusMonths(months);
  }

  /**
   * Counts days from {@code from} to {@code to}: 0 for the same date, 1 for the next day, negative
   * if {@code to} is earlier.
   *
   * @param from the start date
   * @param to the end date
   * @return {@code to.toEpochDay() - from.toEpochDay()}
   */
  public static long daysBetween(LocalDate from, LocalDate to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    return ChronoUnit.DAYS.between(from, to);
  }

  /**
   * Tells whether a year is a leap year in the ISO calendar (divisible by 4, except centuries not
   * divisible by 400).
   *
   * @param year the year
   * @return true for 2016 and 2000, false for 2017 and 1900
   */
  public static boolean isLeapYear(int year) {
    return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
  }

  /**
   * Returns the number of days in a month.
   *
   * @param year the year, for February
   * @param month the month, 1-12
   * @return 28 to 31
   * @throws IllegalArgumentException if {@code month} is not 1-12
   */
  public static int lengthOfMonth(int year, int month) {
    if (month < 1 || month > 12) {
      throw new IllegalArgumentException("month must be 1-12, but was " + month);
    }
    return monthLength(year, month);
  }

  // ---------------------------------------------------------------------------------------------

  private static int monthLength(int year, int month) {
    switch (month) {
      case 2:
        return isLeapYear(year) ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  /** Returns null if valid, otherwise the broken rule. */
  private static String problem(int year, int month, int day) {
    if (year < MIN_YEAR || year > MAX_YEAR) {
      return "year " + year + " is outside " + MIN_YEAR + "-" + MAX_YEAR;
    }
    if (month < 1 || month > 12) {
      return "month " + month + " is outside 1-12";
    }
    int length = monthLength(year, month);
    if (day < 1 || day > length) {
      return "day "
          + day
          + " is outside 1-"
          + length
          + " for "
          + String.format("%04d-%02d", year, month);
    }
    return null;
  }

  private static int checkedEpochDay(
      int year, int month, int day, char[] buf, int off, int len, String layout) {
    if (year < MIN_YEAR
        || month < 1
        || month > 12
        || day < 1
        || (day > 28 && day > monthLength(year, month))) {
      throw invalid(buf, off, len, layout, problem(year, month, day));
    }
    return epochDay(year, month, day);
  }

  /**
   * Days since 1970-01-01 of a valid proleptic Gregorian date (H. Hinnant's days_from_civil),
   * equal to {@code LocalDate.of(year, month, day).toEpochDay()} but without allocating. The
   * date is not checked: callers validate year (1..9999), month and day first.
   *
   * @param year the year, 1 to 9999
   * @param month the month, 1 to 12
   * @param day the day of the month, valid for that month
   * @return the epoch day
   */
  public static int epochDay(int year, int month, int day) {
    int y = month <= 2 ? year - 1 : year; // years start in March; y >= 0 for year >= 1
    int era = y / 400;
    int yearOfEra = y - era * 400;
    int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
  }

  /** Four decimal digits as a number, or -1 if any is not a digit. */
  private static int digits4(char[] buf, int at) {
    int a = buf[at] - '0';
    int b = buf[at + 1] - '0';
    int c = buf[at + 2] - '0';
    int d = buf[at + 3] - '0';
    if (((a | b | c | d) & ~0xF) != 0 || a > 9 || b > 9 || c > 9 || d > 9) {
      return -1;
    }
    return a * 1000 + b * 100 + c * 10 + d;
  }

  /** Two decimal digits as a number, or -1 if either is not a digit. */
  private static int digits2(char[] buf, int at) {
    int a = buf[at] - '0';
    int b = buf[at + 1] - '0';
    if (((a | b) & ~0xF) != 0 || a > 9 || b > 9) {
      return -1;
    }
    return a * 10 + b;
  }

  private static char[] toChars(CharSequence text, int expectedLength, String layout) {
    int length = text.length();
    if (length != expectedLength) {
      throw new IllegalArgumentException(
          "'"
              + quote(text.toString())
              + "' is not a valid "
              + layout
              + " date: expected "
              + expectedLength
              + " characters but got "
              + length);
    }
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = text.charAt(i);
    }
    return chars;
  }

  private static IllegalArgumentException invalid(
      char[] buf, int off, int len, String layout, String rule) {
    String text = new String(buf, off, Math.min(len, MAX_QUOTED + 1));
    return new IllegalArgumentException(
        "'" + quote(text) + "' is not a valid " + layout + " date: " + rule);
  }

  private static String quote(String text) {
    return text.length() > MAX_QUOTED ? text.substring(0, MAX_QUOTED) + "..." : text;
  }

  private static void checkYear(LocalDate date) {
    Objects.requireNonNull(date, "date");
    if (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR) {
      throw new IllegalArgumentException(
          "date " + date + " has year " + date.getYear() + ", outside " + MIN_YEAR + "-" + MAX_YEAR);
    }
  }

  private static void put(char[] out, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
