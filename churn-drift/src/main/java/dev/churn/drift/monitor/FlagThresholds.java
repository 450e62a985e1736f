package dev.churn.drift.monitor;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link FlagRule} of every rated metric: which values of ROC AUC, F1 and the business metrics
 * are green, yellow or red.
 *
 * <p>{@link #defaults()} are the thresholds of the seed monitoring plan:
 *
 * <table>
 *   <caption>Default thresholds</caption>
 *   <tr><th>metric</th><th>green</th><th>yellow</th><th>red</th></tr>
 *   <tr><td>ROC AUC</td><td>&ge; 0.85</td><td>0.75 - 0.85</td><td>&lt; 0.75</td></tr>
 *   <tr><td>F1</td><td>&ge; 0.20</td><td>0.15 - 0.20</td><td>&lt; 0.15</td></tr>
 *   <tr><td>conversion rate</td><td>&ge; 15 %</td><td>10 % - 15 %</td><td>&lt; 10 %</td></tr>
 *   <tr><td>error rate</td><td>&le; 5 %</td><td>5 % - 10 %</td><td>&gt; 10 %</td></tr>
 *   <tr><td>negative hits</td><td>&le; 2 %</td><td>2 % - 5 %</td><td>&gt; 5 %</td></tr>
 * </table>
 *
 * <p>The share of churners caught in buckets A and B ({@link Metric#CAUGHT_IN_AB}) has no seed
 * threshold and is {@link Flag#UNRATED} unless a rule is added. Change any rule with the builder:
 *
 * <pre>{@code
 * FlagThresholds thresholds = FlagThresholds.defaults().toBuilder()
 *     .rule(Metric.F1, FlagRule.atLeast(0.30, 0.22))
 *     .rule(Metric.CAUGHT_IN_AB, FlagRule.atLeast(0.70, 0.55))
 *     .remove(Metric.NEGATIVE_HITS)                  // report it, but do not rate it
 *     .build();
 * }</pre>
 *
 * @param rules the rule of each rated metric; metrics without a rule are unrated
 */
public record FlagThresholds(Map<Metric, FlagRule> rules) {

  private static final FlagThresholds DEFAULTS =
      builderWithoutRules()
          .rule(Metric.ROC_AUC, FlagRule.atLeast(0.85, 0.75))
          .rule(Metric.F1, FlagRule.atLeast(0.20, 0.15))
          .rule(Metric.CONVERSION_RATE, FlagRule.atLeast(0.15, 0.10))
          .rule(Metric.ERROR_RATE, FlagRule.atMost(0.05, 0.10))
          .rule(Metric.NEGATIVE_HITS, FlagRule.atMost(0.02, 0.05))
          .build();

  /**
   * Copies the rules and checks that each one points in its metric's direction.
   *
   * @throws NullPointerException if the map, a key or a value is null
   * @throws IllegalArgumentException if a rule's direction does not match its metric
   */
  public FlagThresholds {
    Objects.requireNonNull(rules, "rules");
    EnumMap<Metric, FlagRule> copy = new EnumMap<>(Metric.class);
    for (Map.Entry<Metric, FlagRule> e : rules.entrySet()) {
      Metric metric = Objects.requireNonNull(e.getKey(), "rules key");
      FlagRule rule = Objects.requireNonNull(e.getValue(), "rules[" + metric + "]");
      checkDirection(metric, rule);
      copy.put(metric, rule);
    }
    rules = Collections.unmodifiableMap(copy);
  }

  /**
   * Returns the seed plan's thresholds for ROC AUC, F1, conversion rate, error rate and negative
   * hits (see the class documentation); the share caught in A and B is unrated.
   *
   * @return the default thresholds
   */
  public static FlagThresholds defaults() {
    return DEFAULTS;
  }

  /**
   * Returns thresholds that rate nothing: every metric is reported as {@link Flag#UNRATED}.
   *
   * @return empty thresholds
   */
  public static FlagThresholds none() {
    return new FlagThresholds(Map.of());
  }

  /**
   * Returns a builder with no rules; start from {@link #defaults()}{@code .toBuilder()} to change
   * only some of them.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return builderWithoutRules();
  }

  private static Builder builderWithoutRules() {
    return new Builder(new EnumMap<>(Metric.class));
  }

  /**
   * Returns a builder holding these rules.
   *
   * @return a builder to derive other thresholds from these
   */
  public Builder toBuilder() {
    EnumMap<Metric, FlagRule> copy = new EnumMap<>(Metric.class);
    copy.putAll(rules);
    return new Builder(copy);
  }

  /**
   * Returns the rule of a metric.
   *
   * @param metric the metric
   * @return its rule, or empty if it is unrated
   */
  public Optional<FlagRule> rule(Metric metric) {
    return Optional.ofNullable(rules.get(Objects.requireNonNull(metric, "metric")));
  }

  /**
   * Returns the flag of a metric's value: {@link Flag#UNRATED} if the metric has no rule.
   *
   * @param metric the metric
   * @param value its value; not NaN
   * @return the flag
   * @throws IllegalArgumentException if {@code value} is NaN
   */
  public Flag flag(Metric metric, double value) {
    FlagRule rule = rules.get(Objects.requireNonNull(metric, "metric"));
    if (rule == null) {
      return Flag.UNRATED;
    }
    return rule.flag(value);
  }

  private static void checkDirection(Metric metric, FlagRule rule) {
    FlagRule.Direction expected =
        metric.higherIsBetter() ? FlagRule.Direction.AT_LEAST : FlagRule.Direction.AT_MOST;
    if (rule.direction() != expected) {
      throw new IllegalArgumentException(
          "rule of " + metric + " was '" + rule.describe() + "' but it must be "
              + (expected == FlagRule.Direction.AT_LEAST
                  ? "FlagRule.atLeast(...) because higher is better"
                  : "FlagRule.atMost(...) because lower is better"));
    }
  }

  /**
   * Assembles {@link FlagThresholds}; each call checks its arguments at once, and {@link #build()}
   * leaves the builder reusable.
   */
  public static final class Builder {
    private final EnumMap<Metric, FlagRule> rules;

    private Builder(EnumMap<Metric, FlagRule> rules) {
      this.rules = rules;
    }

    /**
     * Sets the rule of a metric, replacing any earlier one.
     *
     * @param metric the metric
     * @param rule its rule, pointing in the metric's direction
     * @return this builder
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the rule's direction does not match the metric
     */
    public Builder rule(Metric metric, FlagRule rule) {
      Objects.requireNonNull(metric, "metric");
      Objects.requireNonNull(rule, "rule");
      checkDirection(metric, rule);
      rules.put(metric, rule);
      return this;
    }

    /**
     * Removes the rule of a metric, so that it is reported as {@link Flag#UNRATED}.
     *
     * @param metric the metric
     * @return this builder
     */
    public Builder remove(Metric metric) {
      rules.remove(Objects.requireNonNull(metric, "metric"));
      return this;
    }

    /**
     * Returns the thresholds.
     *
     * @return immutable thresholds holding the rules set so far
     */
    public FlagThresholds build() {
      return new FlagThresholds(rules);
    }
  }
}
