package dev.churn.models.runs;

import com.google.common.collect.ImmutableSortedMap;
import dev.churn.core.provenance.Provenance;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * One experiment run as stored in a {@link RunStore}: a fit, a comparison of backends, a
 * retraining. Immutable; obtained from {@link RunStore#get(String)}, {@link RunStore#list()} or
 * {@link ActiveRun#snapshot()}.
 *
 * <p>Maps are sorted by key, so printing a run always gives the same order.
 *
 * <p>Usage:
 *
 * <pre>{@code
 * Run run = store.get(id).orElseThrow();
 * run.status();                        // FINISHED
 * run.metric("auc").orElse(Double.NaN);
 * run.parameters().get("eta");
 * run.artifact("model.bin").map(ArtifactRef::sha256);
 * }</pre>
 *
 * @param id the run's id, e.g. {@code 20261123T101500Z-3fa9c1}: its UTC start second and 6 random
 *     hex digits, so ids sort by start time
 * @param kind what the run did, e.g. "fit" or "compare"
 * @param name a human-readable name, e.g. "xgboost eta=0.05"
 * @param status where the run is in its life
 * @param error why the run failed; present exactly when {@code status} is {@link RunStatus#FAILED}
 * @param startedAt when the run started
 * @param endedAt when the run finished or failed; empty while {@link RunStatus#RUNNING}
 * @param parameters the run's parameters as text, sorted by name
 * @param metrics overall metrics, sorted by name
 * @param foldMetrics metrics per cross-validation fold, fold 0 first; each map sorted by name
 * @param tags free-form labels, sorted by name
 * @param artifacts the files recorded, sorted by name; names are unique
 * @param provenance what produced the run's results, if recorded
 */
public record Run(
    String id,
    String kind,
    String name,
    RunStatus status,
    Optional<String> error,
    Instant startedAt,
    Optional<Instant> endedAt,
    Map<String, String> parameters,
    Map<String, Double> metrics,
    List<Map<String, Double>> foldMetrics,
    Map<String, String> tags,
    List<ArtifactRef> artifacts,
    Optional<Provenance> provenance) {

  /**
   * Validates the fields and copies the collections (maps into immutable maps sorted by key,
   * artifacts sorted by name).
   *
   * @param id the run id
   * @param kind the kind
   * @param name the name
   * @param status the status
   * @param error the error message of a failed run
   * @param startedAt the start time
   * @param endedAt the end time
   * @param parameters the parameters
   * @param metrics the overall metrics
   * @param foldMetrics the per-fold metrics
   * @param tags the tags
   * @param artifacts the artifacts
   * @param provenance the provenance
   * @throws IllegalArgumentException if a name is invalid, the status disagrees with {@code error}
   *     or {@code endedAt}, the run ends before it starts, or two artifacts share a name
   */
  public Run {
    Names.checkRunId(id);
    Names.checkKind(kind);
    Names.checkRunName(name);
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(endedAt, "endedAt");
    Objects.requireNonNull(provenance, "provenance");
    if (error.isPresent() != (status == RunStatus.FAILED)) {
      throw new IllegalArgumentException(
          "error was '" + error.orElse("absent") + "' but it must be present exactly when the"
              + " status is FAILED (status " + status + ")");
    }
    if (endedAt.isPresent() == (status == RunStatus.RUNNING)) {
      throw new IllegalArgumentException(
          "endedAt was '" + endedAt.map(Instant::toString).orElse("absent") + "' but it must be"
              + " absent exactly while the status is RUNNING (status " + status + ")");
    }
    if (endedAt.isPresent() && endedAt.get().isBefore(startedAt)) {
      throw new IllegalArgumentException(
          "endedAt was '" + endedAt.get() + "' but it must not be before startedAt (" + startedAt
              + ")");
    }
    parameters = sortedCopy("parameter name", parameters);
    metrics = sortedCopy("metric name", metrics);
    List<Map<String, Double>> folds = new ArrayList<>();
    for (Map<String, Double> fold : Objects.requireNonNull(foldMetrics, "foldMetrics")) {
      folds.add(sortedCopy("fold metric name", fold));
    }
    foldMetrics = List.copyOf(folds);
    tags = sortedCopy("tag name", tags);
    List<ArtifactRef> sorted = new ArrayList<>(Objects.requireNonNull(artifacts, "artifacts"));
    sorted.sort((a, b) -> a.name().compareTo(b.name()));
    Set<String> seen = new HashSet<>();
    for (ArtifactRef artifact : sorted) {
      if (!seen.add(artifact.name())) {
        throw new IllegalArgumentException(
            "artifacts had '" + artifact.name() + "' twice but artifact names must be unique");
      }
    }
    artifacts = List.copyOf(sorted);
  }

  private static <V> Map<String, V> sortedCopy(String what, Map<String, V> map) {
    Objects.requireNonNull(map, what + "s");
    for (Map.Entry<String, V> e : map.entrySet()) {
      Names.checkKey(what, e.getKey());
      Objects.requireNonNull(e.getValue(), what + " '" + e.getKey() + "' value");
    }
    return ImmutableSortedMap.copyOf(map);
  }

  /**
   * Returns an overall metric.
   *
   * @param metricName the metric's name, e.g. "auc"
   * @return its value, empty if the run did not record it
   */
  public OptionalDouble metric(String metricName) {
    Double value = metrics.get(Objects.requireNonNull(metricName, "metricName"));
    return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
  }

  /**
   * Returns a recorded artifact.
   *
   * @param artifactName the artifact's file name
   * @return its reference, empty if the run has no artifact of that name
   */
  public Optional<ArtifactRef> artifact(String artifactName) {
    Objects.requireNonNull(artifactName, "artifactName");
    return artifacts.stream().filter(a -> a.name().equals(artifactName)).findFirst();
  }

  /**
   * Returns how long the run took.
   *
   * @return the time from start to end, empty while the run is {@link RunStatus#RUNNING}
   */
  public Optional<Duration> duration() {
    return endedAt.map(end -> Duration.between(startedAt, end));
  }
}
