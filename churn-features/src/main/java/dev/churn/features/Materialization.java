package dev.churn.features;

import dev.churn.core.provenance.Provenance;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One materialized partition: the features of one version of a group as of one date, written as
 * an Arrow IPC file in the store, with its checksum, statistics and provenance.
 *
 * @param group the group name
 * @param version the group version
 * @param asOf the as-of date: only data strictly before it was used
 * @param path the partition file, relative to the store's {@code features} directory
 * @param rows the number of entities
 * @param bytes the file size
 * @param sha256 the file's SHA-256 (hex), verified on every read
 * @param createdAt when it was written
 * @param stats statistics per feature
 * @param provenance what produced it
 */
public record Materialization(
    String group,
    String version,
    LocalDate asOf,
    String path,
    long rows,
    long bytes,
    String sha256,
    Instant createdAt,
    List<FeatureStats> stats,
    Provenance provenance) {

  /** Checks and copies the fields. */
  public Materialization {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(createdAt, "createdAt");
    stats = List.copyOf(stats);
    Objects.requireNonNull(provenance, "provenance");
  }
}
