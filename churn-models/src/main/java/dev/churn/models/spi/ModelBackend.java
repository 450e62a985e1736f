package dev.churn.models.spi;

import java.util.List;
import java.util.Objects;

/**
 * A learning algorithm churn can train and compare: the extension point for model backends.
 *
 * <p>Backends are found with {@link java.util.ServiceLoader}: implement this interface in a public
 * class with a public no-argument constructor and register it with {@code
 * @AutoService(ModelBackend.class)} (or a {@code META-INF/services} file). Each backend has a
 * unique {@link #id()}; two backends with the same id are an error naming both classes.
 *
 * <p>A backend works on preprocessed numbers ({@link FeatureMatrix}): the trainer encodes
 * categories, and imputes and standardizes as the backend's {@link Capabilities} ask, learning
 * that preprocessing on the training fold only.
 *
 * <pre>{@code
 * @AutoService(ModelBackend.class)
 * public final class MyBackend implements ModelBackend {
 *   public String id() { return "my-gbm"; }
 *   public String description() { return "my gradient boosting"; }
 *   public List<ParamSpec> parameters() { return List.of(ParamSpec.integer("trees", 100, 10, 2000)); }
 *   public Capabilities capabilities() { return new Capabilities(true, false, false, true); }
 *   public FittedModel fit(TrainingData data, Params params) { ... }
 *   public FittedModel read(byte[] bytes) { ... }
 * }
 * }</pre>
 */
public interface ModelBackend {

  /** Returns the unique id, e.g. {@code xgboost}; lower case, digits and dashes. */
  String id();

  /** Returns one line saying what the backend is. */
  String description();

  /** Returns the parameters the backend accepts, with defaults and search ranges. */
  List<ParamSpec> parameters();

  /** Returns what the backend can do, which decides its preprocessing and explanations. */
  Capabilities capabilities();

  /**
   * Trains a model.
   *
   * @param data the training rows, labels, weights, seed and thread budget
   * @param params values for {@link #parameters()}, already validated
   * @return the fitted model
   */
  FittedModel fit(TrainingData data, Params params);

  /**
   * Reads a model written by {@link FittedModel#toBytes()} of this backend.
   *
   * @param bytes the serialized model
   * @return the model
   */
  FittedModel read(byte[] bytes);

  /**
   * What a backend can do.
   *
   * @param handlesMissing NaN inputs are fine (otherwise they are imputed first)
   * @param wantsStandardizedInputs numeric inputs should be standardized (linear models)
   * @param exactContributions {@link FittedModel#contributions} are exact (e.g. tree SHAP)
   * @param nativeImportance {@link FittedModel#nativeImportance} is available
   */
  record Capabilities(
      boolean handlesMissing,
      boolean wantsStandardizedInputs,
      boolean exactContributions,
      boolean nativeImportance) {}

  /**
   * What {@link #fit} trains on.
   *
   * @param x the inputs
   * @param y the labels, true = positive
   * @param weights one non-negative weight per row (class balance)
   * @param seed the random seed; equal seeds give equal models
   * @param threads how many threads the backend may use
   */
  record TrainingData(FeatureMatrix x, boolean[] y, double[] weights, long seed, int threads) {
    /** Checks the fields. */
    public TrainingData {
      Objects.requireNonNull(x, "x");
      Objects.requireNonNull(y, "y");
      Objects.requireNonNull(weights, "weights");
      if (y.length != x.rows() || weights.length != x.rows()) {
        throw new IllegalArgumentException("x has " + x.rows() + " rows but y has " + y.length
            + " and weights " + weights.length);
      }
      if (threads < 1) {
        throw new IllegalArgumentException("threads was " + threads + " but it must be >= 1");
      }
    }
  }
}
