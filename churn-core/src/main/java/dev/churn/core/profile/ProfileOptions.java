package dev.churn.core.profile;

import java.util.ArrayList;
import java.util.List;

/**
 * Thresholds and sizes used by {@link DataProfile#of(dev.churn.core.table.Table, ProfileOptions)}:
 * when a warning fires and how much detail a profile keeps.
 *
 * <p>Start from {@link #defaults()} and change what you need with the {@code with...} methods;
 * every instance is validated when created, and all broken fields are reported in one {@link
 * IllegalArgumentException}.
 *
 * <pre>{@code
 * ProfileOptions strict = ProfileOptions.defaults()
 *     .withHighMissingShare(0.2)
 *     .withOutlierFence(1.5);   // Tukey's inner fences instead of the far-out ones
 * DataProfile profile = DataProfile.of(table, strict);
 * }</pre>
 *
 * @param highMissingShare {@link ProfileWarning.Kind#HIGH_MISSING} fires when the share of
 *     missing values is at least this; default {@value #DEFAULT_HIGH_MISSING_SHARE}, in (0, 1]
 * @param idLikeDistinctShare {@link ProfileWarning.Kind#ID_LIKE} fires for a categorical column
 *     whose distinct values are at least this share of its non-missing values; default {@value
 *     #DEFAULT_ID_LIKE_DISTINCT_SHARE}, in (0, 1]
 * @param idLikeMinRows the ID_LIKE rule for categorical and numeric columns needs at least this
 *     many non-missing values (small tables are all-distinct by chance); default {@value
 *     #DEFAULT_ID_LIKE_MIN_ROWS}, at least 1
 * @param highCardinality {@link ProfileWarning.Kind#HIGH_CARDINALITY} fires for a categorical
 *     column with at least this many categories; default {@value #DEFAULT_HIGH_CARDINALITY}, at
 *     least 2
 * @param outlierFence {@link ProfileWarning.Kind#OUTLIERS} counts values below {@code Q1 - k *
 *     IQR} or above {@code Q3 + k * IQR} with this {@code k}; default {@value
 *     #DEFAULT_OUTLIER_FENCE} (Tukey's far-out fences), positive
 * @param imbalancedShare {@link ProfileWarning.Kind#IMBALANCED} fires for a column with exactly
 *     two values whose rarer value has a share below this; default {@value
 *     #DEFAULT_IMBALANCED_SHARE}, in (0, 0.5]
 * @param topCategories how many of the most frequent categories a profile lists; default {@value
 *     #DEFAULT_TOP_CATEGORIES}, at least 1
 * @param histogramBins the number of equal-width bins of a numeric histogram; default {@value
 *     #DEFAULT_HISTOGRAM_BINS}, in [1, 10000]
 * @param maxDateBins the most bins of a date histogram: bins are one calendar month wide, or
 *     several months when the range has more months than this; default {@value
 *     #DEFAULT_MAX_DATE_BINS}, at least 1
 * @param idExamples how many example values an ID column's profile keeps; default {@value
 *     #DEFAULT_ID_EXAMPLES}, at least 0
 * @param duplicateRows whether to count rows that repeat an earlier row exactly (one hash per
 *     row); default true
 */
