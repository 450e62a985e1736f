package dev.churn.models.actions;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The output of {@link RetentionPlanner#plan}: an action per customer, the bucket assignment, a
 * summary per bucket and the totals.
 *
 * <p>Usage:
 *
 * <pre>{@code
 * RetentionPlan plan = planner.plan(ids, probabilities);
 * plan.plans();                      // one Plan per customer, in input order
 * plan.summary(Bucket.B).totalCost();
 * weeklyReport.append(plan.toText()); // the per-bucket table for marketing
 * }</pre>
 *
 * @param plans one plan per customer, in the order the customers were given
 * @param assignment the customers' buckets and the probability thresholds applied
 * @param summaries one summary per bucket, in the order A, B, C (empty buckets included)
 * @param totals the sums over all buckets
 */
public record RetentionPlan(
    List<Plan> plans, BucketAssignment assignment, List<BucketSummary> summaries,
    PlanTotals totals) {

  /**
   * Validates and copies the fields.
   *
   * @param plans the per-customer plans
   * @param assignment the bucket assignment
   * @param summaries the per-bucket summaries
   * @param totals the totals
   * @throws IllegalArgumentException if there is not exactly one summary per bucket, in order
   */
  public RetentionPlan {
    plans = List.copyOf(Objects.requireNonNull(plans, "plans"));
    Objects.requireNonNull(assignment, "assignment");
    summaries = List.copyOf(Objects.requireNonNull(summaries, "summaries"));
    Objects.requireNonNull(totals, "totals");
    Bucket[] buckets = Bucket.values();
    if (summaries.size() != buckets.length) {
      throw new IllegalArgumentException(
          "summaries had " + summaries.size() + " entries but it must have one per bucket (A, B, C)");
    }
    for (int i = 0; i < buckets.length; i++) {
      if (summaries.get(i).bucket() != buckets[i]) {
        throw new IllegalArgumentException(
            "summaries[" + i + "] was for bucket " + summaries.get(i).bucket()
                + " but it must be for bucket " + buckets[i]);
      }
    }
  }

  /**
   * Returns the summary of one bucket.
   *
   * @param bucket the bucket
   * @return its summary
   */
  public BucketSummary summary(Bucket bucket) {
    return summaries.get(Objects.requireNonNull(bucket, "bucket").ordinal());
  }

  /**
   * Formats the per-bucket summary and the totals as a fixed-width text table, for a weekly report
   * or a log. Numbers use a dot as decimal separator whatever the default locale.
   *
   * <pre>
   * bucket                      customers  mean p  exp. churners  churners kept  value saved      cost  net gain  actions
   * A (very likely to churn)          120   0.712          85.44          21.36      2563.20     600.00    1963.20  call 120
   * ...
   * </pre>
   *
   * @return the table, lines separated by {@code \n}, ending with a line break
   */
  public String toText() {
    StringBuilder out = new StringBuilder();
    String header = "%-26s %9s %7s %14s %14s %12s %10s %10s  %s";
    String row = "%-26s %9d %7.3f %14.2f %14.2f %12.2f %10.2f %10.2f  %s";
    line(out, String.format(Locale.ROOT, header, "bucket", "customers", "mean p", "exp. churners",
        "churners kept", "value saved", "cost", "net gain", "actions"));
    for (BucketSummary s : summaries) {
      line(out, String.format(Locale.ROOT, row,
          s.bucket() + " (" + s.bucket().description() + ")", s.customers(), s.meanProbability(),
          s.expectedChurners(), s.expectedChurnersKept(), s.expectedValueSaved(), s.totalCost(),
          s.netGain(), describeActions(s)));
    }
    PlanTotals t = totals;
    double mean = t.customers() == 0 ? 0.0 : t.expectedChurners() / t.customers();
    line(out, String.format(Locale.ROOT, row, "total", t.customers(), mean, t.expectedChurners(),
        t.expectedChurnersKept(), t.expectedValueSaved(), t.totalCost(), t.netGain(), ""));
    return out.toString();
  }

  private static void line(StringBuilder out, String text) {
    out.append(text.stripTrailing()).append('\n');
  }

  private static String describeActions(BucketSummary s) {
    StringBuilder text = new StringBuilder();
    for (ActionKind kind : ActionKind.values()) {
      int n = s.count(kind);
      if (n > 0) {
        if (text.length() > 0) {
          text.append(", ");
        }
        text.append(kind.label()).append(' ').append(n);
      }
    }
    return text.toString();
  }
}
