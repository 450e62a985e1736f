package dev.churn.models.runs;

import dev.churn.core.storage.AtomicFiles;
import dev.churn.core.storage.Sha256;
import dev.churn.core.storage.StorageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The experiment-run store of a churn home directory: every fit and comparison is recorded as a
 * {@link Run} with its parameters, metrics, tags, artifacts and provenance, and can be listed,
 * read back and compared.
 *
 * <h2>Usage</h2>
 *
 * <pre>{@code
 * RunStore store = RunStore.open(Path.of("churn-home"), clock);  // Clock.systemUTC() if omitted
 * try (ActiveRun run = store.start("fit", "xgboost eta=0.05")) {
 *   run.logParam("eta", 0.05).logMetric("auc", 0.871);
 *   run.logArtifact("model.bin", out -> model.writeTo(out));
 *   run.finish();
 * }
 * // or let the store finish / fail the run around your code:
 * Model m = store.run("fit", "logistic", run -> trainAndLog(run));
 *
 * List<Run> fits = store.list(RunFilter.all().kind("fit").tag("model", "churn"));  // newest first
 * byte[] model = store.readArtifact(fits.get(0).id(), "model.bin");               // checksum verified
 * RunComparison best = store.compare(ids, "auc");                                  // highest first
 * }</pre>
 *
 * <h2>Layout</h2>
 *
 * <pre>
 * home/runs/&lt;run-id&gt;/run.json                the run's record, rewritten atomically on every change
 * home/runs/&lt;run-id&gt;/artifacts/&lt;name&gt;        the artifacts, each written atomically once
 * </pre>
 *
 * <p>Run ids are {@code yyyyMMdd'T'HHmmss'Z'-xxxxxx}: the UTC second the run started (from the
 * injected {@link Clock}) and 6 random hex digits, e.g. {@code 20261123T101500Z-3fa9c1}, so ids
 * sort by start time. A run directory is created with an atomic "create directory" that fails if
 * it exists, so two runs never share an id.
 *
 * <h2>The run.json format (schemaVersion 1)</h2>
 *
 * <p>UTF-8 JSON, two-space indentation, {@code \n} line ends, fields always in this order:
 *
 * <pre>{@code
 * {
 *   "schemaVersion" : 1,
 *   "id" : "20261123T101500Z-3fa9c1",
 *   "kind" : "fit",
 *   "name" : "xgboost eta=0.05",
 *   "status" : "FINISHED",                         // RUNNING, FINISHED or FAILED
 *   "error" : null,                                // the error message when FAILED
 *   "startedAt" : "2026-11-23T10:15:00Z",          // ISO-8601 instants, UTC
 *   "endedAt" : "2026-11-23T10:17:42.5Z",          // null while RUNNING
 *   "parameters" : { "eta" : "0.05" },             // text values, keys sorted
 *   "metrics" : { "auc" : 0.871 },                 // numbers, keys sorted; NaN as "NaN"
 *   "foldMetrics" : [ { "auc" : 0.86 }, ... ],     // fold 0 first
 *   "tags" : { "model" : "churn" },
 *   "artifacts" : [ { "name" : "model.bin", "sha256" : "9f86d0...", "bytes" : 1234 } ],
 *   "provenance" : { ... }                         // Provenance#toJson() as an object, or null
 * }
 * }</pre>
 *
 * <p>Readers ignore fields they do not know and refuse a {@code schemaVersion} above the one they
 * support. A change that old readers cannot ignore increments the version.
 *
 * <h2>Consistency</h2>
 *
 * <p>Every file is written with {@link AtomicFiles}: readers see the old or the new content, never
 * a torn file, and a crash leaves the store readable. An artifact is written before run.json records
 * it; a crash in between leaves an unrecorded file that readers ignore. Artifacts are checked
 * against their recorded SHA-256 and size when read. A run whose process died stays {@link
 * RunStatus#RUNNING} and is listed as such (find them with {@code
 * RunFilter.all().status(RunStatus.RUNNING)}); a run directory without run.json (a start interrupted
 * before its first write) and leftover temp files are skipped. Each run is written only by its own
 * {@link ActiveRun}, so runs need no lock; readers never lock.
 *
 * <p>Thread-safe. Several processes may record runs in the same home at the same time.
 */
