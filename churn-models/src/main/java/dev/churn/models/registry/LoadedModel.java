package dev.churn.models.registry;

import dev.churn.core.table.Table;
import dev.churn.models.ChurnModel;
import java.util.Objects;

/**
 * A registered version loaded for scoring: its registry metadata and its model, whose package was
 * checked against the SHA-256 recorded at registration.
 *
 * <pre>{@code
 * LoadedModel m = registry.load("churn", Stage.PRODUCTION);
 * double[] p = m.predict(customers);
 * log.info("scored with {} v{}", m.version().model(), m.version().number());
 * }</pre>
 *
 * @param version the version's metadata at load time
 * @param model the model
 */
public record LoadedModel(ModelVersion version, ChurnModel model) {
  /**
   * Checks the fields.
   *
   * @param version the version's metadata at load time
   * @param model the model
   */
  public LoadedModel {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(model, "model");
  }

  /**
   * Scores rows with the model; same as {@code model().predict(table)}.
   *
   * @param table rows with every input column of the model's signature
   * @return the calibrated churn probability of every row
   */
  public double[] predict(Table table) {
    return model.predict(table);
  }
}
