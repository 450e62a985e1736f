package dev.churn.models.registry;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A handle on one model of the registry, to reach its versions and aliases; obtained from {@link
 * ModelRegistry#model(String)}. The handle holds no state: every call reads the registry as it is
 * then.
 *
 * <pre>{@code
 * RegisteredModel churn = registry.model("churn");
 * churn.versions().forEach(v -> log.info("{}", v));
 * churn.version(3).transitionTo(Stage.STAGING).apply();
 * ModelVersion champion = churn.aliased("champion");
 * }</pre>
 */
public final class RegisteredModel {
  private final ModelRegistry registry;
  private final String name;

  RegisteredModel(ModelRegistry registry, String name) {
    this.registry = registry;
    this.name = name;
  }

  /**
   * Returns the model name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Returns the model's current state.
   *
   * @return the state
   */
  public ModelState state() {
    return registry.state(name);
  }

  /**
   * Lists the versions with stage, aliases and metrics.
   *
   * @return the versions in number order
   */
  public List<ModelVersion> versions() {
    return registry.versions(name);
  }

  /**
   * Returns a handle on one version.
   *
   * @param number the version number
   * @return the handle
   * @throws VersionNotFoundException if there is no such version
   */
  public VersionHandle version(int number) {
    registry.version(name, number);
    return new VersionHandle(registry, name, number);
  }

  /**
   * Returns the version in production.
   *
   * @return the version, or empty if none is in production
   */
  public Optional<ModelVersion> production() {
    return state().production();
  }

  /**
   * Returns the most recently registered version.
   *
   * @return the version with the highest number
   */
  public ModelVersion latest() {
    return state().latest().orElseThrow();
  }

  /**
   * Returns the alias table.
   *
   * @return alias to version number, sorted by alias
   */
  public Map<String, Integer> aliases() {
    return state().aliases();
  }

  /**
   * Returns the version an alias points at.
   *
   * @param alias the alias
   * @return the version
   * @throws VersionNotFoundException if there is no such alias
   */
  public ModelVersion aliased(String alias) {
    return registry.aliased(name, alias);
  }

  /**
   * Removes an alias.
   *
   * @param alias the alias
   * @throws VersionNotFoundException if there is no such alias
   */
  public void removeAlias(String alias) {
    registry.doUnalias(name, alias, Optional.empty(), Optional.empty());
  }

  /**
   * Removes an alias, recording who and why.
   *
   * @param alias the alias
   * @param user who
   * @param reason why
   * @throws VersionNotFoundException if there is no such alias
   */
  public void removeAlias(String alias, String user, String reason) {
    registry.doUnalias(name, alias, Optional.of(Registration.checkUser(user)),
        Optional.of(Registration.checkValue("reason", reason)));
  }

  /**
   * Returns the model's audit log.
   *
   * @return every entry, oldest first
   */
  public List<AuditEntry> auditLog() {
    return registry.auditLog(name);
  }

  /**
   * Returns the version that was in production at a moment.
   *
   * @param time the moment
   * @return the version as it was then, or empty
   */
  public Optional<ModelVersion> productionAt(Instant time) {
    return registry.productionAt(name, time);
  }

  /**
   * Loads the version in a stage (for STAGING, NONE and ARCHIVED the most recent one).
   *
   * @param stage the stage
   * @return the version and its model
   */
  public LoadedModel load(Stage stage) {
    return registry.load(name, stage);
  }

  /**
   * Loads the version an alias points at.
   *
   * @param alias the alias
   * @return the version and its model
   */
  public LoadedModel load(String alias) {
    return registry.load(name, alias);
  }

  @Override
  public String toString() {
    return "RegisteredModel[" + name + "]";
  }
}
