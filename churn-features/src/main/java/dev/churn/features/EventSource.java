package dev.churn.features;

import dev.churn.core.table.DateFormat;
import dev.churn.core.table.Schema;
import dev.churn.core.table.Table;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A table of events: many rows per entity, each with a date, such as daily listening logs or
 * transactions. Windowed feature groups aggregate it relative to an as-of date.
 *
 * <pre>{@code
 * store.source(EventSource.csv("user_logs", Path.of("user_logs.csv"))
 *     .entity("msno")
 *     .timestamp("date", DateFormat.YYYYMMDD));
 * }</pre>
 *
 * @param name the source name
 * @param entity the entity column
 * @param timestamp the date column
 * @param dateFormat how the date column is written in CSV
 * @param origin where the rows come from
 */
public record EventSource(
    String name, String entity, String timestamp, DateFormat dateFormat, Origin origin)
    implements Source {

  /** Checks the fields. */
  public EventSource {
    Names.check("source name", name);
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(dateFormat, "dateFormat");
    Objects.requireNonNull(origin, "origin");
  }

  /** Starts an event source read from a CSV file with inferred types. */
  public static Builder csv(String name, Path path) {
    return new Builder(name, new CsvFile(Objects.requireNonNull(path, "path"), Optional.empty()));
  }

  /** Starts an event source read from a CSV file with an explicit schema. */
  public static Builder csv(String name, Path path, Schema schema) {
    return new Builder(
        name, new CsvFile(Objects.requireNonNull(path, "path"), Optional.of(schema)));
  }

  /** Starts an event source read from an Arrow IPC file. */
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

  /** Starts an event source over a table the caller owns and keeps open. */
  public static Builder table(String name, Table table) {
    return new Builder(name, new InMemory(Objects.requireNonNull(table, "table")));
  }

  /** Names the columns of an {@link EventSource}. */
  public static final class Builder {
    private final String name;
    private final Origin origin;
    private String entity;

    private Builder(String name, Origin origin) {
      this.name = Names.check("source name", name);
      this.origin = origin;
    }

    /** Sets the entity column. */
    public Builder entity(String column) {
      this.entity = Objects.requireNonNull(column, "column");
      return this;
    }

    /** Sets the date column, recognising ISO and {@code yyyyMMdd} dates by their shape. */
    public EventSource timestamp(String column) {
      return timestamp(column, DateFormat.AUTO);
    }

    /** Sets the date column and its text format, completing the source. */
    public EventSource timestamp(String column, DateFormat format) {
      if (entity == null) {
        throw new IllegalStateException("call entity(column) before timestamp(column)");
      }
      return new EventSource(name, entity, column, format, origin);
    }
  }
}
