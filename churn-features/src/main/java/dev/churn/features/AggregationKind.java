package dev.churn.features;

/**
 * What an {@link Aggregation} computes from the events of one entity in a trailing window.
 *
 * <p>For an entity that exists in the source (it has an event before the as-of date) but has no
 * event in the window, the "counting" kinds ({@link #COUNT}, {@link #SUM}, {@link
 * #DISTINCT_DAYS}, {@link #CATEGORY_COUNT}) are 0, as a count of nothing is; every other kind is
 * missing. The same holds for entities the source has never seen when a training set asks for
 * them.
 */
public enum AggregationKind {
  /** Number of events in the window. */
  COUNT(true, false),
  /** Sum of a numeric column over the window (missing values skipped). */
  SUM(true, true),
  /** Mean of a numeric column. */
  MEAN(false, true),
  /** Minimum of a numeric column. */
  MIN(false, true),
  /** Maximum of a numeric column. */
  MAX(false, true),
  /** Sample standard deviation (n - 1 in the denominator) of a numeric column; missing below 2 values. */
  STD(false, true),
  /** The value of a numeric column at the latest event (file order breaks ties). */
  LAST(false, true),
  /** Number of distinct days with at least one event. */
  DISTINCT_DAYS(true, false),
  /** Days from the latest event before the as-of date to the as-of date (any age, no window). */
  DAYS_SINCE_LAST(false, false),
  /**
   * Trend of a numeric column: the sum over the later half of the window divided by the sum over
   * the earlier half; missing when the earlier half sums to 0.
   */
  TREND_RATIO(false, true),
  /**
   * Trend of a numeric column as a slope: (mean per day in the later half - mean per day in the
   * earlier half) / (half the window in days).
   */
  TREND_SLOPE(false, true),
  /**
   * Days from the as-of date until the date held in a date column at the latest event (for
   * example the membership expiry of the latest transaction); negative when that date is past.
   */
  DAYS_UNTIL(false, true),
  /** The category of a categorical column at the latest event. */
  LAST_CATEGORY(false, true),
  /** Number of events in the window whose categorical column has a given value. */
  CATEGORY_COUNT(true, true);

  private final boolean zeroWhenEmpty;
  private final boolean needsColumn;

  AggregationKind(boolean zeroWhenEmpty, boolean needsColumn) {
    this.zeroWhenEmpty = zeroWhenEmpty;
    this.needsColumn = needsColumn;
  }

  /** Returns whether the value is 0 (rather than missing) when the window holds no event. */
  public boolean zeroWhenEmpty() {
    return zeroWhenEmpty;
  }

  /** Returns whether the aggregation reads a column of the source. */
  public boolean needsColumn() {
    return needsColumn;
  }
}
