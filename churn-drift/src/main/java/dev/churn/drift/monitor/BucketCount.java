package dev.churn.drift.monitor;

import java.util.Objects;

/**
 * How many rows of a labelled cohort fell in one risk bucket, and how many of them turned out
 * positive (churned): one line of the bucket breakdown of a {@link PerformanceReport}.
 *
 * @param bucket the bucket, {@code "A"}, {@code "B"} or {@code "C"}
 * @param rows rows in the bucket
 * @param positives positive rows in the bucket
 */
public record BucketCount(String bucket, long rows, long positives) {

  /**
   * Checks the counts.
   *
   * @throws NullPointerException if {@code bucket} is null
   * @throws IllegalArgumentException if a count is negative or {@code positives > rows}
   */
  public BucketCount {
    Objects.requireNonNull(bucket, "bucket");
    if (rows < 0) {
      throw new IllegalArgumentException("rows was '" + rows + "' but it must be >= 0");
    }
    if (positives < 0 || positives > rows) {
      throw new IllegalArgumentException(
          "positives was '" + positives + "' but it must be in [0, rows=" + rows + "]");
    }
  }

  /**
   * Returns the share of the bucket's rows that turned out positive.
   *
   * @return {@code positives / rows}, or 0 for an empty bucket
   */
  public double positiveRate() {
    return rows == 0 ? 0.0 : (double) positives / rows;
  }
}
