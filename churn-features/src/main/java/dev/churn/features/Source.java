package dev.churn.features;

import dev.churn.core.table.Schema;
import dev.churn.core.table.Table;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Raw data the feature store reads: an {@link EventSource} (many rows per entity, each with a
 * timestamp) or a {@link SnapshotSource} (one row per entity, such as a member profile).
 *
 * <p>A source is read from a CSV file (streamed in batches, so it may be larger than memory), an
 * Arrow IPC file, an in-memory {@link Table} that the caller keeps owning, or any stream of
 * batches.
 */
public sealed interface Source permits EventSource, SnapshotSource {

  /** Returns the name feature groups use to refer to this source. */
  String name();

  /** Returns the entity column. */
  String entity();

  /** Returns where the rows come from. */
  Origin origin();

  /** Where a source's rows come from. */
  sealed interface Origin permits CsvFile, ArrowFile, InMemory, Streamed {}

  /**
   * A CSV file, read with an explicit schema or with inferred types.
   *
   * @param path the file
   * @param schema the schema, or empty to infer it
   */
  record CsvFile(Path path, Optional<Schema> schema) implements Origin {}

  /**
   * An Arrow IPC file.
   *
   * @param path the file
   */
  record ArrowFile(Path path) implements Origin {}

  /**
   * A table in memory; the caller keeps owning it and must keep it open while the store uses it.
   *
   * @param table the table
   */
  record InMemory(Table table) implements Origin {}

  /**
   * Batches from any producer (a cleaning reader, a database cursor, a message log): the store
   * opens a new stream each time it reads the source and closes it afterwards.
   *
   * @param description a name for error messages and provenance
   * @param opener opens a fresh stream of batches
   */
  record Streamed(String description, java.util.function.Supplier<dev.churn.core.io.TableStream> opener)
      implements Origin {}
}
