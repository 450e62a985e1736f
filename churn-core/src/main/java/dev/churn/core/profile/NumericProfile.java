package dev.churn.core.profile;

import dev.churn.core.table.ColumnType;
import java.util.Objects;

/**
 * The profile of a numeric column. Statistics are over the non-missing values and follow pandas:
 * {@code std} is the sample standard deviation (ddof = 1), quantiles use linear interpolation.
 * When the column has no value, {@code min}, {@code max}, {@code mean}, {@code std} and the
 * quantiles are NaN; {@code std} is also NaN for a single value.
 *
 * @param name the column name
 * @param rows the number of rows
 * @param missing the number of missing values
 * @param distinct the number of distinct values ({@code -0.0} and {@code 0.0} count as one)
 * @param min the smallest value
 * @param max the largest value
 * @param mean the arithmetic mean
 * @param std the sample standard deviation
 * @param quantiles the 1st to 99th percentiles
 * @param zeros the number of values equal to zero
 * @param integral whether every value is a finite whole number (and there is at least one)
 * @param outliers the number of values beyond the fences {@code Q1 - k * IQR} and {@code Q3 + k
 *     * IQR} with {@code k =} {@link ProfileOptions#outlierFence()}; 0 when IQR is 0
 * @param histogram equal-width bins of the finite values
 */
public record NumericProfile(
    String name,
    int rows,
    int missing,
    long distinct,
    double min,
    double max,
    double mean,
    double std,
    Quantiles quantiles,
    long zeros,
    boolean integral,
    long outliers,
    Histogram histogram)
    implements ColumnProfile {

  /**
   * Checks the fields.
   *
   * @param name the column name
   * @param rows the number of rows
   * @param missing the number of missing values
   * @param distinct the number of distinct values ({@code -0.0} and {@code 0.0} count as one)
   * @param min the smallest value
   * @param max the largest value
   * @param mean the arithmetic mean
   * @param std the sample standard deviation
   * @param quantiles the 1st to 99th percentiles
   * @param zeros the number of values equal to zero
   * @param integral whether every value is a finite whole number (and there is at least one)
   * @param outliers the number of values beyond the fences {@code Q1 - k * IQR} and {@code Q3 + k *
   *     IQR} with {@code k =} {@link ProfileOptions#outlierFence()}; 0 when IQR is 0
   * @param histogram equal-width bins of the finite values
   */
  public NumericProfile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(quantiles, "quantiles");
    Objects.requireNonNull(histogram, "histogram");
  }

  @Override
  public ColumnType type() {
    return ColumnType.NUMERIC;
  }
}
