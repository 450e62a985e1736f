package dev.churn.core.profile;

import dev.churn.core.table.BooleanColumn;
import dev.churn.core.table.CategoricalColumn;
import dev.churn.core.table.Column;
import dev.churn.core.table.DateColumn;
import dev.churn.core.table.Dictionary;
import dev.churn.core.table.IdColumn;
import dev.churn.core.table.NumericColumn;
import dev.churn.core.table.Table;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Computes {@link DataProfile}s: one pass and at most one sort per column. */
final class Profiler {
  private static final Logger LOG = LoggerFactory.getLogger(Profiler.class);

  /** Tables with at least this many cells are profiled on several threads. */
  private static final long PARALLEL_CELLS = 1_000_000;

  private Profiler() {}

  private record Result(ColumnProfile profile, List<ProfileWarning> warnings) {}

  static DataProfile profile(Table table, ProfileOptions o) {
    long start = System.nanoTime();
    List<Column> cols = table.columns();
    int rows = table.rowCount();
    Result[] results = new Result[cols.size()];
    IntStream columns = IntStream.range(0, cols.size());
    if ((long) rows * cols.size() >= PARALLEL_CELLS && cols.size() > 1) {
      columns = columns.parallel();
    }
    columns.forEach(i -> results[i] = profile(cols.get(i), o));

    List<ProfileWarning> warnings = new ArrayList<>();
    if (rows == 0) {
      warnings.add(ProfileWarning.ofTable(ProfileWarning.Kind.EMPTY, "the table has no rows"));
    }
    OptionalLong duplicates = OptionalLong.empty();
    if (o.duplicateRows()) {
      long d = DuplicateRows.count(cols, rows);
      duplicates = OptionalLong.of(d);
      if (d > 0) {
        warnings.add(
            ProfileWarning.ofTable(
                ProfileWarning.Kind.DUPLICATE_ROWS,
                d + " rows (" + percent(d, rows) + ") repeat an earlier row exactly"));
      }
    }
    List<ColumnProfile> profiles = new ArrayList<>(results.length);
    for (Result r : results) {
      profiles.add(r.profile());
      warnings.addAll(r.warnings());
    }
    DataProfile profile = new DataProfile(rows, profiles.size(), profiles, duplicates, warnings);
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "profiled {} rows x {} columns in {} ms: {} warnings",
          rows,
          profiles.size(),
          (System.nanoTime() - start) / 1_000_000,
          warnings.size());
    }
    return profile;
  }

  private static Result profile(Column c, ProfileOptions o) {
    if (c instanceof NumericColumn n) {
      return numeric(n, o);
    } else if (c instanceof CategoricalColumn k) {
      return categorical(k, o);
    } else if (c instanceof BooleanColumn b) {
      return bool(b, o);
    } else if (c instanceof DateColumn d) {
      return date(d, o);
    } else {
      return id((IdColumn) c, o);
    }
  }

  // ---------------------------------------------------------------- numeric

  private static Result numeric(NumericColumn c, ProfileOptions o) {
    String name = c.name();
    int rows = c.size();
    double[] x = c.toArray();
    int n = 0;
    for (int i = 0; i < rows; i++) {
      double v = x[i];
      if (!Double.isNaN(v)) {
        x[n++] = v;
      }
    }
    int missing = rows - n;
    Arrays.sort(x, 0, n);

    long distinct = 0;
    long zeros = 0;
    boolean integral = n > 0;
    for (int i = 0; i < n; i++) {
      double v = x[i];
      if (i == 0 || v != x[i - 1]) {
        distinct++;
      }
      if (v == 0) {
        zeros++;
      }
      if (integral && (v != Math.rint(v) || Double.isInfinite(v))) {
        integral = false;
      }
    }
    double min = n == 0 ? Double.NaN : x[0];
    double max = n == 0 ? Double.NaN : x[n - 1];
    double mean = mean(x, n);
    double std = std(x, n, mean);
    Quantiles q = Quantiles.of(x, n);
    double iqr = q.iqr();
    long outliers = 0;
    double lowerFence = Double.NaN;
    double upperFence = Double.NaN;
    if (iqr > 0 && Double.isFinite(iqr)) {
      lowerFence = q.p25() - o.outlierFence() * iqr;
      upperFence = q.p75() + o.outlierFence() * iqr;
      outliers =
          Histogram.lowerBound(x, 0, n, lowerFence)
              + (n - Histogram.upperBound(x, 0, n, upperFence));
    }
    Histogram histogram = Histogram.of(x, n, o.histogramBins());
    NumericProfile p =
        new NumericProfile(
            name, rows, missing, distinct, min, max, mean, std, q, zeros, integral, outliers,
            histogram);

    List<ProfileWarning> w = new ArrayList<>();
    common(w, p, n > 0 ? number(min) : null, o);
    if (integral && n >= o.idLikeMinRows() && distinct == n) {
      w.add(
          warning(
              name,
              ProfileWarning.Kind.ID_LIKE,
              "column '%s' holds %d distinct whole numbers in %d non-missing rows: it looks like"
                  + " an identifier, not a feature",
              name,
              distinct,
              n));
    }
    if (distinct == 2) {
      long low = Histogram.upperBound(x, 0, n, min);
      long minority = Math.min(low, n - low);
      double rare = low <= n - low ? min : max;
      imbalance(w, name, number(rare), minority, n, o);
    }
    if (outliers > 0) {
      w.add(
          warning(
              name,
              ProfileWarning.Kind.OUTLIERS,
              "column '%s' has %d %s (%s of non-missing rows) outside Tukey's fences [%s, %s]"
                  + " = Q1 - %s*IQR, Q3 + %s*IQR",
              name,
              outliers,
              outliers == 1 ? "outlier" : "outliers",
              percent(outliers, n),
              number(lowerFence),
              number(upperFence),
              number(o.outlierFence()),
              number(o.outlierFence())));
    }
    return new Result(p, w);
  }

  /** The mean of ascending values, summed with Neumaier's compensation; NaN when n == 0. */
  static double mean(double[] x, int n) {
    if (n == 0) {
      return Double.NaN;
    }
    if (Double.isInfinite(x[0]) || Double.isInfinite(x[n - 1])) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += x[i];
      }
      return s / n;
    }
    double sum = 0;
    double comp = 0;
    for (int i = 0; i < n; i++) {
      double v = x[i];
      double t = sum + v;
      if (Math.abs(sum) >= Math.abs(v)) {
        comp += (sum - t) + v;
      } else {
        comp += (v - t) + sum;
      }
      sum = t;
    }
    return (sum + comp) / n;
  }

  /** The sample standard deviation (ddof = 1), two-pass; NaN when n < 2. */
  static double std(double[] x, int n, double mean) {
    if (n < 2) {
      return Double.NaN;
    }
    double ss = 0;
    double comp = 0;
    for (int i = 0; i < n; i++) {
      double d = x[i] - mean;
      ss += d * d;
      comp += d;
    }
    // The corrected two-pass algorithm (Chan, Golub and LeVeque): the second term removes the
    // rounding error of the mean.
    return Math.sqrt((ss - comp * comp / n) / (n - 1));
  }

  // ---------------------------------------------------------------- categorical

  private static Result categorical(CategoricalColumn c, ProfileOptions o) {
    String name = c.name();
    int rows = c.size();
    int missing = c.missingCount();
    int present = rows - missing;
    long[] counts = c.counts();
    Dictionary dict = c.dictionary();
    int distinct = 0;
    for (long k : counts) {
      if (k > 0) {
        distinct++;
      }
    }
    // Sort (count, code) pairs packed into longs: largest count first, then smallest code.
    long[] keys = new long[distinct];
    int j = 0;
    for (int code = 0; code < counts.length; code++) {
      if (counts[code] > 0) {
        keys[j++] = (counts[code] << 32) | (Integer.MAX_VALUE - code);
      }
    }
    Arrays.sort(keys);
    int topN = Math.min(o.topCategories(), distinct);
    List<CategoryCount> top = new ArrayList<>(topN);
    long inTop = 0;
    for (int i = 0; i < topN; i++) {
      long key = keys[distinct - 1 - i];
      int code = Integer.MAX_VALUE - (int) (key & 0xFFFF_FFFFL);
      long count = key >>> 32;
      inTop += count;
      top.add(new CategoryCount(dict.get(code), count, (double) count / present));
    }
    CategoricalProfile p =
        new CategoricalProfile(name, rows, missing, distinct, top, present - inTop);

    List<ProfileWarning> w = new ArrayList<>();
    common(w, p, distinct > 0 ? "'" + top.get(0).value() + "'" : null, o);
    boolean idLike =
        present >= o.idLikeMinRows() && distinct >= o.idLikeDistinctShare() * present;
    if (idLike) {
      w.add(
          warning(
              name,
              ProfileWarning.Kind.ID_LIKE,
              "column '%s' has %d distinct values in %d non-missing rows (%s): it looks like an"
                  + " identifier, not a feature",
              name,
              distinct,
              present,
              percent(distinct, present)));
    } else if (distinct >= o.highCardinality()) {
      w.add(
          warning(
              name,
              ProfileWarning.Kind.HIGH_CARDINALITY,
              "column '%s' has %d categories (threshold %d): consider grouping rare ones or"
                  + " target encoding",
              name,
              distinct,
              o.highCardinality()));
    }
    if (distinct == 2) {
      CategoryCount rare = top.get(1);
      imbalance(w, name, "'" + rare.value() + "'", rare.count(), present, o);
    }
    return new Result(p, w);
  }

  // ---------------------------------------------------------------- boolean

  private static Result bool(BooleanColumn c, ProfileOptions o) {
    String name = c.name();
    int rows = c.size();
    int missing = c.missingCount();
    int present = rows - missing;
    long trues = c.trueCount();
    long falses = present - trues;
    List<CategoryCount> top = new ArrayList<>(2);
    CategoryCount t = new CategoryCount("true", trues, (double) trues / present);
    CategoryCount f = new CategoryCount("false", falses, (double) falses / present);
    CategoryCount first = trues >= falses ? t : f;
    CategoryCount second = trues >= falses ? f : t;
    if (first.count() > 0) {
      top.add(first);
    }
    if (second.count() > 0) {
      top.add(second);
    }
    double trueShare = present == 0 ? Double.NaN : (double) trues / present;
    BooleanProfile p = new BooleanProfile(name, rows, missing, top.size(), trues, trueShare, top);

    List<ProfileWarning> w = new ArrayList<>();
    common(w, p, top.isEmpty() ? null : top.get(0).value(), o);
    if (top.size() == 2) {
      imbalance(w, name, second.value(), second.count(), present, o);
    }
    return new Result(p, w);
  }

  // ---------------------------------------------------------------- date

  private static Result date(DateColumn c, ProfileOptions o) {
    String name = c.name();
    int rows = c.size();
    int[] days = new int[rows];
    int n = 0;
    for (int i = 0; i < rows; i++) {
      int d = c.epochDay(i);
      if (d != DateColumn.MISSING) {
        days[n++] = d;
      }
    }
    Arrays.sort(days, 0, n);
    long distinct = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || days[i] != days[i - 1]) {
        distinct++;
      }
    }
    Optional<LocalDate> min = Optional.empty();
    Optional<LocalDate> max = Optional.empty();
    List<DateBin> bins = new ArrayList<>();
    if (n > 0) {
      LocalDate lo = LocalDate.ofEpochDay(days[0]);
      LocalDate hi = LocalDate.ofEpochDay(days[n - 1]);
      min = Optional.of(lo);
      max = Optional.of(hi);
      YearMonth first = YearMonth.from(lo);
      long months = first.until(YearMonth.from(hi), java.time.temporal.ChronoUnit.MONTHS) + 1;
      long width = (months + o.maxDateBins() - 1) / o.maxDateBins();
      int pos = 0;
      for (long m = 0; m < months; m += width) {
        LocalDate binStart = first.plusMonths(m).atDay(1);
        LocalDate binEnd = first.plusMonths(m + width).atDay(1);
        int end = lowerBound(days, pos, n, binEnd.toEpochDay());
        bins.add(new DateBin(binStart, binEnd, end - pos));
        pos = end;
      }
    }
    DateProfile p = new DateProfile(name, rows, rows - n, distinct, min, max, bins);
    List<ProfileWarning> w = new ArrayList<>();
    common(w, p, min.map(LocalDate::toString).orElse(null), o);
    return new Result(p, w);
  }

  private static int lowerBound(int[] a, int from, int to, long key) {
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

  // ---------------------------------------------------------------- id

  private static Result id(IdColumn c, ProfileOptions o) {
    String name = c.name();
    int rows = c.size();
    int missing = c.missingCount();
    Set<String> seen = new HashSet<>(Math.max(16, (rows - missing) * 4 / 3 + 1));
    Set<String> examples = new LinkedHashSet<>();
    for (int i = 0; i < rows; i++) {
      if (!c.isMissing(i)) {
        String v = c.format(i);
        if (seen.add(v) && examples.size() < o.idExamples()) {
          examples.add(v);
        }
      }
    }
    IdProfile p = new IdProfile(name, rows, missing, seen.size(), List.copyOf(examples));
    List<ProfileWarning> w = new ArrayList<>();
    common(w, p, seen.isEmpty() ? null : "'" + seen.iterator().next() + "'", o);
    w.add(
        warning(
            name,
            ProfileWarning.Kind.ID_LIKE,
            "column '%s' is an ID column (%d distinct values in %d non-missing rows): identifiers"
                + " are not features",
            name,
            seen.size(),
            rows - missing));
    return new Result(p, w);
  }

  // ---------------------------------------------------------------- warnings

  /** CONSTANT and HIGH_MISSING, which apply to every type. */
  private static void common(
      List<ProfileWarning> w, ColumnProfile p, String onlyValue, ProfileOptions o) {
    String name = p.name();
    if (p.rows() > 0 && p.present() == 0) {
      w.add(
          warning(
              name,
              ProfileWarning.Kind.CONSTANT,
              "column '%s' has no value: all %d rows are missing",
              name,
              p.rows()));
    } else if (p.distinct() == 1) {
      w.add(
          warning(
              name,
              ProfileWarning.Kind.CONSTANT,
              "column '%s' has one value, %s, in all %d non-missing rows",
              name,
              onlyValue,
              p.present()));
    }
    if (p.rows() > 0 && p.missingShare() >= o.highMissingShare()) {
      w.add(
          warning(
              name,
              ProfileWarning.Kind.HIGH_MISSING,
              "column '%s' is %s missing (%d of %d rows)",
              name,
              percent(p.missing(), p.rows()),
              p.missing(),
              p.rows()));
    }
  }

  private static void imbalance(
      List<ProfileWarning> w, String name, String rare, long minority, long n, ProfileOptions o) {
    if (n > 0 && (double) minority / n < o.imbalancedShare()) {
      w.add(
          warning(
              name,
              ProfileWarning.Kind.IMBALANCED,
              "column '%s' has two values and the rarer one, %s, is only %s (%d of %d"
                  + " non-missing rows)",
              name,
              rare,
              percent(minority, n),
              minority,
              n));
    }
  }

  private static ProfileWarning warning(
      String column, ProfileWarning.Kind kind, String format, Object... args) {
    return ProfileWarning.ofColumn(column, kind, String.format(Locale.ROOT, format, args));
  }

  /**
   * Formats {@code part / whole} as a percentage: one decimal, two for small non-zero shares.
   */
  static String percent(long part, long whole) {
    double p = whole == 0 ? 0.0 : 100.0 * part / whole;
    if (part > 0 && p < 0.01) {
      return "<0.01 %";
    }
    return String.format(Locale.ROOT, part > 0 && p < 0.1 ? "%.2f %%" : "%.1f %%", p);
  }

  /** Formats a number for a message: whole numbers without a decimal point, else 6 digits. */
  static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    String s = String.format(Locale.ROOT, "%.6g", v);
    if (s.contains("e") || s.contains("E")) {
      return s;
    }
    if (s.contains(".")) {
      s = s.replaceAll("0+$", "");
      if (s.endsWith(".")) {
        s = s.substring(0, s.length() - 1);
      }
    }
    return s;
  }
}
