package dev.churn.drift;

import dev.churn.core.table.BooleanColumn;
import dev.churn.core.table.CategoricalColumn;
import dev.churn.core.table.Column;
import dev.churn.core.table.ColumnType;
import dev.churn.core.table.Dictionary;
import dev.churn.core.table.NumericColumn;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** Tests one column of current data against its reference: the work behind the detector. */
final class ColumnTester {

  /**
   * How to test a column.
   *
   * @param requested the test asked for, AUTO to choose
   * @param threshold a threshold for this column, or NaN for the test's threshold
   * @param testThresholds the threshold of each test
   * @param smallReferenceRows references with at most this many values count as small
   * @param bins numeric columns with at most this many distinct values are binned per value
   */
  record Settings(DriftTest requested, double threshold, Map<DriftTest, Double> testThresholds,
      int smallReferenceRows, int bins) {

    double thresholdOf(DriftTest test) {
      return Double.isNaN(threshold) ? testThresholds.get(test) : threshold;
    }
  }

  private ColumnTester() {}

  /**
   * Tests a column.
   *
   * @param ref the column's reference
   * @param current the column of the current table, of the reference's type
   * @param s how to test
   * @param scratch work arrays of the calling thread
   */
  static ColumnDrift test(ColumnReference ref, Column current, Settings s, Scratch scratch) {
    if (ref instanceof NumericReference n) {
      return numeric(n, (NumericColumn) current, s, scratch);
    }
    return categorical((CategoricalReference) ref, current, s);
  }

  // ---------------------------------------------------------------------------------- numeric

  private static ColumnDrift numeric(NumericReference r, NumericColumn c, Settings s,
      Scratch scratch) {
    int rows = c.size();
    Values.read(c, scratch);
    Sample x = Sample.of(r, scratch.values(rows), rows, scratch);
    long m = x.total();
    int cap = Math.max(s.bins(), 5) + 1;
    int union = unionDistinct(r, x, cap);
    DriftHistogram hist = union <= s.bins() ? perValue(r, x) : binned(r, x);
    DriftTest test = s.requested();
    if (test == DriftTest.AUTO) {
      boolean small = r.count() <= s.smallReferenceRows();
      if (small) {
        test = union <= 2 ? DriftTest.Z : union <= 5 ? DriftTest.CHI2 : DriftTest.KS;
      } else {
        test = union <= 5 ? DriftTest.JENSEN_SHANNON : DriftTest.WASSERSTEIN;
      }
    }
    double threshold = s.thresholdOf(test);
    double missingCurrent = rows == 0 ? 0.0 : (double) (rows - m) / rows;
    if (r.count() == 0 || m == 0) {
      return withoutValues(r, ColumnKind.NUMERIC, test, threshold, m, missingCurrent, List.of(),
          hist);
    }
    double statistic;
    OptionalDouble p = OptionalDouble.empty();
    boolean approximate = false;
    switch (test) {
      case KS -> {
        EcdfWalk walk = EcdfWalk.of(r.pointArray(), r.weightArray(), r.pointCount(), r.count(),
            x.values(), x.weights(), x.size(), m);
        statistic = walk.ks();
        p = OptionalDouble.of(DriftStatistics.kolmogorovSmirnovPValue(statistic, r.count(), m));
        approximate = !r.isExact();
      }
      case WASSERSTEIN -> {
        EcdfWalk walk = EcdfWalk.of(r.pointArray(), r.weightArray(), r.pointCount(), r.count(),
            x.values(), x.weights(), x.size(), m);
        statistic = walk.wasserstein() / Math.max(r.std(), 0.001);
        approximate = !r.isExact();
      }
      default -> {
        DriftStatistics.TestResult t = histogramTest(test, hist);
        statistic = t.statistic();
        if (test.isPValueTest()) {
          p = OptionalDouble.of(t.pValue());
        }
      }
    }
    return verdict(r, ColumnKind.NUMERIC, test, statistic, p, threshold, m, missingCurrent,
        List.of(), hist, approximate);
  }

  /**
   * The current values of a numeric column, ascending: either every finite value (sorted in
   * place), or, when the reference has few distinct values and so does the current data, each
   * distinct value once with its count, which is found without sorting.
   *
   * @param values ascending, repeated values in a row unless weighted
   * @param weights the count of each value, or null for 1 each
   * @param size how many entries of {@code values} are used
   * @param total the number of finite values, the sum of the weights
   */
  private record Sample(double[] values, long[] weights, int size, long total) {

