package dev.churn.models.registry;

/**
 * Thrown when a model name is not in the registry. The message lists the models that exist.
 *
 * <pre>{@code
 * try {
 *   registry.model("churm");
 * } catch (ModelNotFoundException e) {
 *   // "no model 'churm' in the registry at churn-home/registry; models: [churn, upsell]"
 * }
 * }</pre>
 */
public class ModelNotFoundException extends RegistryException {
  private static final long serialVersionUID = 1L;

  /** The model name that was asked for. */
  private final String model;

  /**
   * Creates the exception.
   *
   * @param model the model that was asked for
   * @param message the full message
   */
  public ModelNotFoundException(String model, String message) {
    super(message);
    this.model = model;
  }

  /**
   * Returns the model name that was asked for.
   *
   * @return the model name
   */
  public String model() {
    return model;
  }
}
