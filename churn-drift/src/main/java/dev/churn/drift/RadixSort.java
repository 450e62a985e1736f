package dev.churn.drift;

import java.util.Arrays;

/**
 * Sorts doubles by a least-significant-digit radix sort on the leading 32 bits of their bit
 * patterns, then an insertion pass that orders the rare values sharing those 32 bits. Every
 * column of a wide table is sorted this way, so this is the hot loop of profiling and drift
 * detection; on hundreds of thousands of values it is several times faster than {@link
 * Arrays#sort(double[])}.
 *
 * <h2>How</h2>
 *
 * <ol>
 *   <li>Each double becomes a signed 64-bit key in the same order as the doubles. The keys are
 *       taken relative to the smallest, and shifted right so that the range of keys fits in 32
 *       bits: this prefix keeps the order of the doubles, except that values closer than the
 *       range over 2<sup>32</sup> may share a prefix.
 *   <li>Two passes of 16 bits (three of 11 bits below {@value #WIDE} values, where the larger
 *       tables would not pay off) sort by the prefix; a pass whose digit is the same for every
 *       value is skipped, and the last pass writes the doubles back.
 *   <li>An insertion pass puts values with the same prefix in order. Continuous data has few
 *       such values, so this pass mostly only compares neighbours; when it moves more than a few
 *       values per element (values crowded within a tiny part of a wide range), the JDK's sort,
 *       fast on such nearly sorted input, finishes the job. The result is always fully sorted.
 * </ol>
 *
 * Sorting by 32 bits instead of 64 halves the passes over memory, which is where the time goes
 * on arrays larger than the cache. Work arrays come from a {@link Scratch}.
 */
final class RadixSort {
  /** Arrays of at least this many values are sorted by two 16-bit digits, others by three. */
  private static final int WIDE = 1 << 17;
  /** Below this size the JDK's sort is faster than setting up the buckets. */
  private static final int SMALL = 4096;
  /** Moves per element the insertion pass may make before it hands over to the JDK's sort. */
  private static final int MOVES_PER_ELEMENT = 4;

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
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    int negativeZeros = 0;
    for (int i = 0; i < n; i++) {
      double v = a[i];
      if (v == 0 && Double.doubleToRawLongBits(v) != 0) {
        negativeZeros++;
        v = 0.0; // sorted as 0.0, given back its sign below
      }
      long k = key(v);
      keys[i] = k;
      min = Math.min(min, k);
      max = Math.max(max, k);
    }
    radix(keys, n, min, max, a, scratch);
    if (negativeZeros > 0) { // -0.0 before 0.0, as Arrays.sort puts them
      int z = NumericReference.lowerBound(a, 0, n, 0.0);
      Arrays.fill(a, z, z + negativeZeros, -0.0);
    }
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
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    int m = 0;
    for (int i = 0; i < n; i++) {
      double v = x[i];
      if (v - v == 0) { // false for NaN and infinities
        long k = key(v + 0.0);
        keys[m++] = k;
        min = Math.min(min, k);
        max = Math.max(max, k);
      }
    }
    radix(keys, m, min, max, x, scratch);
    return m;
  }

  /** A signed key in the order of the doubles: negative doubles have their magnitude flipped. */
  private static long key(double v) {
    long b = Double.doubleToRawLongBits(v);
    return b ^ ((b >> 63) & Long.MAX_VALUE);
  }

  /** The double of a key: the key map is its own inverse. */
  private static double value(long k) {
    return Double.longBitsToDouble(k ^ ((k >> 63) & Long.MAX_VALUE));
  }

  /**
   * Sorts {@code keys[0, n)}, whose smallest and largest are {@code min} and {@code max}, and
   * writes the doubles they stand for to {@code out[0, n)}.
   */
  private static void radix(long[] keys, int n, long min, long max, double[] out,
      Scratch scratch) {
    if (n == 0) {
      return;
    }
    int rangeBits = 64 - Long.numberOfLeadingZeros(max - min); // max - min read unsigned
    int shift = Math.max(0, rangeBits - 32);
    int bits = n >= WIDE ? 16 : 11;
    int buckets = 1 << bits;
    int mask = buckets - 1;
    int digits = (32 + bits - 1) / bits;
    int[] counts = new int[digits * buckets];
    if (digits == 2) {
      for (int i = 0; i < n; i++) {
        long p = (keys[i] - min) >>> shift;
        counts[(int) (p & 0xFFFF)]++;
        counts[(1 << 16) + (int) (p >>> 16)]++;
      }
    } else {
      for (int i = 0; i < n; i++) {
        long p = (keys[i] - min) >>> shift;
        counts[(int) (p & 0x7FF)]++;
        counts[(1 << 11) + (int) ((p >>> 11) & 0x7FF)]++;
        counts[(2 << 11) + (int) (p >>> 22)]++;
      }
    }
    int[] active = new int[digits];
    int passes = 0;
    long p0 = (keys[0] - min) >>> shift;
    for (int d = 0; d < digits; d++) {
      if (counts[d * buckets + (int) ((p0 >>> (d * bits)) & mask)] != n) {
        active[passes++] = d; // the digit differs between keys here
      }
    }
    long[] src = keys;
    long[] dst = passes > 1 ? scratch.spare(n) : null;
    for (int q = 0; q < passes; q++) {
      int digitShift = shift + active[q] * bits;
      int[] offsets = offsets(counts, active[q] * buckets, buckets);
      if (q < passes - 1) {
        for (int i = 0; i < n; i++) {
          long k = src[i];
          dst[offsets[(int) (((k - min) >>> digitShift) & mask)]++] = k;
        }
        long[] t = src;
        src = dst;
        dst = t;
      } else {
        for (int i = 0; i < n; i++) {
          long k = src[i];
          out[offsets[(int) (((k - min) >>> digitShift) & mask)]++] = value(k);
        }
      }
    }
    if (passes == 0) { // every prefix equal
      for (int i = 0; i < n; i++) {
        out[i] = value(src[i]);
      }
    }
    if (shift > 0) {
      finish(out, n);
    }
  }

  /** The start of each bucket of the digit counted at {@code counts[base, base + buckets)}. */
  private static int[] offsets(int[] counts, int base, int buckets) {
    int[] offsets = new int[buckets];
    int sum = 0;
    for (int d = 0; d < buckets; d++) {
      offsets[d] = sum;
      sum += counts[base + d];
    }
    return offsets;
  }

  /**
   * Orders {@code a[0, n)}, sorted but for values that shared a prefix. The values are compared
   * as doubles: there is no NaN, and no {@code -0.0} to tell from {@code 0.0}.
   */
  private static void finish(double[] a, int n) {
    long budget = (long) MOVES_PER_ELEMENT * n;
    double prev = a[0];
    for (int i = 1; i < n; i++) {
      double v = a[i];
      if (v >= prev) {
        prev = v;
        continue;
      }
      int j = i;
      do {
        a[j] = a[j - 1];
        j--;
      } while (j > 0 && a[j - 1] > v);
      a[j] = v;
      budget -= i - j;
      if (budget < 0) {
        Arrays.sort(a, 0, n); // crowded values: the JDK's sort is quick on nearly sorted data
        return;
      }
    }
  }
}