public final class RunStore {

  private static final Logger LOG = LoggerFactory.getLogger(RunStore.class);

  /** Name of the directory under the home that holds the runs. */
  public static final String RUNS_DIRECTORY = "runs";

  /** Name of a run's record file. */
  public static final String RUN_FILE = "run.json";

  /** Name of the directory of a run that holds its artifacts. */
  public static final String ARTIFACTS_DIRECTORY = "artifacts";

  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private static final int MAX_ID_ATTEMPTS = 20;

  private static final Comparator<Run> NEWEST_FIRST =
      Comparator.comparing(Run::startedAt).thenComparing(Run::id).reversed();

  private final Path home;
  private final Path runs;
  private final Clock clock;

  private RunStore(Path home, Path runs, Clock clock) {
    this.home = home;
    this.runs = runs;
    this.clock = clock;
  }

  /**
   * Opens (creating if needed) the run store of a churn home, using the system UTC clock.
   *
   * @param home the churn home directory
   * @return the store
   * @throws StorageException if {@code home/runs} cannot be created
   */
  public static RunStore open(Path home) {
    return open(home, Clock.systemUTC());
  }

  /**
   * Opens (creating if needed) the run store of a churn home.
   *
   * @param home the churn home directory
   * @param clock gives run ids and start and end times
   * @return the store
   * @throws StorageException if {@code home/runs} cannot be created
   */
  public static RunStore open(Path home, Clock clock) {
    Objects.requireNonNull(home, "home");
    Objects.requireNonNull(clock, "clock");
    Path absolute = home.toAbsolutePath().normalize();
    Path runs = absolute.resolve(RUNS_DIRECTORY);
    try {
      Files.createDirectories(runs);
    } catch (IOException e) {
      throw new StorageException("Cannot create the run directory " + runs + ": " + e, e);
    }
    return new RunStore(absolute, runs, clock);
  }

  /**
   * Returns the churn home directory.
   *
   * @return the absolute home path
   */
  public Path home() {
    return home;
  }

  /**
   * Starts recording a run: creates its directory and writes its run.json with status {@link
   * RunStatus#RUNNING}.
   *
   * @param kind what the run does, e.g. "fit" or "compare": 1 to 64 letters, digits, '.', '_', '-'
   * @param name a human-readable name, e.g. "xgboost eta=0.05"
   * @return the recorder; finish or fail it, and close it
   * @throws IllegalArgumentException if the kind or name is invalid
   * @throws StorageException if the run cannot be created
   */
  public ActiveRun start(String kind, String name) {
    Names.checkKind(kind);
    Names.checkRunName(name);
    Instant startedAt = clock.instant();
    String prefix = ID_TIME.format(startedAt) + "-";
    for (int attempt = 0; attempt < MAX_ID_ATTEMPTS; attempt++) {
      String id = prefix + String.format("%06x", ThreadLocalRandom.current().nextInt(1 << 24));
      Path dir = runs.resolve(id);
      try {
        Files.createDirectory(dir);
      } catch (FileAlreadyExistsException e) {
        continue;
      } catch (IOException e) {
        throw new StorageException("Cannot create run directory " + dir + ": " + e, e);
      }
      Run run = new Run(id, kind, name, RunStatus.RUNNING, Optional.empty(), startedAt,
          Optional.empty(), Map.of(), Map.of(), List.of(), Map.of(), List.of(), Optional.empty());
      write(run);
      LOG.info("Run {} ({} '{}') started in {}", id, kind, name, dir);
      return new ActiveRun(this, clock, run);
    }
    throw new StorageException(
        "Cannot find a free run id starting with " + prefix + " in " + runs + " after "
            + MAX_ID_ATTEMPTS + " attempts");
  }

