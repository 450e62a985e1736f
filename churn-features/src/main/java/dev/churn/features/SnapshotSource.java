package dev.churn.features;

import dev.churn.core.table.Schema;
import dev.churn.core.table.Table;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A table with one current row per entity, such as member profiles.
 *
 * <p>Without a {@link #validFrom()} column the snapshot is taken as true at every as-of date
 * (when an entity has several rows, the last one wins). With one, only rows valid from a date
 * strictly before the as-of date count, and the latest of them wins: that keeps profile changes
 * made later out of earlier training rows.
 *
 * <pre>{@code
 * store.source(SnapshotSource.csv("members", Path.of("members.csv")).entity("msno"));
 * }</pre>
 *
 * @param name the source name
 * @param entity the entity column
 * @param validFrom the column saying from when a row is valid, if any
 * @param origin where the rows come from
 */
public record SnapshotSource(
    String name, String entity, Optional<String> validFrom, Origin origin) implements Source {

  /** Checks the fields. */
  public SnapshotSource {
    Names.check("source name", name);
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(validFrom, "validFrom");
    Objects.requireNonNull(origin, "origin");
  }

  /** Starts a snapshot source read from a CSV file with inferred types. */
  public static Builder csv(String name, Path path) {
    return new Builder(name, new CsvFile(Objects.requireNonNull(path, "path"), Optional.empty()));
  }

  /** Starts a snapshot source read from a CSV file with an explicit schema. */
  public static Builder csv(String name, Path path, Schema schema) {
    return new Builder(
        name, new CsvFile(Objects.requireNonNull(path, "path"), Optional.of(schema)));
  }

  /** Starts a snapshot source read from an Arrow IPC file. */
  public static Builder arrow(String name, Path path) {
    return new Builder(name, new ArrowFile(Objects.requireNonNull(path, "path")));
  }

  /**
   * Starts a source read from a stream of batches; {@code opener} is called each time the source
   * is read and the stream is closed afterwards.
   */
  public static Builder stream(
      String name, String description, java.util.function.Supplier<dev.churn.core.io.TableStream> opener) {
    return new Builder(name, new Streamed(Objects.requireNonNull(description, "description"),
        Objects.requireNonNull(opener, "opener")));
  }

  /** Starts a snapshot source over a table the caller owns and keeps open. */
  public static Builder table(String name, Table table) {
    return new Builder(name, new InMemory(Objects.requireNonNull(table, "table")));
  }

  /** Names the columns of a {@link SnapshotSource}. */
  public static final class Builder {
    private final String name;
    private final Origin origin;
    private String validFrom;

    private Builder(String name, Origin origin) {
      this.name = Names.check("source name", name);
      this.origin = origin;
    }

    /** Sets a date column (ISO or yyyyMMdd in CSV) saying from when each row is valid. */
    public Builder validFrom(String column) {
      this.validFrom = Objects.requireNonNull(column, "column");
      return this;
    }

    /** Sets the entity column, completing the source. */
    public SnapshotSource entity(String column) {
      Objects.requireNonNull(column, "column");
      return new SnapshotSource(name, column, Optional.ofNullable(validFrom), origin);
    }
  }
}
