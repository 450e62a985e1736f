package dev.churn.models.registry;

import dev.churn.core.provenance.InputFingerprint;
import dev.churn.core.provenance.Provenance;
import dev.churn.models.ChurnModel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers a new version of a model: started by {@link ModelRegistry#register(String,
 * ChurnModel)} (or the raw-bytes overload), completed with lineage, and committed by {@link
 * #create()}. Setters check their argument at once; {@link #create()} can be called again and
 * registers another version with the same content. Not thread-safe.
 *
 * <pre>{@code
 * ModelVersion v = registry.register("churn", model)
 *     .fromRun("run-2026-11-01-0600")
 *     .tag("trigger", "drift")
 *     .featureGroups(Map.of("usage", "3f9c2a", "billing", "a01b77"))
 *     .referenceProfile(profile.toBytes())
 *     .metric("holdout_auc", 0.836)
 *     .by("scheduler").because("monthly retrain")
 *     .create();                     // version v.number(), stage NONE
 * }</pre>
 */
public final class Registration {
  private static final Logger LOG = LoggerFactory.getLogger(Registration.class);
  private static final int MAX_TEXT = 4096;
  private static final int MAX_KEY = 128;

  /** The training data input name that {@code Trainer} records in a model's provenance. */
  static final String TRAINING_TABLE_INPUT = "training-table";

  private final ModelRegistry registry;
  private final String model;
  private final byte[] packageBytes;
  private final Map<String, Double> metrics = new TreeMap<>();
  private final Map<String, String> params = new TreeMap<>();
  private Map<String, String> signature = new LinkedHashMap<>();
  private final Map<String, String> tags = new TreeMap<>();
  private final Map<String, String> featureGroups = new TreeMap<>();
  private final Map<String, byte[]> attachments = new TreeMap<>();
  private Optional<String> backend = Optional.empty();
  private Optional<Provenance> provenance = Optional.empty();
  private Optional<String> runId = Optional.empty();
  private Optional<String> dataFingerprint = Optional.empty();
  private Optional<String> user = Optional.empty();
  private Optional<String> description = Optional.empty();
  private Optional<String> reason = Optional.empty();

  private Registration(ModelRegistry registry, String model, byte[] packageBytes) {
    this.registry = registry;
    this.model = model;
    this.packageBytes = packageBytes;
  }

  static Registration of(ModelRegistry registry, String model, ChurnModel m) {
    Registration r = new Registration(registry, model, m.toBytes());
    m.metrics().forEach((k, v) -> {
      if (v != null && Double.isFinite(v)) {
        r.metrics.put(k, v);
      } else {
        LOG.debug("metric {} = {} of the model is not finite and is not recorded", k, v);
      }
    });
    m.params().asMap().forEach((k, v) -> r.params.put(k, String.valueOf(v)));
    m.signature().forEach(in -> r.signature.put(in.name(), in.type().name()));
    r.backend = Optional.of(m.backend());
    r.provenance = Optional.ofNullable(m.provenance());
    r.dataFingerprint = r.provenance.flatMap(p -> p.inputs().stream()
        .filter(i -> i.name().equals(TRAINING_TABLE_INPUT)).findFirst()
        .map(InputFingerprint::sha256));
    return r;
  }

  static Registration of(ModelRegistry registry, String model, byte[] bytes,
      Map<String, Double> metrics) {
    Registration r = new Registration(registry, model, bytes.clone());
    r.metrics(metrics);
    return r;
  }

  /**
   * Records the experiment run that produced the model.
   *
   * @param runId the run id
   * @return this registration
   */
  public Registration fromRun(String runId) {
    this.runId = Optional.of(checkText("runId", runId, 256));
    return this;
  }

  /**
   * Adds a tag; setting a key again replaces its value.
   *
   * @param key the key, 1-128 characters without control characters
   * @param value the value, up to 4096 characters
   * @return this registration
   */
  public Registration tag(String key, String value) {
    tags.put(checkText("tag key", key, MAX_KEY), checkValue("tag '" + key + "'", value));
    return this;
  }

  /**
   * Adds several tags.
   *
   * @param tags key to value
   * @return this registration
   */
  public Registration tags(Map<String, String> tags) {
    Objects.requireNonNull(tags, "tags").forEach(this::tag);
    return this;
  }

  /**
   * Adds or replaces a metric, e.g. one measured on unseen data after training.
   *
   * @param name the metric name
   * @param value its value, finite
   * @return this registration
   */
  public Registration metric(String name, double value) {
    checkText("metric name", name, MAX_KEY);
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("metric '" + name + "' was " + value
          + " but it must be finite");
    }
    metrics.put(name, value);
    return this;
  }

  /**
   * Adds or replaces several metrics.
   *
   * @param metrics metric name to value, all finite
   * @return this registration
   */
  public Registration metrics(Map<String, Double> metrics) {
    Objects.requireNonNull(metrics, "metrics").forEach((k, v) ->
        metric(k, Objects.requireNonNull(v, "metric '" + k + "'")));
    return this;
  }

  /**
   * Adds or replaces a hyper-parameter record (taken from the model when registering a {@link
   * ChurnModel}).
   *
   * @param name the parameter name
   * @param value its value as text
   * @return this registration
   */
  public Registration param(String name, String value) {
    params.put(checkText("parameter name", name, MAX_KEY), checkValue("parameter '" + name + "'",
        value));
    return this;
  }

  /**
   * Records the backend id (taken from the model when registering a {@link ChurnModel}).
   *
   * @param backend the backend id, e.g. "xgboost"
   * @return this registration
   */
  public Registration backend(String backend) {
    this.backend = Optional.of(checkText("backend", backend, MAX_KEY));
    return this;
  }

  /**
   * Records the input signature, column name to column type name in model order (taken from the
   * model when registering a {@link ChurnModel}); used by {@link
   * Gates#signatureCompatibleWithProduction()}.
   *
   * @param signature column name to type name, e.g. {"calls": "NUMERIC", "plan": "CATEGORICAL"}
   * @return this registration
   */
  public Registration signature(Map<String, String> signature) {
    Map<String, String> copy = new LinkedHashMap<>();
    Objects.requireNonNull(signature, "signature").forEach((k, v) ->
        copy.put(checkText("column name", k, MAX_TEXT), checkText("type of " + k, v, MAX_KEY)));
    this.signature = copy;
    return this;
  }

  /**
   * Records the fingerprint of the training data (by default the provenance input
   * "training-table" of a {@link ChurnModel}).
   *
   * @param fingerprint e.g. a SHA-256 from {@code TableFingerprint.of(table)}
   * @return this registration
   */
  public Registration dataFingerprint(String fingerprint) {
    this.dataFingerprint = Optional.of(checkText("dataFingerprint", fingerprint, 256));
    return this;
  }

  /**
   * Records the versions of the feature groups the model was trained on.
   *
   * @param groups feature group name to version
   * @return this registration
   */
  public Registration featureGroups(Map<String, String> groups) {
    Objects.requireNonNull(groups, "groups").forEach(this::featureGroup);
    return this;
  }

  /**
   * Records the version of one feature group the model was trained on.
   *
   * @param group the feature group name
   * @param version its version
   * @return this registration
   */
  public Registration featureGroup(String group, String version) {
    featureGroups.put(checkText("feature group", group, MAX_KEY),
        checkText("version of feature group " + group, version, 256));
    return this;
  }

  /**
   * Stores a named attachment with the version; the registry does not interpret its bytes.
   * Adding a name again replaces the content.
   *
   * @param name the attachment name (see {@link RegistryNames})
   * @param content the bytes (copied)
   * @return this registration
   */
  public Registration attachment(String name, byte[] content) {
    RegistryNames.check("attachment name", name);
    attachments.put(name, Objects.requireNonNull(content, "content").clone());
    return this;
  }

  /**
   * Stores the reference profile for drift monitoring, as the attachment {@value
   * ModelVersion#REFERENCE_PROFILE}.
   *
   * @param profile the serialized profile
   * @return this registration
   */
  public Registration referenceProfile(byte[] profile) {
    return attachment(ModelVersion.REFERENCE_PROFILE, profile);
  }

  /**
   * Sets a free-text description of the version.
   *
   * @param text the description
   * @return this registration
   */
  public Registration description(String text) {
    this.description = Optional.of(checkValue("description", text));
    return this;
  }

  /**
   * Records who registers the version; default the registry's user.
   *
   * @param user the user
   * @return this registration
   */
  public Registration by(String user) {
    this.user = Optional.of(checkUser(user));
    return this;
  }

  /**
   * Records why the version is registered, in the audit log.
   *
   * @param reason the reason
   * @return this registration
   */
  public Registration because(String reason) {
    this.reason = Optional.of(checkValue("reason", reason));
    return this;
  }

  /**
   * Stores the package and attachments and commits the registration.
   *
   * @return the new version, in stage NONE
   * @throws dev.churn.core.storage.StorageException if the store cannot be written or its
   *     writer lock is busy beyond the timeout (nothing is registered then)
   */
  public ModelVersion create() {
    return registry.doRegister(new Spec(model, packageBytes, Map.copyOf(metrics),
        Map.copyOf(params),
        new LinkedHashMap<>(signature), Map.copyOf(tags), Map.copyOf(featureGroups),
        Map.copyOf(attachments), backend, provenance, runId, dataFingerprint, user, description,
        reason));
  }

  record Spec(String model, byte[] packageBytes, Map<String, Double> metrics,
      Map<String, String> params, Map<String, String> signature, Map<String, String> tags,
      Map<String, String> featureGroups, Map<String, byte[]> attachments,
      Optional<String> backend, Optional<Provenance> provenance, Optional<String> runId,
      Optional<String> dataFingerprint, Optional<String> user, Optional<String> description,
      Optional<String> reason) {}

  static String checkUser(String user) {
    return checkText("user", user, 256);
  }

  static String checkText(String what, String value, int max) {
    Objects.requireNonNull(value, what);
    if (value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    if (value.length() > max) {
      throw new IllegalArgumentException(what + " is " + value.length()
          + " characters long but it must be at most " + max);
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(what + " was '" + value.replaceAll("\\p{Cntrl}", "?")
          + "' but it must not contain control characters");
    }
    return value;
  }

  static String checkValue(String what, String value) {
    Objects.requireNonNull(value, what);
    if (value.length() > MAX_TEXT) {
      throw new IllegalArgumentException(what + " is " + value.length()
          + " characters long but it must be at most " + MAX_TEXT);
    }
    return value;
  }

  @Override
  public String toString() {
    return "Registration[" + model + ", " + packageBytes.length + " bytes, metrics " + metrics
        + "]";
  }
}
