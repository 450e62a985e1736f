package dev.churn.features.internal;

import dev.churn.features.Aggregation;
import dev.churn.features.AggregationKind;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The running state of every numeric aggregation of a group, fused: one entity's state for all
 * aggregations sits together in one stretch of a {@code double[]} (and of a {@code long[]} for
 * distinct-day bitmaps), so folding an event touches one or two cache lines instead of one per
 * aggregation. On large entity counts this is what makes the aggregation fast: the state does
 * not fit in cache and each event is a random access.
 *
 * <p>Batches are folded on several threads (a power of two), each owning the entities whose id
 * modulo the thread count is its number, so no two threads write the same state.
 */
final class FusedAccumulator {
  private static final int COUNT = 0;
  private static final int SUM = 1;
  private static final int MEAN = 2;
  private static final int MIN = 3;
  private static final int MAX = 4;
  private static final int STD = 5;
  private static final int LAST = 6;
  private static final int TREND = 7;
  private static final int RECENCY = 8;
  private static final int DISTINCT = 9;

  private final List<Aggregation> aggregations;
  private final int ops;
  private final int[] kind;
  private final int[] slot;
  private final int[] window;
  private final String[] column;
  private final int stride;
  private final int longStride;
  private final double[] init;
  private final int threads;
  private double[] state = new double[0];
  private long[] bits = new long[0];
  private int capacity;
  private int asOf;

  /** Returns whether an aggregation kind is handled here (all numeric kinds). */
  static boolean handles(AggregationKind k) {
    return k != AggregationKind.LAST_CATEGORY && k != AggregationKind.CATEGORY_COUNT;
  }

  FusedAccumulator(List<Aggregation> aggregations, int threads) {
    this.aggregations = List.copyOf(aggregations);
    this.ops = aggregations.size();
    this.threads = Integer.highestOneBit(Math.max(1, threads));
    kind = new int[ops];
    slot = new int[ops];
    window = new int[ops];
    column = new String[ops];
    int s = 0;
    int l = 0;
    double[] initial = new double[64];
    for (int k = 0; k < ops; k++) {
      Aggregation a = aggregations.get(k);
      window[k] = a.windowDays();
      column[k] = a.column().orElse(null);
      int width;
      switch (a.kind()) {
        case COUNT -> {
          kind[k] = COUNT;
          width = 1;
        }
        case SUM -> {
          kind[k] = SUM;
          width = 1;
        }
        case MEAN -> {
          kind[k] = MEAN;
          width = 2;
        }
        case MIN, MAX -> {
          kind[k] = a.kind() == AggregationKind.MIN ? MIN : MAX;
          width = 1;
          initial = fill(initial, s, 1, Double.NaN);
        }
        case STD -> {
          kind[k] = STD;
          width = 3;
        }
        case LAST, DAYS_UNTIL -> {
          kind[k] = LAST;
          width = 2;
          initial = fill(initial, s, 1, Double.NEGATIVE_INFINITY);
          initial = fill(initial, s + 1, 1, Double.NaN);
        }
        case TREND_RATIO, TREND_SLOPE -> {
          kind[k] = TREND;
          width = 3;
        }
        case DAYS_SINCE_LAST -> {
          kind[k] = RECENCY;
          width = 1;
          window[k] = Integer.MAX_VALUE / 2;
          initial = fill(initial, s, 1, Double.NEGATIVE_INFINITY);
        }
        case DISTINCT_DAYS -> {
          kind[k] = DISTINCT;
          width = 0;
          slot[k] = l;
          l += (a.windowDays() + 63) / 64;
        }
        default -> throw new IllegalArgumentException("not a numeric aggregation: " + a.kind());
      }
      if (kind[k] != DISTINCT) {
        slot[k] = s;
        s += width;
      }
    }
    stride = s;
    longStride = l;
    init = Arrays.copyOf(initial, s);
  }

  private static double[] fill(double[] a, int from, int n, double v) {
    double[] b = a.length >= from + n ? a : Arrays.copyOf(a, Math.max(a.length * 2, from + n));
    Arrays.fill(b, from, from + n, v);
    return b;
  }

