package dev.churn.features.internal;

import dev.churn.core.table.CategoricalColumn;
import dev.churn.core.table.Dictionary;
import dev.churn.features.Aggregation;
import java.util.Arrays;

/**
 * The running state of one {@link Aggregation} for every entity, in primitive arrays indexed by
 * entity id. {@link #add(Batch)} folds one batch in; batches arrive in source order, which is
 * what "latest" breaks ties by.
 */
abstract class Accumulator {
  final Aggregation aggregation;
  int capacity;

  Accumulator(Aggregation aggregation) {
    this.aggregation = aggregation;
  }

  /** The window's first day (inclusive) relative to the batch's as-of day. */
  final int from(Batch b) {
    return b.asOf - aggregation.windowDays();
  }

  /** Makes room for entity ids below {@code entities}. */
  final void ensure(int entities) {
    if (entities > capacity) {
      int n = Math.max(entities, capacity + (capacity >> 1) + 16);
      grow(n);
      capacity = n;
    }
  }

  abstract void grow(int n);

  abstract void add(Batch b);

  /** Returns one value per entity (NaN = missing); numeric aggregations only. */
  abstract double[] values(int entities);

  static double[] grow(double[] a, int n, double fill) {
    int old = a.length;
    double[] b = Arrays.copyOf(a, n);
    if (fill != 0 && n > old) {
      Arrays.fill(b, old, n, fill);
    }
    return b;
  }

  static int[] grow(int[] a, int n, int fill) {
    int old = a.length;
    int[] b = Arrays.copyOf(a, n);
    if (fill != 0 && n > old) {
      Arrays.fill(b, old, n, fill);
    }
    return b;
  }

  static Accumulator of(Aggregation a) {
    return switch (a.kind()) {
      case COUNT -> new Count(a);
      case SUM -> new Sum(a, false);
      case MEAN -> new Sum(a, true);
      case MIN -> new Extreme(a, true);
      case MAX -> new Extreme(a, false);
      case STD -> new Std(a);
      case LAST -> new Last(a, false);
      case DAYS_UNTIL -> new Last(a, true);
      case DISTINCT_DAYS -> new DistinctDays(a);
      case DAYS_SINCE_LAST -> new Recency(a);
      case TREND_RATIO -> new Trend(a, true);
      case TREND_SLOPE -> new Trend(a, false);
      case LAST_CATEGORY -> new LastCategory(a);
      case CATEGORY_COUNT -> new CategoryCount(a);
    };
  }

  static final class Count extends Accumulator {
    private double[] count = new double[0];

    Count(Aggregation a) {
      super(a);
    }

    @Override
    void grow(int n) {
      count = grow(count, n, 0);
    }

    @Override
    void add(Batch b) {
      int lo = from(b);
      int[] e = b.entity;
      int[] d = b.day;
      for (int r = 0; r < b.rows; r++) {
        if (e[r] >= 0 && d[r] >= lo) {
          count[e[r]]++;
        }
      }
    }

    @Override
    double[] values(int entities) {
      return Arrays.copyOf(count, entities);
    }
  }

  static final class Sum extends Accumulator {
    private final boolean mean;
    private double[] sum = new double[0];
    private double[] n = new double[0];

    Sum(Aggregation a, boolean mean) {
      super(a);
      this.mean = mean;
    }

    @Override
    void grow(int size) {
      sum = grow(sum, size, 0);
      n = grow(n, size, 0);
    }

    @Override
    void add(Batch b) {
      int lo = from(b);
      int[] e = b.entity;
      int[] d = b.day;
      double[] v = b.numeric(aggregation.column().orElseThrow());
      for (int r = 0; r < b.rows; r++) {
        if (e[r] >= 0 && d[r] >= lo && !Double.isNaN(v[r])) {
          sum[e[r]] += v[r];
          n[e[r]]++;
        }
      }
    }

    @Override
    double[] values(int entities) {
      double[] out = Arrays.copyOf(sum, entities);
      if (mean) {
        for (int i = 0; i < entities; i++) {
          out[i] = n[i] == 0 ? Double.NaN : sum[i] / n[i];
        }
      }
      return out;
    }
  }

  static final class Extreme extends Accumulator {
    private final boolean min;
    private double[] best = new double[0];

    Extreme(Aggregation a, boolean min) {
      super(a);
      this.min = min;
    }

    @Override
    void grow(int n) {
      best = grow(best, n, Double.NaN);
    }

