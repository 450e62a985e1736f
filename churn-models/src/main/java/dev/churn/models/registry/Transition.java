package dev.churn.models.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Moves a version to another stage, behind optional {@link Gate}s: obtained from {@link
 * VersionHandle#transitionTo(Stage)}, applied by {@link #apply()}. Not thread-safe; {@link
 * #apply()} may be called once per intended transition.
 *
 * <pre>{@code
 * registry.model("churn").version(7).transitionTo(Stage.STAGING)
 *     .gate(Gates.metricAtLeast("auc", 0.78))
 *     .because("nightly retrain").by("scheduler")
 *     .apply();
 * }</pre>
 *
 * <p>A transition to {@link Stage#PRODUCTION} moves the current production version out: to
 * {@link Stage#ARCHIVED} by default ({@link #archiveExisting()}), or back to {@link
 * Stage#STAGING} with {@link #keepExisting()} — either way at most one version is in production.
 * {@link #force()} skips the gates and records in the audit log that they were skipped.
 */
public final class Transition {
  private final ModelRegistry registry;
  private final String model;
  private final int version;
  private final Stage target;
  private final List<Gate> gates = new ArrayList<>();
  private Optional<String> reason = Optional.empty();
  private Optional<String> user = Optional.empty();
  private boolean force;
  private boolean keepExisting;

  Transition(ModelRegistry registry, String model, int version, Stage target) {
    this.registry = registry;
    this.model = model;
    this.version = version;
    this.target = Objects.requireNonNull(target, "target");
  }

  /**
   * Records why, in the audit log.
   *
   * @param reason the reason, e.g. "nightly retrain"
   * @return this transition
   */
  public Transition because(String reason) {
    this.reason = Optional.of(Registration.checkValue("reason", reason));
    return this;
  }

  /**
   * Records who; default the registry's user.
   *
   * @param user the user
   * @return this transition
   */
  public Transition by(String user) {
    this.user = Optional.of(Registration.checkUser(user));
    return this;
  }

  /**
   * Adds a gate; gates run in the order added, all of them, before anything changes.
   *
   * @param gate the gate
   * @return this transition
   */
  public Transition gate(Gate gate) {
    gates.add(Objects.requireNonNull(gate, "gate"));
    return this;
  }

  /**
   * Adds several gates, e.g. {@link Gates#defaults(Stage)}.
   *
   * @param gates the gates
   * @return this transition
   */
  public Transition gates(Collection<? extends Gate> gates) {
    Objects.requireNonNull(gates, "gates").forEach(this::gate);
    return this;
  }

  /**
   * Skips the gates; the audit entry is marked forced and lists the skipped gates.
   *
   * @return this transition
   */
  public Transition force() {
    this.force = true;
    return this;
  }

  /**
   * When moving to PRODUCTION, archives the version currently in production (the default).
   *
   * @return this transition
   */
  public Transition archiveExisting() {
    this.keepExisting = false;
    return this;
  }

  /**
   * When moving to PRODUCTION, moves the version currently in production back to STAGING instead
   * of archiving it, so it stays ready for a quick roll-back; there is still at most one version
   * in production.
   *
   * @return this transition
   * @throws IllegalStateException if the target stage is not PRODUCTION
   */
  public Transition keepExisting() {
    if (target != Stage.PRODUCTION) {
      throw new IllegalStateException("keepExisting() applies only to transitions to PRODUCTION,"
          + " but this transition goes to " + target);
    }
    this.keepExisting = true;
    return this;
  }

  /**
   * Runs the gates and, if all pass (or the transition is forced), moves the version.
   *
   * @return the version in its new stage
   * @throws GateFailedException if a gate fails; nothing changes apart from the audit entry
   * @throws RegistryException if the version is already in the target stage
   * @throws ModelNotFoundException if the model does not exist
   * @throws VersionNotFoundException if the version does not exist
   */
  public ModelVersion apply() {
    return registry.doTransition(model, version, new Spec(target, reason, user, List.copyOf(gates),
        force, keepExisting));
  }

  record Spec(Stage target, Optional<String> reason, Optional<String> user, List<Gate> gates,
      boolean force, boolean keepExisting) {}

  @Override
  public String toString() {
    return "Transition[" + model + " v" + version + " -> " + target + ", " + gates.size()
        + " gates" + (force ? ", forced" : "") + "]";
  }
}
