package dev.churn.models.registry;

import com.google.common.base.Suppliers;
import dev.churn.core.storage.Sha256;
import dev.churn.core.storage.StorageException;
import dev.churn.models.Backends;
import dev.churn.models.ChurnModel;
import dev.churn.models.registry.spi.RegistryStore;
import dev.churn.models.registry.spi.RegistryWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model registry: registered versions of each model with their lineage, stages None /
 * Staging / Production / Archived, aliases, gated transitions and an append-only audit log, kept
 * in an embedded store (a directory, see {@link FileRegistryStore}) or any {@link RegistryStore}.
 *
 * <pre>{@code
 * ModelRegistry registry = ModelRegistry.open(home);
 * ModelVersion v = registry.register("churn", modelPackage)
 *     .fromRun(run).tag("trigger", "drift").create();
 * registry.model("churn").version(v.number())
 *     .transitionTo(Stage.STAGING).because("nightly retrain").apply();
 * registry.model("churn").version(v.number()).promote()
 *     .gate(Gates.metricAtLeast("auc", 0.80))
 *     .gate(Gates.notWorseThanProduction("auc", 0.005))      // champion / challenger
 *     .gate(Gates.acceptance(sampleTable, expectedScores, 1e-9))
 *     .archiveExisting()                                       // default
 *     .toProduction();
 * LoadedModel m = registry.load("churn", Stage.PRODUCTION);   // or by version, or by alias
 * Optional<ModelVersion> inMarch = registry.productionAt("churn", march31);
 * }</pre>
 *
 * <p><b>Rules.</b> Versions are numbered from 1 per model, densely, and start in {@link
 * Stage#NONE}. At most one version per model is in {@link Stage#PRODUCTION}, always: promoting a
 * version archives the previous production version, or with {@link Transition#keepExisting()}
 * moves it back to {@link Stage#STAGING}. An alias points at one version of its model; setting it
 * on another version moves it. {@link Gate}s run before a transition; if one fails, a {@link
 * GateFailedException} names it with its numbers and the state is unchanged (the rejection and
 * every gate result are recorded in the audit log). Model, alias and attachment names follow
 * {@link RegistryNames}; a missing model or version gives a {@link ModelNotFoundException} or
 * {@link VersionNotFoundException} saying what exists.
 *
 * <p><b>Audit log and state.</b> Every change is one entry in the model's audit log ({@link
 * AuditEntry}: time from the registry's {@link Clock}, user, action, version, stages, alias,
 * reason, gate results), and the current state is the replay of that log ({@link ModelState}).
 * Entry times never go backwards: an entry gets the later of the clock's time and the previous
 * entry's time, so {@link #productionAt(String, Instant)} is well defined.
 *
 * <p><b>Concurrency.</b> Writes take the store's writer lock (one writer across processes;
 * default wait 30 s, see {@link Builder#lockTimeout(Duration)}); gates run while it is held, so
 * they compare against the production version that is really there. Reads never wait. One
 * instance may be shared by threads.
 */
public final class ModelRegistry implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ModelRegistry.class);

  private final RegistryStore store;
  private final boolean ownsStore;
  private final Clock clock;
  private final String user;
  private final Supplier<Backends> backends;
  private final Duration lockTimeout;
  private final Map<String, CachedState> states = new ConcurrentHashMap<>();

  private record CachedState(ModelState state, AuditEntry last) {}

  private ModelRegistry(Builder b) {
    this.store = b.store != null ? b.store : FileRegistryStore.open(b.home);
    this.ownsStore = b.store == null;
    this.clock = b.clock;
    this.user = b.user;
    Backends given = b.backends;
    this.backends = given != null ? () -> given : Suppliers.memoize(Backends::discover);
    this.lockTimeout = b.lockTimeout;
  }

  /**
   * Opens the registry of a churn home ({@code <home>/registry}) with the default settings,
   * recovering from an interrupted write if no other writer is active.
   *
   * @param home the churn home directory; created if missing
   * @return the registry
   */
  public static ModelRegistry open(Path home) {
    return builder(home).open();
  }

  /**
   * Starts configuring a registry on the embedded store of a churn home.
   *
   * <pre>{@code
   * ModelRegistry r = ModelRegistry.builder(home).clock(clock).user("scheduler").open();
   * }</pre>
   *
   * @param home the churn home directory
   * @return a builder
   */
  public static Builder builder(Path home) {
    return new Builder(Objects.requireNonNull(home, "home"), null);
  }

  /**
   * Starts configuring a registry on any store, e.g. a JDBC store or a {@link FileRegistryStore}
   * opened by the caller. The registry does not close a store it was given.
   *
   * @param store the store
   * @return a builder
   */
  public static Builder builder(RegistryStore store) {
    return new Builder(null, Objects.requireNonNull(store, "store"));
  }

  // ---------------------------------------------------------------- registration

  /**
   * Starts registering a trained model as the next version of {@code model}. The package bytes,
   * metrics, parameters, backend, input signature and provenance are taken from the model; the
   * training data fingerprint defaults to the provenance input "training-table".
   *
   * @param model the model name (see {@link RegistryNames})
   * @param modelPackage the trained model
   * @return a registration to complete with lineage and {@link Registration#create()}
   * @throws IllegalArgumentException if the name is invalid
   */
  public Registration register(String model, ChurnModel modelPackage) {
    RegistryNames.check("model name", model);
    Objects.requireNonNull(modelPackage, "modelPackage");
    return Registration.of(this, model, modelPackage);
  }

  /**
   * Starts registering a model package given as bytes (as written by {@link ChurnModel#toBytes()}
   * or any other format), without loading it, so no backend is needed.
   *
   * @param model the model name (see {@link RegistryNames})
   * @param packageBytes the package, stored as {@code model.bin}
   * @param metrics the model's metrics, e.g. {"auc": 0.84}; values must be finite
   * @return a registration to complete with lineage and {@link Registration#create()}
   * @throws IllegalArgumentException if the name is invalid or a metric is not finite
   */
  public Registration register(String model, byte[] packageBytes, Map<String, Double> metrics) {
    RegistryNames.check("model name", model);
    Objects.requireNonNull(packageBytes, "packageBytes");
    Objects.requireNonNull(metrics, "metrics");
    return Registration.of(this, model, packageBytes, metrics);
  }

  ModelVersion doRegister(Registration.Spec spec) {
    String model = spec.model();
    String packageSha = Sha256.ofBytes(spec.packageBytes());
    try (RegistryWriter w = store.beginWrite(lockTimeout)) {
      ModelState s = replay(model, w.log(model));
      if (s.isEmpty()) {
        checkNoCaseClash(model);
      }
      int n = s.versions().size() + 1;
      boolean committed = false;
      try {
        String stored = w.writeArtifact(model, n, ModelVersion.PACKAGE_PATH, spec.packageBytes());
        if (!stored.equals(packageSha)) {
          throw new StorageException("the stored package of '" + model + "' v" + n
              + " hashes to " + stored + " but " + packageSha + " was written");
        }
        Map<String, Artifact> attachments = new java.util.TreeMap<>();
        spec.attachments().forEach((name, bytes) -> {
          String path = Artifact.attachmentPath(name);
          attachments.put(name, new Artifact(path, w.writeArtifact(model, n, path, bytes),
              bytes.length));
        });
        Instant t = nextTime(s);
        String by = spec.user().orElse(user);
        ModelVersion v = new ModelVersion(model, n, Stage.NONE, t, List.of(), t, by,
            spec.description(), spec.runId(), spec.backend(),
            new Artifact(ModelVersion.PACKAGE_PATH, packageSha, spec.packageBytes().length),
            spec.metrics(), spec.params(), spec.signature(), spec.tags(), spec.dataFingerprint(),
            spec.featureGroups(), attachments, spec.provenance());
        AuditEntry e = AuditEntry.register(s.logEntries() + 1, t, by, v, spec.reason());
        ModelState after = s.apply(e);
        w.commit(model, e, after, Set.of(n));
        committed = true;
        remember(after, e);
        LOG.info("registered {} v{} by {} ({} bytes, metrics {})", model, n, by,
            spec.packageBytes().length, v.metrics());
        return after.version(n).orElseThrow();
      } finally {
        if (!committed) {
          w.discardArtifacts(model, n);
        }
      }
    }
  }

  private void checkNoCaseClash(String model) {
    for (String existing : store.models()) {
      if (!existing.equals(model)
          && existing.toLowerCase(Locale.ROOT).equals(model.toLowerCase(Locale.ROOT))) {
        throw new RegistryException("a model '" + existing + "' already exists; '" + model
            + "' differs from it only in case, which file systems on macOS and Windows cannot"
            + " keep apart; use '" + existing + "' or another name");
      }
    }
  }

  // ---------------------------------------------------------------- handles and queries

  /**
   * Returns a handle on an existing model, to reach its versions and aliases.
   *
   * @param name the model name
   * @return the handle
   * @throws ModelNotFoundException if the model has no versions
   */
  public RegisteredModel model(String name) {
    state(name);
    return new RegisteredModel(this, name);
  }

  /**
   * Lists the models.
   *
   * @return model names, sorted
   */
  public List<String> models() {
    return store.models();
  }

  /**
   * Tells whether a model exists.
   *
   * @param model the model name
   * @return true if it has at least one version
   */
  public boolean exists(String model) {
    RegistryNames.check("model name", model);
    return !currentState(model).isEmpty();
  }

  /**
   * Returns the current state of a model: its versions with stages, aliases and metrics.
   *
   * @param model the model name
   * @return the state
   * @throws ModelNotFoundException if the model does not exist
   */
  public ModelState state(String model) {
    RegistryNames.check("model name", model);
    ModelState s = currentState(model);
    if (s.isEmpty()) {
      throw modelNotFound(model);
    }
    return s;
  }

  /**
   * Returns the state a model had at a moment, from its audit log.
   *
   * @param model the model name
   * @param time the moment
   * @return the state then (empty if the model did not exist yet)
   * @throws ModelNotFoundException if the model does not exist now
   */
  public ModelState stateAt(String model, Instant time) {
    Objects.requireNonNull(time, "time");
    state(model);
    try {
      return ModelState.replayUntil(model, store.log(model), time);
    } catch (IllegalArgumentException e) {
      throw damagedLog(model, e);
    }
  }

  /**
   * Lists the versions of a model with their stage, aliases and metrics.
   *
   * @param model the model name
   * @return the versions in number order
   * @throws ModelNotFoundException if the model does not exist
   */
  public List<ModelVersion> versions(String model) {
    return state(model).versions();
  }

  /**
   * Returns one version.
   *
   * @param model the model name
   * @param number the version number
   * @return the version
   * @throws ModelNotFoundException if the model does not exist
   * @throws VersionNotFoundException if the version does not exist
   */
  public ModelVersion version(String model, int number) {
    ModelState s = state(model);
    return s.version(number).orElseThrow(() -> new VersionNotFoundException(model, "model '"
        + model + "' has no version " + number + "; its versions are 1.." + s.versions().size()));
  }

  /**
   * Returns the history of a version: every audit entry that concerns it (registration,
   * transitions including being displaced from production, aliases, rejected promotions), oldest
   * first.
   *
   * @param model the model name
   * @param number the version number
   * @return the entries
   * @throws ModelNotFoundException if the model does not exist
   * @throws VersionNotFoundException if the version does not exist
   */
  public List<AuditEntry> history(String model, int number) {
    version(model, number);
    return store.log(model).stream().filter(e -> e.concerns(number)).toList();
  }

  /**
   * Returns a model's whole audit log.
   *
   * @param model the model name
   * @return every entry, oldest first
   * @throws ModelNotFoundException if the model does not exist
   */
  public List<AuditEntry> auditLog(String model) {
    state(model);
    return store.log(model);
  }

  /**
   * Returns the version that was in production at a moment, so that monitoring compares a
   * month's data with the model that actually served it.
   *
   * @param model the model name
   * @param time the moment
   * @return the version as it was then (stage PRODUCTION), or empty if none was in production
   * @throws ModelNotFoundException if the model does not exist
   */
  public Optional<ModelVersion> productionAt(String model, Instant time) {
    return stateAt(model, time).production();
  }

  // ---------------------------------------------------------------- loading

  /**
   * Loads the version in a stage; for stages that can hold several versions (all but
   * PRODUCTION), the most recently registered one.
   *
   * @param model the model name
   * @param stage the stage
   * @return the version and its model
   * @throws VersionNotFoundException if no version is in that stage
   * @throws StorageException if the package is missing or fails its SHA-256 check
   */
  public LoadedModel load(String model, Stage stage) {
    return load(versionIn(model, stage));
  }

  /**
   * Loads a version by number.
   *
   * @param model the model name
   * @param number the version number
   * @return the version and its model
   * @throws VersionNotFoundException if there is no such version
   * @throws StorageException if the package is missing or fails its SHA-256 check
   */
  public LoadedModel load(String model, int number) {
    return load(version(model, number));
  }

  /**
   * Loads the version an alias points at.
   *
   * @param model the model name
   * @param alias the alias, e.g. "champion"
   * @return the version and its model
   * @throws VersionNotFoundException if there is no such alias
   * @throws StorageException if the package is missing or fails its SHA-256 check
   */
  public LoadedModel load(String model, String alias) {
    return load(aliased(model, alias));
  }

  /**
   * Reads the raw package bytes of a version, checked against their SHA-256.
   *
   * @param model the model name
   * @param number the version number
   * @return the bytes of {@code model.bin}
   */
  public byte[] packageBytes(String model, int number) {
    ModelVersion v = version(model, number);
    return store.readArtifact(model, number, v.modelPackage().path(), v.modelPackage().sha256());
  }

  /**
   * Reads an attachment of a version, checked against its SHA-256.
   *
   * @param model the model name
   * @param number the version number
   * @param name the attachment name, e.g. {@value ModelVersion#REFERENCE_PROFILE}
   * @return the bytes
   * @throws VersionNotFoundException if the version or the attachment does not exist
   */
  public byte[] attachment(String model, int number, String name) {
    ModelVersion v = version(model, number);
    Artifact a = v.attachment(name).orElseThrow(() -> new VersionNotFoundException(model,
        "model '" + model + "' version " + number + " has no attachment '" + name
            + "'; it has " + v.attachments().keySet()));
    return store.readArtifact(model, number, a.path(), a.sha256());
  }

  LoadedModel load(ModelVersion v) {
    byte[] bytes = store.readArtifact(v.model(), v.number(), v.modelPackage().path(),
        v.modelPackage().sha256());
    ChurnModel m = ChurnModel.fromBytes(bytes, "model '" + v.model() + "' version " + v.number()
        + " in " + store.location(), backends.get());
    return new LoadedModel(v, m);
  }

  ModelVersion versionIn(String model, Stage stage) {
    Objects.requireNonNull(stage, "stage");
    ModelState s = state(model);
    List<ModelVersion> in = s.inStage(stage);
    if (in.isEmpty()) {
      throw new VersionNotFoundException(model, "model '" + model + "' has no version in " + stage
          + "; stages: " + s.versions().stream().map(v -> "v" + v.number() + " " + v.stage())
              .collect(Collectors.joining(", ")));
    }
    return in.get(in.size() - 1);
  }

  ModelVersion aliased(String model, String alias) {
    Objects.requireNonNull(alias, "alias");
    ModelState s = state(model);
    return s.aliased(alias).orElseThrow(() -> new VersionNotFoundException(model, "model '"
        + model + "' has no alias '" + alias + "'; aliases: " + s.aliases()));
  }

  // ---------------------------------------------------------------- transitions

  ModelVersion doTransition(String model, int number, Transition.Spec spec) {
    try (RegistryWriter w = store.beginWrite(lockTimeout)) {
      ModelState s = replay(model, w.log(model));
      if (s.isEmpty()) {
        throw modelNotFound(model);
      }
      ModelVersion v = s.version(number).orElseThrow(() -> new VersionNotFoundException(model,
          "model '" + model + "' has no version " + number + "; its versions are 1.."
              + s.versions().size()));
      Stage target = spec.target();
      if (v.stage() == target) {
        throw new RegistryException("model '" + model + "' version " + number + " is already in "
            + target + "; nothing to do");
      }
      Optional<ModelVersion> production = s.production();
      Optional<AuditEntry.Displacement> displaced = target == Stage.PRODUCTION
          ? production.map(p -> new AuditEntry.Displacement(p.number(), Stage.PRODUCTION,
              spec.keepExisting() ? Stage.STAGING : Stage.ARCHIVED))
          : Optional.empty();
      Instant t = nextTime(s);
      String by = spec.user().orElse(user);
      List<GateResult> results = new ArrayList<>();
      List<String> skipped = new ArrayList<>();
      if (spec.force()) {
        for (int i = 0; i < spec.gates().size(); i++) {
          skipped.add(gateName(spec.gates().get(i), i));
        }
      } else if (!spec.gates().isEmpty()) {
        GateContextImpl ctx = new GateContextImpl(this, v, target,
            production.filter(p -> p.number() != number), t);
        for (int i = 0; i < spec.gates().size(); i++) {
          results.add(runGate(spec.gates().get(i), i, ctx));
        }
      }
      if (results.stream().anyMatch(r -> !r.passed())) {
        AuditEntry e = AuditEntry.rejected(s.logEntries() + 1, t, by, model, number, v.stage(),
            target, spec.reason(), results);
        ModelState after = s.apply(e);
        w.commit(model, e, after, Set.of());
        remember(after, e);
        GateFailedException ex = new GateFailedException(model, number, target, results);
        LOG.info("{}", ex.getMessage());
        throw ex;
      }
      AuditEntry e = AuditEntry.transition(s.logEntries() + 1, t, by, model, number, v.stage(),
          target, spec.reason(), spec.force(), results, skipped, displaced);
      ModelState after = s.apply(e);
      Set<Integer> changed = new HashSet<>();
      changed.add(number);
      displaced.ifPresent(d -> changed.add(d.version()));
      w.commit(model, e, after, changed);
      remember(after, e);
      LOG.info("{}", e.summary());
      return after.version(number).orElseThrow();
    }
  }

  private static String gateName(Gate g, int index) {
    String n;
    try {
      n = g.name();
    } catch (RuntimeException e) {
      n = null;
    }
    if (n == null || n.isBlank() || n.equals("custom gate")) {
      return "custom gate #" + (index + 1);
    }
    return n;
  }

  private static GateResult runGate(Gate g, int index, GateContext ctx) {
    try {
      GateResult r = g.check(ctx);
      if (r == null) {
        return GateResult.fail(gateName(g, index), "the gate returned no result", Map.of());
      }
      return r;
    } catch (RuntimeException e) {
      LOG.warn("gate {} threw", gateName(g, index), e);
      return GateResult.fail(gateName(g, index), "the gate threw " + e.getClass().getSimpleName()
          + ": " + e.getMessage(), Map.of());
    }
  }

  // ---------------------------------------------------------------- aliases

  ModelVersion doAlias(String model, int number, String alias, Optional<String> by,
      Optional<String> reason) {
    RegistryNames.check("alias", alias);
    try (RegistryWriter w = store.beginWrite(lockTimeout)) {
      ModelState s = replay(model, w.log(model));
      if (s.isEmpty()) {
        throw modelNotFound(model);
      }
      if (s.version(number).isEmpty()) {
        throw new VersionNotFoundException(model, "model '" + model + "' has no version "
            + number + "; its versions are 1.." + s.versions().size());
      }
      Integer before = s.aliases().get(alias);
      if (before != null && before == number) {
        return s.version(number).orElseThrow();
      }
      AuditEntry e = AuditEntry.alias(s.logEntries() + 1, nextTime(s), by.orElse(user), model,
          number, alias, before == null ? OptionalInt.empty() : OptionalInt.of(before), reason);
      ModelState after = s.apply(e);
      Set<Integer> changed = new HashSet<>();
      changed.add(number);
      if (before != null) {
        changed.add(before);
      }
      w.commit(model, e, after, changed);
      remember(after, e);
      LOG.info("{}", e.summary());
      return after.version(number).orElseThrow();
    }
  }

  void doUnalias(String model, String alias, Optional<String> by, Optional<String> reason) {
    Objects.requireNonNull(alias, "alias");
    try (RegistryWriter w = store.beginWrite(lockTimeout)) {
      ModelState s = replay(model, w.log(model));
      if (s.isEmpty()) {
        throw modelNotFound(model);
      }
      Integer target = s.aliases().get(alias);
      if (target == null) {
        throw new VersionNotFoundException(model, "model '" + model + "' has no alias '" + alias
            + "'; aliases: " + s.aliases());
      }
      AuditEntry e = AuditEntry.unalias(s.logEntries() + 1, nextTime(s), by.orElse(user), model,
          target, alias, reason);
      ModelState after = s.apply(e);
      w.commit(model, e, after, Set.of(target));
      remember(after, e);
      LOG.info("{}", e.summary());
    }
  }

  // ---------------------------------------------------------------- integrity

  /**
   * Checks the whole registry: every model's audit log reads and replays into a valid state, its
   * versions are numbered 1, 2, 3, ... without gaps, at most one version was in production at
   * every point of the log, every artifact of every version is present with its recorded size
   * and SHA-256, and the store's own files agree with the log (see {@link
   * RegistryStore#checkStorage(String, ModelState)}). Nothing is changed; problems are reported,
   * not thrown.
   *
   * <pre>{@code
   * IntegrityReport report = registry.verify();
   * if (!report.ok()) {
   *   throw new IllegalStateException(report.summary());
   * }
   * }</pre>
   *
   * <p>The log, numbering, production and artifact checks are exact at any time (committed
   * entries and artifacts never change). The {@link IntegrityReport.Kind#STORAGE} checks are exact
   * when no other process writes; during a write they can show that write in progress.
   *
   * @return the report; {@link IntegrityReport#ok()} if nothing is wrong
   * @throws StorageException if the store cannot even list its models
   */
  public IntegrityReport verify() {
    List<String> models = store.models();
    Tally t = new Tally();
    for (String model : models) {
      verifyModel(model, t);
    }
    for (String message : store.checkStorage()) {
      t.problems.add(new IntegrityReport.Problem(IntegrityReport.Kind.STORAGE, Optional.empty(),
          OptionalInt.empty(), message));
    }
    return report(models, t);
  }

  /**
   * Checks one model, like {@link #verify()}.
   *
   * @param model the model name
   * @return the report
   * @throws ModelNotFoundException if the model does not exist
   */
  public IntegrityReport verify(String model) {
    RegistryNames.check("model name", model);
    if (!store.models().contains(model)) {
      throw modelNotFound(model);
    }
    Tally t = new Tally();
    verifyModel(model, t);
    return report(List.of(model), t);
  }

  private static final class Tally {
    int versions;
    int artifacts;
    final List<IntegrityReport.Problem> problems = new ArrayList<>();

    void add(IntegrityReport.Kind kind, String model, OptionalInt version, String message) {
      problems.add(new IntegrityReport.Problem(kind, Optional.of(model), version, message));
    }
  }

  private IntegrityReport report(List<String> models, Tally t) {
    IntegrityReport r = new IntegrityReport(models, t.versions, t.artifacts, t.problems);
    if (r.ok()) {
      LOG.info("verified the registry at {}: {}", store.location(), r.summary());
    } else {
      LOG.warn("verified the registry at {}: {}", store.location(), r.summary());
    }
    return r;
  }

  private void verifyModel(String model, Tally t) {
    List<AuditEntry> log;
    try {
      log = store.log(model);
    } catch (StorageException e) {
      t.add(IntegrityReport.Kind.AUDIT_LOG, model, OptionalInt.empty(), e.getMessage());
      return;
    }
    // Numbering and production are checked on the raw entries, independently of ModelState, so
    // that a damaged log is described precisely rather than by the first entry that misfits.
    Map<Integer, Stage> stages = new java.util.TreeMap<>();
    List<ModelVersion> registered = new ArrayList<>();
    boolean multipleProduction = false;
    for (int i = 0; i < log.size(); i++) {
      AuditEntry e = log.get(i);
      if (e.seq() != i + 1L) {
        t.add(IntegrityReport.Kind.AUDIT_LOG, model, OptionalInt.empty(), "entry " + (i + 1)
            + " of the audit log has seq " + e.seq() + "; restore the log from a backup");
      }
      switch (e.action()) {
        case REGISTER -> {
          int expected = registered.size() + 1;
          if (e.version() != expected) {
            t.add(IntegrityReport.Kind.NUMBERING, model, OptionalInt.of(e.version()),
                "audit entry " + e.seq() + " registers version " + e.version() + " but the next"
                    + " version number is " + expected + "; restore the log from a backup");
          }
          registered.add(e.registered().orElseThrow());
          stages.put(e.version(), Stage.NONE);
        }
        case TRANSITION -> {
          e.displaced().ifPresent(d -> stages.put(d.version(), d.to()));
          stages.put(e.version(), e.to().orElseThrow());
        }
        default -> { }
      }
      List<Integer> inProduction = stages.entrySet().stream()
          .filter(x -> x.getValue() == Stage.PRODUCTION).map(Map.Entry::getKey).toList();
      if (inProduction.size() > 1 && !multipleProduction) {
        multipleProduction = true; // reported once: later entries usually inherit it
        t.add(IntegrityReport.Kind.PRODUCTION, model, OptionalInt.empty(), "after audit entry "
            + e.seq() + " versions " + inProduction + " are all in PRODUCTION; restore the log"
            + " from a backup");
      }
    }
    Optional<ModelState> replayed = Optional.empty();
    try {
      replayed = Optional.of(ModelState.replay(model, log));
    } catch (IllegalArgumentException e) {
      t.add(IntegrityReport.Kind.AUDIT_LOG, model, OptionalInt.empty(), "the audit log does not"
          + " replay: " + e.getMessage() + "; restore it from a backup");
    }
    for (ModelVersion v : registered) {
      t.versions++;
      List<Artifact> artifacts = new ArrayList<>();
      artifacts.add(v.modelPackage());
      artifacts.addAll(v.attachments().values());
      for (Artifact a : artifacts) {
        t.artifacts++;
        try {
          byte[] bytes = store.readArtifact(model, v.number(), a.path(), a.sha256());
          if (bytes.length != a.bytes()) {
            t.add(IntegrityReport.Kind.ARTIFACT, model, OptionalInt.of(v.number()), a.path()
                + " has " + bytes.length + " bytes but " + a.bytes() + " were registered");
          }
        } catch (StorageException e) {
          t.add(IntegrityReport.Kind.ARTIFACT, model, OptionalInt.of(v.number()),
              e.getMessage());
        }
      }
    }
    if (replayed.isPresent()) {
      try {
        for (String message : store.checkStorage(model, replayed.get())) {
          t.add(IntegrityReport.Kind.STORAGE, model, OptionalInt.empty(), message);
        }
      } catch (StorageException e) {
        t.add(IntegrityReport.Kind.STORAGE, model, OptionalInt.empty(), e.getMessage());
      }
    }
  }

  // ---------------------------------------------------------------- state

  private ModelState currentState(String model) {
    List<AuditEntry> log = store.log(model);
    CachedState cached = states.get(model);
    ModelState s;
    if (cached != null && cached.state().logEntries() <= log.size()
        && (cached.state().logEntries() == 0
            || log.get((int) cached.state().logEntries() - 1).equals(cached.last()))) {
      s = cached.state();
      try {
        for (int i = (int) s.logEntries(); i < log.size(); i++) {
          s = s.apply(log.get(i));
        }
      } catch (IllegalArgumentException e) {
        throw damagedLog(model, e);
      }
    } else {
      s = replay(model, log);
    }
    if (!log.isEmpty()) {
      remember(s, log.get(log.size() - 1));
    }
    return s;
  }

  private void remember(ModelState s, AuditEntry last) {
    states.put(s.model(), new CachedState(s, last));
  }

  private ModelState replay(String model, List<AuditEntry> log) {
    try {
      return ModelState.replay(model, log);
    } catch (IllegalArgumentException e) {
      throw damagedLog(model, e);
    }
  }

  private StorageException damagedLog(String model, IllegalArgumentException e) {
    return new StorageException("the audit log of model '" + model + "' in " + store.location()
        + " is inconsistent: " + e.getMessage() + "; restore it from a backup", e);
  }

  private Instant nextTime(ModelState s) {
    Instant now = clock.instant();
    return s.updatedAt().filter(last -> last.isAfter(now)).orElse(now);
  }

  private ModelNotFoundException modelNotFound(String model) {
    return new ModelNotFoundException(model, "no model '" + model + "' in the registry at "
        + store.location() + "; models: " + store.models());
  }

  Backends backends() {
    return backends.get();
  }

  /**
   * Returns the store behind this registry.
   *
   * @return the store
   */
  public RegistryStore store() {
    return store;
  }

  /** Closes the store if this registry opened it. */
  @Override
  public void close() {
    if (ownsStore) {
      store.close();
    }
  }

  @Override
  public String toString() {
    return "ModelRegistry[" + store.location() + "]";
  }

  /**
   * Configures a {@link ModelRegistry}; obtained from {@link ModelRegistry#builder(Path)} or
   * {@link ModelRegistry#builder(RegistryStore)}. Setters check their argument at once; {@link
   * #open()} can be called more than once.
   */
  public static final class Builder {
    private final Path home;
    private final RegistryStore store;
    private Clock clock = Clock.systemUTC();
    private String user = System.getProperty("user.name", "unknown");
    private Backends backends;
    private Duration lockTimeout = Duration.ofSeconds(30);

    private Builder(Path home, RegistryStore store) {
      this.home = home;
      this.store = store;
    }

    /**
     * Sets the clock that timestamps audit entries and versions; default {@link
     * Clock#systemUTC()}.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the user recorded when an operation does not name one with {@code by(...)}; default
     * the {@code user.name} system property.
     *
     * @param user the user
     * @return this builder
     */
    public Builder user(String user) {
      this.user = Registration.checkUser(user);
      return this;
    }

    /**
     * Sets the backends used to load model packages; default {@link Backends#discover()}, done
     * at the first load.
     *
     * @param backends the backends
     * @return this builder
     */
    public Builder backends(Backends backends) {
      this.backends = Objects.requireNonNull(backends, "backends");
      return this;
    }

    /**
     * Sets how long a write waits for another writer; default 30 seconds.
     *
     * @param timeout the wait, >= 0
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder lockTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative()) {
        throw new IllegalArgumentException("lockTimeout was " + timeout + " but it must be >= 0");
      }
      this.lockTimeout = timeout;
      return this;
    }

    /**
     * Opens the registry (and, for a churn home, its file store, with recovery).
     *
     * @return the registry
     */
    public ModelRegistry open() {
      return new ModelRegistry(this);
    }
  }
}
