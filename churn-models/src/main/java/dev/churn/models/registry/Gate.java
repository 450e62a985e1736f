package dev.churn.models.registry;

import java.util.Objects;

/**
 * A check a model version must pass before a transition: a metric threshold, a comparison with
 * the version in production (champion / challenger), an acceptance test on a fixed sample, or
 * anything the caller writes.
 *
 * <p>Gates run under the registry's writer lock, after the registry has checked that the
 * transition is possible and before anything changes. Every result is recorded in the audit log;
 * if any gate fails (or throws, which counts as a failure), the transition is rejected with a
 * {@link GateFailedException} and the registry is left unchanged apart from the "rejected" audit
 * entry. Built-in gates are in {@link Gates}.
 *
 * <pre>{@code
 * Gate enoughRows = Gate.named("trainedOnEnoughRows", ctx -> {
 *   double rows = Double.parseDouble(ctx.candidate().tags().getOrDefault("rows", "0"));
 *   return rows >= 10_000
 *       ? GateResult.pass("trainedOnEnoughRows", rows + " rows >= 10000", Map.of("rows", rows))
 *       : GateResult.fail("trainedOnEnoughRows", rows + " rows < 10000", Map.of("rows", rows));
 * });
 * registry.model("churn").version(4).promote().gate(enoughRows).toProduction();
 * }</pre>
 *
 * <p>A gate must not write to the same registry (the writer lock is not reentrant).
 */
@FunctionalInterface
public interface Gate {

  /**
   * Checks the candidate.
   *
   * @param context the candidate version, the target stage and the current production version
   * @return the result, with the numbers that decided it
   */
  GateResult check(GateContext context);

  /**
   * Returns the gate's name, used when it throws or when a forced transition skips it.
   *
   * @return the name; "custom gate" unless overridden or given with {@link #named}
   */
  default String name() {
    return "custom gate";
  }

  /**
   * Gives a gate a name.
   *
   * @param name the name reported when the gate throws or is skipped
   * @param gate the gate
   * @return a gate with that name that delegates to {@code gate}
   */
  static Gate named(String name, Gate gate) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(gate, "gate");
    if (name.isBlank()) {
      throw new IllegalArgumentException("gate name must not be blank");
    }
    return new Gate() {
      @Override
      public GateResult check(GateContext context) {
        return gate.check(context);
      }

      @Override
      public String name() {
        return name;
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }
}
