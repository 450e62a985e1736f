package dev.churn.drift;

import dev.churn.core.table.ColumnRole;
import dev.churn.core.table.ColumnType;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntToDoubleFunction;

/**
 * What a {@link ReferenceProfile} keeps of a numeric column: moments, a bounded summary of the
 * distribution for the Kolmogorov-Smirnov and Wasserstein tests, and quantile bins for the
 * histogram-based tests and charts.
 *
 * <h2>The summary: exact up to {@code maxPoints} distinct values</h2>
 *
 * The reference values are summarised as at most about {@code 2 * maxPoints + 1} points, each a
 * value with a count ({@link #points()}, {@link #weights()}):
 *
 * <ul>
 *   <li>When the column has at most {@code maxPoints} distinct values, the points are exactly the
 *       distinct values with their counts: a lossless summary ({@link #isExact()}), and every test
 *       gives exactly what SciPy gives on the full reference data.
 *   <li>Otherwise the sorted values are cut into consecutive groups of about {@code n /
 *       maxPoints} values (a value repeated that often or more stays a group of its own, exactly),
 *       and each group becomes one point at its median carrying the group's count. The reference
 *       distribution function is then off by at most {@link #ksErrorBound()} anywhere, so a KS
 *       statistic computed on the summary is within that bound of the exact one; and the summary
 *       is exactly {@link #wassersteinErrorBound()} away from the data in Wasserstein distance,
 *       so a Wasserstein distance computed on it is within that bound of the exact one (triangle
 *       inequality; divide by the standard deviation for the normalised distance). Both bounds are
 *       measured on the data when the profile is built; for continuous data the KS bound is about
 *       {@code 0.5 / maxPoints}.
 * </ul>
 *
 * <h2>Bins</h2>
 *
 * {@link #binEdges()} are the distinct reference quantiles at {@code 1/bins, 2/bins, ...,
 * (bins-1)/bins} (numpy's linear interpolation), so each bin holds about the same share of the
 * reference; the first bin is open to negative infinity and the last to positive infinity, each
 * bin includes its lower edge. {@link #binCounts()} are exact reference counts. A column whose
 * reference and current values take at most {@code bins} distinct values together is binned per
 * value instead (see {@link DriftHistogram}).
 *
 * <p>Mean and standard deviation (population, {@code ddof = 0}, as {@code numpy.std}) are exact.
 * Missing values, NaN and infinities are left out of every statistic and counted in {@link
 * #missing()}.
 */
public final class NumericReference implements ColumnReference {
  private final String name;
  private final ColumnRole role;
  private final int rows;
  private final int missing;
  private final long distinct;
  private final double min;
  private final double max;
  private final double mean;
  private final double std;
  private final double[] points;
  private final long[] weights;
  private final boolean exact;
  private final double ksErrorBound;
  private final double wassersteinErrorBound;
  private final double[] binEdges;
  private final long[] binCounts;

  NumericReference(
      String name,
      ColumnRole role,
      int rows,
      int missing,
      long distinct,
      double min,
      double max,
      double mean,
      double std,
      double[] points,
      long[] weights,
      boolean exact,
      double ksErrorBound,
      double wassersteinErrorBound,
      double[] binEdges,
      long[] binCounts) {
    this.name = Objects.requireNonNull(name, "name");
    this.role = Objects.requireNonNull(role, "role");
    this.rows = rows;
    this.missing = missing;
    this.distinct = distinct;
    this.min = min;
    this.max = max;
    this.mean = mean;
    this.std = std;
    this.points = points;
    this.weights = weights;
    this.exact = exact;
    this.ksErrorBound = ksErrorBound;
    this.wassersteinErrorBound = wassersteinErrorBound;
    this.binEdges = binEdges;
    this.binCounts = binCounts;
  }

