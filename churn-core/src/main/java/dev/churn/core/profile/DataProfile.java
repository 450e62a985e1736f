package dev.churn.core.profile;

import dev.churn.core.table.ColumnType;
import dev.churn.core.table.Table;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A data profile of a table: per-column statistics and the warnings a data scientist would look
 * at before training on it (the exploratory step of pandas-profiling, in-process and exact).
 *
 * <pre>{@code
 * try (BufferAllocator allocator = new RootAllocator();
 *      Table t = Csv.reader(Path.of("mlc_churn.csv")).read(allocator)) {
 *   DataProfile profile = DataProfile.of(t);
 *   NumericProfile minutes = (NumericProfile) profile.column("total_day_minutes").orElseThrow();
 *   double median = minutes.quantiles().p50();
 *   for (ProfileWarning w : profile.warnings()) {
 *     log.warn("{}: {}", w.kind(), w.message());
 *   }
 * }
 * }</pre>
 *
 * <p>Computing a profile reads the table once per column (one sort per numeric or date column)
 * and keeps no reference to it: the profile stays valid after the table is closed. Large tables
 * are profiled on several threads (the common fork-join pool).
 *
 * @param rows the number of rows
 * @param columnCount the number of columns
 * @param columns one profile per column, in table order
 * @param duplicateRows the number of rows that repeat an earlier row exactly (missing values
 *     equal each other, like pandas' {@code DataFrame.duplicated()}); empty when {@link
 *     ProfileOptions#duplicateRows()} is off
 * @param warnings the warnings: table-level ones first, then column ones in column order
 */
public record DataProfile(
    int rows,
    int columnCount,
    List<ColumnProfile> columns,
    OptionalLong duplicateRows,
    List<ProfileWarning> warnings) {

  /**
   * Checks the fields.
   *
   * @param rows the number of rows
   * @param columnCount the number of columns
   * @param columns one profile per column, in table order
   * @param duplicateRows the number of rows that repeat an earlier row exactly (missing values
   *     equal each other, like pandas' {@code DataFrame.duplicated()}); empty when {@link
   *     ProfileOptions#duplicateRows()} is off
   * @param warnings the warnings: table-level ones first, then column ones in column order
   */
  public DataProfile {
    columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
    Objects.requireNonNull(duplicateRows, "duplicateRows");
    warnings = List.copyOf(Objects.requireNonNull(warnings, "warnings"));
    if (columnCount != columns.size()) {
      throw new IllegalArgumentException(
          "columnCount was '" + columnCount + "' but there are " + columns.size() + " columns");
    }
  }

  /**
   * Profiles a table with the {@linkplain ProfileOptions#defaults() default options}.
   *
   * @param table an open table; it is only read
   * @return the profile
   */
  public static DataProfile of(Table table) {
    return of(table, ProfileOptions.defaults());
  }

  /**
   * Profiles a table.
   *
   * @param table an open table; it is only read
   * @param options thresholds and sizes
   * @return the profile
   */
  public static DataProfile of(Table table, ProfileOptions options) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(options, "options");
    return Profiler.profile(table, options);
  }

  /**
   * Returns the profile of a column, or empty when the table has no such column.
   *
   * @param name the column name
   * @return the profile of a column, or empty when the table has no such column
   */
  public Optional<ColumnProfile> column(String name) {
    Objects.requireNonNull(name, "name");
    for (ColumnProfile c : columns) {
      if (c.name().equals(name)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the warnings about one column, in order.
   *
   * @param column the column name
   * @return the warnings about one column, in order
   */
  public List<ProfileWarning> warnings(String column) {
    Objects.requireNonNull(column, "column");
    return warnings.stream().filter(w -> w.column().filter(column::equals).isPresent()).toList();
  }

  /**
   * Returns the warnings about the whole table (such as duplicate rows).
   *
   * @return the warnings about the whole table (such as duplicate rows)
   */
  public List<ProfileWarning> tableWarnings() {
    return warnings.stream().filter(ProfileWarning::isTableLevel).toList();
  }

  /**
   * Returns how many columns there are of each type, in {@link ColumnType} order.
   *
   * @return how many columns there are of each type, in {@link ColumnType} order
   */
  public Map<ColumnType, Integer> typeCounts() {
    Map<ColumnType, Integer> counts = new EnumMap<>(ColumnType.class);
    for (ColumnProfile c : columns) {
      counts.merge(c.type(), 1, Integer::sum);
    }
    return Collections.unmodifiableMap(counts);
  }

  /**
   * Returns the number of missing cells in the whole table.
   *
   * @return the number of missing cells in the whole table
   */
  public long missingCells() {
    long m = 0;
    for (ColumnProfile c : columns) {
      m += c.missing();
    }
    return m;
  }
}