    static Sample of(NumericReference r, double[] x, int rows, Scratch scratch) {
      if (r.isExact() && r.pointCount() <= FewValues.LIMIT) {
        FewValues few = FewValues.of(x, rows, FewValues.LIMIT);
        if (few != null) {
          return new Sample(few.values(), few.counts(), few.size(), few.total());
        }
      }
      int m = RadixSort.sortFinite(x, rows, scratch);
      return new Sample(x, null, m, m);
    }

    /** The number of values at indexes {@code [from, to)}, with their weights. */
    long count(int from, int to) {
      if (weights == null) {
        return to - from;
      }
      long c = 0;
      for (int i = from; i < to; i++) {
        c += weights[i];
      }
      return c;
    }
  }

  /** The number of distinct values of the reference and the current data together, up to cap. */
  private static int unionDistinct(NumericReference r, Sample x, int cap) {
    if (r.distinct() >= cap) {
      return cap;
    }
    double[] pts = r.pointArray(); // exact: distinct < cap <= maxPoints
    double[] xv = x.values();
    int m = x.size();
    int i = 0;
    int j = 0;
    int count = 0;
    while ((i < pts.length || j < m) && count < cap) {
      double v = j >= m || (i < pts.length && pts[i] <= xv[j]) ? pts[i] : xv[j];
      count++;
      while (i < pts.length && pts[i] == v) {
        i++;
      }
      while (j < m && xv[j] == v) {
        j++;
      }
    }
    return count;
  }

