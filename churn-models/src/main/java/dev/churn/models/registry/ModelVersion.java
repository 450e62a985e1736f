package dev.churn.models.registry;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import dev.churn.core.provenance.Provenance;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;

/**
 * One registered version of a model, as the registry knows it now: its number, stage and aliases,
 * and its lineage (run, parameters, metrics, data fingerprint, feature group versions,
 * attachments such as the reference profile for drift, provenance). Immutable; obtained from
 * {@link ModelRegistry#version(String, int)}, {@link ModelRegistry#versions(String)} and the
 * operations that change a version.
 *
 * <pre>{@code
 * ModelVersion v = registry.version("churn", 3);
 * if (v.stage() == Stage.PRODUCTION && v.metric("auc").orElse(0) < 0.8) { ... }
 * v.referenceProfile().ifPresent(a -> profileBytes = registry.attachment("churn", 3, a));
 * }</pre>
 *
 * <p>Everything except {@code stage}, {@code stageSince} and {@code aliases} is fixed at
 * registration. Who moved the version when and why is in {@link ModelRegistry#history(String,
 * int)}.
 *
 * @param model the model name
 * @param number the version number, 1 for the first version of a model, dense
 * @param stage the current stage
 * @param stageSince when the version entered its current stage (its creation time for NONE)
 * @param aliases the aliases pointing at this version, sorted
 * @param createdAt when the version was registered
 * @param createdBy who registered it
 * @param description free text given at registration
 * @param runId the experiment run that produced the model
 * @param backend the model backend id, e.g. "xgboost"
 * @param modelPackage the model package ({@value #PACKAGE_PATH})
 * @param metrics the model's metrics (e.g. "auc"), sorted by name; non-finite values are not kept
 * @param params the model's hyper-parameters as text, sorted by name
 * @param signature the input columns the model expects, column name to column type name, in
 *     model order; empty when unknown
 * @param tags free key-value tags, sorted by key
 * @param dataFingerprint the fingerprint of the training data
 * @param featureGroups the versions of the feature groups the model was trained on, group to
 *     version, sorted by group
 * @param attachments named attachments (e.g. {@value #REFERENCE_PROFILE}), sorted by name
 * @param provenance what produced the model
 */
