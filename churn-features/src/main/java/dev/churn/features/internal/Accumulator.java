package dev.churn.features.internal;

import dev.churn.core.table.CategoricalColumn;
import dev.churn.core.table.Dictionary;
import dev.churn.features.Aggregation;
import java.util.Arrays;

/**
 * The running state of one categorical {@link Aggregation} for every entity, in primitive arrays
 * indexed by entity id (numeric aggregations are fused in {@link FusedAccumulator}). {@link #add(Batch)} folds one batch in; batches arrive in source order, which is
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

  /** Returns one value per selected entity (NaN = missing); numeric aggregations only. */
  abstract double[] values(int[] ids);

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

  /** Returns the accumulator of a categorical aggregation; numeric ones are fused. */
  static Accumulator of(Aggregation a) {
    return switch (a.kind()) {
      case LAST_CATEGORY -> new LastCategory(a);
      case CATEGORY_COUNT -> new CategoryCount(a);
      default -> throw new IllegalArgumentException(
          a.kind() + " is numeric and handled by FusedAccumulator");
    };
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
    double[] values(int[] ids) {
      throw new UnsupportedOperationException("categorical");
    }

    int[] codes(int[] ids) {
      int[] out = new int[ids.length];
      for (int j = 0; j < ids.length; j++) {
        out[j] = code[ids[j]];
      }
      return out;
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
    double[] values(int[] ids) {
      double[] out = new double[ids.length];
      for (int j = 0; j < ids.length; j++) {
        out[j] = count[ids[j]];
      }
      return out;
    }
  }
}
