package dev.churn.features;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable snapshot of the feature store's catalog: the groups, their versions (one per
 * distinct definition) and the materializations of each version with their statistics.
 *
 * <pre>{@code
 * Catalog catalog = store.catalog();
 * for (String group : catalog.groups()) {
 *   for (Materialization m : catalog.materializations(group)) {
 *     log.info("{} {} {} rows", group, m.asOf(), m.rows());
 *   }
 * }
 * }</pre>
 */
public final class Catalog {
  private final Map<String, GroupEntry> groups;

  /**
   * A group as recorded in the catalog.
   *
   * @param name the group name
   * @param currentVersion the version of the definition registered last
   * @param versions every version ever registered, oldest first
   */
  public record GroupEntry(String name, String currentVersion, List<VersionEntry> versions) {
    /** Checks and copies the fields. */
    public GroupEntry {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(currentVersion, "currentVersion");
      versions = List.copyOf(versions);
    }

    /** Returns a version by id. */
    public Optional<VersionEntry> version(String version) {
      return versions.stream().filter(v -> v.version().equals(version)).findFirst();
    }
  }

  /**
   * One version of a group: its definition and materializations.
   *
   * @param version the version id (a definition fingerprint prefix)
   * @param definition the definition, as {@link FeatureGroup#toJson()}
   * @param registeredAt when the definition was first registered
   * @param materializations the partitions, ordered by as-of date
   */
  public record VersionEntry(
      String version, String definition, Instant registeredAt,
      List<Materialization> materializations) {
    /** Checks and copies the fields. */
    public VersionEntry {
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(definition, "definition");
      Objects.requireNonNull(registeredAt, "registeredAt");
      materializations = materializations.stream()
          .sorted(Comparator.comparing(Materialization::asOf)).toList();
    }

    /** Returns the group definition of this version. */
    public FeatureGroup group() {
      return FeatureGroup.fromJson(definition);
    }

    /** Returns the materialization as of a date, if there is one. */
    public Optional<Materialization> at(LocalDate asOf) {
      return materializations.stream().filter(m -> m.asOf().equals(asOf)).findFirst();
    }
  }

  Catalog(Map<String, GroupEntry> groups) {
    this.groups = Map.copyOf(groups);
  }

  /** Returns the group names, sorted. */
  public List<String> groups() {
    return groups.keySet().stream().sorted().toList();
  }

  /** Returns a group's entry, if the catalog has it. */
  public Optional<GroupEntry> group(String name) {
    return Optional.ofNullable(groups.get(name));
  }

  /** Returns the materializations of a group's current version (empty for an unknown group). */
  public List<Materialization> materializations(String group) {
    return group(group)
        .flatMap(g -> g.version(g.currentVersion()))
        .map(VersionEntry::materializations)
        .orElse(List.of());
  }

  /** Returns the materialization of a group version as of a date, if there is one. */
  public Optional<Materialization> find(String group, String version, LocalDate asOf) {
    return group(group).flatMap(g -> g.version(version)).flatMap(v -> v.at(asOf));
  }

  Map<String, GroupEntry> entries() {
    return groups;
  }
}
