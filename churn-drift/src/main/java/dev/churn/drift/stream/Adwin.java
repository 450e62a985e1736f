package dev.churn.drift.stream;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * ADWIN, the adaptive sliding window of Bifet and Gavaldà ("Learning from Time-Changing Data with
 * Adaptive Windowing", SIAM SDM 2007), in its memory-efficient form ADWIN2: it keeps the longest
 * recent window of the series whose mean is consistent, and drops the older part of the window
 * when two parts of it differ significantly. Each drop is a drift.
 *
 * <p><b>The window.</b> The window {@code W} is stored as an exponential histogram: buckets of
 * {@code 2^i} consecutive values, each holding the sum and the sum of squared deviations of its
 * values, with at most {@code maxBuckets} buckets of each size; when a size has one bucket too
 * many, its two oldest buckets merge into one of the next size. A window of {@code n} values thus
 * takes {@code O(maxBuckets * log n)} memory and time per value.
 *
 * <p><b>The test.</b> After each value, every boundary between buckets splits {@code W} into an
 * older part {@code W0} of {@code n0} values and a newer part {@code W1} of {@code n1} values,
 * both at least {@code minSubWindow} long. The parts differ when
 *
 * <pre>
 *   |mean(W0) - mean(W1)| >= eps,  eps = sqrt(2 / m * var(W) * ln(2 / d)) + 2 / (3 m) * ln(2 / d)
 *   with m = 1 / (1 / n0 + 1 / n1) and d = delta / max(1, ln n)
 * </pre>
 *
 * which is the paper's Bernstein-type bound with its confidence {@code delta} spread (a union
 * bound) over the {@code O(log n)} cut points that ADWIN2 examines. While some split differs, the
 * oldest bucket is dropped and the splits are examined again. The bound assumes values in an
 * interval of length 1: error bits, rates and metrics such as ROC AUC fit; scale other series into
 * {@code [0, 1]} first.
 *
 * <p>Parameters and defaults:
 *
 * <ul>
 *   <li>{@code delta} (0.002): the confidence. The paper bounds the probability that a
 *       stationary window is cut at a given value by {@code delta}; smaller means fewer false
 *       alarms and longer delays.
 *   <li>{@code maxBuckets} (5): buckets kept per size; more gives finer cut points and costs
 *       proportionally more time.
 *   <li>{@code minSubWindow} (5): the shortest part of the window a split may leave on either side.
 *   <li>{@code checkEvery} (1): examine the splits after every this many values; larger values
 *       save time on long row-level streams at the cost of up to {@code checkEvery - 1} values of
 *       extra delay. Keep 1 for short per-period series.
 * </ul>
 *
 * <pre>{@code
 * Adwin adwin = Adwin.builder().delta(0.002).build();
 * for (double wrong : errorBits) {
 *   if (adwin.update(wrong) == DetectorState.DRIFT) {
 *     log.warn("error rate changed; now {} over the last {} rows", adwin.mean(), adwin.width());
 *   }
 * }
 * }</pre>
 *
 * <p>It reports only {@link DetectorState#NONE} and {@link DetectorState#DRIFT}, never WARNING.
 * This is an implementation written from the paper, not derived from MOA's or river's code.
 * Mutable and not thread-safe.
 */
public final class Adwin implements ChangeDetector {

  private final double delta;
  private final int maxBuckets;
  private final int minSubWindow;
  private final int checkEvery;

  /** Level {@code i} holds buckets of {@code 2^i} values; level 0 holds the newest. */
  private final List<Level> levels = new ArrayList<>();

  private long width;
  private double sum;
  private double m2; // sum of squared deviations from the window mean
  private long sinceCheck;
  private long dropped;
  private DetectorState state = DetectorState.NONE;

  private Adwin(Builder b) {
    this.delta = b.delta;
    this.maxBuckets = b.maxBuckets;
    this.minSubWindow = b.minSubWindow;
    this.checkEvery = b.checkEvery;
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
   * @param value the next value, finite; the bound assumes values within an interval of length 1
   * @throws IllegalArgumentException if {@code value} is not finite
   */
  @Override
  public DetectorState update(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("value was '" + value + "' but it must be finite");
    }
    // Welford's update of the window's mean and squared deviations.
    double oldMean = width == 0 ? 0.0 : sum / width;
    width++;
    sum += value;
    double newMean = sum / width;
    m2 += (value - oldMean) * (value - newMean);
    insert(value);

    boolean drift = false;
    if (++sinceCheck >= checkEvery) {
      sinceCheck = 0;
      while (width >= 2L * minSubWindow && cutFound()) {
        dropOldest();
        drift = true;
      }
    }
    state = drift ? DetectorState.DRIFT : DetectorState.NONE;
    return state;
  }

  /**
   * Returns the number of values in the current window.
   *
   * @return the window width
   */
  public long width() {
    return width;
  }

  /**
   * Returns the mean of the current window: the best estimate of the series' current level.
   *
   * @return the window mean, 0 for an empty window
   */
  public double mean() {
    return width == 0 ? 0.0 : sum / width;
  }

  /**
   * Returns the population variance of the current window.
   *
   * @return the variance, 0 for fewer than two values
   */
  public double variance() {
    return width == 0 ? 0.0 : Math.max(0.0, m2 / width);
  }

  /**
   * Returns how many values have been dropped from the window because of drifts since the last
   * reset.
   *
   * @return values dropped
   */
  public long dropped() {
    return dropped;
  }

  /**
   * Returns the number of buckets of the exponential histogram, which bounds the work per value.
   *
   * @return the bucket count
   */
  public int buckets() {
    int count = 0;
    for (Level level : levels) {
      count += level.size;
    }
    return count;
  }

  @Override
  public DetectorState state() {
    return state;
  }

  @Override
  public void reset() {
    levels.clear();
    width = 0;
    sum = 0.0;
    m2 = 0.0;
    sinceCheck = 0;
    dropped = 0;
    state = DetectorState.NONE;
  }

  /** Returns the window width, the number of values the statistics are based on. */
  @Override
  public long observations() {
    return width;
  }

  // ---------------------------------------------------------------------------------------------

  /** Adds a bucket of one value and merges the two oldest buckets of any size that overflows. */
  private void insert(double value) {
    if (levels.isEmpty()) {
      levels.add(new Level(maxBuckets + 1));
    }
    levels.get(0).append(value, 0.0);
    for (int i = 0; i < levels.size(); i++) {
      Level level = levels.get(i);
      if (level.size <= maxBuckets) {
        break;
      }
      double bucketSize = Math.scalb(1.0, i); // values per bucket at this level
      double s0 = level.sums[0];
      double s1 = level.sums[1];
      double d = s0 / bucketSize - s1 / bucketSize;
      // Chan et al.: M2 = M2a + M2b + d^2 * na * nb / (na + nb), here with na = nb.
      double mergedM2 = level.m2s[0] + level.m2s[1] + d * d * bucketSize / 2.0;
      level.removeFirst(2);
      if (i + 1 == levels.size()) {
        levels.add(new Level(maxBuckets + 1));
      }
      levels.get(i + 1).append(s0 + s1, mergedM2);
    }
  }

  /** Examines every bucket boundary, newest first, and tells whether some split differs. */
  private boolean cutFound() {
    double n = width;
    double variance = Math.max(0.0, m2 / n);
    double lnTerm = Math.log(2.0 * Math.max(1.0, Math.log(n)) / delta);
    long n1 = 0;
    double s1 = 0.0;
    for (int i = 0; i < levels.size(); i++) {
      Level level = levels.get(i);
      long size = 1L << i;
      for (int j = level.size - 1; j >= 0; j--) {
        n1 += size;
        s1 += level.sums[j];
        long n0 = width - n1;
        if (n0 < minSubWindow) {
          return false;
        }
        if (n1 >= minSubWindow) {
          double m = 1.0 / (1.0 / n0 + 1.0 / n1);
          double eps = Math.sqrt(2.0 / m * variance * lnTerm) + 2.0 / (3.0 * m) * lnTerm;
          double diff = Math.abs((sum - s1) / n0 - s1 / n1);
          if (diff >= eps) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Drops the oldest bucket and recomputes the window statistics from the remaining buckets. */
  private void dropOldest() {
    int top = levels.size() - 1;
    Level level = levels.get(top);
    level.removeFirst(1);
    long size = 1L << top;
    dropped += size;
    while (!levels.isEmpty() && levels.get(levels.size() - 1).size == 0) {
      levels.remove(levels.size() - 1);
    }
    // Chan et al.'s pairwise combination, oldest to newest; exact up to rounding.
    long n = 0;
    double s = 0.0;
    double q = 0.0;
    for (int i = levels.size() - 1; i >= 0; i--) {
      Level l = levels.get(i);
      double bucketN = Math.scalb(1.0, i);
      for (int j = 0; j < l.size; j++) {
        if (n == 0) {
          s = l.sums[j];
          q = l.m2s[j];
        } else {
          double d = l.sums[j] / bucketN - s / n;
          q += l.m2s[j] + d * d * n * bucketN / (n + bucketN);
          s += l.sums[j];
        }
        n += 1L << i;
      }
    }
    width = n;
    sum = s;
    m2 = q;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "Adwin[delta=%s, maxBuckets=%d, minSubWindow=%d, checkEvery=%d, width=%d]",
        delta, maxBuckets, minSubWindow, checkEvery, width);
  }

  /** The buckets of one size, oldest first. */
  private static final class Level {
    final double[] sums;
    final double[] m2s;
    int size;

    Level(int capacity) {
      sums = new double[capacity];
      m2s = new double[capacity];
    }

    void append(double s, double q) {
      sums[size] = s;
      m2s[size] = q;
      size++;
    }

    void removeFirst(int k) {
      System.arraycopy(sums, k, sums, 0, size - k);
      System.arraycopy(m2s, k, m2s, 0, size - k);
      size -= k;
    }
  }

  /**
   * Configures an {@link Adwin} detector; every setter checks its argument at once, and {@link
   * #build()} leaves the builder reusable.
   */
  public static final class Builder {
    private double delta = 0.002;
    private int maxBuckets = 5;
    private int minSubWindow = 5;
    private int checkEvery = 1;

    private Builder() {}

    /**
     * Sets the confidence parameter.
     *
     * @param delta in {@code (0, 1)}; default 0.002
     * @return this builder
     * @throws IllegalArgumentException if {@code delta} is outside {@code (0, 1)}
     */
    public Builder delta(double delta) {
      checkArgument(delta > 0.0 && delta < 1.0, "delta was '%s' but it must be in (0, 1)", delta);
      this.delta = delta;
      return this;
    }

    /**
     * Sets how many buckets of each size the histogram keeps.
     *
     * @param maxBuckets {@code >= 2}; default 5
     * @return this builder
     * @throws IllegalArgumentException if {@code maxBuckets < 2}
     */
    public Builder maxBuckets(int maxBuckets) {
      checkArgument(maxBuckets >= 2, "maxBuckets was '%s' but it must be >= 2", maxBuckets);
      this.maxBuckets = maxBuckets;
      return this;
    }

    /**
     * Sets the shortest part of the window a split may leave on either side.
     *
     * @param minSubWindow {@code >= 1}; default 5
     * @return this builder
     * @throws IllegalArgumentException if {@code minSubWindow < 1}
     */
    public Builder minSubWindow(int minSubWindow) {
      checkArgument(minSubWindow >= 1, "minSubWindow was '%s' but it must be >= 1", minSubWindow);
      this.minSubWindow = minSubWindow;
      return this;
    }

    /**
     * Sets how often the splits are examined.
     *
     * @param checkEvery examine after every this many values, {@code >= 1}; default 1
     * @return this builder
     * @throws IllegalArgumentException if {@code checkEvery < 1}
     */
    public Builder checkEvery(int checkEvery) {
      checkArgument(checkEvery >= 1, "checkEvery was '%s' but it must be >= 1", checkEvery);
      this.checkEvery = checkEvery;
      return this;
    }

    /**
     * Returns a new detector with an empty window.
     *
     * @return the detector
     */
    public Adwin build() {
      return new Adwin(this);
    }
  }
}
