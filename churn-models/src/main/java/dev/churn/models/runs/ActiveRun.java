package dev.churn.models.runs;

import com.google.common.io.CountingOutputStream;
import dev.churn.core.provenance.Provenance;
import dev.churn.core.storage.AtomicFiles;
import dev.churn.core.storage.IoConsumer;
import dev.churn.core.storage.StorageException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records one run while it is in progress: parameters, metrics, per-fold metrics, tags,
 * provenance and artifacts, then its end (finished or failed). Obtained from {@link
 * RunStore#start(String, String)}.
 *
 * <p>Every call that changes the run rewrites its {@code run.json} atomically before returning, so
 * what was logged survives a crash of the process, and readers always see a complete document.
 * Artifacts are written first (atomically, hashed while writing) and recorded in {@code run.json}
 * afterwards: if writing an artifact fails, the run stays readable and simply does not have it.
 *
 * <p>Rules: parameters and artifacts are write-once (logging the same parameter again with the same
 * value is allowed; a different value or a second artifact of the same name is an {@link
 * IllegalArgumentException}); metrics and tags can be overwritten, the last value wins; fold metrics
 * are appended, fold 0 first. Once the run has ended every change throws {@link
 * IllegalStateException}. Closing a run that was neither finished nor failed marks it {@link
 * RunStatus#FAILED} with the error "not finished".
 *
 * <p>Usage:
 *
 * <pre>{@code
 * try (ActiveRun run = store.start("fit", "xgboost eta=0.05")) {
 *   run.logParam("eta", 0.05).logParam("rounds", 200).setTag("model", "churn");
 *   for (Fold fold : folds) {
 *     run.logFoldMetrics(Map.of("auc", fold.auc(), "logloss", fold.logLoss()));
 *   }
 *   run.logMetric("auc", meanAuc);
 *   run.logArtifact("model.bin", out -> model.writeTo(out));
 *   run.setProvenance(provenance);
 *   run.finish();
 * } // an exception before finish() leaves the run FAILED ("not finished")
 * }</pre>
 *
 * <p>Thread-safe: calls are serialised.
 */
public final class ActiveRun implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ActiveRun.class);

  /** The error recorded when a run is closed without being finished or failed. */
  public static final String NOT_FINISHED = "not finished";

  private final RunStore store;
  private final Clock clock;
  private State state;

  ActiveRun(RunStore store, Clock clock, Run initial) {
    this.store = store;
    this.clock = clock;
    this.state = State.of(initial);
  }

  /**
   * Returns the run's id.
   *
   * @return the id, e.g. {@code 20261123T101500Z-3fa9c1}
   */
  public String id() {
    return state.id;
  }

  /**
   * Returns the run as recorded so far (and as stored in {@code run.json}).
   *
   * @return an immutable snapshot
   */
  public synchronized Run snapshot() {
    return state.toRun();
  }

  /**
   * Returns the run's current status.
   *
   * @return {@link RunStatus#RUNNING} until the run is finished, failed or closed
   */
  public synchronized RunStatus status() {
    return state.status;
  }

  /**
   * Records a parameter.
   *
   * @param name the parameter's name, e.g. "eta"
   * @param value its value as text
   * @return this run
   * @throws IllegalArgumentException if the name is blank, or the parameter was already logged with
   *     a different value
   * @throws IllegalStateException if the run has ended
   * @throws StorageException if run.json cannot be written; the parameter is then not recorded
   */
  public synchronized ActiveRun logParam(String name, String value) {
    Names.checkKey("parameter name", name);
    Objects.requireNonNull(value, "value");
    checkRunning();
    String previous = state.parameters.get(name);
    if (previous != null && !previous.equals(value)) {
      throw new IllegalArgumentException(
          "parameter '" + name + "' was already logged as '" + previous + "' in run " + state.id
              + "; parameters are write-once, start a new run to try '" + value + "'");
    }
    if (previous == null) {
      update(s -> s.parameters.put(name, value));
    }
    return this;
  }

  /**
   * Records a numeric parameter as its decimal text.
   *
   * @param name the parameter's name
   * @param value its value
   * @return this run
   * @see #logParam(String, String)
   */
  public ActiveRun logParam(String name, long value) {
    return logParam(name, Long.toString(value));
  }

  /**
   * Records a numeric parameter as its shortest decimal text ({@link Double#toString(double)}).
   *
   * @param name the parameter's name
   * @param value its value
   * @return this run
   * @see #logParam(String, String)
   */
  public ActiveRun logParam(String name, double value) {
    return logParam(name, Double.toString(value));
  }

  /**
   * Records several parameters with one write.
   *
   * @param parameters names and values
   * @return this run
   * @see #logParam(String, String)
   */
  public synchronized ActiveRun logParams(Map<String, String> parameters) {
    Objects.requireNonNull(parameters, "parameters");
    checkRunning();
    for (Map.Entry<String, String> e : parameters.entrySet()) {
      Names.checkKey("parameter name", e.getKey());
      Objects.requireNonNull(e.getValue(), "parameter '" + e.getKey() + "' value");
      String previous = state.parameters.get(e.getKey());
      if (previous != null && !previous.equals(e.getValue())) {
        throw new IllegalArgumentException(
            "parameter '" + e.getKey() + "' was already logged as '" + previous + "' in run "
                + state.id + "; parameters are write-once, start a new run to try '" + e.getValue()
                + "'");
      }
    }
    update(s -> s.parameters.putAll(parameters));
    return this;
  }

  /**
   * Records an overall metric; logging it again replaces the value.
   *
   * @param name the metric's name, e.g. "auc"
   * @param value its value; NaN and infinities are stored as the JSON strings "NaN", "Infinity"
   *     and "-Infinity"
   * @return this run
   * @throws IllegalStateException if the run has ended
   * @throws StorageException if run.json cannot be written; the metric is then not recorded
   */
  public synchronized ActiveRun logMetric(String name, double value) {
    Names.checkKey("metric name", name);
    checkRunning();
    update(s -> s.metrics.put(name, value));
    return this;
  }

  /**
   * Records several overall metrics with one write.
   *
   * @param metrics names and values
   * @return this run
   * @see #logMetric(String, double)
   */
  public synchronized ActiveRun logMetrics(Map<String, Double> metrics) {
    checkMetrics("metric name", metrics);
    checkRunning();
    update(s -> s.metrics.putAll(metrics));
    return this;
  }

  /**
   * Appends the metrics of the next cross-validation fold (the first call is fold 0).
   *
   * @param metrics the fold's metrics by name
   * @return this run
   * @throws IllegalStateException if the run has ended
   * @throws StorageException if run.json cannot be written; the fold is then not recorded
   */
  public synchronized ActiveRun logFoldMetrics(Map<String, Double> metrics) {
    checkMetrics("fold metric name", metrics);
    checkRunning();
    update(s -> s.folds.add(new TreeMap<>(metrics)));
    return this;
  }

  /**
   * Sets a tag; setting it again replaces the value.
   *
   * @param name the tag's name, e.g. "model"
   * @param value its value, e.g. "churn"
   * @return this run
   * @throws IllegalStateException if the run has ended
   * @throws StorageException if run.json cannot be written
   */
  public synchronized ActiveRun setTag(String name, String value) {
    Names.checkKey("tag name", name);
    Objects.requireNonNull(value, "value");
    checkRunning();
    update(s -> s.tags.put(name, value));
    return this;
  }

  /**
   * Records (or replaces) what produced the run's results.
   *
   * @param provenance the provenance
   * @return this run
   * @throws IllegalStateException if the run has ended
   * @throws StorageException if run.json cannot be written
   */
  public synchronized ActiveRun setProvenance(Provenance provenance) {
    Objects.requireNonNull(provenance, "provenance");
    checkRunning();
    update(s -> s.provenance = Optional.of(provenance));
    return this;
  }

  /**
   * Stores an artifact from bytes.
   *
   * @param name a plain file name, e.g. "model.bin"
   * @param content the content
   * @return the recorded reference, with the content's SHA-256 and size
   * @see #logArtifact(String, IoConsumer)
   */
  public ArtifactRef logArtifact(String name, byte[] content) {
    Objects.requireNonNull(content, "content");
    return logArtifact(name, out -> out.write(content));
  }

  /**
   * Stores an artifact from text, encoded as UTF-8.
   *
   * @param name a plain file name, e.g. "leaderboard.json"
   * @param text the content
   * @return the recorded reference
   * @see #logArtifact(String, IoConsumer)
   */
  public ArtifactRef logArtifact(String name, String text) {
    Objects.requireNonNull(text, "text");
    return logArtifact(name, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Stores an artifact by copying a file.
   *
   * @param name a plain file name, e.g. "importance.csv"
   * @param source the file to copy
   * @return the recorded reference
   * @see #logArtifact(String, IoConsumer)
   */
  public ArtifactRef logArtifactFile(String name, Path source) {
    Objects.requireNonNull(source, "source");
    return logArtifact(name, out -> Files.copy(source, out));
  }

  /**
   * Stores an artifact from whatever {@code writer} writes, then records it in run.json.
   *
   * <p>The file is written atomically to {@code runs/<id>/artifacts/<name>} and hashed while
   * written. If the writer throws, nothing is recorded, no file is left behind and the exception
   * propagates (an {@link java.io.IOException} wrapped in a {@link StorageException}); the run stays
   * readable and can log the artifact again.
   *
   * @param name a plain file name: letters, digits, '.', '_' and '-', not starting with '.'
   * @param writer writes the content to the stream it is given
   * @return the recorded reference
   * @throws IllegalArgumentException if the name is not a plain file name or the run already has an
   *     artifact of that name
   * @throws IllegalStateException if the run has ended
   * @throws StorageException if the artifact or run.json cannot be written
   */
  public synchronized ArtifactRef logArtifact(
      String name, IoConsumer<? super OutputStream> writer) {
    Names.checkArtifactName(name);
    Objects.requireNonNull(writer, "writer");
    checkRunning();
    if (state.artifacts.stream().anyMatch(a -> a.name().equals(name))) {
      throw new IllegalArgumentException(
          "artifact '" + name + "' was already logged in run " + state.id
              + "; artifacts are write-once, use another name");
    }
    long[] size = new long[1];
    String sha =
        AtomicFiles.writeHashed(
            store.artifactFile(state.id, name),
            out -> {
              CountingOutputStream counting = new CountingOutputStream(out);
              writer.accept(counting);
              counting.flush();
              size[0] = counting.getCount();
            });
    ArtifactRef ref = new ArtifactRef(name, sha, size[0]);
    update(s -> s.artifacts.add(ref));
    LOG.debug("Run {}: stored artifact {} ({} bytes, sha256 {})", state.id, name, size[0], sha);
    return ref;
  }

  /**
   * Ends the run successfully.
   *
   * @return the ended run
   * @throws IllegalStateException if the run has already ended
   * @throws StorageException if run.json cannot be written
   */
  public synchronized Run finish() {
    checkRunning();
    end(RunStatus.FINISHED, Optional.empty());
    LOG.info("Run {} ({} '{}') finished", state.id, state.kind, state.name);
    return state.toRun();
  }

  /**
   * Ends the run as failed, recording the error ({@link Throwable#toString()}: its class and
   * message).
   *
   * @param error what went wrong
   * @return the ended run
   * @throws IllegalStateException if the run has already ended
   * @throws StorageException if run.json cannot be written
   */
  public synchronized Run fail(Throwable error) {
    Objects.requireNonNull(error, "error");
    return fail(error.toString());
  }

  /**
   * Ends the run as failed with a message.
   *
   * @param message what went wrong, not blank
   * @return the ended run
   * @throws IllegalStateException if the run has already ended
   * @throws StorageException if run.json cannot be written
   */
  public synchronized Run fail(String message) {
    Objects.requireNonNull(message, "message");
    checkRunning();
    String error = message.isBlank() ? "failed" : message;
    end(RunStatus.FAILED, Optional.of(error));
    LOG.warn("Run {} ({} '{}') failed: {}", state.id, state.kind, state.name, error);
    return state.toRun();
  }

  /**
   * Marks the run {@link RunStatus#FAILED} with the error {@value #NOT_FINISHED} if it was neither
   * finished nor failed; does nothing otherwise.
   *
   * @throws StorageException if run.json cannot be written
   */
  @Override
  public synchronized void close() {
    if (state.status == RunStatus.RUNNING) {
      fail(NOT_FINISHED);
    }
  }

  @Override
  public synchronized String toString() {
    return "ActiveRun[" + state.id + ", " + state.kind + " '" + state.name + "', " + state.status
        + "]";
  }

  private void end(RunStatus status, Optional<String> error) {
    Instant now = clock.instant();
    Instant ended = now.isBefore(state.startedAt) ? state.startedAt : now;
    update(s -> {
      s.status = status;
      s.error = error;
      s.endedAt = Optional.of(ended);
    });
  }

  private void checkRunning() {
    if (state.status != RunStatus.RUNNING) {
      throw new IllegalStateException(
          "run " + state.id + " is " + state.status + "; it cannot be changed, start a new run");
    }
  }

  private static void checkMetrics(String what, Map<String, Double> metrics) {
    Objects.requireNonNull(metrics, "metrics");
    for (Map.Entry<String, Double> e : metrics.entrySet()) {
      Names.checkKey(what, e.getKey());
      Objects.requireNonNull(e.getValue(), what + " '" + e.getKey() + "' value");
    }
  }

  /** Applies a change to a copy, stores the result, and only then makes it the current state. */
  private void update(Consumer<State> change) {
    State next = state.copy();
    change.accept(next);
    Run run = next.toRun();
    store.write(run);
    state = next;
  }

  /** The mutable working copy of a run. */
  private static final class State {
    String id;
    String kind;
    String name;
    RunStatus status;
    Optional<String> error;
    Instant startedAt;
    Optional<Instant> endedAt;
    TreeMap<String, String> parameters;
    TreeMap<String, Double> metrics;
    List<Map<String, Double>> folds;
    TreeMap<String, String> tags;
    List<ArtifactRef> artifacts;
    Optional<Provenance> provenance;

    static State of(Run run) {
      State s = new State();
      s.id = run.id();
      s.kind = run.kind();
      s.name = run.name();
      s.status = run.status();
      s.error = run.error();
      s.startedAt = run.startedAt();
      s.endedAt = run.endedAt();
      s.parameters = new TreeMap<>(run.parameters());
      s.metrics = new TreeMap<>(run.metrics());
      s.folds = new ArrayList<>(run.foldMetrics());
      s.tags = new TreeMap<>(run.tags());
      s.artifacts = new ArrayList<>(run.artifacts());
      s.provenance = run.provenance();
      return s;
    }

    State copy() {
      return of(toRun());
    }

    Run toRun() {
      return new Run(id, kind, name, status, error, startedAt, endedAt, parameters, metrics, folds,
          tags, artifacts, provenance);
    }
  }
}
