package dev.churn.drift;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@link DriftDetector#detect}: one verdict per feature column, the share of
 * drifted columns and the dataset-level verdict, plus prediction and label drift when the
 * detector was told about those columns.
 *
 * <pre>{@code
 * DriftResult r = detector.detect(current);
 * if (r.datasetDrift()) {
 *   r.columns().stream().filter(ColumnDrift::drifted)
 *       .forEach(c -> log.warn("{} drifted: {} = {}", c.name(), c.test().id(), c.driftScore()));
 * }
 * r.predictionDrift().ifPresent(p -> log.info("scores drifted: {}", p.drifted()));
 * }</pre>
 *
 * @param columns the feature columns, in the order the detector was given (or the profile's)
 * @param driftedColumns how many of them drifted
 * @param driftShare {@code driftedColumns / columns.size()}
 * @param datasetDriftShare the share at which the dataset counts as drifted
 * @param datasetDrift whether {@code driftShare >= datasetDriftShare}
 * @param predictionDrift the verdict for the prediction (score) column, when one was designated
 * @param labelDrift the verdict for the label column, when one was designated or found by role
 *     and the current data has it
 * @param correction the p-value correction applied over the feature columns
 * @param referenceRows the number of rows of the reference
 * @param currentRows the number of rows of the current data
 */
public record DriftResult(
    List<ColumnDrift> columns,
    int driftedColumns,
    double driftShare,
    double datasetDriftShare,
    boolean datasetDrift,
    Optional<ColumnDrift> predictionDrift,
    Optional<ColumnDrift> labelDrift,
    PValueCorrection correction,
    int referenceRows,
    int currentRows) {

  /**
   * Checks the fields.
   *
   * @param columns the feature columns
   * @param driftedColumns how many of them drifted
   * @param driftShare the share of drifted columns
   * @param datasetDriftShare the share at which the dataset counts as drifted
   * @param datasetDrift whether the dataset drifted
   * @param predictionDrift the verdict for the prediction column
   * @param labelDrift the verdict for the label column
   * @param correction the p-value correction
   * @param referenceRows the number of reference rows
   * @param currentRows the number of current rows
   */
  public DriftResult {
    columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
    Objects.requireNonNull(predictionDrift, "predictionDrift");
    Objects.requireNonNull(labelDrift, "labelDrift");
    Objects.requireNonNull(correction, "correction");
  }

  /**
   * Returns the verdict of a feature column.
   *
   * @param name the column name
   * @return its verdict
   * @throws IllegalArgumentException naming the column and the tested columns
   */
  public ColumnDrift column(String name) {
    Objects.requireNonNull(name, "name");
    for (ColumnDrift c : columns) {
      if (c.name().equals(name)) {
        return c;
      }
    }
    throw new IllegalArgumentException("no drift result for column '" + name
        + "'; the tested columns are " + columns.stream().map(ColumnDrift::name).toList());
  }

  /**
   * Returns the names of the drifted feature columns, in order.
   *
   * @return the names
   */
  public List<String> driftedColumnNames() {
    return columns.stream().filter(ColumnDrift::drifted).map(ColumnDrift::name).toList();
  }
}
