package dev.churn.models.registry;

/**
 * Thrown when a model exists but the requested version does not: no such version number, no
 * version in the requested stage, or no such alias. The message says what does exist.
 */
public class VersionNotFoundException extends RegistryException {
  private static final long serialVersionUID = 1L;

  /** The model name that was asked about. */
  private final String model;

  /**
   * Creates the exception.
   *
   * @param model the model that was asked about
   * @param message the full message
   */
  public VersionNotFoundException(String model, String message) {
    super(message);
    this.model = model;
  }

  /**
   * Returns the model name that was asked about.
   *
   * @return the model name
   */
  public String model() {
    return model;
  }
}
