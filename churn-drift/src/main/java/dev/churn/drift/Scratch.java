package dev.churn.drift;

/**
 * Work arrays reused from column to column by one thread, so that testing a wide table does not
 * allocate (and zero) three large arrays per column.
 */
final class Scratch {
  private double[] values = new double[0];
  private long[] keys = new long[0];
  private long[] spare = new long[0];

  /** Returns an array of at least {@code n} doubles; its content is undefined. */
  double[] values(int n) {
    if (values.length < n) {
      values = new double[grow(values.length, n)];
    }
    return values;
  }

  /** Returns an array of at least {@code n} longs for sort keys. */
  long[] keys(int n) {
    if (keys.length < n) {
      keys = new long[grow(keys.length, n)];
    }
    return keys;
  }

  /** Returns a second array of at least {@code n} longs for sort keys. */
  long[] spare(int n) {
    if (spare.length < n) {
      spare = new long[grow(spare.length, n)];
    }
    return spare;
  }

  private static int grow(int have, int need) {
    return (int) Math.min(Integer.MAX_VALUE - 8, Math.max(need, have + (long) have / 2));
  }
}
