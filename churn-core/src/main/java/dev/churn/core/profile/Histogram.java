package dev.churn.core.profile;

import java.util.List;
import java.util.Objects;

/**
 * Equal-width bins over the finite values of a numeric column, with numpy's conventions: {@code
 * bins + 1} edges from the minimum to the maximum ({@code numpy.histogram(x, bins)}), each bin
 * holding {@code lower <= x < upper} except the last, which also holds its upper edge. A constant
 * column gets the range {@code [v - 0.5, v + 0.5]}, as in numpy. A column with no finite value
 * has no bins.
 *
 * @param bins the bins, in increasing order
 */
public record Histogram(List<Histogram.Bin> bins) {

  /**
   * One bin of a histogram.
   *
   * @param lower the lower edge, included
   * @param upper the upper edge, excluded except for the last bin
   * @param count the number of values in the bin
   */
  public record Bin(double lower, double upper, long count) {}

  /**
   * Checks the fields.
   *
   * @param bins the bins, in increasing order
   */
  public Histogram {
    bins = List.copyOf(Objects.requireNonNull(bins, "bins"));
  }

  /**
   * Returns the bin counts, in order.
   *
   * @return the bin counts, in order
   */
  public long[] counts() {
    long[] c = new long[bins.size()];
    for (int i = 0; i < c.length; i++) {
      c[i] = bins.get(i).count();
    }
    return c;
  }

  /**
   * Returns the {@code bins + 1} edges, in order; empty when there are no bins.
   *
   * @return the {@code bins + 1} edges, in order; empty when there are no bins
   */
  public double[] edges() {
    if (bins.isEmpty()) {
      return new double[0];
    }
    double[] e = new double[bins.size() + 1];
    for (int i = 0; i < bins.size(); i++) {
      e[i] = bins.get(i).lower();
    }
    e[bins.size()] = bins.get(bins.size() - 1).upper();
    return e;
  }

  /**
   * Bins the first {@code n} values of an ascending array without NaN; infinite values are left
   * out.
   */
  static Histogram of(double[] sorted, int n, int binCount) {
    int from = 0;
    int to = n;
    while (from < to && sorted[from] == Double.NEGATIVE_INFINITY) {
      from++;
    }
    while (to > from && sorted[to - 1] == Double.POSITIVE_INFINITY) {
      to--;
    }
    if (from == to) {
      return new Histogram(List.of());
    }
    double first = sorted[from];
    double last = sorted[to - 1];
    if (first == last) {
      first -= 0.5;
      last += 0.5;
    }
    // numpy.linspace(first, last, bins + 1): start + i * step, the last edge exactly `last`.
    double step = (last - first) / binCount;
    double[] edges = new double[binCount + 1];
    for (int i = 0; i < binCount; i++) {
      edges[i] = i * step + first;
    }
    edges[binCount] = last;
    Bin[] out = new Bin[binCount];
    int start = from;
    for (int i = 0; i < binCount; i++) {
      int end = i == binCount - 1 ? to : lowerBound(sorted, start, to, edges[i + 1]);
      out[i] = new Bin(edges[i], edges[i + 1], end - start);
      start = end;
    }
    return new Histogram(List.of(out));
  }

  /**
   * Returns the first index in {@code [from, to)} whose value is {@code >= key}, or {@code to}.
   *
   * @return the first index in {@code [from, to)} whose value is {@code >= key}, or {@code to}
   */
  static int lowerBound(double[] a, int from, int to, double key) {
    int lo = from;
    int hi = to;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * Returns the first index in {@code [from, to)} whose value is {@code > key}, or {@code to}.
   *
   * @return the first index in {@code [from, to)} whose value is {@code > key}, or {@code to}
   */
  static int upperBound(double[] a, int from, int to, double key) {
    int lo = from;
    int hi = to;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] <= key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