public record ModelVersion(
    String model,
    int number,
    Stage stage,
    Instant stageSince,
    List<String> aliases,
    Instant createdAt,
    String createdBy,
    Optional<String> description,
    Optional<String> runId,
    Optional<String> backend,
    Artifact modelPackage,
    Map<String, Double> metrics,
    Map<String, String> params,
    Map<String, String> signature,
    Map<String, String> tags,
    Optional<String> dataFingerprint,
    Map<String, String> featureGroups,
    Map<String, Artifact> attachments,
    Optional<Provenance> provenance) {

  /** Path of the model package inside a version. */
  public static final String PACKAGE_PATH = "model.bin";

  /** Directory of the attachments inside a version. */
  public static final String ATTACHMENTS_DIR = "attachments";

  /** The attachment name under which the reference profile for drift detection is stored. */
  public static final String REFERENCE_PROFILE = "reference-profile";

  /**
   * Validates and copies the fields.
   *
   * @param model the model name
   * @param number the version number, 1 for the first version of a model, dense
   * @param stage the current stage
   * @param stageSince when the version entered its current stage (its creation time for NONE)
   * @param aliases the aliases pointing at this version, sorted
   * @param createdAt when the version was registered
   * @param createdBy who registered it
   * @param description free text given at registration
   * @param runId the experiment run that produced the model
   * @param backend the model backend id, e.g. "xgboost"
   * @param modelPackage the model package ({@value #PACKAGE_PATH})
   * @param metrics the model's metrics (e.g. "auc"), sorted by name; non-finite values are not kept
   * @param params the model's hyper-parameters as text, sorted by name
   * @param signature the input columns the model expects, column name to column type name, in model
   *     order; empty when unknown
   * @param tags free key-value tags, sorted by key
   * @param dataFingerprint the fingerprint of the training data
   * @param featureGroups the versions of the feature groups the model was trained on, group to
   *     version, sorted by group
   * @param attachments named attachments (e.g. {@value #REFERENCE_PROFILE}), sorted by name
   * @param provenance what produced the model
   * @throws IllegalArgumentException if the model name is invalid, the number is below 1, a
   *     metric is not finite, an attachment key does not match its artifact path, or the package
   *     path is wrong
   */
  public ModelVersion {
    RegistryNames.check("model name", model);
    if (number < 1) {
      throw new IllegalArgumentException("version number was " + number + " but it must be >= 1");
    }
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(stageSince, "stageSince");
    aliases = List.copyOf(new TreeSet<>(Objects.requireNonNull(aliases, "aliases")));
    aliases.forEach(a -> RegistryNames.check("alias", a));
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(createdBy, "createdBy");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(modelPackage, "modelPackage");
    if (!modelPackage.path().equals(PACKAGE_PATH)) {
      throw new IllegalArgumentException(
          "modelPackage path was '" + modelPackage.path() + "' but it must be " + PACKAGE_PATH);
    }
    metrics = ImmutableSortedMap.copyOf(Objects.requireNonNull(metrics, "metrics"));
    metrics.forEach((k, v) -> {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException(
            "metric '" + k + "' was " + v + " but it must be finite");
      }
    });
    params = ImmutableSortedMap.copyOf(Objects.requireNonNull(params, "params"));
    signature = ImmutableMap.copyOf(Objects.requireNonNull(signature, "signature"));
    tags = ImmutableSortedMap.copyOf(Objects.requireNonNull(tags, "tags"));
    Objects.requireNonNull(dataFingerprint, "dataFingerprint");
    featureGroups =
        ImmutableSortedMap.copyOf(Objects.requireNonNull(featureGroups, "featureGroups"));
    attachments = ImmutableSortedMap.copyOf(Objects.requireNonNull(attachments, "attachments"));
    attachments.forEach((name, a) -> {
      if (!a.path().equals(Artifact.attachmentPath(name))) {
        throw new IllegalArgumentException("attachment '" + name + "' has path '" + a.path()
            + "' but it must be " + Artifact.attachmentPath(name));
      }
    });
    Objects.requireNonNull(provenance, "provenance");
  }

  /**
   * Returns a metric.
   *
   * @param name the metric name, e.g. "auc"
   * @return its value, or empty if the version has no such metric
   */
  public OptionalDouble metric(String name) {
    Double v = metrics.get(name);
    return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  /**
   * Returns an attachment's artifact (read its bytes with {@link ModelRegistry#attachment(String,
   * int, String)}).
   *
   * @param name the attachment name
   * @return the artifact, or empty if there is none of that name
   */
  public Optional<Artifact> attachment(String name) {
    return Optional.ofNullable(attachments.get(name));
  }

  /**
   * Returns the reference profile attachment ({@value #REFERENCE_PROFILE}) used by drift
   * monitoring, if one was stored.
   *
   * @return the artifact, or empty
   */
  public Optional<Artifact> referenceProfile() {
    return attachment(REFERENCE_PROFILE);
  }

  /**
   * Tells whether an alias points at this version.
   *
   * @param alias the alias
   * @return true if it does
   */
  public boolean hasAlias(String alias) {
    return aliases.contains(alias);
  }

  ModelVersion withStage(Stage newStage, Instant since) {
    return new ModelVersion(model, number, newStage, since, aliases, createdAt, createdBy,
        description, runId, backend, modelPackage, metrics, params, signature, tags,
        dataFingerprint, featureGroups, attachments, provenance);
  }

  ModelVersion withAliases(List<String> newAliases) {
    return new ModelVersion(model, number, stage, stageSince, newAliases, createdAt, createdBy,
        description, runId, backend, modelPackage, metrics, params, signature, tags,
        dataFingerprint, featureGroups, attachments, provenance);
  }

  @Override
  public String toString() {
    return model + " v" + number + " [" + stage + (aliases.isEmpty() ? "" : ", aliases " + aliases)
        + "] metrics " + metrics + ", registered " + createdAt + " by " + createdBy
        + runId.map(r -> ", run " + r).orElse("");
  }
}
