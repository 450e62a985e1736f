package dev.churn.drift.estimate;

import dev.churn.core.table.Table;
import dev.churn.drift.internal.CohortTables;
import dev.churn.drift.monitor.Flag;
import dev.churn.drift.monitor.FlagRule;
import dev.churn.drift.monitor.FlagThresholds;
import dev.churn.drift.monitor.Metric;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Estimates the performance of a model on the current cohort before its labels arrive, from the
 * model's calibrated probabilities alone (confidence-based performance estimation, the idea of
 * NannyML's CBPE).
 *
 * <p><b>Assumption.</b> The probabilities are calibrated on the current cohort: a customer given
 * {@code p} churns with probability {@code p}, independently of the others. Then the unknown
 * labels are {@code y_i ~ Bernoulli(p_i)} and every metric has a computable distribution. The
 * estimate is only as good as the calibration: under concept drift (the relation between
 * features and outcome changed) calibration fails and so does the estimate, which is why the
 * realized performance is still measured with {@link dev.churn.drift.monitor.PerformanceMonitor}
 * once the labels are in. Data drift alone (new customers, same relation) is what this
 * estimator is for.
 *
 * <p><b>Estimates.</b> With {@code q_i = 1 - p_i}, rows ranked by probability, and {@code K_ij =
 * 1} when {@code p_i > p_j}, {@code 1/2} when equal:
 *
 * <ul>
 *   <li>ROC AUC: {@code E[U] / E[n_pos * n_neg]}, the expected Mann-Whitney count of
 *       (positive, negative) pairs ranked right over the expected number of such pairs: {@code
 *       sum_(i != j) p_i q_j K_ij / sum_(i != j) p_i q_j}. This is the area under NannyML's
 *       expected ROC curve (expected TPR against expected FPR at every threshold), except that a
 *       row is never paired with itself, because no row is both positive and negative.
 *       Computed in O(n log n) with one sort and prefix sums.
 *   <li>F1 of the recommendation: {@code 2 E[tp] / (recommended + E[positives])}, with {@code
 *       E[tp]} the sum of the recommended rows' probabilities.
 *   <li>Conversion rate {@code E[tp] / recommended}, error rate {@code E[fn] / n} and negative
 *       hits {@code E[fp] / n}: exact expectations, the denominators being known.
 * </ul>
 *
 * <p>ROC AUC and F1 are ratios, so their estimates are ratios of expectations; the difference to
 * the expected ratio is of order {@code 1/n}, far below the interval's width.
 *
 * <p><b>Intervals</b> ({@link IntervalMethod}). {@code ANALYTIC} (default): the delta method.
 * Each metric is a smooth function {@code f(y)} of the labels (a ratio of polynomials that are
 * linear in each {@code y_i}), so {@code Var f ≈ sum_i (df/dy_i)^2 p_i q_i} with the gradient
 * taken at {@code y = p}; the interval is {@code estimate ± z * se}, clipped to {@code [0, 1]},
 * with {@code z} the normal quantile of the confidence. For ROC AUC the gradient of every row
 * follows from the same prefix sums, so the whole interval costs O(n log n). {@code MONTE_CARLO}:
 * draws label vectors {@code y ~ Bernoulli(p)} with a seeded {@link SplittableRandom}, computes
 * every metric exactly on each, and reports the percentiles of the simulated values (type 7,
 * linear interpolation) and their standard deviation, in O(n log n + draws * n).
 *
 * <p>Either way the interval is a prediction interval for the metric the cohort will realize:
 * it covers the randomness of the labels given the probabilities, which is what "how will this
 * month turn out" asks.
 *
 * <pre>{@code
 * PerformanceEstimator estimator = PerformanceEstimator.builder()
 *     .decisionThreshold(0.5)             // the same rule the campaign uses
 *     .confidence(0.95)
 *     .build();
 * PerformanceEstimate expected = estimator.estimate(calibratedProbabilities);
 * if (expected.overall().isAtLeast(Flag.YELLOW)) {
 *   log.warn("this month will likely be below target: {}", expected.metrics());
 * }
 *
 * // small cohort: simulate instead
 * PerformanceEstimator simulated = PerformanceEstimator.builder()
 *     .decisionThreshold(0.5).monteCarlo(1000, 42L).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; input arrays are never modified.
 */
public final class PerformanceEstimator {

  private static final Logger LOG = LoggerFactory.getLogger(PerformanceEstimator.class);

  private final double decisionThreshold; // NaN when not configured
  private final double confidence;
  private final double z;
  private final IntervalMethod method;
  private final int draws;
  private final long seed;
  private final FlagThresholds thresholds;

  private PerformanceEstimator(Builder b) {
    this.decisionThreshold = b.decisionThreshold;
    this.confidence = b.confidence;
    this.z = Normal.twoSidedQuantile(b.confidence);
    this.method = b.method;
    this.draws = b.draws;
    this.seed = b.seed;
    this.thresholds = b.thresholds;
  }

  /**
   * Returns a builder: analytic 95 % intervals, the seed plan's thresholds and no decision
   * threshold.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the threshold that decides the recommendation when it is not given per row.
   *
   * @return the threshold, or empty if none was configured
   */
  public OptionalDouble decisionThreshold() {
    return Double.isNaN(decisionThreshold)
        ? OptionalDouble.empty()
        : OptionalDouble.of(decisionThreshold);
  }

  /**
   * Returns the nominal coverage of the intervals.
   *
   * @return the confidence, in {@code (0, 1)}
   */
  public double confidence() {
    return confidence;
  }

  /**
   * Returns how the intervals are computed.
   *
   * @return the interval method
   */
  public IntervalMethod method() {
    return method;
  }

  /**
   * Estimates the performance of a cohort whose recommendation is {@code probability >=
   * decisionThreshold}.
   *
   * @param probabilities the calibrated probability of each row, within {@code [0, 1]}
   * @return the estimate
   * @throws IllegalStateException if the estimator has no decision threshold
   * @throws IllegalArgumentException if the array is null or empty, or a probability is NaN or
   *     outside {@code [0, 1]}
   */
  public PerformanceEstimate estimate(double[] probabilities) {
    requireThreshold("pass the recommendation per row to estimate(probabilities, recommended)");
    checkProbabilities(probabilities);
    return compute(
        probabilities, decide(probabilities), "probability >= " + format(decisionThreshold));
  }

  /**
   * Estimates the performance of a cohort whose recommendation is given per row.
   *
   * @param probabilities the calibrated probability of each row, within {@code [0, 1]}
   * @param recommended whether each row is recommended (flagged for action)
   * @return the estimate
   * @throws IllegalArgumentException if an array is null or empty, the lengths differ, or a
   *     probability is NaN or outside {@code [0, 1]}
   */
  public PerformanceEstimate estimate(double[] probabilities, boolean[] recommended) {
    checkProbabilities(probabilities);
    if (recommended == null) {
      throw new IllegalArgumentException("recommended must not be null");
    }
    if (recommended.length != probabilities.length) {
      throw new IllegalArgumentException(
          "recommended.length was '" + recommended.length
              + "' but it must equal probabilities.length (" + probabilities.length + ")");
    }
    return compute(probabilities, recommended, "given per row");
  }

  /**
   * Estimates the performance of a scored table whose recommendation is {@code probability >=
   * decisionThreshold}.
   *
   * @param table the current cohort
   * @param probabilityColumn a NUMERIC column of calibrated probabilities, no missing values
   * @return the estimate
   * @throws IllegalStateException if the estimator has no decision threshold
   * @throws IllegalArgumentException if the table is empty or the column is absent, of another
   *     type, has a missing value or a value outside {@code [0, 1]}
   */
  public PerformanceEstimate estimate(Table table, String probabilityColumn) {
    requireThreshold("name the recommendation column: estimate(table, probability, recommended)");
    double[] p = readProbabilities(table, probabilityColumn);
    return compute(p, decide(p), "probability >= " + format(decisionThreshold));
  }

  /**
   * Estimates the performance of a scored table whose recommendation is in a column.
   *
   * @param table the current cohort
   * @param probabilityColumn a NUMERIC column of calibrated probabilities, no missing values
   * @param recommendedColumn a BOOLEAN or NUMERIC 0/1 column, no missing values
   * @return the estimate
   * @throws IllegalArgumentException if the table is empty, a column is absent or of another
   *     type, or holds a missing or invalid value
   */
  public PerformanceEstimate estimate(
      Table table, String probabilityColumn, String recommendedColumn) {
    double[] p = readProbabilities(table, probabilityColumn);
    Objects.requireNonNull(recommendedColumn, "recommendedColumn");
    boolean[] recommended = CohortTables.bits(table, recommendedColumn);
    return compute(p, recommended, "column '" + recommendedColumn + "'");
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * The rows grouped by distinct probability, ascending: the probability, and how many rows with
   * it are recommended and not recommended.
   */
  private record Groups(double[] value, int[] recommended, int[] other, int size) {

    static Groups of(double[] p, boolean[] rec) {
      int r = 0;
      for (boolean b : rec) {
        if (b) {
          r++;
        }
      }
      double[] a = new double[r];
      double[] b = new double[p.length - r];
      int i = 0;
      int j = 0;
      for (int k = 0; k < p.length; k++) {
        double v = p[k] + 0.0; // -0.0 joins 0.0
        if (rec[k]) {
          a[i++] = v;
        } else {
          b[j++] = v;
        }
      }
      Arrays.sort(a);
      Arrays.sort(b);
      double[] value = new double[p.length];
      int[] cr = new int[p.length];
      int[] cn = new int[p.length];
      int g = 0;
      i = 0;
      j = 0;
      while (i < a.length || j < b.length) {
        double v =
            i == a.length ? b[j] : j == b.length ? a[i] : Math.min(a[i], b[j]);
        int x = 0;
        while (i < a.length && a[i] == v) {
          x++;
          i++;
        }
        int y = 0;
        while (j < b.length && b[j] == v) {
          y++;
          j++;
        }
        value[g] = v;
        cr[g] = x;
        cn[g] = y;
        g++;
      }
      return new Groups(value, cr, cn, g);
    }
  }

  /** A point estimate with its standard error, before the interval is made. */
  private record Point(double estimate, double se) {}

  private PerformanceEstimate compute(double[] p, boolean[] rec, String decision) {
    int n = p.length;
    Groups groups = Groups.of(p, rec);
    long recommended = 0;
    double muA = 0.0; // E[tp]
    double vA = 0.0; // Var[tp]
    double muB = 0.0; // E[fn]
    double vB = 0.0; // Var[fn]
    for (int g = 0; g < groups.size; g++) {
      double v = groups.value[g];
      double pq = v * (1.0 - v);
      recommended += groups.recommended[g];
      muA += groups.recommended[g] * v;
      vA += groups.recommended[g] * pq;
      muB += groups.other[g] * v;
      vB += groups.other[g] * pq;
    }
    List<String> notes = new ArrayList<>();
    Point auc = expectedAuc(groups);
    if (auc == null) {
      notes.add(
          "ROC_AUC cannot be estimated: every probability is 0 or every one is 1 (or there is "
              + "only one row), so no row can be positive while another is negative");
    }
    double r = recommended;
    double f1Denominator = r + muA + muB;
    Point f1;
    if (f1Denominator == 0.0) {
      f1 = new Point(0.0, 0.0);
    } else {
      double d2 = f1Denominator * f1Denominator;
      double dA = 2.0 * (r + muB) / d2;
      double dB = -2.0 * muA / d2;
      f1 = new Point(2.0 * muA / f1Denominator, Math.sqrt(dA * dA * vA + dB * dB * vB));
    }
    Point conversion = null;
    if (recommended > 0) {
      conversion = new Point(muA / r, Math.sqrt(vA) / r);
    } else {
      notes.add("CONVERSION_RATE cannot be estimated: no row is recommended");
    }
    Point error = new Point(muB / n, Math.sqrt(vB) / n);
    Point negative = new Point((r - muA) / n, Math.sqrt(vA) / n);

    List<EstimatedMetric> metrics = new ArrayList<>();
    String methodText;
    if (method == IntervalMethod.ANALYTIC) {
      methodText = "ANALYTIC";
      if (auc != null) {
        metrics.add(normal(Metric.ROC_AUC, auc));
      }
      metrics.add(normal(Metric.F1, f1));
      if (conversion != null) {
        metrics.add(normal(Metric.CONVERSION_RATE, conversion));
      }
      metrics.add(normal(Metric.ERROR_RATE, error));
      metrics.add(normal(Metric.NEGATIVE_HITS, negative));
    } else {
      methodText = "MONTE_CARLO draws=" + draws + " seed=" + seed;
      Simulation sim = simulate(groups, n, recommended);
      if (auc != null) {
        if (sim.aucCount >= 2) {
          if (sim.aucCount < draws) {
            notes.add(
                (draws - sim.aucCount) + " of " + draws + " simulated label vectors had a "
                    + "single class; the ROC_AUC interval uses the other " + sim.aucCount);
          }
          metrics.add(percentile(Metric.ROC_AUC, auc.estimate, sim.auc, sim.aucCount));
        } else {
          notes.add(
              "ROC_AUC has no interval: fewer than 2 of " + draws
                  + " simulated label vectors had both classes");
        }
      }
      metrics.add(percentile(Metric.F1, f1.estimate, sim.f1, draws));
      if (conversion != null) {
        metrics.add(percentile(Metric.CONVERSION_RATE, conversion.estimate, sim.conversion, draws));
      }
      metrics.add(percentile(Metric.ERROR_RATE, error.estimate, sim.error, draws));
      metrics.add(percentile(Metric.NEGATIVE_HITS, negative.estimate, sim.negative, draws));
    }
    Flag overall = Flag.UNRATED;
    for (EstimatedMetric m : metrics) {
      overall = overall.worse(m.flag());
    }
    PerformanceEstimate estimate =
        new PerformanceEstimate(
            n, muA + muB, recommended, decision, confidence, methodText, metrics, overall, notes);
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "estimated {} rows ({} expected positives, {} recommended by {}), {}: overall {}, {}",
          n, muA + muB, recommended, decision, methodText, overall, metrics);
    }
    return estimate;
  }

  /**
   * The expected ROC AUC {@code N / D} and its delta-method standard error, or null when {@code D
   * = 0}. One ascending pass accumulates the expected negatives below each group, one descending
   * pass the expected positives above it.
   */
  private static Point expectedAuc(Groups groups) {
    int size = groups.size;
    double pTotal = 0.0;
    double qTotal = 0.0;
    double pqTotal = 0.0;
    for (int g = 0; g < size; g++) {
      double c = groups.recommended[g] + groups.other[g];
      double v = groups.value[g];
      pTotal += c * v;
      qTotal += c * (1.0 - v);
      pqTotal += c * v * (1.0 - v);
    }
    // D = E[n_pos * n_neg] = sum over ordered pairs i != j of p_i q_j.
    double d = pTotal * qTotal - pqTotal;
    if (!(d > 0.0)) {
      return null;
    }
    // N = E[U] = sum_(i != j) p_i q_j K_ij; qBelow[g] = expected negatives in groups below g.
    double[] qBelow = new double[size];
    double num = 0.0;
    double q = 0.0;
    for (int g = 0; g < size; g++) {
      double c = groups.recommended[g] + groups.other[g];
      double v = groups.value[g];
      qBelow[g] = q;
      num += c * v * q + 0.5 * c * (c - 1.0) * v * (1.0 - v);
      q += c * (1.0 - v);
    }
    double auc = num / d;
    // Gradient of N / D in y_k at y = p, the same for every row of a group:
    //   dN/dy_k = sum_(j != k) q_j K_kj - sum_(i != k) p_i K_ik
    //   dD/dy_k = (Q - q_k) - (P - p_k)
    double variance = 0.0;
    double pAbove = 0.0;
    for (int g = size - 1; g >= 0; g--) {
      double c = groups.recommended[g] + groups.other[g];
      double v = groups.value[g];
      double dn = (qBelow[g] + 0.5 * (c - 1.0) * (1.0 - v)) - (pAbove + 0.5 * (c - 1.0) * v);
      double dd = (qTotal - (1.0 - v)) - (pTotal - v);
      double grad = (dn - auc * dd) / d;
      variance += c * grad * grad * v * (1.0 - v);
      pAbove += c * v;
    }
    return new Point(Math.min(1.0, Math.max(0.0, auc)), Math.sqrt(variance));
  }

  /** Simulated metric values, one per draw (ROC AUC only for draws with both classes). */
  private record Simulation(
      double[] auc, int aucCount, double[] f1, double[] conversion, double[] error,
      double[] negative) {}

  private Simulation simulate(Groups groups, int n, long recommended) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] auc = new double[draws];
    double[] f1 = new double[draws];
    double[] conversion = new double[draws];
    double[] error = new double[draws];
    double[] negative = new double[draws];
    int aucCount = 0;
    for (int d = 0; d < draws; d++) {
      long negativesBelow = 0;
      long u2 = 0; // twice the Mann-Whitney U of the positives
      long tp = 0;
      long fn = 0;
      for (int g = 0; g < groups.size; g++) {
        double v = groups.value[g];
        int a = 0;
        for (int k = groups.recommended[g]; k > 0; k--) {
          if (random.nextDouble() < v) {
            a++;
          }
        }
        int b = 0;
        for (int k = groups.other[g]; k > 0; k--) {
          if (random.nextDouble() < v) {
            b++;
          }
        }
        long pos = a + b;
        long neg = groups.recommended[g] + groups.other[g] - pos;
        u2 += 2L * pos * negativesBelow + pos * neg;
        negativesBelow += neg;
        tp += a;
        fn += b;
      }
      long positives = tp + fn;
      long negatives = n - positives;
      if (positives > 0 && negatives > 0) {
        auc[aucCount++] = u2 / (2.0 * positives * negatives);
      }
      long f1Denominator = recommended + positives;
      f1[d] = f1Denominator == 0 ? 0.0 : 2.0 * tp / f1Denominator;
      conversion[d] = recommended == 0 ? 0.0 : (double) tp / recommended;
      error[d] = (double) fn / n;
      negative[d] = (double) (recommended - tp) / n;
    }
    return new Simulation(auc, aucCount, f1, conversion, error, negative);
  }

  private EstimatedMetric normal(Metric metric, Point point) {
    double lower = Math.max(0.0, point.estimate - z * point.se);
    double upper = Math.min(1.0, point.estimate + z * point.se);
    return rated(metric, point.estimate, point.se, lower, upper);
  }

  private EstimatedMetric percentile(Metric metric, double estimate, double[] values, int count) {
    double[] sorted = Arrays.copyOf(values, count);
    Arrays.sort(sorted);
    double mean = 0.0;
    for (double v : sorted) {
      mean += v;
    }
    mean /= count;
    double ss = 0.0;
    for (double v : sorted) {
      ss += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(ss / (count - 1));
    double tail = (1.0 - confidence) / 2.0;
    return rated(
        metric, estimate, sd, quantile(sorted, tail), quantile(sorted, 1.0 - tail));
  }

  /** Quantile of sorted values with linear interpolation (Hyndman and Fan type 7, numpy's). */
  private static double quantile(double[] sorted, double prob) {
    double h = (sorted.length - 1) * prob;
    int lo = (int) Math.floor(h);
    if (lo >= sorted.length - 1) {
      return sorted[sorted.length - 1];
    }
    return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
  }

  private EstimatedMetric rated(
      Metric metric, double estimate, double se, double lower, double upper) {
    Optional<FlagRule> rule = thresholds.rule(metric);
    return new EstimatedMetric(
        metric,
        estimate,
        se,
        Math.min(lower, upper),
        upper,
        rule.map(x -> x.flag(estimate)).orElse(Flag.UNRATED),
        rule.map(FlagRule::describe).orElse("unrated"));
  }

  private boolean[] decide(double[] p) {
    boolean[] rec = new boolean[p.length];
    for (int i = 0; i < p.length; i++) {
      rec[i] = p[i] >= decisionThreshold;
    }
    return rec;
  }

  private void requireThreshold(String alternative) {
    if (Double.isNaN(decisionThreshold)) {
      throw new IllegalStateException(
          "this estimator has no decision threshold: call decisionThreshold(t) on its builder, "
              + "or " + alternative);
    }
  }

  private static double[] readProbabilities(Table table, String column) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(column, "probabilityColumn");
    if (table.rowCount() == 0) {
      throw new IllegalArgumentException("table has 0 rows but it must have at least one");
    }
    double[] p = CohortTables.numbers(table, column, "probability");
    for (int i = 0; i < p.length; i++) {
      if (!(p[i] >= 0.0 && p[i] <= 1.0)) {
        throw new IllegalArgumentException(
            "column '" + column + "' was '" + p[i] + "' at row " + i
                + " but probabilities must be within [0, 1]");
      }
    }
    return p;
  }

  private static void checkProbabilities(double[] p) {
    if (p == null) {
      throw new IllegalArgumentException("probabilities must not be null");
    }
    if (p.length == 0) {
      throw new IllegalArgumentException("probabilities has 0 rows but it must have at least one");
    }
    for (int i = 0; i < p.length; i++) {
      if (!(p[i] >= 0.0 && p[i] <= 1.0)) {
        throw new IllegalArgumentException(
            "probabilities[" + i + "] was '" + p[i] + "' but it must be within [0, 1]");
      }
    }
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%s", value);
  }

  /**
   * Configures a {@link PerformanceEstimator}. Every setter checks its argument at once and
   * throws {@link IllegalArgumentException} naming the field, the value and the rule; {@link
   * #build()} leaves the builder reusable.
   */
  public static final class Builder {
    private double decisionThreshold = Double.NaN;
    private double confidence = 0.95;
    private IntervalMethod method = IntervalMethod.ANALYTIC;
    private int draws = 200;
    private long seed = 42L;
    private FlagThresholds thresholds = FlagThresholds.defaults();

    private Builder() {}

    /**
     * Sets the threshold that decides the recommendation when it is not given per row: a row is
     * recommended when {@code probability >= threshold}.
     *
     * @param threshold the decision threshold, finite
     * @return this builder
     * @throws IllegalArgumentException if {@code threshold} is not finite
     */
    public Builder decisionThreshold(double threshold) {
      if (!Double.isFinite(threshold)) {
        throw new IllegalArgumentException(
            "decisionThreshold was '" + threshold + "' but it must be finite");
      }
      this.decisionThreshold = threshold;
      return this;
    }

    /**
     * Sets the nominal coverage of the intervals.
     *
     * @param confidence in {@code [0.5, 0.9999]}; default 0.95
     * @return this builder
     * @throws IllegalArgumentException if {@code confidence} is outside {@code [0.5, 0.9999]}
     */
    public Builder confidence(double confidence) {
      if (!(confidence >= 0.5 && confidence <= 0.9999)) {
        throw new IllegalArgumentException(
            "confidence was '" + confidence + "' but it must be in [0.5, 0.9999]");
      }
      this.confidence = confidence;
      return this;
    }

    /**
     * Uses the delta method for the intervals (the default).
     *
     * @return this builder
     */
    public Builder analytic() {
      this.method = IntervalMethod.ANALYTIC;
      return this;
    }

    /**
     * Uses simulated label vectors for the intervals.
     *
     * @param draws label vectors to simulate, in {@code [20, 100000]}; 200 is a reasonable start,
     *     1000 gives steadier 95 % percentiles
     * @param seed seed of the random generator, so that an estimate can be reproduced
     * @return this builder
     * @throws IllegalArgumentException if {@code draws} is outside {@code [20, 100000]}
     */
    public Builder monteCarlo(int draws, long seed) {
      if (draws < 20 || draws > 100_000) {
        throw new IllegalArgumentException(
            "draws was '" + draws + "' but it must be in [20, 100000]");
      }
      this.method = IntervalMethod.MONTE_CARLO;
      this.draws = draws;
      this.seed = seed;
      return this;
    }

    /**
     * Replaces the thresholds that flag the estimates.
     *
     * @param thresholds the thresholds; {@link FlagThresholds#defaults()} unless set
     * @return this builder
     */
    public Builder thresholds(FlagThresholds thresholds) {
      this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
      return this;
    }

    /**
     * Sets the flag rule of one metric, keeping the others.
     *
     * @param metric the metric
     * @param rule its rule, pointing in the metric's direction
     * @return this builder
     * @throws IllegalArgumentException if the rule's direction does not match the metric
     */
    public Builder rule(Metric metric, FlagRule rule) {
      this.thresholds = thresholds.toBuilder().rule(metric, rule).build();
      return this;
    }

    /**
     * Returns the estimator.
     *
     * @return an immutable estimator with the settings so far
     */
    public PerformanceEstimator build() {
      return new PerformanceEstimator(this);
    }
  }
}
