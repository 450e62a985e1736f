package dev.churn.models.registry;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * What {@link ModelRegistry#verify()} found: the models, versions and artifacts it checked and
 * every problem, each with its {@link Kind}, model, version where it concerns one, and a message
 * saying what is wrong and what to do.
 *
 * <pre>{@code
 * IntegrityReport report = registry.verify();
 * if (!report.ok()) {
 *   report.problems().forEach(p -> log.error("{}", p));
 *   // STORAGE problems are repaired by FileRegistryStore.recover(...); others need a backup
 * }
 * }</pre>
 *
 * @param models the models checked, sorted
 * @param versions how many versions were checked
 * @param artifacts how many artifacts (packages and attachments) were read and hashed
 * @param problems what is wrong, in the order found; empty if nothing is
 */
public record IntegrityReport(List<String> models, int versions, int artifacts,
    List<Problem> problems) {

  /** What part of the registry a {@link Problem} is about. */
  public enum Kind {
    /**
     * The audit log cannot be read, has a gap in its sequence numbers, or does not replay into a
     * valid state. The log is the truth, so restore it from a backup.
     */
    AUDIT_LOG,
    /** Versions are not registered as 1, 2, 3, ... without gaps or repeats. */
    NUMBERING,
    /** More than one version of a model was in production at some point of its log. */
    PRODUCTION,
    /** A version's package or attachment is missing, has the wrong size or SHA-256. */
    ARTIFACT,
    /**
     * The store's own files disagree with the log: for the file store a {@code meta.json} or
     * {@code aliases.json} that is unreadable, missing or behind the log, a half-written last log
     * line, temp files or version directories left by an interrupted write. Recovery ({@link
     * FileRegistryStore#recover(java.time.Duration)}, or opening the store while no one writes)
     * repairs these from the log; found while another process writes, they can also be that
     * write in progress.
     */
    STORAGE
  }

  /**
   * One problem found by {@link ModelRegistry#verify()}.
   *
   * @param kind what part of the registry it is about
   * @param model the model, or empty for a problem of the store as a whole
   * @param version the version, where it concerns one
   * @param message what is wrong and what to do
   */
  public record Problem(Kind kind, Optional<String> model, OptionalInt version, String message) {
    /**
     * Validates the fields.
     *
     * @param kind what part of the registry it is about
     * @param model the model, or empty for a problem of the store as a whole
     * @param version the version, where it concerns one
     * @param message what is wrong and what to do
     */
    public Problem {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
      StringBuilder b = new StringBuilder().append(kind);
      model.ifPresent(m -> b.append(" '").append(m).append('\''));
      version.ifPresent(v -> b.append(" v").append(v));
      return b.append(": ").append(message).toString();
    }
  }

  /**
   * Validates the fields and copies the lists.
   *
   * @param models the models checked, sorted
   * @param versions how many versions were checked
   * @param artifacts how many artifacts (packages and attachments) were read and hashed
   * @param problems what is wrong, in the order found; empty if nothing is
   */
  public IntegrityReport {
    models = List.copyOf(Objects.requireNonNull(models, "models"));
    problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
    if (versions < 0 || artifacts < 0) {
      throw new IllegalArgumentException("versions was " + versions + " and artifacts "
          + artifacts + " but they must be >= 0");
    }
  }

  /**
   * Tells whether nothing is wrong.
   *
   * @return true if there are no problems
   */
  public boolean ok() {
    return problems.isEmpty();
  }

  /**
   * Returns the problems of one kind.
   *
   * @param kind the kind
   * @return those problems, in the order found
   */
  public List<Problem> problems(Kind kind) {
    Objects.requireNonNull(kind, "kind");
    return problems.stream().filter(p -> p.kind() == kind).toList();
  }

  /**
   * Describes the report on one line, then one line per problem.
   *
   * @return e.g. "2 models, 7 versions, 8 artifacts checked: OK"
   */
  public String summary() {
    String head = models.size() + " model" + (models.size() == 1 ? "" : "s") + ", " + versions
        + " version" + (versions == 1 ? "" : "s") + ", " + artifacts + " artifact"
        + (artifacts == 1 ? "" : "s") + " checked: ";
    if (ok()) {
      return head + "OK";
    }
    return head + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
        + problems.stream().map(Problem::toString).collect(Collectors.joining("\n  ", "\n  ", ""));
  }
}
