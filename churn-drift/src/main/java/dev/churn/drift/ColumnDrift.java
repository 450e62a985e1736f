package dev.churn.drift;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The drift verdict for one column: which test ran, what it found, and the column's other drift
 * signals (missing values, new categories), with the histogram a report draws.
 *
 * @param name the column name
 * @param kind how the column was tested: numeric, categorical or binary
 * @param test the test that ran (never {@link DriftTest#AUTO}: the one it picked)
 * @param statistic the test statistic: KS D, chi-square, z, or the distance; NaN when the test
 *     could not run (see {@code problem})
 * @param pValue the raw p-value of a p-value test; empty for distances and when the test could
 *     not run
 * @param adjustedPValue the p-value after the detector's {@link PValueCorrection} (equal to
 *     {@code pValue} with {@link PValueCorrection#NONE} and for the prediction and label columns);
 *     this is what is compared with the threshold
 * @param threshold the threshold the result was compared with
 * @param drifted whether the column drifted: {@code adjustedPValue < threshold} for p-value
 *     tests, {@code statistic >= threshold} for distances; when one side has no values at all and
 *     the other has some, true
 * @param referenceCount the number of non-missing reference values
 * @param currentCount the number of non-missing current values
 * @param missingShareReference the share of missing values in the reference
 * @param missingShareCurrent the share of missing values in the current data
 * @param newCategories categories of the current data that the reference does not hold, with
 *     their counts and shares of the current values (empty for numeric columns)
 * @param histogram reference and current counts over the column's bins
 * @param approximate whether the statistic was computed on a numeric reference summary rather
 *     than exactly (KS or Wasserstein on a column with more distinct values than the profile
 *     keeps; see {@link NumericReference})
 * @param problem why the test could not run, when it could not (a side without values)
 */
public record ColumnDrift(
    String name,
    ColumnKind kind,
    DriftTest test,
    double statistic,
    OptionalDouble pValue,
    OptionalDouble adjustedPValue,
    double threshold,
    boolean drifted,
    long referenceCount,
    long currentCount,
    double missingShareReference,
    double missingShareCurrent,
    List<NewCategory> newCategories,
    DriftHistogram histogram,
    boolean approximate,
    Optional<String> problem) {

  /**
   * Checks the fields.
   *
   * @param name the column name
   * @param kind how the column was tested
   * @param test the test that ran
   * @param statistic the test statistic
   * @param pValue the raw p-value
   * @param adjustedPValue the adjusted p-value
   * @param threshold the threshold
   * @param drifted whether the column drifted
   * @param referenceCount the number of non-missing reference values
   * @param currentCount the number of non-missing current values
   * @param missingShareReference the share of missing values in the reference
   * @param missingShareCurrent the share of missing values in the current data
   * @param newCategories categories new in the current data
   * @param histogram reference and current counts over the column's bins
   * @param approximate whether the statistic was computed on a summary
   * @param problem why the test could not run
   */
  public ColumnDrift {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(test, "test");
    Objects.requireNonNull(pValue, "pValue");
    Objects.requireNonNull(adjustedPValue, "adjustedPValue");
    Objects.requireNonNull(histogram, "histogram");
    Objects.requireNonNull(problem, "problem");
    newCategories = List.copyOf(Objects.requireNonNull(newCategories, "newCategories"));
    if (test == DriftTest.AUTO) {
      throw new IllegalArgumentException("test was AUTO but it must be the test that ran");
    }
  }

  /**
   * Returns the number the threshold is compared with: the adjusted p-value of a p-value test,
   * the statistic of a distance (Evidently's "drift score"); NaN when the test could not run.
   *
   * @return the drift score
   */
  public double driftScore() {
    return test.isPValueTest() ? adjustedPValue.orElse(Double.NaN) : statistic;
  }

  /**
   * Returns the share of current values that fall in categories the reference does not hold.
   *
   * @return the share, within {@code [0, 1]}
   */
  public double newCategoryShare() {
    return newCategories.stream().mapToDouble(NewCategory::share).sum();
  }

  /**
   * Returns a copy with another adjusted p-value and verdict.
   *
   * @param adjusted the adjusted p-value
   * @return the copy
   */
  ColumnDrift withAdjusted(double adjusted) {
    boolean d = problem.isPresent() ? drifted : adjusted < threshold;
    return new ColumnDrift(name, kind, test, statistic, pValue, OptionalDouble.of(adjusted),
        threshold, d, referenceCount, currentCount, missingShareReference, missingShareCurrent,
        newCategories, histogram, approximate, problem);
  }
}
