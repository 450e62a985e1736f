package dev.churn.models.registry;

import dev.churn.models.ChurnModel;
import java.time.Instant;
import java.util.Optional;

/**
 * What a {@link Gate} may look at: the candidate version, the stage it is to move to, and the
 * version currently in production, with their model packages loaded on demand (verified against
 * their SHA-256, loaded once and shared by all gates of one transition).
 *
 * <pre>{@code
 * Gate g = ctx -> {
 *   double[] p = ctx.loadCandidate().predict(sample);
 *   ...
 * };
 * }</pre>
 */
public interface GateContext {

  /**
   * Returns the model name.
   *
   * @return the model name
   */
  String model();

  /**
   * Returns the version to be moved.
   *
   * @return the candidate, in its current stage
   */
  ModelVersion candidate();

  /**
   * Returns the stage the candidate is to move to.
   *
   * @return the target stage
   */
  Stage target();

  /**
   * Returns the version now in production, if there is one and it is not the candidate.
   *
   * @return the production version, or empty
   */
  Optional<ModelVersion> production();

  /**
   * Loads the candidate's model package.
   *
   * @return the candidate model
   * @throws dev.churn.core.storage.StorageException if the package is missing or damaged
   * @throws dev.churn.core.ChurnException if its backend is not on the class path
   */
  ChurnModel loadCandidate();

  /**
   * Loads the production version's model package, if there is a production version.
   *
   * @return the production model, or empty
   */
  Optional<ChurnModel> loadProduction();

  /**
   * Returns the time the transition will be recorded with.
   *
   * @return the registry clock's time for this transition
   */
  Instant now();
}