    @Override
    void add(Batch b) {
      int lo = from(b);
      int[] e = b.entity;
      int[] d = b.day;
      double[] v = b.numeric(aggregation.column().orElseThrow());
      for (int r = 0; r < b.rows; r++) {
        if (e[r] >= 0 && d[r] >= lo && !Double.isNaN(v[r])) {
          double cur = best[e[r]];
          if (Double.isNaN(cur) || (min ? v[r] < cur : v[r] > cur)) {
            best[e[r]] = v[r];
          }
        }
      }
    }

    @Override
    double[] values(int entities) {
      return Arrays.copyOf(best, entities);
    }
  }

  /** Welford's running mean and sum of squared deviations: stable for large values. */
  static final class Std extends Accumulator {
    private double[] n = new double[0];
    private double[] mean = new double[0];
    private double[] m2 = new double[0];

    Std(Aggregation a) {
      super(a);
    }

    @Override
    void grow(int size) {
      n = grow(n, size, 0);
      mean = grow(mean, size, 0);
      m2 = grow(m2, size, 0);
    }

    @Override
    void add(Batch b) {
      int lo = from(b);
      int[] e = b.entity;
      int[] d = b.day;
      double[] v = b.numeric(aggregation.column().orElseThrow());
      for (int r = 0; r < b.rows; r++) {
        if (e[r] >= 0 && d[r] >= lo && !Double.isNaN(v[r])) {
          int i = e[r];
          double count = ++n[i];
          double delta = v[r] - mean[i];
          mean[i] += delta / count;
          m2[i] += delta * (v[r] - mean[i]);
        }
      }
    }

    @Override
    double[] values(int entities) {
      double[] out = new double[entities];
      for (int i = 0; i < entities; i++) {
        out[i] = n[i] < 2 ? Double.NaN : Math.sqrt(m2[i] / (n[i] - 1));
      }
      return out;
    }
  }

  static final class Last extends Accumulator {
    private final boolean daysUntil;
    private int[] lastDay = new int[0];
    private double[] value = new double[0];
    private int asOf;

    Last(Aggregation a, boolean daysUntil) {
      super(a);
      this.daysUntil = daysUntil;
    }

    @Override
    void grow(int n) {
      lastDay = grow(lastDay, n, Integer.MIN_VALUE);
      value = grow(value, n, Double.NaN);
    }

    @Override
    void add(Batch b) {
      int lo = from(b);
      int[] e = b.entity;
      int[] d = b.day;
      double[] v = b.numeric(aggregation.column().orElseThrow());
      asOf = b.asOf;
      for (int r = 0; r < b.rows; r++) {
        if (e[r] >= 0 && d[r] >= lo && !Double.isNaN(v[r]) && d[r] >= lastDay[e[r]]) {
          lastDay[e[r]] = d[r];
          value[e[r]] = v[r];
        }
      }
    }

    @Override
    double[] values(int entities) {
      double[] out = Arrays.copyOf(value, entities);
      if (daysUntil) {
        for (int i = 0; i < entities; i++) {
          out[i] -= asOf;
        }
      }
      return out;
    }
  }

  static final class DistinctDays extends Accumulator {
    private final int words;
    private long[] bits = new long[0];

    DistinctDays(Aggregation a) {
      super(a);
      this.words = (a.windowDays() + 63) / 64;
    }

    @Override
    void grow(int n) {
      bits = Arrays.copyOf(bits, n * words);
    }

    @Override
    void add(Batch b) {
      int lo = from(b);
      int[] e = b.entity;
      int[] d = b.day;
      int last = b.asOf - 1;
      for (int r = 0; r < b.rows; r++) {
        if (e[r] >= 0 && d[r] >= lo) {
          int bit = last - d[r];
          bits[e[r] * words + (bit >>> 6)] |= 1L << (bit & 63);
        }
      }
    }

    @Override
    double[] values(int entities) {
      double[] out = new double[entities];
      for (int i = 0; i < entities; i++) {
        int c = 0;
        for (int w = 0; w < words; w++) {
          c += Long.bitCount(bits[i * words + w]);
        }
        out[i] = c;
      }
      return out;
    }
  }

  static final class Recency extends Accumulator {
    private int[] lastDay = new int[0];
    private int asOf;

    Recency(Aggregation a) {
      super(a);
    }

    @Override
    void grow(int n) {
      lastDay = grow(lastDay, n, Integer.MIN_VALUE);
    }

