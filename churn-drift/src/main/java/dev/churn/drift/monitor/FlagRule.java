package dev.churn.drift.monitor;

import java.util.Locale;
import java.util.Objects;

/**
 * The green and yellow limits of one metric, turning a value into a {@link Flag}.
 *
 * <p>For a metric where higher is better ({@link Direction#AT_LEAST}), a value is GREEN when
 * {@code value >= green}, YELLOW when {@code yellow <= value < green} and RED below {@code
 * yellow}. Where lower is better ({@link Direction#AT_MOST}), GREEN when {@code value <= green},
 * YELLOW when {@code green < value <= yellow} and RED above {@code yellow}. The limits themselves
 * are inclusive, as in the seed plan ("yellow: ROC AUC 0.75 - 0.85; red: below 0.75").
 *
 * <pre>{@code
 * FlagRule auc = FlagRule.atLeast(0.85, 0.75);   // green >= 0.85, yellow >= 0.75, else red
 * auc.flag(0.80);                                // YELLOW
 * FlagRule errors = FlagRule.atMost(0.05, 0.10); // green <= 5 %, yellow <= 10 %, else red
 * errors.flag(0.12);                             // RED
 * }</pre>
 *
 * @param direction whether higher ({@code AT_LEAST}) or lower ({@code AT_MOST}) values are better
 * @param green the limit of the green band, inclusive
 * @param yellow the limit of the yellow band, inclusive; beyond it the flag is red
 */
public record FlagRule(Direction direction, double green, double yellow) {

  /** Which side of the limits is good. */
  public enum Direction {
    /** Higher is better: green at or above {@code green}. */
    AT_LEAST,
    /** Lower is better: green at or below {@code green}. */
    AT_MOST
  }

  /**
   * Checks the limits.
   *
   * @throws NullPointerException if {@code direction} is null
   * @throws IllegalArgumentException if a limit is not finite, or the yellow limit lies on the
   *     green side of the green one
   */
  public FlagRule {
    Objects.requireNonNull(direction, "direction");
    if (!Double.isFinite(green)) {
      throw new IllegalArgumentException("green was '" + green + "' but it must be finite");
    }
    if (!Double.isFinite(yellow)) {
      throw new IllegalArgumentException("yellow was '" + yellow + "' but it must be finite");
    }
    if (direction == Direction.AT_LEAST && yellow > green) {
      throw new IllegalArgumentException(
          "yellow was '" + yellow + "' but it must be <= green (" + green
              + ") when higher is better");
    }
    if (direction == Direction.AT_MOST && yellow < green) {
      throw new IllegalArgumentException(
          "yellow was '" + yellow + "' but it must be >= green (" + green
              + ") when lower is better");
    }
  }

  /**
   * Returns a rule for a metric where higher is better.
   *
   * @param green values at or above this are GREEN
   * @param yellow values at or above this (and below {@code green}) are YELLOW; below, RED
   * @return the rule
   * @throws IllegalArgumentException if a limit is not finite or {@code yellow > green}
   */
  public static FlagRule atLeast(double green, double yellow) {
    return new FlagRule(Direction.AT_LEAST, green, yellow);
  }

  /**
   * Returns a rule for a metric where lower is better.
   *
   * @param green values at or below this are GREEN
   * @param yellow values at or below this (and above {@code green}) are YELLOW; above, RED
   * @return the rule
   * @throws IllegalArgumentException if a limit is not finite or {@code yellow < green}
   */
  public static FlagRule atMost(double green, double yellow) {
    return new FlagRule(Direction.AT_MOST, green, yellow);
  }

  /**
   * Returns the flag of a value.
   *
   * @param value the metric value; not NaN
   * @return GREEN, YELLOW or RED
   * @throws IllegalArgumentException if {@code value} is NaN
   */
  public Flag flag(double value) {
    if (Double.isNaN(value)) {
      throw new IllegalArgumentException("value was 'NaN' but it must be a number");
    }
    if (direction == Direction.AT_LEAST) {
      return value >= green ? Flag.GREEN : value >= yellow ? Flag.YELLOW : Flag.RED;
    }
    return value <= green ? Flag.GREEN : value <= yellow ? Flag.YELLOW : Flag.RED;
  }

  /**
   * Returns the rule in words, for reports: for example {@code "green >= 0.85, yellow >= 0.75,
   * red below"}.
   *
   * @return a one-line description
   */
  public String describe() {
    String op = direction == Direction.AT_LEAST ? ">=" : "<=";
    String beyond = direction == Direction.AT_LEAST ? "below" : "above";
    return String.format(
        Locale.ROOT, "green %s %s, yellow %s %s, red %s", op, green, op, yellow, beyond);
  }
}
