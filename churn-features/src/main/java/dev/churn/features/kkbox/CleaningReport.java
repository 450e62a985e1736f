package dev.churn.features.kkbox;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What cleaning did to one KKBox table: rows read and kept, and how often each {@link
 * CleaningRule} of the table fired. Every rule of the table is present, with 0 when it never
 * fired, in the order of {@link KkboxTable#rules()}.
 *
 * <p>Reports of batches of one stream add up with {@link #plus}. {@link #format()} renders a
 * plain-text table for a command line or a log:
 *
 * <pre>{@code
 * try (CleanedTable logs = reader.userLogs(path)) {
 *   CleaningReport r = logs.report();
 *   long fixed = r.count(CleaningRule.TOTAL_SECS_OUT_OF_RANGE);
 *   cliOut.println(r.format());
 * }
 * }</pre>
 *
 * @param table the table the report is about
 * @param source where the rows came from, e.g. the file path
 * @param rowsRead rows before cleaning
 * @param rowsKept rows after cleaning ({@code rowsRead} minus the rows dropped)
 * @param counts how often each rule of {@code table} fired (rows for {@link
 *     CleaningRule.Action#DROP_ROW} and {@link CleaningRule.Action#COUNT_ONLY} rules, values for
 *     {@link CleaningRule.Action#SET_MISSING} rules); rules left out count 0
 */
public record CleaningReport(
    KkboxTable table, String source, long rowsRead, long rowsKept, Map<CleaningRule, Long> counts) {

  /**
   * Checks the fields and completes {@code counts} with zeros, in rule order.
   *
   * @param table the table the report is about
   * @param source where the rows came from
   * @param rowsRead rows before cleaning
   * @param rowsKept rows after cleaning
   * @param counts how often each rule fired; rules left out count 0
   * @throws IllegalArgumentException when a rule belongs to another table, a count is negative
   *     or {@code rowsKept} is not in {@code [0, rowsRead]}
   */
  public CleaningReport {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(counts, "counts");
    if (rowsRead < 0 || rowsKept < 0 || rowsKept > rowsRead) {
      throw new IllegalArgumentException(
          "rowsRead was " + rowsRead + " and rowsKept " + rowsKept
              + " but they must satisfy 0 <= rowsKept <= rowsRead");
    }
    EnumMap<CleaningRule, Long> all = new EnumMap<>(CleaningRule.class);
    for (CleaningRule rule : table.rules()) {
      all.put(rule, 0L);
    }
    for (Map.Entry<CleaningRule, Long> e : counts.entrySet()) {
      CleaningRule rule = Objects.requireNonNull(e.getKey(), "rule");
      long count = Objects.requireNonNull(e.getValue(), "count");
      if (rule.table() != table) {
        throw new IllegalArgumentException(
            "rule " + rule + " belongs to table " + rule.table().id() + ", not " + table.id());
      }
      if (count < 0) {
        throw new IllegalArgumentException(
            "count of " + rule + " was " + count + " but it must be >= 0");
      }
      all.put(rule, count);
    }
    counts = Collections.unmodifiableMap(all);
  }

  /**
   * Returns a report with no rows and all counts 0.
   *
   * @param table the table
   * @param source where the rows will come from
   * @return the empty report
   */
  public static CleaningReport empty(KkboxTable table, String source) {
    return new CleaningReport(table, source, 0, 0, Map.of());
  }

  /**
   * Returns how often a rule fired.
   *
   * @param rule a rule of this report's table
   * @return the count, 0 when it never fired
   * @throws IllegalArgumentException when the rule belongs to another table
   */
  public long count(CleaningRule rule) {
    Objects.requireNonNull(rule, "rule");
    if (rule.table() != table) {
      throw new IllegalArgumentException(
          "rule " + rule + " belongs to table " + rule.table().id() + ", not " + table.id());
    }
    return counts.get(rule);
  }

  /** Returns the number of rows removed by cleaning. */
  public long rowsDropped() {
    return rowsRead - rowsKept;
  }

  /** Returns whether cleaning changed or flagged anything at all. */
  public boolean isClean() {
    return counts.values().stream().allMatch(c -> c == 0);
  }

  /**
   * Adds another report of the same table, e.g. of the next batch of a stream.
   *
   * @param other a report of the same table
   * @return the sum, with this report's source
   * @throws IllegalArgumentException when {@code other} is about another table
   */
  public CleaningReport plus(CleaningReport other) {
    Objects.requireNonNull(other, "other");
    if (other.table != table) {
      throw new IllegalArgumentException(
          "cannot add a report of " + other.table.id() + " to one of " + table.id());
    }
    EnumMap<CleaningRule, Long> sum = new EnumMap<>(CleaningRule.class);
    for (CleaningRule rule : counts.keySet()) {
      sum.put(rule, counts.get(rule) + other.counts.get(rule));
    }
    return new CleaningReport(
        table, source, rowsRead + other.rowsRead, rowsKept + other.rowsKept, sum);
  }

  /**
   * Renders the report as plain text: a header line, then one line per rule.
   *
   * <pre>
   * user_logs (data/user_logs.csv): 1,000,000 rows read, 999,990 kept, 10 dropped
   *   rule                          column      action        count
   *   user_logs_missing_msno        msno        drop row          0
   *   ...
   * </pre>
   *
   * @return the text, lines separated by {@code \n}, without a trailing line break
   */
  public String format() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT,
        "%s (%s): %,d rows read, %,d kept, %,d dropped",
        table.id(), source, rowsRead, rowsKept, rowsDropped()));
    sb.append(String.format(Locale.ROOT, "\n  %-38s %-22s %-12s %12s",
        "rule", "column", "action", "count"));
    for (Map.Entry<CleaningRule, Long> e : counts.entrySet()) {
      CleaningRule r = e.getKey();
      sb.append(String.format(Locale.ROOT, "\n  %-38s %-22s %-12s %,12d",
          r.id(), r.column(), r.action().name().toLowerCase(Locale.ROOT).replace('_', ' '),
          e.getValue()));
    }
    return sb.toString();
  }

  /**
   * Renders several reports, one after the other, separated by blank lines.
   *
   * @param reports the reports, e.g. one per table
   * @return the text
   */
  public static String format(Collection<CleaningReport> reports) {
    StringBuilder sb = new StringBuilder();
    for (CleaningReport r : reports) {
      if (sb.length() > 0) {
        sb.append("\n\n");
      }
      sb.append(r.format());
    }
    return sb.toString();
  }
}
