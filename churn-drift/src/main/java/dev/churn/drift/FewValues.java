package dev.churn.drift;

import java.util.Arrays;

/**
 * The distinct finite values of a column with their counts, collected in one hashed pass when the
 * column takes only a few of them (counts, ratings, flags coded as numbers): the profile and the
 * tests then work on these pairs instead of sorting every value, which is several times cheaper.
 * The collection gives up, at the cost of the rows read so far, as soon as one value more than
 * the limit appears, so a continuous column pays only for its first few hundred rows.
 */
final class FewValues {
  /** The largest number of distinct values collected by default. */
  static final int LIMIT = 256;
  /** No finite double has these bits: marks an empty slot. */
  private static final long EMPTY = Double.doubleToRawLongBits(Double.NaN);

  private final double[] values;
  private final long[] counts;
  private final long total;

  private FewValues(double[] values, long[] counts, long total) {
    this.values = values;
    this.counts = counts;
    this.total = total;
  }

  /**
   * Collects the distinct finite values of {@code x[0, n)}, {@code -0.0} counted as {@code 0.0};
   * NaN (missing) and infinities are left out.
   *
   * @param x the values, in any order; not changed
   * @param n how many entries of {@code x} to read
   * @param limit the most distinct values to collect, at least 1
   * @return the values and counts, or null when there are more than {@code limit} distinct values
   */
  static FewValues of(double[] x, int n, int limit) {
    int capacity = Integer.highestOneBit(limit * 4 - 1) << 1; // load factor at most 1/4
    int shift = 64 - Integer.numberOfTrailingZeros(capacity);
    int mask = capacity - 1;
    long[] slots = new long[capacity];
    long[] slotCounts = new long[capacity];
    Arrays.fill(slots, EMPTY);
    int distinct = 0;
    long total = 0;
    for (int i = 0; i < n; i++) {
      double v = x[i];
      if (v - v != 0) { // NaN or infinite
        continue;
      }
      long bits = Double.doubleToRawLongBits(v + 0.0);
      int s = (int) ((bits * 0x9E3779B97F4A7C15L) >>> shift);
      while (slots[s] != bits) {
        if (slots[s] == EMPTY) {
          if (distinct == limit) {
            return null;
          }
          slots[s] = bits;
          distinct++;
          break;
        }
        s = (s + 1) & mask;
      }
      slotCounts[s]++;
      total++;
    }
    double[] values = new double[distinct];
    int k = 0;
    for (long bits : slots) {
      if (bits != EMPTY) {
        values[k++] = Double.longBitsToDouble(bits);
      }
    }
    Arrays.sort(values);
    long[] counts = new long[distinct];
    for (int i = 0; i < distinct; i++) {
      long bits = Double.doubleToRawLongBits(values[i]);
      int s = (int) ((bits * 0x9E3779B97F4A7C15L) >>> shift);
      while (slots[s] != bits) {
        s = (s + 1) & mask;
      }
      counts[i] = slotCounts[s];
    }
    return new FewValues(values, counts, total);
  }

  /** Returns the distinct values, ascending; the array itself. */
  double[] values() {
    return values;
  }

  /** Returns the count of each value; the array itself. */
  long[] counts() {
    return counts;
  }

  /** Returns the number of distinct values. */
  int size() {
    return values.length;
  }

  /** Returns the number of finite values, the sum of the counts. */
  long total() {
    return total;
  }
}
