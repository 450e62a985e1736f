package dev.churn.models.actions;

import java.util.Objects;
import java.util.Optional;

/**
 * The proposed retention action for one customer, with the reasoning behind it.
 *
 * <p>Usage:
 *
 * <pre>{@code
 * for (Plan p : planner.plan(ids, probabilities).plans()) {
 *   csv.row(p.id(), p.bucket(), p.action(), p.offer().map(Offer::name).orElse(""), p.reason());
 * }
 * }</pre>
 *
 * @param id the customer's id
 * @param churnProbability the customer's calibrated churn probability
 * @param bucket the customer's risk bucket
 * @param value what keeping the customer is worth
 * @param action the kind of action proposed; {@link ActionKind#NONE} when no offer is worth it
 * @param offer the chosen offer, empty exactly when {@code action} is {@link ActionKind#NONE}
 * @param expectedSaved the expected value of the would-be churners the offer keeps: {@code p *
 *     response * value}; 0 without an offer
 * @param expectedCost the expected cost of the offer for this customer; 0 without an offer
 * @param expectedGain {@code expectedSaved - expectedCost}, never negative (doing nothing gains 0)
 * @param reason one line saying why, e.g. "20% discount x 3 months: expected +12.40 = 0.62 churn x
 *     0.30 response x 95.00 value - 5.27 cost"
 */
public record Plan(
    String id,
    double churnProbability,
    Bucket bucket,
    double value,
    ActionKind action,
    Optional<Offer> offer,
    double expectedSaved,
    double expectedCost,
    double expectedGain,
    String reason) {

  /**
   * Validates the fields.
   *
   * @param id the customer's id
   * @param churnProbability the churn probability
   * @param bucket the bucket
   * @param value the customer's value
   * @param action the action
   * @param offer the chosen offer
   * @param expectedSaved the expected value saved
   * @param expectedCost the expected cost
   * @param expectedGain the expected gain
   * @param reason the one-line reason
   * @throws IllegalArgumentException if {@code offer} disagrees with {@code action}
   */
  public Plan {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(offer, "offer");
    Objects.requireNonNull(reason, "reason");
    if (offer.isPresent() != (action != ActionKind.NONE)
        || offer.map(o -> o.kind() != action).orElse(false)) {
      throw new IllegalArgumentException(
          "offer was '" + offer.map(Offer::name).orElse("none") + "' but it must match action "
              + action);
    }
  }
}