  /** Returns the value columns the batches must provide as numbers. */
  List<String> columns() {
    return Arrays.stream(column).filter(c -> c != null).distinct().toList();
  }

  void ensure(int entities) {
    if (entities <= capacity) {
      return;
    }
    int n = Math.max(entities, capacity + (capacity >> 1) + 1024);
    state = Arrays.copyOf(state, n * stride);
    for (int e = capacity; e < n; e++) {
      System.arraycopy(init, 0, state, e * stride, stride);
    }
    bits = Arrays.copyOf(bits, n * longStride);
    capacity = n;
  }

  /** State smaller than this is folded directly: it stays in cache anyway. */
  private static final long CACHE_FRIENDLY_BYTES = 2L << 20;
  /** Entities per partition when partitioning: their state fits in a core's L2 cache. */
  private static final int PARTITION_ENTITIES = 4096;

  private int[] scratchEntity = new int[0];
  private int[] scratchDay = new int[0];
  private double[][] scratchValues = new double[0][];

  /**
   * Folds one batch in. When the state is larger than a cache, the batch is first partitioned
   * by entity range (a radix scatter of the used columns), so each partition's events update a
   * slice of state that fits in cache; partitions are folded in parallel, since they own
   * disjoint entities.
   */
  void add(Batch b) {
    asOf = b.asOf;
    int[] lo = new int[ops];
    List<String> cols = columns();
    int[] colOf = new int[ops];
    for (int k = 0; k < ops; k++) {
      lo[k] = b.asOf - window[k];
      colOf[k] = column[k] == null ? -1 : cols.indexOf(column[k]);
    }
    double[][] values = new double[cols.size()][];
    for (int c = 0; c < values.length; c++) {
      values[c] = b.numeric(cols.get(c));
    }
    long stateBytes = (long) capacity * (stride * 8L + longStride * 8L);
    if (stateBytes <= CACHE_FRIENDLY_BYTES || b.rows < 4 * PARTITION_ENTITIES) {
      if (threads == 1) {
        fold(b.entity, b.day, values, colOf, lo, 0, b.rows, 0, 1);
      } else {
        IntStream.range(0, threads).parallel()
            .forEach(t -> fold(b.entity, b.day, values, colOf, lo, 0, b.rows, t, threads));
      }
      return;
    }
    int shift = 0;
    while ((capacity >>> shift) > PARTITION_ENTITIES * 64 || (1 << shift) < PARTITION_ENTITIES) {
      shift++;
      if ((capacity >>> shift) <= 64) {
        break;
      }
    }
    int parts = (capacity >>> shift) + 1;
    int[] start = new int[parts + 1];
    int[] ent = b.entity;
    int kept = 0;
    for (int r = 0; r < b.rows; r++) {
      if (ent[r] >= 0) {
        start[(ent[r] >>> shift) + 1]++;
        kept++;
      }
    }
    for (int p = 0; p < parts; p++) {
      start[p + 1] += start[p];
    }
    if (scratchEntity.length < kept) {
      scratchEntity = new int[kept];
      scratchDay = new int[kept];
      scratchValues = new double[values.length][kept];
    } else if (scratchValues.length < values.length) {
      scratchValues = new double[values.length][scratchEntity.length];
    }
    int[] pos = Arrays.copyOf(start, parts);
    int[] se = scratchEntity;
    int[] sd = scratchDay;
    int[] day = b.day;
    for (int r = 0; r < b.rows; r++) {
      int e = ent[r];
      if (e >= 0) {
        int at = pos[e >>> shift]++;
        se[at] = e;
        sd[at] = day[r];
      }
    }
    double[][] sv = new double[values.length][];
    for (int c = 0; c < values.length; c++) {
      System.arraycopy(start, 0, pos, 0, parts);
      double[] src = values[c];
      double[] dst = scratchValues[c];
      for (int r = 0; r < b.rows; r++) {
        int e = ent[r];
        if (e >= 0) {
          dst[pos[e >>> shift]++] = src[r];
        }
      }
      sv[c] = dst;
    }
    IntStream.range(0, parts).parallel()
        .forEach(p -> fold(se, sd, sv, colOf, lo, start[p], start[p + 1], 0, 1));
  }

