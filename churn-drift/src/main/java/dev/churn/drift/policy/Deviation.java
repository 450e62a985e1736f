package dev.churn.drift.policy;

import dev.churn.drift.ColumnDrift;
import dev.churn.drift.DriftHistogram;
import dev.churn.drift.DriftResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How far the current data moved from the reference, as one share in {@code [0, 1]}: the input of
 * {@link RetrainPolicy}'s bands ("a deviation of 5-8 % triggers retraining").
 *
 * <p><b>Definition.</b> For one column, the deviation is the <em>total variation distance</em>
 * between its reference and current distributions: half the sum, over groups of the column's
 * values plus one group for missing values, of the absolute difference of the shares. It is the
 * share of customers that would have to move to another group to make the two distributions
 * equal, so it reads the way the seed plan's example does: if the share of one gender goes from
 * 50 % to 56 %, the distance of that column is 6 %. Groups are the reference deciles of a numeric
 * column, or the largest categories (see {@link #of(ColumnDrift)}). The part of the distance that
 * sampling noise alone would produce is subtracted, so a small sample that did not change reads
 * as about 0 rather than a few percent.
 *
 * <p>The deviation of the data is the weighted mean of the column deviations, with weights from
 * the model's feature importance when given (a drifting column the model ignores matters little),
 * and equal weights otherwise. Columns the test could not compare still count: their histogram
 * holds what is known (a column missing entirely from the current data has a deviation of 1).
 *
 * <pre>{@code
 * Deviation d = Deviation.of(driftResult, model.importance());  // or Deviation.of(driftResult)
 * Decision decision = RetrainPolicy.defaults()
 *     .decide(Evidence.builder().deviation(d.value()).build());
 * }</pre>
 *
 * @param value the weighted mean of the column deviations, in {@code [0, 1]}
 * @param columns every column's deviation and weight, largest contribution first
 */
public record Deviation(double value, List<ColumnDeviation> columns) {

  /**
   * One column's part.
   *
   * @param name the column
   * @param deviation its total variation distance, in {@code [0, 1]}
   * @param weight its normalized weight (the weights sum to 1)
   */
  public record ColumnDeviation(String name, double deviation, double weight) {}

  /** Copies the list and checks the value. */
  public Deviation {
    columns = List.copyOf(columns);
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException("value was " + value + " but it must be in [0, 1]");
    }
  }

  /**
   * Returns the deviation of a drift result with equal column weights.
   *
   * @param result the drift result
   * @return the deviation
   */
  public static Deviation of(DriftResult result) {
    return of(result, Map.of());
  }

  /**
   * Returns the deviation of a drift result with columns weighted by importance. Columns absent
   * from {@code importance} weigh 0; negative or non-finite importances count as 0; when no column
   * has a positive weight, all weigh the same.
   *
   * @param result the drift result
   * @param importance importance per column name (any scale), e.g. permutation importance
   * @return the deviation
   */
  public static Deviation of(DriftResult result, Map<String, Double> importance) {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(importance, "importance");
    List<ColumnDrift> cols = result.columns();
    if (cols.isEmpty()) {
      return new Deviation(0, List.of());
    }
    double[] w = new double[cols.size()];
    double total = 0;
    for (int i = 0; i < w.length; i++) {
      Double v = importance.get(cols.get(i).name());
      w[i] = v != null && Double.isFinite(v) && v > 0 ? v : 0;
      total += w[i];
    }
    if (total == 0) {
      java.util.Arrays.fill(w, 1);
      total = w.length;
    }
    List<ColumnDeviation> parts = new ArrayList<>();
    double sum = 0;
    for (int i = 0; i < w.length; i++) {
      double d = of(cols.get(i));
      parts.add(new ColumnDeviation(cols.get(i).name(), d, w[i] / total));
      sum += d * w[i] / total;
    }
    parts.sort(Comparator.comparingDouble((ColumnDeviation c) -> -c.deviation() * c.weight())
        .thenComparing(ColumnDeviation::name));
    return new Deviation(Math.min(1, Math.max(0, sum)), parts);
  }

  /** Most groups a column's bins are merged into before the distance is taken. */
  static final int MAX_GROUPS = 10;

  /**
   * Returns one column's deviation: the total variation distance between reference and current
   * over at most {@value #MAX_GROUPS} groups of its histogram bins plus a group for missing values,
   * less the distance sampling noise alone would give, floored at 0.
   *
   * <p>Numeric bins (ordered) are merged into groups of about equal reference share (deciles);
   * categories keep the largest {@value #MAX_GROUPS} - 1 reference categories and pool the rest,
   * and new categories form a group of their own. The noise term is the expected distance between
   * two samples of the observed sizes from the pooled distribution (normal approximation: half
   * the sum over groups of {@code sqrt(2 / pi) * sqrt(p (1 - p) (1/n + 1/m))}); it is about 0.01
   * for two groups of 3,000 rows and 0.006 for ten groups of 100,000 rows, so on large samples
   * the deviation is the plain distance, and on small ones noise does not read as drift.
   *
   * @param column the column's drift verdict
   * @return the deviation, in {@code [0, 1]}
   */
  public static double of(ColumnDrift column) {
    Objects.requireNonNull(column, "column");
    double[][] g = groups(column);
    double[] r = g[0];
    double[] c = g[1];
    double rt = column.referenceCount() / Math.max(1e-300, 1 - column.missingShareReference());
    double ct = column.currentCount() / Math.max(1e-300, 1 - column.missingShareCurrent());
    double tvd = 0;
    double noise = 0;
    for (int i = 0; i < r.length; i++) {
      tvd += Math.abs(r[i] - c[i]);
      if (rt > 0 && ct > 0) {
        double p = (r[i] * rt + c[i] * ct) / (rt + ct);
        noise += Math.sqrt(2 / Math.PI) * Math.sqrt(p * (1 - p) * (1 / rt + 1 / ct));
      }
    }
    return Math.min(1, Math.max(0, (tvd - noise) / 2));
  }

  /**
   * Returns the total variation distance of one column over the same groups without the noise
   * correction.
   *
   * @param column the column's drift verdict
   * @return the distance, in {@code [0, 1]}
   */
  public static double totalVariation(ColumnDrift column) {
    double[][] g = groups(Objects.requireNonNull(column, "column"));
    double d = 0;
    for (int i = 0; i < g[0].length; i++) {
      d += Math.abs(g[0][i] - g[1][i]);
    }
    return Math.min(1, d / 2);
  }

  /** Returns reference and current shares of all rows per group, the missing group last. */
  private static double[][] groups(ColumnDrift column) {
    List<DriftHistogram.Bin> bins = column.histogram().bins();
    long rt = 0;
    long ct = 0;
    for (DriftHistogram.Bin b : bins) {
      rt += b.reference();
      ct += b.current();
    }
    int n = bins.size();
    int[] group = new int[n];
    int groups;
    boolean categorical = n > 0 && Double.isNaN(bins.get(0).lower());
    if (n <= MAX_GROUPS) {
      for (int i = 0; i < n; i++) {
        group[i] = i;
      }
      groups = n;
    } else if (!categorical) {
      // adjacent bins into groups of about equal reference share
      long seen = 0;
      for (int i = 0; i < n; i++) {
        group[i] = rt == 0 ? (int) ((long) i * MAX_GROUPS / n)
            : (int) Math.min(MAX_GROUPS - 1, seen * MAX_GROUPS / rt);
        seen += bins.get(i).reference();
      }
      groups = MAX_GROUPS;
    } else {
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      java.util.Arrays.sort(order, (a, b) -> Long.compare(bins.get(b).reference(),
          bins.get(a).reference()));
      java.util.Arrays.fill(group, MAX_GROUPS - 2); // pooled "other"
      for (int k = 0; k < MAX_GROUPS - 2; k++) {
        group[order[k]] = k;
      }
      for (int i = 0; i < n; i++) {
        if (bins.get(i).reference() == 0) {
          group[i] = MAX_GROUPS - 1; // new categories
        }
      }
      groups = MAX_GROUPS;
    }
    double rMiss = rt > 0 ? column.missingShareReference() : 1;
    double cMiss = ct > 0 ? column.missingShareCurrent() : 1;
    double[] r = new double[groups + 1];
    double[] c = new double[groups + 1];
    for (int i = 0; i < n; i++) {
      if (rt > 0) {
        r[group[i]] += (1 - rMiss) * bins.get(i).reference() / (double) rt;
      }
      if (ct > 0) {
        c[group[i]] += (1 - cMiss) * bins.get(i).current() / (double) ct;
      }
    }
    r[groups] = rMiss;
    c[groups] = cMiss;
    return new double[][] {r, c};
  }
}
