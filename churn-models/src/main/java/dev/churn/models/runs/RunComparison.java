package dev.churn.models.runs;

import com.google.common.collect.ImmutableSortedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Runs side by side, sorted by one metric: the result of {@link RunStore#compare(List, String,
 * Order)}.
 *
 * <p>Usage:
 *
 * <pre>{@code
 * RunComparison cmp = store.compare(List.of(id1, id2, id3), "logloss", RunComparison.Order.LOWER_FIRST);
 * cmp.rows().get(0).runId();       // the run with the lowest log loss
 * log.info("\n{}", cmp.toText());  // a table: run, name, status, logloss, then every parameter
 * }</pre>
 *
 * @param metric the metric the rows are sorted by
 * @param order the sort direction
 * @param parameterNames the union of the runs' parameter names, sorted
 * @param rows one row per run, best first; runs without the metric come last, in the order given
 */
public record RunComparison(
    String metric, Order order, List<String> parameterNames, List<Row> rows) {

  /** Which metric values come first. */
  public enum Order {
    /** Highest first, for scores such as AUC or F1. */
    HIGHER_FIRST,
    /** Lowest first, for losses such as log loss or Brier score. */
    LOWER_FIRST
  }

  /**
   * One run in a comparison.
   *
   * @param runId the run's id
   * @param kind the run's kind
   * @param name the run's name
   * @param status the run's status
   * @param value the run's value of the compared metric, empty if it did not record it
   * @param parameters the run's parameters, sorted by name
   */
  public record Row(
      String runId, String kind, String name, RunStatus status, OptionalDouble value,
      Map<String, String> parameters) {

    /**
     * Validates and copies the fields.
     *
     * @param runId the run's id
     * @param kind the run's kind
     * @param name the run's name
     * @param status the run's status
     * @param value the metric's value
     * @param parameters the run's parameters
     */
    public Row {
      Objects.requireNonNull(runId, "runId");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(value, "value");
      parameters = ImmutableSortedMap.copyOf(Objects.requireNonNull(parameters, "parameters"));
    }
  }

  /**
   * Validates and copies the fields.
   *
   * @param metric the metric's name
   * @param order the sort direction
   * @param parameterNames the parameter columns
   * @param rows the rows
   */
  public RunComparison {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(order, "order");
    parameterNames = List.copyOf(parameterNames);
    rows = List.copyOf(rows);
  }

  /**
   * Formats the comparison as a fixed-width text table: run id, name, status, the metric, then one
   * column per parameter ("-" where a run lacks a value). Numbers use a dot as decimal separator.
   *
   * @return the table, lines separated by {@code \n}, ending with a line break
   */
  public String toText() {
    List<List<String>> cells = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("run", "name", "status", metric));
    header.addAll(parameterNames);
    cells.add(header);
    for (Row row : rows) {
      List<String> line = new ArrayList<>();
      line.add(row.runId());
      line.add(row.name());
      line.add(row.status().name());
      line.add(row.value().isPresent()
          ? String.format(Locale.ROOT, "%.6f", row.value().getAsDouble()) : "-");
      for (String p : parameterNames) {
        line.add(row.parameters().getOrDefault(p, "-"));
      }
      cells.add(line);
    }
    int columns = header.size();
    int[] width = new int[columns];
    for (List<String> line : cells) {
      for (int c = 0; c < columns; c++) {
        width[c] = Math.max(width[c], line.get(c).length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (List<String> line : cells) {
      StringBuilder text = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        if (c > 0) {
          text.append("  ");
        }
        text.append(String.format(Locale.ROOT, "%-" + width[c] + "s", line.get(c)));
      }
      out.append(text.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }
}