  private static DriftHistogram perValue(NumericReference r, Sample x) {
    double[] pts = r.pointArray();
    long[] wts = r.weightArray();
    double[] xv = x.values();
    int m = x.size();
    List<DriftHistogram.Bin> bins = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < pts.length || j < m) {
      double v = j >= m || (i < pts.length && pts[i] <= xv[j]) ? pts[i] : xv[j];
      long a = 0;
      if (i < pts.length && pts[i] == v) {
        a = wts[i++];
      }
      int start = j;
      while (j < m && xv[j] == v) {
        j++;
      }
      bins.add(new DriftHistogram.Bin(format(v), v, v, a, x.count(start, j)));
    }
    return new DriftHistogram(bins);
  }

  private static DriftHistogram binned(NumericReference r, Sample x) {
    double[] edges = r.edgeArray();
    long[] refCounts = r.binCountArray();
    double[] xv = x.values();
    int m = x.size();
    List<DriftHistogram.Bin> bins = new ArrayList<>(edges.length + 1);
    int from = 0;
    for (int e = 0; e <= edges.length; e++) {
      int to = e == edges.length ? m : NumericReference.lowerBound(xv, from, m, edges[e]);
      double lo = e == 0 ? Double.NEGATIVE_INFINITY : edges[e - 1];
      double hi = e == edges.length ? Double.POSITIVE_INFINITY : edges[e];
      String label;
      if (edges.length == 0) {
        label = "all values";
      } else if (e == 0) {
        label = "< " + format(hi);
      } else if (e == edges.length) {
        label = ">= " + format(lo);
      } else {
        label = "[" + format(lo) + ", " + format(hi) + ")";
      }
      bins.add(new DriftHistogram.Bin(label, lo, hi, refCounts[e], x.count(from, to)));
      from = to;
    }
    return new DriftHistogram(bins);
  }

  // ---------------------------------------------------------------------------------- categorical

  private static ColumnDrift categorical(CategoricalReference r, Column c, Settings s) {
    List<String> cats = r.categories();
    long[] refCounts = r.countArray();
    long[] cur = new long[cats.size()];
    Map<String, Long> fresh = new LinkedHashMap<>();
    if (c instanceof BooleanColumn b) {
      long trues = b.trueCount();
      long falses = (long) b.size() - b.missingCount() - trues;
      add(r, cur, fresh, "false", falses);
      add(r, cur, fresh, "true", trues);
    } else {
      CategoricalColumn k = (CategoricalColumn) c;
      Dictionary d = k.dictionary();
      long[] perCode = Values.codeCounts(k);
      for (int code = 0; code < perCode.length; code++) {
        add(r, cur, fresh, d.get(code), perCode[code]);
      }
    }
    long m = 0;
    for (long v : cur) {
      m += v;
    }
    for (long v : fresh.values()) {
      m += v;
    }
    List<DriftHistogram.Bin> bins = new ArrayList<>(cats.size() + fresh.size());
    int union = 0;
    for (int i = 0; i < cats.size(); i++) {
      bins.add(new DriftHistogram.Bin(cats.get(i), Double.NaN, Double.NaN, refCounts[i], cur[i]));
      union += refCounts[i] + cur[i] > 0 ? 1 : 0;
    }
    List<NewCategory> news = new ArrayList<>(fresh.size());
    for (Map.Entry<String, Long> e : fresh.entrySet()) {
      bins.add(new DriftHistogram.Bin(e.getKey(), Double.NaN, Double.NaN, 0, e.getValue()));
      news.add(new NewCategory(e.getKey(), e.getValue(), (double) e.getValue() / m));
      union++;
    }
    DriftHistogram hist = new DriftHistogram(bins);
    ColumnKind kind = r.type() == ColumnType.BOOLEAN || union <= 2
        ? ColumnKind.BINARY : ColumnKind.CATEGORICAL;
    DriftTest test = s.requested();
    if (test == DriftTest.AUTO) {
      if (r.count() <= s.smallReferenceRows()) {
        test = union <= 2 ? DriftTest.Z : DriftTest.CHI2;
      } else {
        test = DriftTest.JENSEN_SHANNON;
      }
    }
    double threshold = s.thresholdOf(test);
    int rows = c.size();
    double missingCurrent = rows == 0 ? 0.0 : (double) c.missingCount() / rows;
    if (r.count() == 0 || m == 0) {
      return withoutValues(r, kind, test, threshold, m, missingCurrent, news, hist);
    }
    DriftStatistics.TestResult t = histogramTest(test, hist);
    OptionalDouble p = test.isPValueTest() ? OptionalDouble.of(t.pValue()) : OptionalDouble.empty();
    return verdict(r, kind, test, t.statistic(), p, threshold, m, missingCurrent, news, hist,
        false);
  }

  private static void add(CategoricalReference r, long[] cur, Map<String, Long> fresh,
      String category, long count) {
    if (count == 0) {
      return;
    }
    OptionalInt i = r.indexOf(category);
    if (i.isPresent()) {
      cur[i.getAsInt()] += count;
    } else {
      fresh.merge(category, count, Long::sum);
    }
  }

  // ---------------------------------------------------------------------------------- shared

  private static DriftStatistics.TestResult histogramTest(DriftTest test, DriftHistogram h) {
    long[] a = h.referenceCounts();
    long[] b = h.currentCounts();
    return switch (test) {
      case CHI2 -> DriftStatistics.chiSquare(a, b);
      case Z -> DriftStatistics.zTest(a[0], sum(a), b[0], sum(b));
      case JENSEN_SHANNON -> new DriftStatistics.TestResult(
          DriftStatistics.jensenShannon(toDouble(a), toDouble(b)), Double.NaN);
      case PSI -> new DriftStatistics.TestResult(
          DriftStatistics.psi(toDouble(a), toDouble(b)), Double.NaN);
      default -> throw new IllegalStateException(test + " does not run on a histogram");
    };
  }

  private static ColumnDrift verdict(ColumnReference r, ColumnKind kind, DriftTest test,
      double statistic, OptionalDouble p, double threshold, long currentCount,
      double missingCurrent, List<NewCategory> news, DriftHistogram hist, boolean approximate) {
    boolean drifted = test.isPValueTest() ? p.getAsDouble() < threshold : statistic >= threshold;
    return new ColumnDrift(r.name(), kind, test, statistic, p, p, threshold, drifted, r.count(),
        currentCount, r.missingShare(), missingCurrent, news, hist, approximate, Optional.empty());
  }

  private static ColumnDrift withoutValues(ColumnReference r, ColumnKind kind, DriftTest test,
      double threshold, long currentCount, double missingCurrent, List<NewCategory> news,
      DriftHistogram hist) {
    String problem;
    if (r.count() == 0 && currentCount == 0) {
      problem = "neither the reference nor the current data has a value in column '" + r.name()
          + "'";
    } else if (currentCount == 0) {
      problem = "the current data has no value in column '" + r.name()
          + "' (every row is missing)";
    } else {
      problem = "the reference has no value in column '" + r.name() + "' (every row was missing)";
    }
    boolean drifted = (r.count() == 0) != (currentCount == 0);
    return new ColumnDrift(r.name(), kind, test, Double.NaN, OptionalDouble.empty(),
        OptionalDouble.empty(), threshold, drifted, r.count(), currentCount, r.missingShare(),
        missingCurrent, news, hist, false, Optional.of(problem));
  }

  private static long sum(long[] a) {
    long s = 0;
    for (long v : a) {
      s += v;
    }
    return s;
  }

  private static double[] toDouble(long[] a) {
    double[] d = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = a[i];
    }
    return d;
  }

  /** A short readable form of a bin edge or value: integers plainly, others to 6 digits. */
  static String format(double v) {
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    BigDecimal b = new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros();
    double mag = Math.abs(v);
    return mag >= 1e-4 && mag < 1e9 ? b.toPlainString() : b.toString();
  }
}