  /**
   * Folds rows {@code [from, to)} owned by thread {@code part} of {@code parts}: one small,
   * tight loop per aggregation, so the JIT compiles each well and the state slice stays in cache.
   */
  private void fold(int[] ent, int[] day, double[][] values, int[] colOf, int[] lo, int from,
      int to, int part, int parts) {
    int mask = parts - 1;
    for (int k = 0; k < ops; k++) {
      double[] v = colOf[k] < 0 ? null : values[colOf[k]];
      int low = lo[k];
      int off = slot[k];
      switch (kind[k]) {
        case COUNT -> count(ent, day, from, to, part, mask, low, off);
        case SUM -> sum(ent, day, v, from, to, part, mask, low, off);
        case MEAN -> mean(ent, day, v, from, to, part, mask, low, off);
        case MIN -> extreme(ent, day, v, from, to, part, mask, low, off, true);
        case MAX -> extreme(ent, day, v, from, to, part, mask, low, off, false);
        case STD -> std(ent, day, v, from, to, part, mask, low, off);
        case LAST -> last(ent, day, v, from, to, part, mask, low, off);
        case TREND -> trend(ent, day, v, from, to, part, mask, low, off, asOf - window[k] / 2);
        case RECENCY -> recency(ent, day, from, to, part, mask, off);
        case DISTINCT -> distinct(ent, day, from, to, part, mask, low, off);
        default -> throw new AssertionError(kind[k]);
      }
    }
  }

  private void count(int[] ent, int[] day, int from, int to, int part, int mask, int low,
      int off) {
    double[] st = state;
    int s = stride;
    for (int r = from; r < to; r++) {
      int e = ent[r];
      if (e >= 0 && (e & mask) == part && day[r] >= low) {
        st[e * s + off]++;
      }
    }
  }

  private void sum(int[] ent, int[] day, double[] v, int from, int to, int part, int mask,
      int low, int off) {
    double[] st = state;
    int s = stride;
    for (int r = from; r < to; r++) {
      int e = ent[r];
      double x = v[r];
      if (e >= 0 && (e & mask) == part && day[r] >= low && x == x) {
        st[e * s + off] += x;
      }
    }
  }

  private void mean(int[] ent, int[] day, double[] v, int from, int to, int part, int mask,
      int low, int off) {
    double[] st = state;
    int s = stride;
    for (int r = from; r < to; r++) {
      int e = ent[r];
      double x = v[r];
      if (e >= 0 && (e & mask) == part && day[r] >= low && x == x) {
        int at = e * s + off;
        st[at] += x;
        st[at + 1]++;
      }
    }
  }

  private void extreme(int[] ent, int[] day, double[] v, int from, int to, int part, int mask,
      int low, int off, boolean min) {
    double[] st = state;
    int s = stride;
    for (int r = from; r < to; r++) {
      int e = ent[r];
      double x = v[r];
      if (e >= 0 && (e & mask) == part && day[r] >= low && x == x) {
        int at = e * s + off;
        double cur = st[at];
        if (cur != cur || (min ? x < cur : x > cur)) {
          st[at] = x;
        }
      }
    }
  }

  /** Welford's running mean and sum of squared deviations: stable for large values. */
  private void std(int[] ent, int[] day, double[] v, int from, int to, int part, int mask,
      int low, int off) {
    double[] st = state;
    int s = stride;
    for (int r = from; r < to; r++) {
      int e = ent[r];
      double x = v[r];
      if (e >= 0 && (e & mask) == part && day[r] >= low && x == x) {
        int at = e * s + off;
        double n = ++st[at];
        double delta = x - st[at + 1];
        st[at + 1] += delta / n;
        st[at + 2] += delta * (x - st[at + 1]);
      }
    }
  }