  /**
   * Builds the reference of a column from its present values, sorted ascending.
   *
   * @param sorted the finite values, ascending, in {@code [0, n)}; {@code -0.0} normalised to 0
   */
  static NumericReference of(
      String name, ColumnRole role, int rows, double[] sorted, int n, int maxPoints, int bins) {
    int missing = rows - n;
    if (n == 0) {
      return empty(name, role, rows);
    }
    double mean = sum(sorted, n) / n;
    double std = Math.sqrt(squaredDeviations(sorted, n, mean) / n);

    long distinct = 1;
    for (int i = 1; i < n; i++) {
      distinct += sorted[i] != sorted[i - 1] ? 1 : 0;
    }
    boolean exact = distinct <= maxPoints;
    double[] pts;
    long[] wts;
    double ksError = 0;
    double wError = 0;
    if (exact) { // every distinct value with its count
      pts = new double[(int) distinct];
      wts = new long[(int) distinct];
      int k = 0;
      for (int runStart = 0; runStart < n; k++) {
        int runEnd = upperBound(sorted, runStart, n, sorted[runStart]);
        pts[k] = sorted[runStart];
        wts[k] = runEnd - runStart;
        runStart = runEnd;
      }
    } else {
      int[] bounds = groupBounds(sorted, n, maxPoints);
      int groups = bounds.length - 1;
      pts = new double[groups];
      wts = new long[groups];
      long maxOffset = 0;
      double deviation = 0;
      for (int k = 0; k < groups; k++) {
        int from = bounds[k];
        int to = bounds[k + 1];
        double median = sorted[from + (to - from - 1) / 2];
        pts[k] = median;
        wts[k] = to - from;
        if (sorted[from] != sorted[to - 1]) { // more than one distinct value
          int below = lowerBound(sorted, from, to, median) - from;
          int above = to - upperBound(sorted, from, to, median);
          maxOffset = Math.max(maxOffset, Math.max(below, above));
          deviation += absoluteDeviation(sorted, from, to, median);
        }
      }
      ksError = maxOffset / (double) n;
      wError = deviation / n;
    }

    double[] edges = quantileEdges(rank -> sorted[rank], n, bins);
    long[] counts = new long[edges.length + 1];
    int from = 0;
    for (int e = 0; e < edges.length; e++) {
      int to = lowerBound(sorted, from, n, edges[e]);
      counts[e] = to - from;
      from = to;
    }
    counts[edges.length] = n - from;
    return new NumericReference(name, role, rows, missing, distinct, sorted[0], sorted[n - 1],
        mean, std, pts, wts, exact, ksError, wError, edges, counts);
  }

  /**
   * Builds the reference of a column from its distinct values and their counts: the same
   * reference {@link #of} builds from the sorted values themselves (up to the rounding of the
   * mean and standard deviation), without sorting them. It is exact, so there must be at most
   * {@code maxPoints} distinct values.
   *
   * @param few the distinct finite values and their counts
   */
  static NumericReference ofDistinct(
      String name, ColumnRole role, int rows, FewValues few, int bins) {
    long n = few.total();
    int missing = (int) (rows - n);
    if (n == 0) {
      return empty(name, role, rows);
    }
    double[] v = few.values();
    long[] c = few.counts();
    int k = v.length;
    long[] below = new long[k + 1]; // below[i]: how many values are smaller than v[i]
    double sum = 0;
    for (int i = 0; i < k; i++) {
      below[i + 1] = below[i] + c[i];
      sum += v[i] * c[i];
    }
    double mean = sum / n;
    double ss = 0;
    for (int i = 0; i < k; i++) {
      double d = v[i] - mean;
      ss += d * d * c[i];
    }
    double std = Math.sqrt(ss / n);
    double[] edges = quantileEdges(rank -> v[valueIndexOfRank(below, rank)], (int) n, bins);
    long[] counts = new long[edges.length + 1];
    long from = 0;
    for (int e = 0; e < edges.length; e++) {
      long to = below[lowerBound(v, 0, k, edges[e])];
      counts[e] = to - from;
      from = to;
    }
    counts[edges.length] = n - from;
    return new NumericReference(name, role, rows, missing, k, v[0], v[k - 1], mean, std,
        v.clone(), c.clone(), true, 0, 0, edges, counts);
  }

  private static NumericReference empty(String name, ColumnRole role, int rows) {
    return new NumericReference(name, role, rows, rows, 0, Double.NaN, Double.NaN, Double.NaN,
        Double.NaN, new double[0], new long[0], true, 0, 0, new double[0], new long[] {0});
  }

