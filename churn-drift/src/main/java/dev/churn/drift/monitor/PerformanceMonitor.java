package dev.churn.drift.monitor;

import dev.churn.core.metrics.BinaryMetrics;
import dev.churn.core.metrics.ConfusionMatrix;
import dev.churn.core.table.Table;
import dev.churn.drift.internal.CohortTables;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures how a model in production actually performed once the labels of a scored cohort are
 * known, and turns every metric into a green, yellow or red {@link Flag}.
 *
 * <p>Input per row: the score (or calibrated probability) the model gave, whether the row was
 * <em>recommended</em> (flagged for action: a retention call, a discount, a product offer), and
 * the realized label (churned, bought). The recommendation is either given per row or derived as
 * {@code score >= decisionThreshold}. Risk buckets, for the share of churners caught in buckets A
 * and B, are either given per row or derived from two probability cuts ({@code A: score >= aCut},
 * {@code B: bCut <= score < aCut}, {@code C} below, as {@code RiskBuckets.byProbability} in
 * churn-models assigns them).
 *
 * <p>The report holds ROC AUC (from {@link BinaryMetrics#rocAuc(double[], boolean[])}), F1 of the
 * recommendation, conversion rate, error rate, negative hits and, with buckets, the share caught
 * in A and B; {@link Metric} defines each one exactly. Each gets a flag from the {@link
 * FlagThresholds} (the seed plan's by default) and the report an overall flag, the worst of them.
 *
 * <pre>{@code
 * PerformanceMonitor monitor = PerformanceMonitor.builder()
 *     .decisionThreshold(0.5)                          // recommended: p >= 0.5
 *     .bucketCuts(0.5, 0.2)                            // A: p >= 0.5, B: p >= 0.2, C: below
 *     .rule(Metric.CAUGHT_IN_AB, FlagRule.atLeast(0.70, 0.55))
 *     .build();
 *
 * // last month's scores, now that we know who churned
 * PerformanceReport report = monitor.evaluate(probabilities, churned);
 * log.info("overall {}: AUC {} ({}), conversion {}", report.overall(),
 *     report.value(Metric.ROC_AUC), report.flag(Metric.ROC_AUC),
 *     report.value(Metric.CONVERSION_RATE));
 *
 * // or straight from a scored table
 * PerformanceReport fromTable = monitor.evaluate(scored,
 *     CohortColumns.of("probability", "churned").withBucket("bucket"));
 * }</pre>
 *
 * <p>A monitor is immutable and thread-safe; one instance can evaluate every month. Evaluation is
 * O(n log n) (one sort for ROC AUC) and never modifies its input arrays.
 */
public final class PerformanceMonitor {

  private static final Logger LOG = LoggerFactory.getLogger(PerformanceMonitor.class);

  private final double decisionThreshold; // NaN when not configured
  private final double aCut; // NaN when not configured
  private final double bCut;
  private final FlagThresholds thresholds;

  private PerformanceMonitor(Builder b) {
    this.decisionThreshold = b.decisionThreshold;
    this.aCut = b.aCut;
    this.bCut = b.bCut;
    this.thresholds = b.thresholds;
  }

  /**
   * Returns a builder with the seed plan's thresholds, no decision threshold and no bucket cuts.
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
   * Returns the score cut of bucket A, used when buckets are not given per row.
   *
   * @return the cut, or empty if no bucket cuts were configured
   */
  public OptionalDouble bucketCutA() {
    return Double.isNaN(aCut) ? OptionalDouble.empty() : OptionalDouble.of(aCut);
  }

  /**
   * Returns the score cut of bucket B (rows at or above it are in A or B), used when buckets are
   * not given per row.
   *
   * @return the cut, or empty if no bucket cuts were configured
   */
  public OptionalDouble bucketCutB() {
    return Double.isNaN(bCut) ? OptionalDouble.empty() : OptionalDouble.of(bCut);
  }

  /**
   * Returns the thresholds that give the flags.
   *
   * @return the thresholds
   */
  public FlagThresholds thresholds() {
    return thresholds;
  }

  /**
   * Evaluates a cohort whose recommendation is {@code score >= decisionThreshold}.
   *
   * @param scores the score of each row, higher meaning more likely positive; not NaN
   * @param labels the realized label of each row, {@code true} for positive
   * @return the report
   * @throws IllegalStateException if the monitor has no decision threshold
   * @throws IllegalArgumentException if the arrays are null, empty or of different lengths, or a
   *     score is NaN
   */
  public PerformanceReport evaluate(double[] scores, boolean[] labels) {
    if (Double.isNaN(decisionThreshold)) {
      throw new IllegalStateException(
          "this monitor has no decision threshold: call decisionThreshold(t) on its builder, or "
              + "pass the recommendation per row to evaluate(scores, recommended, labels)");
    }
    checkArrays(scores, labels);
    boolean[] recommended = new boolean[scores.length];
    for (int i = 0; i < scores.length; i++) {
      recommended[i] = scores[i] >= decisionThreshold;
    }
    return compute(
        scores, recommended, labels, null, "score >= " + format(decisionThreshold));
  }

  /**
   * Evaluates a cohort whose recommendation is given per row.
   *
   * @param scores the score of each row, higher meaning more likely positive; not NaN
   * @param recommended whether each row was recommended (flagged for action)
   * @param labels the realized label of each row, {@code true} for positive
   * @return the report
   * @throws IllegalArgumentException if an array is null, empty or of a different length than
   *     the others, or a score is NaN
   */
  public PerformanceReport evaluate(double[] scores, boolean[] recommended, boolean[] labels) {
    checkArrays(scores, labels);
    checkLength("recommended", recommended, scores.length);
    return compute(scores, recommended, labels, null, "given per row");
  }

  /**
   * Evaluates a cohort whose recommendation and risk bucket are given per row. The buckets
   * override any bucket cuts of the monitor.
   *
   * @param scores the score of each row, higher meaning more likely positive; not NaN
   * @param recommended whether each row was recommended (flagged for action)
   * @param labels the realized label of each row, {@code true} for positive
   * @param buckets the risk bucket of each row: {@code "A"}, {@code "B"} or {@code "C"}
   * @return the report
   * @throws IllegalArgumentException if an array is null, empty or of a different length than
   *     the others, a score is NaN, or a bucket is not A, B or C
   */
  public PerformanceReport evaluate(
      double[] scores, boolean[] recommended, boolean[] labels, String[] buckets) {
    checkArrays(scores, labels);
    checkLength("recommended", recommended, scores.length);
    if (buckets == null) {
      throw new IllegalArgumentException("buckets must not be null");
    }
    if (buckets.length != scores.length) {
      throw new IllegalArgumentException(
          "buckets.length was '" + buckets.length + "' but it must equal scores.length ("
              + scores.length + ")");
    }
    byte[] codes = new byte[buckets.length];
    for (int i = 0; i < buckets.length; i++) {
      codes[i] = CohortTables.bucket(buckets[i], "buckets[" + i + "]");
    }
    return compute(scores, recommended, labels, codes, "given per row");
  }

  /**
   * Evaluates a scored and labelled table. The recommendation comes from the {@code recommended}
   * column if named, else from the decision threshold; buckets come from the {@code bucket}
   * column if named, else from the bucket cuts if configured.
   *
   * @param table the cohort, one row per scored customer (or customer-product pair)
   * @param columns which columns hold the score, label, recommendation and bucket
   * @return the report
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the table is empty, a column is missing or of the wrong
   *     type, a value is missing, a 0/1 column holds another number, or a bucket is not A, B or C
   * @throws IllegalStateException if no recommendation column is named and the monitor has no
   *     decision threshold
   */
  public PerformanceReport evaluate(Table table, CohortColumns columns) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(columns, "columns");
    if (table.rowCount() == 0) {
      throw new IllegalArgumentException("table has 0 rows but it must have at least one");
    }
    double[] scores = CohortTables.numbers(table, columns.score(), "score");
    boolean[] labels = CohortTables.bits(table, columns.label());
    Optional<String> bucketColumn = columns.bucket();
    byte[] codes =
        bucketColumn.isPresent() ? CohortTables.buckets(table, bucketColumn.get()) : null;
    if (columns.recommended().isPresent()) {
      boolean[] recommended = CohortTables.bits(table, columns.recommended().get());
      return compute(
          scores, recommended, labels, codes, "column '" + columns.recommended().get() + "'");
    }
    if (Double.isNaN(decisionThreshold)) {
      throw new IllegalStateException(
          "this monitor has no decision threshold: call decisionThreshold(t) on its builder, or "
              + "name the recommendation column with CohortColumns.withRecommended(name)");
    }
    boolean[] recommended = new boolean[scores.length];
    for (int i = 0; i < scores.length; i++) {
      recommended[i] = scores[i] >= decisionThreshold;
    }
    return compute(
        scores, recommended, labels, codes, "score >= " + format(decisionThreshold));
  }

  // ---------------------------------------------------------------------------------------------

  private PerformanceReport compute(
      double[] scores, boolean[] recommended, boolean[] labels, byte[] bucketCodes,
      String decision) {
    int n = scores.length;
    long tp = 0;
    long fp = 0;
    long fn = 0;
    long tn = 0;
    for (int i = 0; i < n; i++) {
      if (labels[i]) {
        if (recommended[i]) {
          tp++;
        } else {
          fn++;
        }
      } else if (recommended[i]) {
        fp++;
      } else {
        tn++;
      }
    }
    ConfusionMatrix confusion = new ConfusionMatrix(tp, fp, tn, fn);
    long positives = tp + fn;
    List<MetricResult> metrics = new ArrayList<>();
    List<String> notes = new ArrayList<>();

    if (positives > 0 && positives < n) {
      metrics.add(result(Metric.ROC_AUC, BinaryMetrics.rocAuc(scores, labels)));
    } else {
      notes.add(
          "ROC_AUC is undefined: the labels contain only one class (positives=" + positives
              + ", negatives=" + (n - positives) + ")");
    }
    metrics.add(result(Metric.F1, confusion.f1()));
    if (tp + fp > 0) {
      metrics.add(result(Metric.CONVERSION_RATE, (double) tp / (tp + fp)));
    } else {
      notes.add("CONVERSION_RATE is undefined: no row was recommended");
    }
    metrics.add(result(Metric.ERROR_RATE, (double) fn / n));
    metrics.add(result(Metric.NEGATIVE_HITS, (double) fp / n));

    List<BucketCount> buckets = List.of();
    byte[] codes = bucketCodes;
    if (codes == null && !Double.isNaN(aCut)) {
      codes = new byte[n];
      for (int i = 0; i < n; i++) {
        codes[i] = (byte) (scores[i] >= aCut ? 0 : scores[i] >= bCut ? 1 : 2);
      }
    }
    if (codes != null) {
      long[] rows = new long[3];
      long[] pos = new long[3];
      for (int i = 0; i < n; i++) {
        rows[codes[i]]++;
        if (labels[i]) {
          pos[codes[i]]++;
        }
      }
      buckets =
          List.of(
              new BucketCount("A", rows[0], pos[0]),
              new BucketCount("B", rows[1], pos[1]),
              new BucketCount("C", rows[2], pos[2]));
      if (positives > 0) {
        metrics.add(result(Metric.CAUGHT_IN_AB, (double) (pos[0] + pos[1]) / positives));
      } else {
        notes.add("CAUGHT_IN_AB is undefined: no row is positive");
      }
    } else {
      notes.add("CAUGHT_IN_AB was not computed: no buckets given and no bucket cuts configured");
    }

    Flag overall = Flag.UNRATED;
    for (MetricResult m : metrics) {
      overall = overall.worse(m.flag());
    }
    PerformanceReport report =
        new PerformanceReport(
            n, positives, tp + fp, decision, confusion, metrics, buckets, overall, notes);
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "evaluated {} rows ({} positive, {} recommended by {}): overall {}, {}",
          n, positives, tp + fp, decision, overall, metrics);
    }
    return report;
  }

  private MetricResult result(Metric metric, double value) {
    Optional<FlagRule> rule = thresholds.rule(metric);
    return new MetricResult(
        metric,
        value,
        rule.map(r -> r.flag(value)).orElse(Flag.UNRATED),
        rule.map(FlagRule::describe).orElse("unrated"));
  }

  private static void checkArrays(double[] scores, boolean[] labels) {
    if (scores == null) {
      throw new IllegalArgumentException("scores must not be null");
    }
    if (scores.length == 0) {
      throw new IllegalArgumentException("scores has 0 rows but it must have at least one");
    }
    checkLength("labels", labels, scores.length);
    for (int i = 0; i < scores.length; i++) {
      if (Double.isNaN(scores[i])) {
        throw new IllegalArgumentException("scores[" + i + "] was 'NaN' but it must be a number");
      }
    }
  }

  private static void checkLength(String name, boolean[] values, int length) {
    if (values == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    if (values.length != length) {
      throw new IllegalArgumentException(
          name + ".length was '" + values.length + "' but it must equal scores.length ("
              + length + ")");
    }
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%s", value);
  }

  /**
   * Configures a {@link PerformanceMonitor}. Every setter checks its argument at once and throws
   * {@link IllegalArgumentException} naming the field, the value and the rule; {@link #build()}
   * leaves the builder reusable.
   */
  public static final class Builder {
    private double decisionThreshold = Double.NaN;
    private double aCut = Double.NaN;
    private double bCut = Double.NaN;
    private FlagThresholds thresholds = FlagThresholds.defaults();

    private Builder() {}

    /**
     * Sets the threshold that decides the recommendation when it is not given per row: a row is
     * recommended when {@code score >= threshold}.
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
     * Sets the score cuts of the risk buckets, used when buckets are not given per row: A when
     * {@code score >= aCut}, B when {@code bCut <= score < aCut}, C below.
     *
     * @param aCut lowest score of bucket A, finite
     * @param bCut lowest score of bucket B, finite and below {@code aCut}
     * @return this builder
     * @throws IllegalArgumentException if a cut is not finite or {@code aCut <= bCut}
     */
    public Builder bucketCuts(double aCut, double bCut) {
      if (!Double.isFinite(aCut)) {
        throw new IllegalArgumentException("aCut was '" + aCut + "' but it must be finite");
      }
      if (!Double.isFinite(bCut)) {
        throw new IllegalArgumentException("bCut was '" + bCut + "' but it must be finite");
      }
      if (!(aCut > bCut)) {
        throw new IllegalArgumentException(
            "aCut was '" + aCut + "' but it must be > bCut (" + bCut + ")");
      }
      this.aCut = aCut;
      this.bCut = bCut;
      return this;
    }

    /**
     * Replaces all flag thresholds.
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
     * Returns the monitor.
     *
     * @return an immutable monitor with the settings so far
     */
    public PerformanceMonitor build() {
      return new PerformanceMonitor(this);
    }
  }
}
