package dev.churn.features.internal;

import dev.churn.core.DataFormatException;
import dev.churn.core.io.ArrowIpc;
import dev.churn.core.io.Csv;
import dev.churn.core.io.TableStream;
import dev.churn.core.table.ColumnSpec;
import dev.churn.core.table.ColumnType;
import dev.churn.core.table.DateFormat;
import dev.churn.core.table.Schema;
import dev.churn.core.table.Table;
import dev.churn.features.EventSource;
import dev.churn.features.Source;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Reads a source batch by batch with only the columns a group needs, checking up front that
 * they exist with usable types. CSV sources stream in bounded memory; entity columns of CSV
 * sources with inferred types are read as categorical, so entity lookups are array reads.
 */
public final class SourceReader {
  private SourceReader() {}

  /** What a group needs from a source column. */
  public enum Need {
    /** Any type. */
    ANY(EnumSet.allOf(ColumnType.class)),
    /** An entity key. */
    ENTITY(EnumSet.of(ColumnType.ID, ColumnType.CATEGORICAL, ColumnType.NUMERIC)),
    /** A date. */
    DATE(EnumSet.of(ColumnType.DATE)),
    /** A number (booleans count as 0/1). */
    NUMBER(EnumSet.of(ColumnType.NUMERIC, ColumnType.BOOLEAN)),
    /** A category. */
    CATEGORY(EnumSet.of(ColumnType.CATEGORICAL));

    final Set<ColumnType> accepted;

    Need(Set<ColumnType> accepted) {
      this.accepted = accepted;
    }
  }

  /** Returns a name for the source in error messages. */
  public static String describe(Source source) {
    Source.Origin o = source.origin();
    if (o instanceof Source.CsvFile f) {
      return "source '" + source.name() + "' (" + f.path() + ")";
    }
    if (o instanceof Source.ArrowFile f) {
      return "source '" + source.name() + "' (" + f.path() + ")";
    }
    if (o instanceof Source.Streamed st) {
      return "source '" + source.name() + "' (" + st.description() + ")";
    }
    return "source '" + source.name() + "' (in-memory table)";
  }

  /**
   * Calls {@code consumer} with each batch of the needed columns, in source order; batches the
   * reader created are closed after the call.
   *
   * @param needs the needed columns, in order, with what each must be
   */
  public static void forEachBatch(
      Source source, Map<String, Need> needs, BufferAllocator allocator, Consumer<Table> consumer) {
    Source.Origin o = source.origin();
    if (o instanceof Source.CsvFile f) {
      Schema full = f.schema().orElseGet(() -> inferred(source, f));
      Schema projected = check(source, full, needs);
      try (TableStream batches = Csv.reader(f.path()).schema(projected).stream(allocator)) {
        while (batches.hasNext()) {
          try (Table batch = batches.next()) {
            consumer.accept(batch);
          }
        }
      }
    } else if (o instanceof Source.ArrowFile f) {
      try (Table all = ArrowIpc.read(f.path(), allocator)) {
        check(source, all.schema(), needs);
        try (Table projected = all.select(new ArrayList<>(needs.keySet()))) {
          inSlices(projected, consumer);
        }
      }
    } else if (o instanceof Source.Streamed st) {
      try (TableStream batches = st.opener().get()) {
        Schema projected = check(source, batches.schema(), needs);
        while (batches.hasNext()) {
          try (Table batch = batches.next();
              Table selected = batch.select(projected.names())) {
            consumer.accept(selected);
          }
        }
      }
    } else {
      Table t = ((Source.InMemory) o).table();
      check(source, t.schema(), needs);
      try (Table projected = t.select(new ArrayList<>(needs.keySet()))) {
        inSlices(projected, consumer);
      }
    }
  }

  /** Rows per batch when a source is already in memory: bounds scratch arrays, helps caches. */
  static final int SLICE_ROWS = 1 << 20;

  private static void inSlices(Table t, Consumer<Table> consumer) {
    if (t.rowCount() <= SLICE_ROWS) {
      consumer.accept(t);
      return;
    }
    for (int from = 0; from < t.rowCount(); from += SLICE_ROWS) {
      try (Table slice = t.slice(from, Math.min(t.rowCount(), from + SLICE_ROWS))) {
        consumer.accept(slice);
      }
    }
  }

  private static Schema inferred(Source source, Source.CsvFile f) {
    Schema s = Csv.reader(f.path()).inferSchema();
    if (s.contains(source.entity())) {
      ColumnSpec e = s.column(source.entity());
      if (e.type() == ColumnType.ID || e.type() == ColumnType.NUMERIC) {
        s = s.with(e.withType(ColumnType.CATEGORICAL));
      }
    }
    if (source instanceof EventSource es && s.contains(es.timestamp())) {
      ColumnSpec t = s.column(es.timestamp());
      s = s.with(t.withType(ColumnType.DATE).withDateFormat(
          es.dateFormat() == DateFormat.AUTO ? t.dateFormat() : es.dateFormat()));
    }
    return s;
  }

  private static Schema check(Source source, Schema schema, Map<String, Need> needs) {
    List<ColumnSpec> cols = new ArrayList<>();
    for (Map.Entry<String, Need> n : needs.entrySet()) {
      String name = n.getKey();
      if (!schema.contains(name)) {
        throw new DataFormatException(
            describe(source), -1, name, null,
            "the source has no column '" + name + "'; its columns are " + schema.names());
      }
      ColumnSpec c = schema.column(name);
      if (!n.getValue().accepted.contains(c.type())) {
        throw new DataFormatException(
            describe(source), -1, name, "a column of type " + n.getValue().accepted,
            "it is " + c.type());
      }
      cols.add(c);
    }
    return Schema.of(cols);
  }

  /** Returns an ordered map of needs, merging repeated columns. */
  public static Map<String, Need> needs() {
    return new LinkedHashMap<>();
  }
}
