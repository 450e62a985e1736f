package dev.churn.models.actions;

/**
 * The risk bucket of a scored customer, from the calibrated probability that they churn next
 * month. Buckets are ordered from the highest risk ({@link #A}) to the lowest ({@link #C}); the
 * marketing team treats each bucket differently (see {@link ActionKind} and {@link
 * RetentionPlanner}).
 *
 * <p>Usage:
 *
 * <pre>{@code
 * Bucket b = RiskBuckets.byProbability(0.5, 0.2).bucketOf(0.37);   // Bucket.B
 * b.description();                                                  // "on the fence"
 * }</pre>
 */
public enum Bucket {
  /** Very likely to churn; by default they get a call to understand and address their pain points. */
  A("very likely to churn"),
  /** On the fence; by default they get a discount on their subscription. */
  B("on the fence"),
  /** Likely to stay; by default they get a thank-you email. */
  C("likely to stay");

  private final String description;

  Bucket(String description) {
    this.description = description;
  }

  /**
   * Says in a few words who is in this bucket, for reports.
   *
   * @return e.g. "very likely to churn"
   */
  public String description() {
    return description;
  }
}
