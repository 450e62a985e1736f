package dev.churn.models.spi;

import java.util.Map;
import java.util.Optional;

/**
 * A trained model of some {@link ModelBackend}: scores preprocessed rows and, where it can,
 * explains them. Implementations must be safe for concurrent scoring from several threads.
 */
public interface FittedModel {

  /** Returns the id of the backend that made this model. */
  String backend();

  /**
   * Returns the probability of the positive class for every row.
   *
   * @param x rows with the columns the model was trained on
   * @return one probability per row
   */
  double[] predict(FeatureMatrix x);

  /**
   * Returns the probability of the positive class for one row; meant to be fast (no batch
   * set-up), for single-customer scoring.
   *
   * @param row the values, in training column order
   * @return the probability
   */
  double predictOne(double[] row);

  /**
   * Returns per-row, per-column contributions to the log-odds of the positive class, plus the
   * bias in the last position of each row ({@code columns + 1} values per row), if the backend
   * can compute them; exact for backends whose {@link ModelBackend.Capabilities#exactContributions()}
   * is true.
   */
  Optional<double[][]> contributions(FeatureMatrix x);

  /** Returns the backend's own importance per column (e.g. total gain), if it has one. */
  Map<String, Double> nativeImportance();

  /** Returns the model as bytes, readable by {@link ModelBackend#read(byte[])}. */
  byte[] toBytes();
}
