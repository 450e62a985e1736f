package dev.churn.models.actions;

import java.util.Map;
import java.util.Objects;

/**
 * What a whole {@link RetentionPlan} means: the sums of its {@link BucketSummary bucket summaries}.
 *
 * @param customers customers planned
 * @param expectedChurners the sum of their churn probabilities (expected churners without action)
 * @param expectedChurnersKept the would-be churners the plan is expected to keep
 * @param expectedValueSaved the expected value of the churners kept
 * @param totalCost the expected cost of all planned offers
 * @param netGain {@code expectedValueSaved - totalCost}, never negative
 * @param actions how many customers get each kind of action (kinds with no customers are absent)
 */
public record PlanTotals(
    int customers,
    double expectedChurners,
    double expectedChurnersKept,
    double expectedValueSaved,
    double totalCost,
    double netGain,
    Map<ActionKind, Integer> actions) {

  /**
   * Validates the fields and copies the map.
   *
   * @param customers the number of customers
   * @param expectedChurners the expected churners
   * @param expectedChurnersKept the expected churners kept
   * @param expectedValueSaved the expected value saved
   * @param totalCost the total expected cost
   * @param netGain the net gain
   * @param actions the number of customers per action kind
   */
  public PlanTotals {
    if (customers < 0) {
      throw new IllegalArgumentException(
          "customers was '" + customers + "' but it must be at least 0");
    }
    actions = Map.copyOf(Objects.requireNonNull(actions, "actions"));
  }

  /**
   * Returns how many customers get the given kind of action.
   *
   * @param kind the kind of action
   * @return the number of customers, 0 if none
   */
  public int count(ActionKind kind) {
    return actions.getOrDefault(Objects.requireNonNull(kind, "kind"), 0);
  }
}
