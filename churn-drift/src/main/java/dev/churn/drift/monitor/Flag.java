package dev.churn.drift.monitor;

/**
 * The traffic light of a monitored metric: how worried the team should be about a model in
 * production.
 *
 * <p>The seed plan's reading: {@link #GREEN} keep monitoring as usual; {@link #YELLOW}
 * investigate (data drift, shifted feature importance, seasonality) and review more often;
 * {@link #RED} take the model out of production and retrain it. {@link #UNRATED} marks a metric
 * that has no thresholds configured, so it is reported but does not count towards the overall
 * flag.
 *
 * <pre>{@code
 * Flag overall = Flag.GREEN.worse(Flag.YELLOW);   // YELLOW
 * boolean act = overall.isAtLeast(Flag.YELLOW);   // true
 * }</pre>
 */
public enum Flag {
  /** Within the normal range. */
  GREEN,
  /** Tolerable but degraded: look for a cause and watch more closely. */
  YELLOW,
  /** Critical: the model no longer delivers value; retrain or withdraw it. */
  RED,
  /** No thresholds were configured for the metric; it is reported without a judgement. */
  UNRATED;

  /**
   * Returns the more severe of two flags, where {@code RED > YELLOW > GREEN} and {@link #UNRATED}
   * yields to any rated flag.
   *
   * @param other the other flag
   * @return the worse of {@code this} and {@code other}
   */
  public Flag worse(Flag other) {
    if (other == null) {
      throw new IllegalArgumentException("other must not be null");
    }
    if (this == UNRATED) {
      return other;
    }
    if (other == UNRATED) {
      return this;
    }
    return other.ordinal() > ordinal() ? other : this;
  }

  /**
   * Tells whether this flag is rated and at least as severe as {@code level}; an {@link #UNRATED}
   * flag is never at least anything.
   *
   * @param level GREEN, YELLOW or RED
   * @return true if this flag is rated and {@code this >= level}
   * @throws IllegalArgumentException if {@code level} is null or UNRATED
   */
  public boolean isAtLeast(Flag level) {
    if (level == null || level == UNRATED) {
      throw new IllegalArgumentException(
          "level was '" + level + "' but it must be GREEN, YELLOW or RED");
    }
    return this != UNRATED && ordinal() >= level.ordinal();
  }
}
