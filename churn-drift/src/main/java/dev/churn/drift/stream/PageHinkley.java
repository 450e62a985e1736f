package dev.churn.drift.stream;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Locale;
import java.util.Objects;

/**
 * The Page-Hinkley test: detects a shift in the mean of a series, such as a per-row error bit or a
 * monthly metric.
 *
 * <p>After each value {@code x_t} the test updates the running mean {@code mean_t} of the values
 * since the last reset and two cumulative sums of deviations from it, shrunk by the fading factor
 * {@code alpha}:
 *
 * <pre>
 *   up_t   = alpha * up_(t-1)   + (x_t - mean_t - delta)      (drifts upwards when the mean rises)
 *   down_t = alpha * down_(t-1) + (x_t - mean_t + delta)      (drifts downwards when it falls)
 * </pre>
 *
 * starting from {@code up_0 = down_0 = 0}. An increase is signalled when {@code up_t - min(up_0..t)
 * > lambda}, a decrease when {@code max(down_0..t) - down_t > lambda}: the cumulative-sum test of
 * Page (1954), with the running mean and fading factor used for data streams by Gama, Sebastião
 * and Rodrigues ("On evaluating stream learning algorithms", Machine Learning 90, 2013). Nothing
 * is signalled before {@code minInstances} values. After a drift the test restarts.
 *
 * <p>Parameters and defaults:
 *
 * <ul>
 *   <li>{@code delta} (0.005): the size of a change in the mean that is tolerated; deviations of
 *       at most {@code delta} per value do not accumulate.
 *   <li>{@code lambda} (50): the alarm threshold, in the units of the series times values. The
 *       detection delay is roughly {@code lambda / (shift - delta)} values, so scale it to the
 *       series: 50 suits per-row error bits, where a rise of the error rate by 0.1 is found in
 *       about 500 rows; a monthly ROC AUC that drops by 0.05 needs a lambda of about 0.1 to be
 *       found within a few months.
 *   <li>{@code alpha} (0.9999): the fading factor; 1 keeps the whole history, smaller values
 *       forget old deviations (a memory of about {@code 1 / (1 - alpha)} values).
 *   <li>{@code minInstances} (30): values needed before an alarm can be raised.
 *   <li>{@code direction} ({@link Direction#BOTH}): which shifts to report. Use {@link
 *       Direction#INCREASE} for error rates and {@link Direction#DECREASE} for metrics where
 *       higher is better, which also halves the false alarms.
 * </ul>
 *
 * <pre>{@code
 * PageHinkley aucWatch = PageHinkley.builder()
 *     .direction(PageHinkley.Direction.DECREASE)
 *     .delta(0.005).lambda(0.1).minInstances(3)
 *     .build();
 * List<Change> drops = aucWatch.detect(monthlyAuc);
 * }</pre>
 *
 * <p>It reports only {@link DetectorState#NONE} and {@link DetectorState#DRIFT}, never WARNING.
 * Mutable and not thread-safe.
 */
public final class PageHinkley implements ChangeDetector {

  /** Which shifts of the mean the test reports. */
  public enum Direction {
    /** Only rises of the mean (for example of an error rate). */
    INCREASE,
    /** Only falls of the mean (for example of ROC AUC). */
    DECREASE,
    /** Rises and falls. */
    BOTH
  }

  private final double delta;
  private final double lambda;
  private final double alpha;
  private final int minInstances;
  private final Direction direction;

  private long n;
  private double mean;
  private double up;
  private double minUp;
  private double down;
  private double maxDown;
  private DetectorState state = DetectorState.NONE;

  private PageHinkley(Builder b) {
    this.delta = b.delta;
    this.lambda = b.lambda;
    this.alpha = b.alpha;
    this.minInstances = b.minInstances;
    this.direction = b.direction;
  }

