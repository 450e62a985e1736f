package dev.churn.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collects the aggregations of one trailing window inside {@link FeatureGroup.Builder#window}.
 * Each method adds one feature with a default name ({@code <column>_<kind>_<days>d}, or {@code
 * <kind>_<days>d} without a column); {@link #as(String)} renames the feature added last.
 *
 * <pre>{@code
 * .window(Duration.ofDays(30), w -> w
 *     .sum("total_secs")
 *     .sum("num_100").as("num_100_30d")
 *     .distinctDays().as("days_active_30d"))
 * }</pre>
 */
public final class WindowSpec {
  private final int days;
  private final List<Aggregation> aggregations = new ArrayList<>();

  WindowSpec(int days) {
    this.days = days;
  }

  List<Aggregation> aggregations() {
    return aggregations;
  }

  private WindowSpec add(AggregationKind kind, String column, String category, String name) {
    aggregations.add(
        new Aggregation(
            name, kind, Optional.ofNullable(column), days, Optional.ofNullable(category)));
    return this;
  }

  private String name(String column, String what) {
    return (column == null ? "" : column + "_") + what + "_" + days + "d";
  }

  /** Adds the number of events. */
  public WindowSpec count() {
    return add(AggregationKind.COUNT, null, null, name(null, "count"));
  }

  /** Adds the sum of a numeric column. */
  public WindowSpec sum(String column) {
    return add(AggregationKind.SUM, column, null, name(column, "sum"));
  }

  /** Adds the mean of a numeric column. */
  public WindowSpec mean(String column) {
    return add(AggregationKind.MEAN, column, null, name(column, "mean"));
  }

  /** Adds the minimum of a numeric column. */
  public WindowSpec min(String column) {
    return add(AggregationKind.MIN, column, null, name(column, "min"));
  }

  /** Adds the maximum of a numeric column. */
  public WindowSpec max(String column) {
    return add(AggregationKind.MAX, column, null, name(column, "max"));
  }

  /** Adds the sample standard deviation of a numeric column. */
  public WindowSpec std(String column) {
    return add(AggregationKind.STD, column, null, name(column, "std"));
  }

  /** Adds the latest value of a numeric column. */
  public WindowSpec last(String column) {
    return add(AggregationKind.LAST, column, null, name(column, "last"));
  }

  /**
   * Adds the days from the as-of date until the date in a date column at the latest event
   * ({@code <column>_days_until_<days>d}).
   */
  public WindowSpec daysUntil(String dateColumn) {
    return add(AggregationKind.DAYS_UNTIL, dateColumn, null, name(dateColumn, "days_until"));
  }

  /** Adds the number of distinct days with an event. */
  public WindowSpec distinctDays() {
    return add(AggregationKind.DISTINCT_DAYS, null, null, name(null, "distinct_days"));
  }

  /** Adds the latest category of a categorical column. */
  public WindowSpec lastCategory(String column) {
    return add(AggregationKind.LAST_CATEGORY, column, null, name(column, "last"));
  }

  /** Adds the number of events whose categorical column equals {@code category}. */
  public WindowSpec countOf(String column, String category) {
    return add(
        AggregationKind.CATEGORY_COUNT, column, category, name(column, "eq_" + category + "_count"));
  }

  /**
   * Renames the feature added last.
   *
   * @throws IllegalStateException when nothing was added yet
   */
  public WindowSpec as(String name) {
    if (aggregations.isEmpty()) {
      throw new IllegalStateException("as(" + name + ") must follow an aggregation");
    }
    int last = aggregations.size() - 1;
    aggregations.set(last, aggregations.get(last).withName(name));
    return this;
  }
}
