package dev.churn.models.registry;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Thrown when one or more {@link Gate}s reject a transition. The message names every failed gate
 * with its numbers; {@link #results()} has all results, passed and failed. The registry is
 * unchanged: only a "rejected" entry with the results was appended to the audit log.
 *
 * <pre>{@code
 * try {
 *   registry.model("churn").version(5).promote()
 *       .gate(Gates.notWorseThanProduction("auc", 0.005)).toProduction();
 * } catch (GateFailedException e) {
 *   e.failed().forEach(r -> log.warn("{}: {}", r.name(), r.detail()));
 * }
 * }</pre>
 */
public class GateFailedException extends RegistryException {
  private static final long serialVersionUID = 1L;

  /** The model name. */
  private final String model;
  /** The candidate version. */
  private final int version;
  /** The stage the candidate was to move to. */
  private final Stage target;
  /** Every gate result (not serialized). */
  private final transient List<GateResult> results;

  /**
   * Creates the exception.
   *
   * @param model the model
   * @param version the candidate version
   * @param target the stage it was to move to
   * @param results every gate result, at least one of them failed
   */
  public GateFailedException(String model, int version, Stage target, List<GateResult> results) {
    super(message(model, version, target, results));
    this.model = model;
    this.version = version;
    this.target = Objects.requireNonNull(target, "target");
    this.results = List.copyOf(results);
  }

  private static String message(String model, int version, Stage target, List<GateResult> results) {
    List<GateResult> failed = results.stream().filter(r -> !r.passed()).toList();
    return "transition of model '" + model + "' version " + version + " to " + target
        + " rejected by " + (failed.size() == 1 ? "gate " : failed.size() + " gates: ")
        + failed.stream().map(r -> r.name() + ": " + r.detail()).collect(Collectors.joining("; "))
        + ". The registry is unchanged (the rejection is recorded in the audit log); fix the"
        + " model or the gate, or use force() to skip the gates";
  }

  /**
   * Returns the model name.
   *
   * @return the model name
   */
  public String model() {
    return model;
  }

  /**
   * Returns the candidate version number.
   *
   * @return the version number
   */
  public int version() {
    return version;
  }

  /**
   * Returns the stage the candidate was to move to.
   *
   * @return the target stage
   */
  public Stage target() {
    return target;
  }

  /**
   * Returns every gate result, in the order the gates were given.
   *
   * @return the results
   */
  public List<GateResult> results() {
    return results == null ? List.of() : results;
  }

  /**
   * Returns the failed gate results.
   *
   * @return the failures, at least one
   */
  public List<GateResult> failed() {
    return results().stream().filter(r -> !r.passed()).toList();
  }
}
