package dev.churn.drift;

import java.util.List;
import java.util.Objects;

/**
 * Reference and current counts over the same bins: what the histogram-based tests ({@link
 * DriftTest#CHI2}, {@link DriftTest#Z}, {@link DriftTest#JENSEN_SHANNON}, {@link DriftTest#PSI})
 * compare, and what a report draws side by side.
 *
 * <p>Three kinds of bins occur. Categories: one bin per category, reference categories first (in
 * reference order), then the new ones; {@code lower} and {@code upper} are NaN. Numeric values
 * taking few distinct values: one bin per value, {@code lower == upper == value}. Other numeric
 * columns: intervals {@code [lower, upper)} between reference quantiles, the first starting at
 * negative infinity and the last ending at positive infinity (and including it).
 *
 * @param bins the bins, in order
 */
public record DriftHistogram(List<Bin> bins) {

  /**
   * One bin.
   *
   * @param label a readable name: the category, the value, or {@code [lower, upper)}
   * @param lower the lower edge, included; NaN for a category
   * @param upper the upper edge, excluded (except +infinity); NaN for a category
   * @param reference the number of reference values in the bin
   * @param current the number of current values in the bin
   */
  public record Bin(String label, double lower, double upper, long reference, long current) {

    /**
     * Checks the fields.
     *
     * @param label a readable name
     * @param lower the lower edge
     * @param upper the upper edge
     * @param reference the number of reference values in the bin
     * @param current the number of current values in the bin
     */
    public Bin {
      Objects.requireNonNull(label, "label");
      if (reference < 0 || current < 0) {
        throw new IllegalArgumentException(
            "bin '" + label + "' counts were " + reference + " and " + current
                + " but counts must be >= 0");
      }
    }
  }

  /**
   * Checks the fields.
   *
   * @param bins the bins, in order
   */
  public DriftHistogram {
    bins = List.copyOf(Objects.requireNonNull(bins, "bins"));
  }

  /**
   * Returns the number of bins.
   *
   * @return the number of bins
   */
  public int size() {
    return bins.size();
  }

  /**
   * Returns the reference counts, in bin order.
   *
   * @return a new array of the reference counts
   */
  public long[] referenceCounts() {
    long[] c = new long[bins.size()];
    for (int i = 0; i < c.length; i++) {
      c[i] = bins.get(i).reference();
    }
    return c;
  }

  /**
   * Returns the current counts, in bin order.
   *
   * @return a new array of the current counts
   */
  public long[] currentCounts() {
    long[] c = new long[bins.size()];
    for (int i = 0; i < c.length; i++) {
      c[i] = bins.get(i).current();
    }
    return c;
  }

  /**
   * Returns the reference counts divided by their sum (all 0 when the sum is 0).
   *
   * @return a new array of shares
   */
  public double[] referenceShares() {
    return shares(referenceCounts());
  }

  /**
   * Returns the current counts divided by their sum (all 0 when the sum is 0).
   *
   * @return a new array of shares
   */
  public double[] currentShares() {
    return shares(currentCounts());
  }

  private static double[] shares(long[] counts) {
    long sum = 0;
    for (long c : counts) {
      sum += c;
    }
    double[] s = new double[counts.length];
    for (int i = 0; i < s.length && sum > 0; i++) {
      s[i] = (double) counts[i] / sum;
    }
    return s;
  }
}