  /**
   * Returns a builder with the defaults listed in the class documentation.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@inheritDoc}
   *
   * @param value the next value; any finite number
   * @throws IllegalArgumentException if {@code value} is not finite
   */
  @Override
  public DetectorState update(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("value was '" + value + "' but it must be finite");
    }
    n++;
    mean += (value - mean) / n;
    up = alpha * up + (value - mean - delta);
    minUp = Math.min(minUp, up);
    down = alpha * down + (value - mean + delta);
    maxDown = Math.max(maxDown, down);
    if (n >= minInstances && statistic() > lambda) {
      clear();
      state = DetectorState.DRIFT;
    } else {
      state = DetectorState.NONE;
    }
    return state;
  }

  /**
   * Returns the current test statistic: the larger of {@code up_t - min(up)} and {@code max(down)
   * - down_t} over the directions watched. A drift is signalled when it exceeds {@code lambda}.
   *
   * @return the statistic, {@code >= 0}; 0 right after a reset or drift
   */
  public double statistic() {
    double s = 0.0;
    if (direction != Direction.DECREASE) {
      s = Math.max(s, up - minUp);
    }
    if (direction != Direction.INCREASE) {
      s = Math.max(s, maxDown - down);
    }
    return s;
  }

  /**
   * Returns the mean of the values since the last reset or drift.
   *
   * @return the running mean, 0 before any value
   */
  public double mean() {
    return mean;
  }

  @Override
  public DetectorState state() {
    return state;
  }

  @Override
  public void reset() {
    clear();
    state = DetectorState.NONE;
  }

  @Override
  public long observations() {
    return n;
  }

  private void clear() {
    n = 0;
    mean = 0.0;
    up = 0.0;
    minUp = 0.0;
    down = 0.0;
    maxDown = 0.0;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "PageHinkley[delta=%s, lambda=%s, alpha=%s, minInstances=%d, direction=%s]",
        delta, lambda, alpha, minInstances, direction);
  }

  /**
   * Configures a {@link PageHinkley} test; every setter checks its argument at once, and {@link
   * #build()} leaves the builder reusable.
   */
  public static final class Builder {
    private double delta = 0.005;
    private double lambda = 50.0;
    private double alpha = 0.9999;
    private int minInstances = 30;
    private Direction direction = Direction.BOTH;

    private Builder() {}

    /**
     * Sets the tolerated change of the mean per value.
     *
     * @param delta finite and {@code >= 0}; default 0.005
     * @return this builder
     * @throws IllegalArgumentException if {@code delta} is negative or not finite
     */
    public Builder delta(double delta) {
      checkArgument(delta >= 0.0 && Double.isFinite(delta),
          "delta was '%s' but it must be finite and >= 0", delta);
      this.delta = delta;
      return this;
    }

    /**
     * Sets the alarm threshold.
     *
     * @param lambda finite and {@code > 0}; default 50
     * @return this builder
     * @throws IllegalArgumentException if {@code lambda} is not positive and finite
     */
    public Builder lambda(double lambda) {
      checkArgument(lambda > 0.0 && Double.isFinite(lambda),
          "lambda was '%s' but it must be finite and > 0", lambda);
      this.lambda = lambda;
      return this;
    }

    /**
     * Sets the fading factor of the cumulative sums.
     *
     * @param alpha in {@code (0, 1]}; default 0.9999, 1 for no fading
     * @return this builder
     * @throws IllegalArgumentException if {@code alpha} is outside {@code (0, 1]}
     */
    public Builder alpha(double alpha) {
      checkArgument(alpha > 0.0 && alpha <= 1.0, "alpha was '%s' but it must be in (0, 1]", alpha);
      this.alpha = alpha;
      return this;
    }

    /**
     * Sets how many values must be seen before an alarm can be raised.
     *
     * @param minInstances {@code >= 1}; default 30
     * @return this builder
     * @throws IllegalArgumentException if {@code minInstances < 1}
     */
    public Builder minInstances(int minInstances) {
      checkArgument(minInstances >= 1, "minInstances was '%s' but it must be >= 1", minInstances);
      this.minInstances = minInstances;
      return this;
    }

    /**
     * Sets which shifts of the mean are reported.
     *
     * @param direction INCREASE, DECREASE or BOTH; default BOTH
     * @return this builder
     */
    public Builder direction(Direction direction) {
      this.direction = Objects.requireNonNull(direction, "direction");
      return this;
    }

    /**
     * Returns a new test in its initial state.
     *
     * @return the detector
     */
    public PageHinkley build() {
      return new PageHinkley(this);
    }
  }
}
