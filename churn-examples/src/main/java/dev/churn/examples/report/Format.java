package dev.churn.examples.report;

import java.util.Locale;

/**
 * Formats numbers for people, the same way in text output and HTML reports: counts with
 * thousands separators, statistics with about four significant digits, shares as percentages.
 */
public final class Format {
  private Format() {}

  /**
   * Formats a statistic: whole numbers exactly ({@code 5,000}), large values with one decimal
   * ({@code 1,234.5}), others with four significant digits ({@code 53.89}, {@code 0.001235});
   * {@code -} for NaN.
   *
   * @param v the value
   * @return the text
   */
  public static String number(double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    double a = Math.abs(v);
    if (a >= 1e15) {
      return String.format(Locale.ROOT, "%.3e", v);
    }
    if (v == Math.rint(v)) {
      return String.format(Locale.ROOT, "%,d", (long) v);
    }
    if (a >= 1000) {
      String s = String.format(Locale.ROOT, "%,.1f", v);
      return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
    String s = String.format(Locale.ROOT, "%.4g", v);
    if (s.indexOf('e') < 0 && s.indexOf('.') >= 0) {
      int end = s.length();
      while (s.charAt(end - 1) == '0') {
        end--;
      }
      if (s.charAt(end - 1) == '.') {
        end--;
      }
      s = s.substring(0, end);
    }
    return s;
  }

  /**
   * Formats a count with thousands separators: {@code 5,000}.
   *
   * @param n the count
   * @return the text
   */
  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /**
   * Formats a share in [0, 1] as a percentage with one decimal ({@code 14.1 %}), two for small
   * non-zero shares ({@code 0.04 %}); NaN as -.
   *
   * @param share the share
   * @return the text
   */
  public static String percent(double share) {
    if (Double.isNaN(share)) {
      return "-";
    }
    double p = 100 * share;
    if (p > 0 && p < 0.01) {
      return "<0.01 %";
    }
    return String.format(Locale.ROOT, p > 0 && p < 0.1 ? "%.2f %%" : "%.1f %%", p);
  }

  /**
   * Formats a count and its share of a whole: {@code 310 (62.0 %)}.
   *
   * @param n the count
   * @param whole what the share is of
   * @return the text
   */
  public static String countAndPercent(long n, long whole) {
    return count(n) + " (" + percent(whole == 0 ? 0.0 : (double) n / whole) + ")";
  }

  /**
   * Returns the name of a column type in lower case, as the CLI and reports show it.
   *
   * @param type a {@code ColumnType}
   * @return the name in lower case
   */
  public static String type(Enum<?> type) {
    return type.name().toLowerCase(Locale.ROOT);
  }
}