  /**
   * Runs {@code body} as a recorded run: starts the run, finishes it when {@code body} returns
   * (unless {@code body} ended it itself), or fails it with the exception {@code body} throws and
   * rethrows that exception.
   *
   * @param kind what the run does, e.g. "fit"
   * @param name a human-readable name
   * @param body the work, logging into the run it is given
   * @param <T> what the work returns
   * @return what {@code body} returned
   * @throws IllegalArgumentException if the kind or name is invalid
   * @throws StorageException if the run cannot be recorded
   */
  public <T> T run(String kind, String name, Function<? super ActiveRun, ? extends T> body) {
    Objects.requireNonNull(body, "body");
    try (ActiveRun run = start(kind, name)) {
      T result;
      try {
        result = body.apply(run);
      } catch (RuntimeException | Error e) {
        if (run.status() == RunStatus.RUNNING) {
          try {
            run.fail(e);
          } catch (RuntimeException failure) {
            e.addSuppressed(failure);
          }
        }
        throw e;
      }
      if (run.status() == RunStatus.RUNNING) {
        run.finish();
      }
      return result;
    }
  }

  /**
   * Lists every readable run, newest first (by start time, then id).
   *
   * @return the runs
   * @throws StorageException if the run directory cannot be listed
   */
  public List<Run> list() {
    return list(RunFilter.all());
  }

