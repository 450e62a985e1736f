package dev.churn.core.metrics;

/**
 * One equal-width probability bin of a reliability (calibration) diagram.
 *
 * <p>Returned by {@link BinaryMetrics#reliabilityBins(double[], boolean[], int)}, one per bin,
 * including empty ones, so a monitoring report can plot {@link #meanPredicted()} against {@link
 * #fractionPositive()}: a well calibrated model lies on the diagonal. A bin covers {@code [lower,
 * upper)}, except the last, which also holds probability {@code 1.0}.
 *
 * <p>An empty bin ({@code count == 0}) has {@code NaN} for {@link #meanPredicted()} and {@link
 * #fractionPositive()}, since there is nothing to average; check {@link #isEmpty()} before
 * plotting.
 *
 * @param lower inclusive lower edge, {@code index / bins}
 * @param upper upper edge, {@code (index + 1) / bins}; exclusive except for the last bin
 * @param count number of rows whose probability falls in the bin
 * @param meanPredicted mean predicted probability of those rows, or {@code NaN} if empty
 * @param fractionPositive fraction of those rows that are positive, or {@code NaN} if empty
 */
public record ReliabilityBin(
    double lower, double upper, int count, double meanPredicted, double fractionPositive) {

  /** Returns whether no row fell in this bin. */
  public boolean isEmpty() {
    return count == 0;
  }

  /**
   * Returns {@code |fractionPositive - meanPredicted|}, this bin's calibration gap, or {@code 0.0}
   * for an empty bin.
   */
  public double gap() {
    return count == 0 ? 0.0 : Math.abs(fractionPositive - meanPredicted);
  }
}
