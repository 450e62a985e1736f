package dev.churn.models.actions;

import java.util.Objects;

/**
 * One scored customer as the {@link RetentionPlanner} sees it.
 *
 * <p>Usage:
 *
 * <pre>{@code
 * Customer c = new Customer("msno-42", 0.62, 9.99, 95.00);
 * RetentionPlan plan = planner.plan(List.of(c));
 * }</pre>
 *
 * <p>When customers are given as arrays ({@link RetentionPlanner#plan(java.util.List, double[])}),
 * the planner fills in its default monthly price and {@code value = monthlyPrice *
 * expectedRemainingMonths}.
 *
 * @param id the customer's id, not blank; unique within one plan
 * @param churnProbability the calibrated probability of churning next month, in [0, 1]
 * @param monthlyPrice what the customer pays per month, at least 0; discount costs are shares of it
 * @param value what keeping the customer is worth (e.g. monthly price times expected remaining
 *     months), at least 0
 */
public record Customer(String id, double churnProbability, double monthlyPrice, double value) {

  /**
   * Validates the fields.
   *
   * @param id the customer's id
   * @param churnProbability the churn probability
   * @param monthlyPrice the monthly price
   * @param value the customer's value
   * @throws IllegalArgumentException if a field is out of range
   */
  public Customer {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("id was '" + id + "' but it must not be blank");
    }
    if (!(churnProbability >= 0.0 && churnProbability <= 1.0)) {
      throw new IllegalArgumentException(
          "churnProbability was '" + churnProbability + "' but it must be a probability in [0, 1]"
              + " (customer " + id + ")");
    }
    if (!(monthlyPrice >= 0.0 && Double.isFinite(monthlyPrice))) {
      throw new IllegalArgumentException(
          "monthlyPrice was '" + monthlyPrice + "' but it must be a finite amount of at least 0"
              + " (customer " + id + ")");
    }
    if (!(value >= 0.0 && Double.isFinite(value))) {
      throw new IllegalArgumentException(
          "value was '" + value + "' but it must be a finite amount of at least 0 (customer " + id
              + ")");
    }
  }
}