public record ProfileOptions(
    double highMissingShare,
    double idLikeDistinctShare,
    int idLikeMinRows,
    int highCardinality,
    double outlierFence,
    double imbalancedShare,
    int topCategories,
    int histogramBins,
    int maxDateBins,
    int idExamples,
    boolean duplicateRows) {

  /** The default of {@link #highMissingShare()}. */
  public static final double DEFAULT_HIGH_MISSING_SHARE = 0.5;
  /** The default of {@link #idLikeDistinctShare()}. */
  public static final double DEFAULT_ID_LIKE_DISTINCT_SHARE = 0.95;
  /** The default of {@link #idLikeMinRows()}. */
  public static final int DEFAULT_ID_LIKE_MIN_ROWS = 50;
  /** The default of {@link #highCardinality()}. */
  public static final int DEFAULT_HIGH_CARDINALITY = 50;
  /** The default of {@link #outlierFence()}: Tukey's far-out fences. */
  public static final double DEFAULT_OUTLIER_FENCE = 3.0;
  /** The default of {@link #imbalancedShare()}. */
  public static final double DEFAULT_IMBALANCED_SHARE = 0.05;
  /** The default of {@link #topCategories()}. */
  public static final int DEFAULT_TOP_CATEGORIES = 10;
  /** The default of {@link #histogramBins()}. */
  public static final int DEFAULT_HISTOGRAM_BINS = 20;
  /** The default of {@link #maxDateBins()}: ten years of monthly bins. */
  public static final int DEFAULT_MAX_DATE_BINS = 120;
  /** The default of {@link #idExamples()}. */
  public static final int DEFAULT_ID_EXAMPLES = 5;

  private static final ProfileOptions DEFAULTS =
      new ProfileOptions(
          DEFAULT_HIGH_MISSING_SHARE,
          DEFAULT_ID_LIKE_DISTINCT_SHARE,
          DEFAULT_ID_LIKE_MIN_ROWS,
          DEFAULT_HIGH_CARDINALITY,
          DEFAULT_OUTLIER_FENCE,
          DEFAULT_IMBALANCED_SHARE,
          DEFAULT_TOP_CATEGORIES,
          DEFAULT_HISTOGRAM_BINS,
          DEFAULT_MAX_DATE_BINS,
          DEFAULT_ID_EXAMPLES,
          true);

  /**
   * Checks every field and reports all broken ones at once.
   *
   * @param highMissingShare {@link ProfileWarning.Kind#HIGH_MISSING} fires when the share of
   *     missing values is at least this; default {@value #DEFAULT_HIGH_MISSING_SHARE}, in (0, 1]
   * @param idLikeDistinctShare {@link ProfileWarning.Kind#ID_LIKE} fires for a categorical column
   *     whose distinct values are at least this share of its non-missing values; default {@value
   *     #DEFAULT_ID_LIKE_DISTINCT_SHARE}, in (0, 1]
   * @param idLikeMinRows the ID_LIKE rule for categorical and numeric columns needs at least this
   *     many non-missing values (small tables are all-distinct by chance); default {@value
   *     #DEFAULT_ID_LIKE_MIN_ROWS}, at least 1
   * @param highCardinality {@link ProfileWarning.Kind#HIGH_CARDINALITY} fires for a categorical
   *     column with at least this many categories; default {@value #DEFAULT_HIGH_CARDINALITY}, at
   *     least 2
   * @param outlierFence {@link ProfileWarning.Kind#OUTLIERS} counts values below {@code Q1 - k *
   *     IQR} or above {@code Q3 + k * IQR} with this {@code k}; default {@value
   *     #DEFAULT_OUTLIER_FENCE} (Tukey's far-out fences), positive
   * @param imbalancedShare {@link ProfileWarning.Kind#IMBALANCED} fires for a column with exactly
   *     two values whose rarer value has a share below this; default {@value
   *     #DEFAULT_IMBALANCED_SHARE}, in (0, 0.5]
   * @param topCategories how many of the most frequent categories a profile lists; default {@value
   *     #DEFAULT_TOP_CATEGORIES}, at least 1
   * @param histogramBins the number of equal-width bins of a numeric histogram; default {@value
   *     #DEFAULT_HISTOGRAM_BINS}, in [1, 10000]
   * @param maxDateBins the most bins of a date histogram: bins are one calendar month wide, or
   *     several months when the range has more months than this; default {@value
   *     #DEFAULT_MAX_DATE_BINS}, at least 1
   * @param idExamples how many example values an ID column's profile keeps; default {@value
   *     #DEFAULT_ID_EXAMPLES}, at least 0
   * @param duplicateRows whether to count rows that repeat an earlier row exactly (one hash per
   *     row); default true
   * @throws IllegalArgumentException listing each field that is out of range
   */
  public ProfileOptions {
    List<String> errors = new ArrayList<>();
    checkShare(errors, "highMissingShare", highMissingShare, 1.0);
    checkShare(errors, "idLikeDistinctShare", idLikeDistinctShare, 1.0);
    checkAtLeast(errors, "idLikeMinRows", idLikeMinRows, 1);
    checkAtLeast(errors, "highCardinality", highCardinality, 2);
    if (!(outlierFence > 0) || Double.isInfinite(outlierFence)) {
      errors.add("outlierFence was '" + outlierFence + "' but it must be a positive number");
    }
    checkShare(errors, "imbalancedShare", imbalancedShare, 0.5);
    checkAtLeast(errors, "topCategories", topCategories, 1);
    if (histogramBins < 1 || histogramBins > 10_000) {
      errors.add("histogramBins was '" + histogramBins + "' but it must be in [1, 10000]");
    }
    checkAtLeast(errors, "maxDateBins", maxDateBins, 1);
    checkAtLeast(errors, "idExamples", idExamples, 0);
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(
          "invalid profile options: " + String.join("; ", errors));
    }
  }

  /**
   * Returns the options with every documented default.
   *
   * @return the options with every documented default
   */
  public static ProfileOptions defaults() {
    return DEFAULTS;
  }

  private static void checkShare(List<String> errors, String field, double value, double max) {
    if (!(value > 0 && value <= max)) {
      errors.add(field + " was '" + value + "' but it must be in (0, " + max + "]");
    }
  }

  private static void checkAtLeast(List<String> errors, String field, int value, int min) {
    if (value < min) {
      errors.add(field + " was '" + value + "' but it must be >= " + min);
    }
  }

  /**
   * Returns a copy with another {@link #highMissingShare()}.
   *
   * @param share the new share, in (0, 1]
   * @return a copy with the new value
   */
  public ProfileOptions withHighMissingShare(double share) {
    return new ProfileOptions(
        share, idLikeDistinctShare, idLikeMinRows, highCardinality, outlierFence, imbalancedShare,
        topCategories, histogramBins, maxDateBins, idExamples, duplicateRows);
  }

  /**
   * Returns a copy with another {@link #idLikeDistinctShare()}.
   *
   * @param share the new share, in (0, 1]
   * @return a copy with the new value
   */
  public ProfileOptions withIdLikeDistinctShare(double share) {
    return new ProfileOptions(
        highMissingShare, share, idLikeMinRows, highCardinality, outlierFence, imbalancedShare,
        topCategories, histogramBins, maxDateBins, idExamples, duplicateRows);
  }

  /**
   * Returns a copy with another {@link #idLikeMinRows()}.
   *
   * @param rows the new minimum, at least 1
   * @return a copy with the new value
   */
  public ProfileOptions withIdLikeMinRows(int rows) {
    return new ProfileOptions(
        highMissingShare, idLikeDistinctShare, rows, highCardinality, outlierFence,
        imbalancedShare, topCategories, histogramBins, maxDateBins, idExamples, duplicateRows);
  }

  /**
   * Returns a copy with another {@link #highCardinality()}.
   *
   * @param categories the new threshold, at least 2
   * @return a copy with the new value
   */
  public ProfileOptions withHighCardinality(int categories) {
    return new ProfileOptions(
        highMissingShare, idLikeDistinctShare, idLikeMinRows, categories, outlierFence,
        imbalancedShare, topCategories, histogramBins, maxDateBins, idExamples, duplicateRows);
  }

  /**
   * Returns a copy with another {@link #outlierFence()}.
   *
   * @param k the new multiple of the IQR, positive
   * @return a copy with the new value
   */
  public ProfileOptions withOutlierFence(double k) {
    return new ProfileOptions(
        highMissingShare, idLikeDistinctShare, idLikeMinRows, highCardinality, k,
        imbalancedShare, topCategories, histogramBins, maxDateBins, idExamples, duplicateRows);
  }

  /**
   * Returns a copy with another {@link #imbalancedShare()}.
   *
   * @param share the new share, in (0, 0.5]
   * @return a copy with the new value
   */
  public ProfileOptions withImbalancedShare(double share) {
    return new ProfileOptions(
        highMissingShare, idLikeDistinctShare, idLikeMinRows, highCardinality, outlierFence,
        share, topCategories, histogramBins, maxDateBins, idExamples, duplicateRows);
  }

  /**
   * Returns a copy with another {@link #topCategories()}.
   *
   * @param n the new count, at least 1
   * @return a copy with the new value
   */
  public ProfileOptions withTopCategories(int n) {
    return new ProfileOptions(
        highMissingShare, idLikeDistinctShare, idLikeMinRows, highCardinality, outlierFence,
        imbalancedShare, n, histogramBins, maxDateBins, idExamples, duplicateRows);
  }

  /**
   * Returns a copy with another {@link #histogramBins()}.
   *
   * @param bins the new bin count, in [1, 10000]
   * @return a copy with the new value
   */
  public ProfileOptions withHistogramBins(int bins) {
    return new ProfileOptions(
        highMissingShare, idLikeDistinctShare, idLikeMinRows, highCardinality, outlierFence,
        imbalancedShare, topCategories, bins, maxDateBins, idExamples, duplicateRows);
  }

  /**
   * Returns a copy with another {@link #maxDateBins()}.
   *
   * @param bins the new maximum, at least 1
   * @return a copy with the new value
   */
  public ProfileOptions withMaxDateBins(int bins) {
    return new ProfileOptions(
        highMissingShare, idLikeDistinctShare, idLikeMinRows, highCardinality, outlierFence,
        imbalancedShare, topCategories, histogramBins, bins, idExamples, duplicateRows);
  }

  /**
   * Returns a copy with another {@link #idExamples()}.
   *
   * @param n the new count, at least 0
   * @return a copy with the new value
   */
  public ProfileOptions withIdExamples(int n) {
    return new ProfileOptions(
        highMissingShare, idLikeDistinctShare, idLikeMinRows, highCardinality, outlierFence,
        imbalancedShare, topCategories, histogramBins, maxDateBins, n, duplicateRows);
  }

  /**
   * Returns a copy that does or does not count duplicate rows.
   *
   * @param count whether to count duplicate rows
   * @return a copy with the new value
   */
  public ProfileOptions withDuplicateRows(boolean count) {
    return new ProfileOptions(
        highMissingShare, idLikeDistinctShare, idLikeMinRows, highCardinality, outlierFence,
        imbalancedShare, topCategories, histogramBins, maxDateBins, idExamples, count);
  }
}
