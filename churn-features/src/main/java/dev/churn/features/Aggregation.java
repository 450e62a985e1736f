package dev.churn.features;

import java.util.Objects;
import java.util.Optional;

/**
 * One windowed feature, as declarative data: what to compute ({@link AggregationKind}), over
 * which column, in which trailing window, under which output name.
 *
 * <p>A window of {@code d} days relative to an as-of date {@code D} holds the events dated in
 * {@code [D - d days, D)}: never the as-of day itself, never anything later.
 *
 * @param name the output column name
 * @param kind what is computed
 * @param column the source column read, or empty for {@link AggregationKind#COUNT}, {@link
 *     AggregationKind#DISTINCT_DAYS} and {@link AggregationKind#DAYS_SINCE_LAST}
 * @param windowDays the trailing window in days (ignored by {@link
 *     AggregationKind#DAYS_SINCE_LAST}, which looks at all history)
 * @param category for {@link AggregationKind#CATEGORY_COUNT}, the category counted
 */
public record Aggregation(
    String name,
    AggregationKind kind,
    Optional<String> column,
    int windowDays,
    Optional<String> category) {

  /** Maximum supported window, in days. */
  public static final int MAX_WINDOW_DAYS = 3660;

  /** Checks the fields. */
  public Aggregation {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(category, "category");
    if (name.isBlank()) {
      throw new IllegalArgumentException("feature name was '" + name + "' but it must not be blank");
    }
    if (kind.needsColumn() && column.isEmpty()) {
      throw new IllegalArgumentException(kind + " needs a source column");
    }
    if (kind != AggregationKind.DAYS_SINCE_LAST
        && (windowDays < 1 || windowDays > MAX_WINDOW_DAYS)) {
      throw new IllegalArgumentException(
          "window of '" + name + "' was " + windowDays + " days but it must be in [1, "
              + MAX_WINDOW_DAYS + "]");
    }
    if ((kind == AggregationKind.TREND_RATIO || kind == AggregationKind.TREND_SLOPE)
        && windowDays % 2 != 0) {
      throw new IllegalArgumentException(
          "trend window of '" + name + "' was " + windowDays + " days but it must be even, so it"
              + " splits into two equal halves");
    }
    if (kind == AggregationKind.CATEGORY_COUNT && category.isEmpty()) {
      throw new IllegalArgumentException("CATEGORY_COUNT '" + name + "' needs a category");
    }
  }

  /** Returns a copy under another output name. */
  public Aggregation withName(String newName) {
    return new Aggregation(newName, kind, column, windowDays, category);
  }
}
