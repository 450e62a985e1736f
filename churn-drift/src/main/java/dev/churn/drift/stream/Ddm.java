package dev.churn.drift.stream;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Locale;

/**
 * DDM, the drift detection method of Gama, Medas, Castillo and Rodrigues ("Learning with Drift
 * Detection", SBIA 2004): watches the error rate of a classifier row by row and warns, then
 * signals a drift, when it rises significantly above the lowest rate seen.
 *
 * <p>Each value is an error bit: 1 when the prediction for a row was wrong, 0 when it was right
 * (values in between are accepted as fractional errors, though the test assumes bits). After
 * {@code i} values with error rate {@code p_i}, the standard deviation of that rate is taken as
 * binomial, {@code s_i = sqrt(p_i (1 - p_i) / i)}. From {@code minInstances} values on, the
 * detector remembers {@code p_min} and {@code s_min} at the value where {@code p_i + s_i} was
 * lowest, and reports
 *
 * <ul>
 *   <li>{@link DetectorState#DRIFT} when {@code p_i + s_i > p_min + driftLevel * s_min}, then
 *       restarts from scratch;
 *   <li>{@link DetectorState#WARNING} when {@code p_i + s_i > p_min + warningLevel * s_min};
 *   <li>{@link DetectorState#NONE} otherwise.
 * </ul>
 *
 * <p>(The paper writes {@code >=}; the strict comparison keeps a run of error-free rows, where
 * {@code p_i + s_i = p_min = s_min = 0}, from counting as a drift.)
 *
 * <p>Parameters and defaults (the paper's):
 *
 * <ul>
 *   <li>{@code minInstances} (30): values before the detector starts tracking the minimum and can
 *       alarm.
 *   <li>{@code warningLevel} (2.0): standard deviations above the best {@code p + s} for a
 *       warning (about 95 % confidence).
 *   <li>{@code driftLevel} (3.0): standard deviations for a drift (about 99 %); must exceed the
 *       warning level.
 * </ul>
 *
 * <p>Caveat: if no error at all occurs in the first {@code minInstances} values, {@code s_min} is
 * 0 and the first error is a drift. For a model with a very low error rate raise {@code
 * minInstances} so that some errors are expected within it.
 *
 * <pre>{@code
 * Ddm ddm = Ddm.builder().build();
 * for (int row = 0; row < n; row++) {
 *   DetectorState s = ddm.update(predicted[row] == churned[row] ? 0 : 1);
 *   if (s == DetectorState.WARNING) {
 *     keepForRetraining(row);      // the paper's advice: gather the new concept's examples
 *   } else if (s == DetectorState.DRIFT) {
 *     retrainOnKeptRows();
 *   }
 * }
 * }</pre>
 *
 * <p>Written from the paper. Mutable and not thread-safe.
 */
public final class Ddm implements ChangeDetector {

  private final int minInstances;
  private final double warningLevel;
  private final double driftLevel;

  private long n;
  private double errors;
  private double pMin;
  private double sMin;
  private DetectorState state = DetectorState.NONE;

  private Ddm(Builder b) {
    this.minInstances = b.minInstances;
    this.warningLevel = b.warningLevel;
    this.driftLevel = b.driftLevel;
    clear();
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
   * @param value the error bit of the next row: 1 wrong, 0 right (a value in {@code [0, 1]})
   * @throws IllegalArgumentException if {@code value} is outside {@code [0, 1]} or NaN
   */
  @Override
  public DetectorState update(double value) {
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new IllegalArgumentException("value was '" + value + "' but it must be in [0, 1]");
    }
    n++;
    errors += value;
    if (n < minInstances) {
      state = DetectorState.NONE;
      return state;
    }
    double p = errors / n;
    double s = Math.sqrt(p * (1.0 - p) / n);
    if (p + s <= pMin + sMin) {
      pMin = p;
      sMin = s;
    }
    if (p + s > pMin + driftLevel * sMin) {
      clear();
      state = DetectorState.DRIFT;
    } else if (p + s > pMin + warningLevel * sMin) {
      state = DetectorState.WARNING;
    } else {
      state = DetectorState.NONE;
    }
    return state;
  }

  /**
   * Returns the error rate since the last reset or drift.
   *
   * @return {@code p_i}, 0 before any value
   */
  public double errorRate() {
    return n == 0 ? 0.0 : errors / n;
  }

  /**
   * Returns the lowest error rate recorded, the reference the current rate is compared with.
   *
   * @return {@code p_min}, or infinity before {@code minInstances} values
   */
  public double minErrorRate() {
    return pMin;
  }

  /**
   * Returns the standard deviation recorded with {@link #minErrorRate()}.
   *
   * @return {@code s_min}, or infinity before {@code minInstances} values
   */
  public double minStandardDeviation() {
    return sMin;
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
    errors = 0.0;
    pMin = Double.POSITIVE_INFINITY;
    sMin = Double.POSITIVE_INFINITY;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "Ddm[minInstances=%d, warningLevel=%s, driftLevel=%s]",
        minInstances, warningLevel, driftLevel);
  }

  /**
   * Configures a {@link Ddm} detector; every setter checks its argument at once, the cross-field
   * rule ({@code driftLevel > warningLevel}) is checked in {@link #build()}, which leaves the
   * builder reusable.
   */
  public static final class Builder {
    private int minInstances = 30;
    private double warningLevel = 2.0;
    private double driftLevel = 3.0;

    private Builder() {}

    /**
     * Sets how many values are needed before the detector can alarm.
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
     * Sets the warning level in standard deviations.
     *
     * @param warningLevel finite and {@code > 0}; default 2
     * @return this builder
     * @throws IllegalArgumentException if {@code warningLevel} is not positive and finite
     */
    public Builder warningLevel(double warningLevel) {
      checkArgument(warningLevel > 0.0 && Double.isFinite(warningLevel),
          "warningLevel was '%s' but it must be finite and > 0", warningLevel);
      this.warningLevel = warningLevel;
      return this;
    }

    /**
     * Sets the drift level in standard deviations.
     *
     * @param driftLevel finite and {@code > 0}; default 3; must exceed the warning level
     * @return this builder
     * @throws IllegalArgumentException if {@code driftLevel} is not positive and finite
     */
    public Builder driftLevel(double driftLevel) {
      checkArgument(driftLevel > 0.0 && Double.isFinite(driftLevel),
          "driftLevel was '%s' but it must be finite and > 0", driftLevel);
      this.driftLevel = driftLevel;
      return this;
    }

    /**
     * Returns a new detector in its initial state.
     *
     * @return the detector
     * @throws IllegalArgumentException if {@code driftLevel <= warningLevel}
     */
    public Ddm build() {
      if (!(driftLevel > warningLevel)) {
        throw new IllegalArgumentException(
            "driftLevel was '" + driftLevel + "' but it must be > warningLevel ("
                + warningLevel + ")");
      }
      return new Ddm(this);
    }
  }
}
