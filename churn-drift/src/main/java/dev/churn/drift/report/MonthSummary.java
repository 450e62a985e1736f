package dev.churn.drift.report;

import dev.churn.drift.monitor.Flag;
import dev.churn.drift.policy.Action;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One month in a {@link MonitoringReport}'s trends: what was in production, how many customers
 * were scored, realized and estimated ROC AUC, drift, flags and the action taken. Realized values
 * arrive a month late, so the latest months usually have only estimates.
 *
 * @param month the month, e.g. {@code "2017-04"}
 * @param productionVersion the registry version in production that month
 * @param scored customers scored
 * @param aucRealized ROC AUC once labels arrived
 * @param aucEstimated ROC AUC estimated without labels
 * @param driftShare the share of drifted feature columns
 * @param deviation the data deviation (see {@link dev.churn.drift.policy.Deviation})
 * @param flags flags by metric name, e.g. {@code "ROC_AUC" -> GREEN}
 * @param action the decision of the month
 */
public record MonthSummary(
    String month,
    OptionalInt productionVersion,
    long scored,
    OptionalDouble aucRealized,
    OptionalDouble aucEstimated,
    OptionalDouble driftShare,
    OptionalDouble deviation,
    Map<String, Flag> flags,
    Optional<Action> action) {

  /** Copies the flags and checks the fields. */
  public MonthSummary {
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(productionVersion, "productionVersion");
    Objects.requireNonNull(aucRealized, "aucRealized");
    Objects.requireNonNull(aucEstimated, "aucEstimated");
    Objects.requireNonNull(driftShare, "driftShare");
    Objects.requireNonNull(deviation, "deviation");
    Objects.requireNonNull(action, "action");
    flags = Map.copyOf(flags);
    if (scored < 0) {
      throw new IllegalArgumentException("scored was " + scored + " but it must be >= 0");
    }
  }
}
