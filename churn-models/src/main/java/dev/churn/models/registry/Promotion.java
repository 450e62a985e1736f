package dev.churn.models.registry;

import java.util.Collection;
import java.util.Objects;

/**
 * Promotes a version to {@link Stage#PRODUCTION} behind {@link Gate}s: obtained from {@link
 * VersionHandle#promote()}, applied by {@link #toProduction()}. The same as {@code
 * transitionTo(Stage.PRODUCTION)}, in the words of the promotion workflow.
 *
 * <pre>{@code
 * registry.model("churn").version(v).promote()
 *     .gate(Gates.metricAtLeast("auc", 0.80))
 *     .gate(Gates.notWorseThanProduction("auc", 0.005))      // champion / challenger
 *     .gate(Gates.acceptance(sampleTable, expectedScores, 1e-9))
 *     .archiveExisting()                                       // default
 *     .because("beats production on March holdout")
 *     .toProduction();
 * }</pre>
 *
 * <p>The version in production before is archived ({@link #archiveExisting()}, the default) or
 * moved back to STAGING ({@link #keepExisting()}); there is never more than one version in
 * production.
 */
public final class Promotion {
  private final Transition transition;

  Promotion(Transition transition) {
    this.transition = Objects.requireNonNull(transition, "transition");
  }

  /**
   * Adds a gate; see {@link Transition#gate(Gate)}.
   *
   * @param gate the gate
   * @return this promotion
   */
  public Promotion gate(Gate gate) {
    transition.gate(gate);
    return this;
  }

  /**
   * Adds several gates, e.g. {@code Gates.defaults(Stage.PRODUCTION)}.
   *
   * @param gates the gates
   * @return this promotion
   */
  public Promotion gates(Collection<? extends Gate> gates) {
    transition.gates(gates);
    return this;
  }

  /**
   * Archives the current production version (the default).
   *
   * @return this promotion
   */
  public Promotion archiveExisting() {
    transition.archiveExisting();
    return this;
  }

  /**
   * Moves the current production version back to STAGING instead of archiving it.
   *
   * @return this promotion
   */
  public Promotion keepExisting() {
    transition.keepExisting();
    return this;
  }

  /**
   * Records why, in the audit log.
   *
   * @param reason the reason
   * @return this promotion
   */
  public Promotion because(String reason) {
    transition.because(reason);
    return this;
  }

  /**
   * Records who; default the registry's user.
   *
   * @param user the user
   * @return this promotion
   */
  public Promotion by(String user) {
    transition.by(user);
    return this;
  }

  /**
   * Skips the gates, recording that in the audit log.
   *
   * @return this promotion
   */
  public Promotion force() {
    transition.force();
    return this;
  }

  /**
   * Runs the gates and, if all pass, moves the version to production.
   *
   * @return the version, now in PRODUCTION
   * @throws GateFailedException if a gate fails; nothing changes apart from the audit entry
   * @throws RegistryException if the version is already in production
   */
  public ModelVersion toProduction() {
    return transition.apply();
  }

  @Override
  public String toString() {
    return "Promotion" + transition.toString().substring("Transition".length());
  }
}