  private void last(int[] ent, int[] day, double[] v, int from, int to, int part, int mask,
      int low, int off) {
    double[] st = state;
    int s = stride;
    for (int r = from; r < to; r++) {
      int e = ent[r];
      double x = v[r];
      int d = day[r];
      if (e >= 0 && (e & mask) == part && d >= low && x == x) {
        int at = e * s + off;
        if (d >= st[at]) {
          st[at] = d;
          st[at + 1] = x;
        }
      }
    }
  }

  private void trend(int[] ent, int[] day, double[] v, int from, int to, int part, int mask,
      int low, int off, int mid) {
    double[] st = state;
    int s = stride;
    for (int r = from; r < to; r++) {
      int e = ent[r];
      double x = v[r];
      int d = day[r];
      if (e >= 0 && (e & mask) == part && d >= low && x == x) {
        int at = e * s + off;
        st[at + (d >= mid ? 1 : 0)] += x;
        st[at + 2]++;
      }
    }
  }

  private void recency(int[] ent, int[] day, int from, int to, int part, int mask, int off) {
    double[] st = state;
    int s = stride;
    for (int r = from; r < to; r++) {
      int e = ent[r];
      int d = day[r];
      if (e >= 0 && (e & mask) == part) {
        int at = e * s + off;
        if (d > st[at]) {
          st[at] = d;
        }
      }
    }
  }

  private void distinct(int[] ent, int[] day, int from, int to, int part, int mask, int low,
      int off) {
    long[] bt = bits;
    int ls = longStride;
    int last = asOf - 1;
    for (int r = from; r < to; r++) {
      int e = ent[r];
      int d = day[r];
      if (e >= 0 && (e & mask) == part && d >= low) {
        int bit = last - d;
        bt[e * ls + off + (bit >>> 6)] |= 1L << (bit & 63);
      }
    }
  }

  /**
   * Returns, for every aggregation {@code k}, one value per selected entity (NaN = missing),
   * computed in one pass over the entities so the state is read sequentially.
   *
   * @param ids the entity ids to output, in output order
   */
  double[][] values(int[] ids) {
    int n = ids.length;
    double[][] out = new double[ops][n];
    boolean[] daysUntil = new boolean[ops];
    boolean[] ratio = new boolean[ops];
    int[] words = new int[ops];
    for (int k = 0; k < ops; k++) {
      AggregationKind original = aggregations.get(k).kind();
      daysUntil[k] = original == AggregationKind.DAYS_UNTIL;
      ratio[k] = original == AggregationKind.TREND_RATIO;
      words[k] = (aggregations.get(k).windowDays() + 63) / 64;
    }
    for (int j = 0; j < n; j++) {
      int e = ids[j];
      int base = e * stride;
      for (int k = 0; k < ops; k++) {
        int i = base + slot[k];
        double v;
        switch (kind[k]) {
          case COUNT, SUM, MIN, MAX -> v = state[i];
          case MEAN -> v = state[i + 1] == 0 ? Double.NaN : state[i] / state[i + 1];
          case STD -> v = state[i] < 2 ? Double.NaN : Math.sqrt(state[i + 2] / (state[i] - 1));
          case LAST -> v = daysUntil[k] ? state[i + 1] - asOf : state[i + 1];
          case TREND -> {
            double early = state[i];
            double late = state[i + 1];
            double half = window[k] / 2.0;
            if (state[i + 2] == 0) {
              v = Double.NaN;
            } else if (ratio[k]) {
              v = early == 0 ? Double.NaN : late / early;
            } else {
              v = (late / half - early / half) / half;
            }
          }
          case RECENCY -> v = state[i] == Double.NEGATIVE_INFINITY ? Double.NaN : asOf - state[i];
          case DISTINCT -> {
            int c = 0;
            int at = e * longStride + slot[k];
            for (int w = 0; w < words[k]; w++) {
              c += Long.bitCount(bits[at + w]);
            }
            v = c;
          }
          default -> throw new AssertionError(kind[k]);
        }
        out[k][j] = v;
      }
    }
    return out;
  }
}