    @Override
    void add(Batch b) {
      asOf = b.asOf;
      int[] e = b.entity;
      int[] d = b.day;
      for (int r = 0; r < b.rows; r++) {
        if (e[r] >= 0 && d[r] > lastDay[e[r]]) {
          lastDay[e[r]] = d[r];
        }
      }
    }

    @Override
    double[] values(int entities) {
      double[] out = new double[entities];
      for (int i = 0; i < entities; i++) {
        out[i] = lastDay[i] == Integer.MIN_VALUE ? Double.NaN : asOf - lastDay[i];
      }
      return out;
    }
  }

  static final class Trend extends Accumulator {
    private final boolean ratio;
    private double[] early = new double[0];
    private double[] late = new double[0];
    private double[] n = new double[0];

    Trend(Aggregation a, boolean ratio) {
      super(a);
      this.ratio = ratio;
    }

    @Override
    void grow(int size) {
      early = grow(early, size, 0);
      late = grow(late, size, 0);
      n = grow(n, size, 0);
    }

    @Override
    void add(Batch b) {
      int lo = from(b);
      int mid = b.asOf - aggregation.windowDays() / 2;
      int[] e = b.entity;
      int[] d = b.day;
      double[] v = b.numeric(aggregation.column().orElseThrow());
      for (int r = 0; r < b.rows; r++) {
        if (e[r] >= 0 && d[r] >= lo && !Double.isNaN(v[r])) {
          if (d[r] >= mid) {
            late[e[r]] += v[r];
          } else {
            early[e[r]] += v[r];
          }
          n[e[r]]++;
        }
      }
    }

    @Override
    double[] values(int entities) {
      double half = aggregation.windowDays() / 2.0;
      double[] out = new double[entities];
      for (int i = 0; i < entities; i++) {
        if (n[i] == 0) {
          out[i] = Double.NaN;
        } else if (ratio) {
          out[i] = early[i] == 0 ? Double.NaN : late[i] / early[i];
        } else {
          out[i] = (late[i] / half - early[i] / half) / half;
        }
      }
      return out;
    }
  }

  static final class LastCategory extends Accumulator {
    private int[] lastDay = new int[0];
    private int[] code = new int[0];
    private final Dictionary.Builder categories = new Dictionary.Builder();

    LastCategory(Aggregation a) {
      super(a);
    }

    @Override
    void grow(int n) {
      lastDay = grow(lastDay, n, Integer.MIN_VALUE);
      code = grow(code, n, -1);
    }

    @Override
    void add(Batch b) {
      int lo = from(b);
      int[] e = b.entity;
      int[] d = b.day;
      CategoricalColumn c = b.categorical(aggregation.column().orElseThrow());
      Dictionary dict = c.dictionary();
      int[] local = new int[dict.size()];
      Arrays.fill(local, -1);
      for (int r = 0; r < b.rows; r++) {
        if (e[r] >= 0 && d[r] >= lo && d[r] >= lastDay[e[r]]) {
          int k = c.code(r);
          if (k >= 0) {
            if (local[k] < 0) {
              local[k] = categories.codeOf(dict.get(k));
            }
            lastDay[e[r]] = d[r];
            code[e[r]] = local[k];
          }
        }
      }
    }

    @Override
    double[] values(int entities) {
      throw new UnsupportedOperationException("categorical");
    }

    int[] codes(int entities) {
      return Arrays.copyOf(code, entities);
    }

    Dictionary dictionary() {
      return categories.snapshot();
    }
  }

  static final class CategoryCount extends Accumulator {
    private double[] count = new double[0];

    CategoryCount(Aggregation a) {
      super(a);
    }

    @Override
    void grow(int n) {
      count = grow(count, n, 0);
    }

    @Override
    void add(Batch b) {
      CategoricalColumn c = b.categorical(aggregation.column().orElseThrow());
      var target = c.dictionary().codeOf(aggregation.category().orElseThrow());
      if (target.isEmpty()) {
        return;
      }
      int t = target.getAsInt();
      int lo = from(b);
      int[] e = b.entity;
      int[] d = b.day;
      for (int r = 0; r < b.rows; r++) {
        if (e[r] >= 0 && d[r] >= lo && c.code(r) == t) {
          count[e[r]]++;
        }
      }
    }

    @Override
    double[] values(int entities) {
      return Arrays.copyOf(count, entities);
    }
  }
}