  /**
   * Lists the runs that pass a filter, newest first (by start time, then id). Run directories
   * without run.json and run.json files that cannot be read are skipped with a log message.
   *
   * @param filter which runs to return
   * @return the runs
   * @throws StorageException if the run directory cannot be listed
   */
  public List<Run> list(RunFilter filter) {
    Objects.requireNonNull(filter, "filter");
    List<Run> found = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(runs)) {
      for (Path dir : entries) {
        String id = dir.getFileName().toString();
        if (!Names.RUN_ID.matcher(id).matches() || !Files.isDirectory(dir)) {
          continue;
        }
        Optional<Run> run;
        try {
          run = get(id);
        } catch (StorageException e) {
          LOG.warn("Skipping run {}: {}", id, e.getMessage());
          continue;
        }
        if (run.isEmpty()) {
          LOG.debug("Skipping run directory {}: it has no {} (its start was interrupted)", dir,
              RUN_FILE);
          continue;
        }
        if (filter.matches(run.get())) {
          found.add(run.get());
        }
      }
    } catch (IOException e) {
      throw new StorageException("Cannot list runs in " + runs + ": " + e, e);
    }
    found.sort(NEWEST_FIRST);
    return List.copyOf(found);
  }

  /**
   * Reads one run.
   *
   * @param id the run's id
   * @return the run, empty if there is no run with that id
   * @throws IllegalArgumentException if {@code id} is not a run id
   * @throws StorageException if run.json exists but cannot be read or is not a valid run document
   */
  public Optional<Run> get(String id) {
    Names.checkRunId(id);
    Path file = runFile(id);
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new StorageException("Cannot read run " + id + " from " + file + ": " + e, e);
    }
    Run run;
    try {
      run = RunJson.fromJson(json);
    } catch (RuntimeException e) {
      throw new StorageException(
          "Run file " + file + " is not a valid run record: " + e.getMessage()
              + " (restore it from a backup or delete the run directory)", e);
    }
    if (!run.id().equals(id)) {
      throw new StorageException(
          "Run file " + file + " records id " + run.id() + " but lies in the directory of run " + id
              + " (was the directory copied or renamed?)");
    }
    return Optional.of(run);
  }

  /**
   * Reads an artifact of a run and checks it against the SHA-256 and size recorded in run.json.
   *
   * @param id the run's id
   * @param name the artifact's name
   * @return the artifact's content
   * @throws IllegalArgumentException if {@code id} or {@code name} is malformed, there is no such
   *     run, or the run has no artifact of that name
   * @throws StorageException if the file is missing, cannot be read, or does not match its recorded
   *     checksum or size (the message names the file and both digests)
   */
  public byte[] readArtifact(String id, String name) {
    Names.checkRunId(id);
    Names.checkArtifactName(name);
    Run run = get(id).orElseThrow(() -> new IllegalArgumentException(
        "run id was '" + id + "' but there is no such run in " + runs));
    ArtifactRef ref = run.artifact(name).orElseThrow(() -> new IllegalArgumentException(
        "artifact name was '" + name + "' but run " + id + " has only "
            + run.artifacts().stream().map(ArtifactRef::name).toList()));
    Path file = artifactFile(id, name);
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new StorageException(
          "Artifact " + name + " of run " + id + " is recorded but its file " + file
              + " is missing (deleted outside churn?)", e);
    } catch (IOException e) {
      throw new StorageException("Cannot read artifact " + file + ": " + e, e);
    }
    String actual = Sha256.ofBytes(content);
    if (!actual.equals(ref.sha256()) || content.length != ref.bytes()) {
      throw new StorageException(
          "SHA-256 mismatch for artifact " + name + " of run " + id + " (" + file + "): expected "
              + ref.sha256() + " (" + ref.bytes() + " bytes) but the file has " + actual + " ("
              + content.length + " bytes); the file is truncated, altered or not the one recorded");
    }
    return content;
  }

  /**
   * Compares runs by a metric, highest value first.
   *
   * @param ids the runs to compare
   * @param metric the metric to sort by, e.g. "auc"
   * @return the comparison
   * @see #compare(List, String, RunComparison.Order)
   */
  public RunComparison compare(List<String> ids, String metric) {
    return compare(ids, metric, RunComparison.Order.HIGHER_FIRST);
  }

  /**
   * Compares runs by a metric: one row per run with its parameters and the metric's value, sorted
   * by the value in the given order. Ties keep the order of {@code ids}; runs without the metric
   * (or with NaN) come last.
   *
   * @param ids the runs to compare, without repeats
   * @param metric the metric to sort by
   * @param order whether higher or lower values come first
   * @return the comparison
   * @throws IllegalArgumentException if an id is malformed, repeated or not in the store
   * @throws StorageException if a run cannot be read
   */
  public RunComparison compare(List<String> ids, String metric, RunComparison.Order order) {
    Objects.requireNonNull(ids, "ids");
    Names.checkKey("metric name", metric);
    Objects.requireNonNull(order, "order");
    List<RunComparison.Row> rows = new ArrayList<>();
    TreeSet<String> parameterNames = new TreeSet<>();
    TreeSet<String> seen = new TreeSet<>();
    for (String id : ids) {
      if (!seen.add(Names.checkRunId(id))) {
        throw new IllegalArgumentException("ids had '" + id + "' twice but each run must be given once");
      }
      Run run = get(id).orElseThrow(() -> new IllegalArgumentException(
          "run id was '" + id + "' but there is no such run in " + runs));
      parameterNames.addAll(run.parameters().keySet());
      OptionalDouble value = run.metric(metric);
      if (value.isPresent() && Double.isNaN(value.getAsDouble())) {
        value = OptionalDouble.empty();
      }
      rows.add(new RunComparison.Row(run.id(), run.kind(), run.name(), run.status(), value,
          run.parameters()));
    }
    Comparator<RunComparison.Row> byValue =
        Comparator.comparingDouble(r -> r.value().getAsDouble());
    if (order == RunComparison.Order.HIGHER_FIRST) {
      byValue = byValue.reversed();
    }
    Comparator<RunComparison.Row> missingLast = (a, b) ->
        Boolean.compare(a.value().isEmpty(), b.value().isEmpty());
    Comparator<RunComparison.Row> finalByValue = byValue;
    rows.sort(missingLast.thenComparing((a, b) ->
        a.value().isEmpty() ? 0 : finalByValue.compare(a, b)));
    return new RunComparison(metric, order, List.copyOf(parameterNames), rows);
  }

  Path runFile(String id) {
    return runs.resolve(id).resolve(RUN_FILE);
  }

  Path artifactFile(String id, String name) {
    return runs.resolve(id).resolve(ARTIFACTS_DIRECTORY).resolve(name);
  }

  void write(Run run) {
    AtomicFiles.writeString(runFile(run.id()), RunJson.toJson(run));
  }

  @Override
  public String toString() {
    return "RunStore[" + runs + "]";
  }
}
