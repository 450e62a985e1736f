package dev.churn.models.actions;

/**
 * The kind of retention action proposed for a customer.
 *
 * <p>The default mapping of {@link RetentionPlanner} is {@link Bucket#A} to {@link #CALL}, {@link
 * Bucket#B} to {@link #DISCOUNT} and {@link Bucket#C} to {@link #EMAIL}; {@link #NONE} is what a
 * customer gets when no candidate action is worth its cost.
 */
public enum ActionKind {
  /** A phone call from the retention team. Its cost is paid for every customer called. */
  CALL("call"),
  /**
   * A discount on the subscription for some months. Its cost is paid only by customers who stay
   * and therefore use it.
   */
  DISCOUNT("discount"),
  /** A thank-you email. Its cost (usually zero) is paid for every customer emailed. */
  EMAIL("thank-you email"),
  /** No action: nothing is spent and nothing is gained. */
  NONE("no action");

  private final String label;

  ActionKind(String label) {
    this.label = label;
  }

  /**
   * A short human-readable label for reports.
   *
   * @return e.g. "thank-you email"
   */
  public String label() {
    return label;
  }
}