  /** The index of the value holding 0-based rank {@code rank}, given the counts below each. */
  private static int valueIndexOfRank(long[] below, long rank) {
    int lo = 0;
    int hi = below.length - 2; // the last value
    while (lo < hi) { // the largest i with below[i] <= rank
      int mid = (lo + hi + 1) >>> 1;
      if (below[mid] <= rank) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /** The sum of squared deviations from {@code mean}, in four independent sums. */
  private static double squaredDeviations(double[] x, int n, double mean) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = 0;
    for (; i + 3 < n; i += 4) {
      double d0 = x[i] - mean;
      double d1 = x[i + 1] - mean;
      double d2 = x[i + 2] - mean;
      double d3 = x[i + 3] - mean;
      s0 += d0 * d0;
      s1 += d1 * d1;
      s2 += d2 * d2;
      s3 += d3 * d3;
    }
    for (; i < n; i++) {
      double d = x[i] - mean;
      s0 += d * d;
    }
    return (s0 + s1) + (s2 + s3);
  }

  /**
   * The boundaries of the summary's groups: consecutive sorted values, about {@code n /
   * maxPoints} to a group, never splitting a run of equal values, and a value repeated that often
   * or more a group of its own. Returns {@code 0 = b[0] < b[1] < ... < b[groups] = n}.
   *
   * <p>Going through the values run by run, a group closes at the end of the first run that
   * brings it to {@code g} values or more. Only the run holding a group's {@code g}-th value can
   * do that, so the walk jumps there and finds that run's ends by binary search.
   */
  private static int[] groupBounds(double[] sorted, int n, int maxPoints) {
    int g = (int) ((n + (long) maxPoints - 1) / maxPoints);
    int[] bounds = new int[Math.min(2 * maxPoints + 3, n + 1)];
    int groups = 0;
    int groupStart = 0;
    while (groupStart < n) {
      long e = (long) groupStart + g; // one past the group's g-th value
      if (e > n) {
        bounds[++groups] = n; // fewer than g values left: the last group
        break;
      }
      double v = sorted[(int) e - 1];
      int runStart = lowerBound(sorted, groupStart, (int) e - 1, v);
      int runEnd = upperBound(sorted, (int) e, n, v);
      if (runEnd - runStart >= g) {
        if (groupStart < runStart) {
          bounds[++groups] = runStart; // close the open group before this repeated value
        }
        bounds[++groups] = runEnd; // a repeated value is a group of its own
      } else {
        bounds[++groups] = runEnd;
      }
      groupStart = runEnd;
    }
    return Arrays.copyOf(bounds, groups + 1);
  }

  private static double absoluteDeviation(double[] x, int from, int to, double median) {
    double s = 0;
    for (int i = from; i < to; i++) {
      s += Math.abs(x[i] - median);
    }
    return s;
  }

  private static double sum(double[] x, int n) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = 0;
    for (; i + 3 < n; i += 4) {
      s0 += x[i];
      s1 += x[i + 1];
      s2 += x[i + 2];
      s3 += x[i + 3];
    }
    for (; i < n; i++) {
      s0 += x[i];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /**
   * The distinct linear-interpolation quantiles at {@code k / bins}, {@code k = 1..bins-1}, of
   * {@code n} sorted values given by their 0-based rank.
   */
  static double[] quantileEdges(IntToDoubleFunction valueAtRank, int n, int bins) {
    double[] e = new double[bins - 1];
    int k = 0;
    for (int b = 1; b < bins; b++) {
      double q = linearQuantile(valueAtRank, n, b / (double) bins);
      if (k == 0 || q > e[k - 1]) {
        e[k++] = q;
      }
    }
    return Arrays.copyOf(e, k);
  }

  /** numpy's default {@code quantile(method="linear")} on sorted values given by rank. */
  static double linearQuantile(IntToDoubleFunction valueAtRank, int n, double q) {
    double h = (n - 1) * q;
    int lo = (int) Math.floor(h);
    if (lo >= n - 1) {
      return valueAtRank.applyAsDouble(n - 1);
    }
    double t = h - lo;
    double a = valueAtRank.applyAsDouble(lo);
    double b = valueAtRank.applyAsDouble(lo + 1);
    double diff = b - a;
    return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
  }

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

  @Override
  public String name() {
    return name;
  }

  @Override
  public ColumnType type() {
    return ColumnType.NUMERIC;
  }

  @Override
  public ColumnRole role() {
    return role;
  }

  @Override
  public int rows() {
    return rows;
  }

  @Override
  public int missing() {
    return missing;
  }

  /**
   * Returns the number of distinct values present (exact, whatever the summary size).
   *
   * @return the number of distinct values
   */
  public long distinct() {
    return distinct;
  }

  /**
   * Returns the smallest value, NaN when there is none.
   *
   * @return the smallest value
   */
  public double min() {
    return min;
  }

  /**
   * Returns the largest value, NaN when there is none.
   *
   * @return the largest value
   */
  public double max() {
    return max;
  }

  /**
   * Returns the mean, NaN when there is no value.
   *
   * @return the mean
   */
  public double mean() {
    return mean;
  }

  /**
   * Returns the population standard deviation ({@code numpy.std}, {@code ddof = 0}), NaN when
   * there is no value.
   *
   * @return the standard deviation
   */
  public double std() {
    return std;
  }

  /**
   * Returns whether the summary holds every distinct value with its exact count.
   *
   * @return whether the summary is lossless
   */
  public boolean isExact() {
    return exact;
  }

  /**
   * Returns the number of summary points.
   *
   * @return the number of points
   */
  public int pointCount() {
    return points.length;
  }

  /**
   * Returns the summary points, ascending and distinct.
   *
   * @return a new array of the points
   */
  public double[] points() {
    return points.clone();
  }

  /**
   * Returns the count each summary point stands for; they add up to {@link #count()}.
   *
   * @return a new array of the counts
   */
  public long[] weights() {
    return weights.clone();
  }

  /**
   * Returns the largest difference between the reference's distribution function and the
   * summary's, 0 when {@link #isExact()}: a bound on the error of a KS statistic computed on the
   * summary.
   *
   * @return the bound, within {@code [0, 1]}
   */
  public double ksErrorBound() {
    return ksErrorBound;
  }

  /**
   * Returns the Wasserstein distance between the reference values and the summary, in the unit
   * of the values, 0 when {@link #isExact()}: a bound on the error of a Wasserstein distance
   * computed on the summary.
   *
   * @return the bound
   */
  public double wassersteinErrorBound() {
    return wassersteinErrorBound;
  }

  /**
   * Returns the inner bin edges: the distinct reference quantiles at {@code k / bins}. There is
   * one bin more than there are edges.
   *
   * @return a new array of the edges, ascending
   */
  public double[] binEdges() {
    return binEdges.clone();
  }

  /**
   * Returns the reference count of each bin, {@code binEdges().length + 1} of them.
   *
   * @return a new array of the counts
   */
  public long[] binCounts() {
    return binCounts.clone();
  }

  /**
   * Counts values into this column's bins: the same bins as {@link #binCounts()}, for current
   * data. NaN and infinite values are left out.
   *
   * @param values the values, in any order
   * @return the count per bin, {@code binEdges().length + 1} of them
   */
  public long[] binCounts(double[] values) {
    Objects.requireNonNull(values, "values");
    long[] c = new long[binEdges.length + 1];
    for (double v : values) {
      if (Double.isFinite(v)) {
        c[upperBound(binEdges, 0, binEdges.length, v)]++;
      }
    }
    return c;
  }

  double[] pointArray() {
    return points;
  }

  long[] weightArray() {
    return weights;
  }

  double[] edgeArray() {
    return binEdges;
  }

  long[] binCountArray() {
    return binCounts;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NumericReference r
        && name.equals(r.name)
        && role == r.role
        && rows == r.rows
        && missing == r.missing
        && distinct == r.distinct
        && Double.compare(min, r.min) == 0
        && Double.compare(max, r.max) == 0
        && Double.compare(mean, r.mean) == 0
        && Double.compare(std, r.std) == 0
        && exact == r.exact
        && Double.compare(ksErrorBound, r.ksErrorBound) == 0
        && Double.compare(wassersteinErrorBound, r.wassersteinErrorBound) == 0
        && Arrays.equals(points, r.points)
        && Arrays.equals(weights, r.weights)
        && Arrays.equals(binEdges, r.binEdges)
        && Arrays.equals(binCounts, r.binCounts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, rows, missing, distinct, mean, std, Arrays.hashCode(points));
  }

  @Override
  public String toString() {
    return "NumericReference[" + name + ", rows=" + rows + ", missing=" + missing + ", distinct="
        + distinct + ", points=" + points.length + (exact ? " (exact)" : "") + "]";
  }
}
