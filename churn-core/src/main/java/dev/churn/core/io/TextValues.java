package dev.churn.core.io;

import dev.churn.core.time.Dates;

/**
 * Parses cell text given as a slice of a char buffer, without allocating on the good path and
 * without throwing: type inference probes every sampled cell against every type, so a failed
 * parse must be cheap. The strict, throwing parsers for callers are in {@link Dates}.
 */
final class TextValues {
  private TextValues() {}

  /** Returns whether a character is blank space that is trimmed from cells. */
  static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\r';
  }

  /** Returns 1 for true, 0 for false, -1 when the text is not a boolean literal. */
  static int parseBoolean(char[] b, int off, int len, boolean strict) {
    if (len == 4 && lower(b[off]) == 't' && lower(b[off + 1]) == 'r'
        && lower(b[off + 2]) == 'u' && lower(b[off + 3]) == 'e') {
      return 1;
    }
    if (len == 5 && lower(b[off]) == 'f' && lower(b[off + 1]) == 'a'
        && lower(b[off + 2]) == 'l' && lower(b[off + 3]) == 's' && lower(b[off + 4]) == 'e') {
      return 0;
    }
    if (strict) {
      return -1;
    }
    if (len == 1) {
      char c = lower(b[off]);
      if (c == '1' || c == 't' || c == 'y') {
        return 1;
      }
      if (c == '0' || c == 'f' || c == 'n') {
        return 0;
      }
    }
    if (len == 3 && lower(b[off]) == 'y' && lower(b[off + 1]) == 'e' && lower(b[off + 2]) == 's') {
      return 1;
    }
    if (len == 2 && lower(b[off]) == 'n' && lower(b[off + 1]) == 'o') {
      return 0;
    }
    return -1;
  }

  private static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }

  /** Returns the epoch day of {@code yyyy-MM-dd}, or {@link Integer#MIN_VALUE} if invalid. */
  static int parseIsoDay(char[] b, int off, int len) {
    if (len != 10 || b[off + 4] != '-' || b[off + 7] != '-') {
      return Integer.MIN_VALUE;
    }
    int y = digits(b, off, 4);
    int m = digits(b, off + 5, 2);
    int d = digits(b, off + 8, 2);
    return epochDay(y, m, d);
  }

  /** Returns the epoch day of {@code yyyyMMdd}, or {@link Integer#MIN_VALUE} if invalid. */
  static int parseYmdDay(char[] b, int off, int len) {
    if (len != 8) {
      return Integer.MIN_VALUE;
    }
    int y = digits(b, off, 4);
    int m = digits(b, off + 4, 2);
    int d = digits(b, off + 6, 2);
    return epochDay(y, m, d);
  }

  private static int digits(char[] b, int off, int n) {
    int v = 0;
    for (int i = 0; i < n; i++) {
      int c = b[off + i] - '0';
      if (c < 0 || c > 9) {
        return -1;
      }
      v = v * 10 + c;
    }
    return v;
  }

  private static int epochDay(int y, int m, int d) {
    if (y < Dates.MIN_YEAR || m < 1 || m > 12 || d < 1 || d > Dates.lengthOfMonth(y, m)) {
      return Integer.MIN_VALUE;
    }
    return Dates.epochDay(y, m, d);
  }
}
