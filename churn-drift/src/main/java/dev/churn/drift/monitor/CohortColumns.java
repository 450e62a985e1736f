package dev.churn.drift.monitor;

import java.util.Objects;
import java.util.Optional;

/**
 * The names of the columns that {@link PerformanceMonitor#evaluate(dev.churn.core.table.Table,
 * CohortColumns)} reads from a scored and labelled table.
 *
 * <ul>
 *   <li>{@code score}: a NUMERIC column of scores or probabilities, higher meaning more likely
 *       positive, with no missing values;
 *   <li>{@code label}: the realized outcome, a BOOLEAN column or a NUMERIC column of 0 and 1, with
 *       no missing values;
 *   <li>{@code recommended} (optional): the decision per row, BOOLEAN or NUMERIC 0/1; without it
 *       the monitor's decision threshold decides;
 *   <li>{@code bucket} (optional): the risk bucket per row, a CATEGORICAL or ID column holding
 *       {@code A}, {@code B} or {@code C}; without it the monitor's bucket cuts (if any) decide.
 * </ul>
 *
 * <pre>{@code
 * CohortColumns columns = CohortColumns.of("probability", "churned")
 *     .withRecommended("called")
 *     .withBucket("bucket");
 * }</pre>
 *
 * @param score name of the score column
 * @param label name of the label column
 * @param recommended name of the decision column, if the table has one
 * @param bucket name of the bucket column, if the table has one
 */
public record CohortColumns(
    String score, String label, Optional<String> recommended, Optional<String> bucket) {

  /**
   * Checks that no name is null or blank.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a name is blank
   */
  public CohortColumns {
    checkName("score", score);
    checkName("label", label);
    Objects.requireNonNull(recommended, "recommended");
    Objects.requireNonNull(bucket, "bucket");
    recommended.ifPresent(name -> checkName("recommended", name));
    bucket.ifPresent(name -> checkName("bucket", name));
  }

  /**
   * Returns the columns of a table with only scores and labels.
   *
   * @param score name of the score column
   * @param label name of the label column
   * @return the column names
   */
  public static CohortColumns of(String score, String label) {
    return new CohortColumns(score, label, Optional.empty(), Optional.empty());
  }

  /**
   * Returns a copy that also reads the decision per row from a column.
   *
   * @param name name of the decision column
   * @return the new column names
   */
  public CohortColumns withRecommended(String name) {
    return new CohortColumns(score, label, Optional.of(checkName("recommended", name)), bucket);
  }

  /**
   * Returns a copy that also reads the risk bucket per row from a column.
   *
   * @param name name of the bucket column
   * @return the new column names
   */
  public CohortColumns withBucket(String name) {
    return new CohortColumns(score, label, recommended, Optional.of(checkName("bucket", name)));
  }

  private static String checkName(String field, String name) {
    Objects.requireNonNull(name, field);
    if (name.isBlank()) {
      throw new IllegalArgumentException(field + " was '" + name + "' but it must not be blank");
    }
    return name;
  }
}
