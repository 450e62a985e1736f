package dev.churn.models;

import java.util.Objects;

/**
 * Why a customer's risk is high: one input feature, its value for that customer, and how much it
 * raised the log-odds of churn.
 *
 * @param feature the input column
 * @param value the customer's value, as text ({@code ""} when missing)
 * @param contribution the feature's contribution to the log-odds (positive raises the risk)
 */
public record Reason(String feature, String value, double contribution) {
  /** Checks the fields. */
  public Reason {
    Objects.requireNonNull(feature, "feature");
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "%s=%s (%+.3f)", feature, value, contribution);
  }
}
