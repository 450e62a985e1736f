package dev.churn.drift.policy;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@link RetrainPolicy#decide(Evidence)}: the action, every reason that asked for
 * an action (most severe first), and whether the model should leave production now.
 *
 * @param action the most severe action any signal asked for
 * @param reasons one sentence per signal with its numbers, most severe first; a NONE decision
 *     says why nothing is needed
 * @param takeOutOfProduction true when realized performance is RED: the seed plan's advice is to
 *     withdraw the model (fall back to the previous version or a rule) until a new one is ready
 */
public record Decision(Action action, List<String> reasons, boolean takeOutOfProduction) {

  /** Copies the reasons and checks the fields. */
  public Decision {
    Objects.requireNonNull(action, "action");
    reasons = List.copyOf(reasons);
    if (reasons.isEmpty()) {
      throw new IllegalArgumentException("a decision needs at least one reason");
    }
  }

  /** Returns the reasons joined into one line, for logs and tables. */
  public String summary() {
    return action + ": " + String.join("; ", reasons);
  }
}
