package dev.churn.models.runs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which runs {@link RunStore#list(RunFilter)} returns: all conditions set must hold.
 *
 * <p>Usage:
 *
 * <pre>{@code
 * store.list(RunFilter.all().kind("fit").tag("model", "churn").status(RunStatus.FINISHED));
 * }</pre>
 *
 * @param kind only runs of this kind, if present
 * @param tags only runs carrying every one of these tags with exactly these values
 * @param status only runs with this status, if present
 */
public record RunFilter(Optional<String> kind, Map<String, String> tags, Optional<RunStatus> status) {

  /**
   * Validates and copies the fields.
   *
   * @param kind the kind, if any
   * @param tags the required tags
   * @param status the status, if any
   */
  public RunFilter {
    Objects.requireNonNull(kind, "kind");
    kind.ifPresent(Names::checkKind);
    tags = Map.copyOf(Objects.requireNonNull(tags, "tags"));
    Objects.requireNonNull(status, "status");
  }

  /**
   * A filter that matches every run.
   *
   * @return the empty filter
   */
  public static RunFilter all() {
    return new RunFilter(Optional.empty(), Map.of(), Optional.empty());
  }

  /**
   * Returns this filter restricted to one kind.
   *
   * @param runKind the kind, e.g. "fit"
   * @return a new filter
   */
  public RunFilter kind(String runKind) {
    return new RunFilter(Optional.of(runKind), tags, status);
  }

  /**
   * Returns this filter restricted to runs carrying a tag.
   *
   * @param tagName the tag's name
   * @param value the value it must have
   * @return a new filter
   */
  public RunFilter tag(String tagName, String value) {
    Names.checkKey("tag name", tagName);
    Objects.requireNonNull(value, "value");
    Map<String, String> more = new LinkedHashMap<>(tags);
    more.put(tagName, value);
    return new RunFilter(kind, more, status);
  }

  /**
   * Returns this filter restricted to one status.
   *
   * @param runStatus the status, e.g. {@link RunStatus#RUNNING} to find crashed runs
   * @return a new filter
   */
  public RunFilter status(RunStatus runStatus) {
    return new RunFilter(kind, tags, Optional.of(Objects.requireNonNull(runStatus, "runStatus")));
  }

  /**
   * Tells whether a run passes this filter.
   *
   * @param run the run
   * @return true if every condition holds
   */
  public boolean matches(Run run) {
    Objects.requireNonNull(run, "run");
    if (kind.isPresent() && !kind.get().equals(run.kind())) {
      return false;
    }
    if (status.isPresent() && status.get() != run.status()) {
      return false;
    }
    for (Map.Entry<String, String> tag : tags.entrySet()) {
      if (!tag.getValue().equals(run.tags().get(tag.getKey()))) {
        return false;
      }
    }
    return true;
  }
}
