package dev.churn.models.registry;

import com.google.common.collect.ImmutableSortedMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The outcome of one {@link Gate}: its name, whether it passed, a sentence with the numbers that
 * decided it, and those numbers by name. Recorded in the audit log with every gated transition,
 * passed or rejected.
 *
 * <pre>{@code
 * GateResult r = GateResult.fail("metricAtLeast(auc, 0.8)", "auc 0.7712 < 0.8",
 *     Map.of("auc", 0.7712, "min", 0.8));
 * }</pre>
 *
 * @param name the gate's name, with its parameters, e.g. "metricAtLeast(auc, 0.8)"
 * @param passed whether the candidate passed
 * @param detail why, with the numbers compared
 * @param values the numbers compared, by name, sorted; non-finite values are dropped because the
 *     audit log (JSON) cannot hold them
 */
public record GateResult(String name, boolean passed, String detail, Map<String, Double> values) {
  /**
   * Validates and copies the fields.
   *
   * @param name the gate's name, with its parameters, e.g. "metricAtLeast(auc, 0.8)"
   * @param passed whether the candidate passed
   * @param detail why, with the numbers compared
   * @param values the numbers compared, by name, sorted; non-finite values are dropped because the
   *     audit log (JSON) cannot hold them
   * @throws IllegalArgumentException if the name is blank
   */
  public GateResult {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("gate name must not be blank");
    }
    Objects.requireNonNull(detail, "detail");
    Map<String, Double> finite = new TreeMap<>();
    Objects.requireNonNull(values, "values").forEach((k, v) -> {
      if (v != null && Double.isFinite(v)) {
        finite.put(k, v);
      }
    });
    values = ImmutableSortedMap.copyOf(finite);
  }

  /**
   * A passed result.
   *
   * @param name the gate's name
   * @param detail why it passed, with numbers
   * @param values the numbers
   * @return the result
   */
  public static GateResult pass(String name, String detail, Map<String, Double> values) {
    return new GateResult(name, true, detail, values);
  }

  /**
   * A failed result.
   *
   * @param name the gate's name
   * @param detail why it failed, with numbers
   * @param values the numbers
   * @return the result
   */
  public static GateResult fail(String name, String detail, Map<String, Double> values) {
    return new GateResult(name, false, detail, values);
  }

  @Override
  public String toString() {
    return (passed ? "PASS " : "FAIL ") + name + ": " + detail;
  }
}
