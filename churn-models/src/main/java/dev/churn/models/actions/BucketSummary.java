package dev.churn.models.actions;

import java.util.Map;
import java.util.Objects;

/**
 * What a {@link RetentionPlan} means for one risk bucket, one line of the weekly report.
 *
 * <p>Usage:
 *
 * <pre>{@code
 * BucketSummary a = plan.summary(Bucket.A);
 * report.line("A: %d customers, %.1f expected churners, %.2f expected saved for %.2f",
 *     a.customers(), a.expectedChurners(), a.expectedValueSaved(), a.totalCost());
 * }</pre>
 *
 * @param bucket the bucket
 * @param customers customers in the bucket
 * @param meanProbability their mean churn probability; 0 when the bucket is empty
 * @param expectedChurners the sum of their churn probabilities (expected churners without action)
 * @param expectedChurnersKept the sum of {@code p * response} over the planned offers: the would-be
 *     churners the plan is expected to keep
 * @param expectedValueSaved the sum of {@code p * response * value} over the planned offers
 * @param totalCost the sum of the planned offers' expected costs
 * @param netGain {@code expectedValueSaved - totalCost}
 * @param actions how many customers get each kind of action (kinds with no customers are absent)
 */
public record BucketSummary(
    Bucket bucket,
    int customers,
    double meanProbability,
    double expectedChurners,
    double expectedChurnersKept,
    double expectedValueSaved,
    double totalCost,
    double netGain,
    Map<ActionKind, Integer> actions) {

  /**
   * Validates the fields and copies the map.
   *
   * @param bucket the bucket
   * @param customers the number of customers
   * @param meanProbability the mean churn probability
   * @param expectedChurners the expected churners
   * @param expectedChurnersKept the expected churners kept
   * @param expectedValueSaved the expected value saved
   * @param totalCost the total expected cost
   * @param netGain the net gain
   * @param actions the number of customers per action kind
   */
  public BucketSummary {
    Objects.requireNonNull(bucket, "bucket");
    if (customers < 0) {
      throw new IllegalArgumentException(
          "customers was '" + customers + "' but it must be at least 0");
    }
    actions = Map.copyOf(Objects.requireNonNull(actions, "actions"));
  }

  /**
   * Returns how many customers of the bucket get the given kind of action.
   *
   * @param kind the kind of action
   * @return the number of customers, 0 if none
   */
  public int count(ActionKind kind) {
    return actions.getOrDefault(Objects.requireNonNull(kind, "kind"), 0);
  }
}
