package dev.churn.features.kkbox;

import dev.churn.core.table.Table;
import java.util.Objects;

/**
 * A cleaned KKBox table together with the report of what cleaning did. Closing it closes the
 * table.
 *
 * <pre>{@code
 * try (CleanedTable members = reader.members(Path.of("members_v3.csv"))) {
 *   Table t = members.table();
 *   log.info(members.report().format());
 * }
 * }</pre>
 *
 * @param table the cleaned table, in the schema of {@link CleaningReport#table()}; owned by this
 *     record
 * @param report what cleaning did
 */
public record CleanedTable(Table table, CleaningReport report) implements AutoCloseable {

  /**
   * Checks the fields.
   *
   * @param table the cleaned table
   * @param report what cleaning did
   */
  public CleanedTable {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(report, "report");
  }

  /** Closes the table. */
  @Override
  public void close() {
    table.close();
  }
}
