package dev.churn.models.registry;

import java.util.List;
import java.util.Optional;

/**
 * A handle on one version of a model, to move it between stages, set aliases and read its
 * history; obtained from {@link RegisteredModel#version(int)}. The handle holds no state: every
 * call reads the registry as it is then.
 *
 * <pre>{@code
 * VersionHandle v = registry.model("churn").version(7);
 * v.transitionTo(Stage.STAGING).because("nightly retrain").apply();
 * v.alias("challenger");
 * v.promote().gate(Gates.notWorseThanProduction("auc", 0.005)).toProduction();
 * v.history().forEach(e -> log.info(e.summary()));
 * }</pre>
 */
public final class VersionHandle {
  private final ModelRegistry registry;
  private final String model;
  private final int number;

  VersionHandle(ModelRegistry registry, String model, int number) {
    this.registry = registry;
    this.model = model;
    this.number = number;
  }

  /**
   * Returns the model name.
   *
   * @return the model name
   */
  public String model() {
    return model;
  }

  /**
   * Returns the version number.
   *
   * @return the number
   */
  public int number() {
    return number;
  }

  /**
   * Returns the version as it is now.
   *
   * @return the version
   */
  public ModelVersion get() {
    return registry.version(model, number);
  }

  /**
   * Starts a transition to another stage.
   *
   * @param stage the target stage
   * @return the transition, to configure and {@link Transition#apply()}
   */
  public Transition transitionTo(Stage stage) {
    return new Transition(registry, model, number, stage);
  }

  /**
   * Starts a promotion to production.
   *
   * @return the promotion, to configure and {@link Promotion#toProduction()}
   */
  public Promotion promote() {
    return new Promotion(transitionTo(Stage.PRODUCTION));
  }

  /**
   * Starts a transition to ARCHIVED.
   *
   * @return the transition, to configure and {@link Transition#apply()}
   */
  public Transition archive() {
    return transitionTo(Stage.ARCHIVED);
  }

  /**
   * Points an alias at this version, moving it from the version it pointed at (if any). Aliases
   * are unique per model. Setting an alias that already points here changes nothing.
   *
   * @param alias the alias, e.g. "champion" (see {@link RegistryNames})
   * @return this version with its aliases
   */
  public ModelVersion alias(String alias) {
    return registry.doAlias(model, number, alias, Optional.empty(), Optional.empty());
  }

  /**
   * Points an alias at this version, recording who and why.
   *
   * @param alias the alias
   * @param user who
   * @param reason why
   * @return this version with its aliases
   */
  public ModelVersion alias(String alias, String user, String reason) {
    return registry.doAlias(model, number, alias, Optional.of(Registration.checkUser(user)),
        Optional.of(Registration.checkValue("reason", reason)));
  }

  /**
   * Returns the audit entries that concern this version, oldest first.
   *
   * @return the history
   */
  public List<AuditEntry> history() {
    return registry.history(model, number);
  }

  /**
   * Loads this version's model, checking the package's SHA-256.
   *
   * @return the version and its model
   */
  public LoadedModel load() {
    return registry.load(model, number);
  }

  /**
   * Reads one of this version's attachments, checking its SHA-256.
   *
   * @param name the attachment name
   * @return the bytes
   */
  public byte[] attachment(String name) {
    return registry.attachment(model, number, name);
  }

  @Override
  public String toString() {
    return model + " v" + number;
  }
}
