package dev.churn.drift;

import java.util.Arrays;

/**
 * Sorts doubles by a least-significant-digit radix sort on their bit patterns: six passes of 11
 * bits at most, skipping every pass whose digit is the same for all values (the sign and high
 * exponent bits often are), the last pass writing doubles straight back. On a million values it
 * is several times faster than {@link Arrays#sort(double[])}, which is what makes sorting every
 * column of a large table cheap. Work arrays come from a {@link Scratch}.
 */
final class RadixSort {
  private static final int BITS = 11;
  private static final int BUCKETS = 1 << BITS;
  private static final int MASK = BUCKETS - 1;
  private static final int PASSES = 6;
  /** Below this size the JDK's sort is faster than setting up the buckets. */
  private static final int SMALL = 4096;

  private RadixSort() {}

  /**
   * Sorts {@code a[0, n)} ascending. The values must not be NaN; {@code -0.0} sorts before
   * {@code 0.0}.
   */
  static void sort(double[] a, int n) {
    if (n < SMALL) {
      Arrays.sort(a, 0, n);
      return;
    }
    Scratch scratch = new Scratch();
    long[] keys = scratch.keys(n);
    int[][] counts = new int[PASSES][BUCKETS];
    for (int i = 0; i < n; i++) {
      keys[i] = key(a[i], counts);
    }
    radix(keys, n, counts, a, scratch);
  }

  /**
   * Sorts the finite values of {@code x[0, n)}: writes them ascending to {@code x[0, m)} with
   * {@code -0.0} turned into {@code 0.0}, and returns {@code m}. NaN (missing values) and
   * infinities are dropped.
   */
  static int sortFinite(double[] x, int n, Scratch scratch) {
    if (n < SMALL) {
      int m = Values.compactFinite(x, n);
      Arrays.sort(x, 0, m);
      return m;
    }
    long[] keys = scratch.keys(n);
    int[][] counts = new int[PASSES][BUCKETS];
    int m = 0;
    for (int i = 0; i < n; i++) {
      double v = x[i];
      if (v - v == 0) { // false for NaN and infinities
        keys[m++] = key(v + 0.0, counts);
      }
    }
    radix(keys, m, counts, x, scratch);
    return m;
  }

  /** The order-preserving key of a double, with its digits counted. */
  private static long key(double v, int[][] counts) {
    long b = Double.doubleToRawLongBits(v);
    long k = b ^ ((b >> 63) | Long.MIN_VALUE);
    counts[0][(int) (k & MASK)]++;
    counts[1][(int) ((k >>> BITS) & MASK)]++;
    counts[2][(int) ((k >>> (2 * BITS)) & MASK)]++;
    counts[3][(int) ((k >>> (3 * BITS)) & MASK)]++;
    counts[4][(int) ((k >>> (4 * BITS)) & MASK)]++;
    counts[5][(int) (k >>> (5 * BITS))]++;
    return k;
  }

  private static double value(long k) {
    return Double.longBitsToDouble(k ^ ((~k >> 63) | Long.MIN_VALUE));
  }

  /** Sorts {@code keys[0, n)} and writes the doubles they stand for to {@code out[0, n)}. */
  private static void radix(long[] keys, int n, int[][] counts, double[] out, Scratch scratch) {
    if (n == 0) {
      return;
    }
    int[] active = new int[PASSES];
    int passes = 0;
    for (int pass = 0; pass < PASSES; pass++) {
      if (counts[pass][(int) ((keys[0] >>> (pass * BITS)) & MASK)] != n) {
        active[passes++] = pass; // the digit differs between keys here
      }
    }
    long[] src = keys;
    long[] dst = passes > 1 ? scratch.spare(n) : null;
    for (int p = 0; p < passes; p++) {
      int shift = active[p] * BITS;
      int[] c = counts[active[p]];
      int sum = 0;
      for (int d = 0; d < BUCKETS; d++) {
        int t = c[d];
        c[d] = sum;
        sum += t;
      }
      if (p < passes - 1) {
        for (int i = 0; i < n; i++) {
          long k = src[i];
          dst[c[(int) ((k >>> shift) & MASK)]++] = k;
        }
        long[] t = src;
        src = dst;
        dst = t;
      } else {
        for (int i = 0; i < n; i++) {
          long k = src[i];
          out[c[(int) ((k >>> shift) & MASK)]++] = value(k);
        }
        return;
      }
    }
    for (int i = 0; i < n; i++) { // every key equal
      out[i] = value(src[i]);
    }
  }
}
