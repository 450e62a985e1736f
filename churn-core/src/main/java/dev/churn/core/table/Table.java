package dev.churn.core.table;

import com.google.common.base.Preconditions;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.util.AutoCloseables;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.util.TransferPair;
import org.apache.arrow.vector.util.VectorAppender;

/**
 * An immutable, columnar table backed by Apache Arrow vectors: the unit of data every part of
 * churn reads and writes.
 *
 * <h2>Memory: who owns what</h2>
 *
 * A table owns off-heap Arrow memory taken from the {@link BufferAllocator} it was created with,
 * and gives it back when {@link #close() closed}. Every operation that returns a table ({@link
 * #slice}, {@link #select}, {@link #filter}, {@link #append}, ...) returns a <em>new</em> table
 * that must be closed too; derived tables share buffers with their source where they can
 * (projections and slices are zero-copy, reference-counted by Arrow), so closing the source
 * first is safe. Use try-with-resources and give each store or job its own allocator: closing an
 * allocator while a table taken from it is still open fails loudly with Arrow's leak report,
 * which is how the tests prove that nothing leaks.
 *
 * <pre>{@code
 * try (BufferAllocator allocator = new RootAllocator();
 *      Table customers = Csv.reader(Path.of("customers.csv")).read(allocator);
 *      Table churners = customers.filter(mask)) {
 *   double[] minutes = churners.numeric("total_day_minutes").toArray();
 * }
 * }</pre>
 *
 * <p>Column views ({@link #numeric(String)} and the like) are valid while the table is open.
 * Tables are safe to read from several threads at once; closing is not meant to race with reads.
 */
public final class Table implements AutoCloseable {
  private final BufferAllocator allocator;
  private final Schema schema;
  private final List<FieldVector> vectors;
  private final List<Column> columns;
  private final int rowCount;
  private boolean closed;

  private Table(
      BufferAllocator allocator,
      Schema schema,
      List<FieldVector> vectors,
      List<Dictionary> dictionaries,
      int rowCount) {
    this.allocator = allocator;
    this.schema = schema;
    this.vectors = List.copyOf(vectors);
    this.rowCount = rowCount;
    List<Column> cols = new ArrayList<>(vectors.size());
    for (int i = 0; i < vectors.size(); i++) {
      cols.add(view(schema.columns().get(i), vectors.get(i), dictionaries.get(i)));
    }
    this.columns = List.copyOf(cols);
  }

  /**
   * Returns a builder that assembles a table from Java arrays, column by column.
   *
   * <pre>{@code
   * try (Table t = Table.builder(allocator)
   *     .id("customer", new String[] {"a", "b"}).role("customer", ColumnRole.ENTITY)
   *     .numeric("tenure", new double[] {3, Double.NaN})
   *     .categorical("plan", new String[] {"gold", null})
   *     .build()) { ... }
   * }</pre>
   *
   * @param allocator the allocator the table's memory comes from
   * @return a new builder
   */
  public static TableBuilder builder(BufferAllocator allocator) {
    return new TableBuilder(allocator);
  }

  /**
   * Wraps existing Arrow vectors in a table, which takes ownership of them: closing the table
   * closes the vectors. This is the way in for data already in Arrow form.
   *
   * <p>Each vector's type must match its column: {@link Float8Vector} for NUMERIC, {@link
   * IntVector} of dictionary codes for CATEGORICAL (with its dictionary in {@code dictionaries}),
   * {@link BitVector} for BOOLEAN, {@link DateDayVector} for DATE and {@link VarCharVector} for
   * ID. All vectors must have the same value count. On failure the vectors are closed.
   *
   * @param allocator the allocator the vectors were allocated from
   * @param schema the columns, in the order of {@code vectors}
   * @param vectors one vector per column
   * @param dictionaries the dictionary of every CATEGORICAL column, by column name
   * @return the table
   * @throws IllegalArgumentException when a vector does not match its column
   */
  public static Table wrap(
      BufferAllocator allocator,
      Schema schema,
      List<? extends FieldVector> vectors,
      Map<String, Dictionary> dictionaries) {
    try {
      Objects.requireNonNull(allocator, "allocator");
      Objects.requireNonNull(schema, "schema");
      Objects.requireNonNull(dictionaries, "dictionaries");
      Preconditions.checkArgument(
          vectors.size() == schema.size(),
          "schema has %s columns but %s vectors were given",
          schema.size(),
          vectors.size());
      int rows = vectors.isEmpty() ? 0 : vectors.get(0).getValueCount();
      List<Dictionary> dicts = new ArrayList<>(vectors.size());
      for (int i = 0; i < vectors.size(); i++) {
        ColumnSpec spec = schema.columns().get(i);
        FieldVector v = vectors.get(i);
        checkVectorType(spec, v);
        Preconditions.checkArgument(
            v.getValueCount() == rows,
            "column '%s' has %s values but column '%s' has %s",
            spec.name(),
            v.getValueCount(),
            schema.columns().get(0).name(),
            rows);
        Dictionary d = null;
        if (spec.type() == ColumnType.CATEGORICAL) {
          d = dictionaries.get(spec.name());
          Preconditions.checkArgument(
              d != null, "categorical column '%s' has no dictionary", spec.name());
          checkCodes(spec.name(), (IntVector) v, d);
        }
        dicts.add(d);
      }
      return new Table(allocator, schema, new ArrayList<>(vectors), dicts, rows);
    } catch (RuntimeException e) {
      closeQuietly(vectors);
      throw e;
    }
  }

  /**
   * Returns a table with the given columns and no rows.
   *
   * @param allocator the allocator
   * @param schema the columns
   * @return an empty table
   */
  public static Table empty(BufferAllocator allocator, Schema schema) {
    List<FieldVector> vs = new ArrayList<>();
    List<Dictionary> ds = new ArrayList<>();
    for (ColumnSpec c : schema.columns()) {
      FieldVector v = newVector(allocator, c);
      v.allocateNew();
      v.setValueCount(0);
      vs.add(v);
      ds.add(c.type() == ColumnType.CATEGORICAL ? Dictionary.empty() : null);
    }
    return new Table(allocator, schema, vs, ds, 0);
  }

  /**
   * Concatenates tables with the same column names and types, in order, into a new table.
   * Categorical dictionaries are merged: the result's dictionary lists the first table's
   * categories first, then new ones in order of appearance.
   *
   * @param allocator the allocator of the result
   * @param tables at least one table; all with the same column names and types
   * @return the concatenation; the inputs stay open and unchanged
   */
  public static Table concat(BufferAllocator allocator, List<Table> tables) {
    Objects.requireNonNull(allocator, "allocator");
    Preconditions.checkArgument(!tables.isEmpty(), "concat needs at least one table");
    Table first = tables.get(0);
    first.checkOpen();
    long total = 0;
    for (Table t : tables) {
      t.checkOpen();
      checkSameColumns(first.schema, t.schema);
      total += t.rowCount;
    }
    Preconditions.checkArgument(
        total <= Integer.MAX_VALUE, "concatenation would have %s rows; at most 2^31-1 fit", total);
    int rows = (int) total;
    List<FieldVector> out = new ArrayList<>();
    List<Dictionary> dicts = new ArrayList<>();
    try {
      for (int c = 0; c < first.schema.size(); c++) {
        ColumnSpec spec = first.schema.columns().get(c);
        FieldVector target = newVector(allocator, spec);
        out.add(target);
        allocate(target, rows, tables, c);
        if (spec.type() == ColumnType.CATEGORICAL) {
          dicts.add(concatCategorical((IntVector) target, tables, c));
        } else {
          dicts.add(null);
          VectorAppender appender = new VectorAppender(target);
          for (Table t : tables) {
            FieldVector src = t.vectors.get(c);
            if (src.getValueCount() > 0) {
              src.accept(appender, null);
            }
          }
        }
        target.setValueCount(rows);
      }
      return new Table(allocator, first.schema, out, dicts, rows);
    } catch (RuntimeException | Error e) {
      closeQuietly(out);
      throw e;
    }
  }

  private static void allocate(FieldVector target, int rows, List<Table> tables, int c) {
    if (target instanceof BaseVariableWidthVector vw) {
      vw.allocateNew(Math.max(1, sumDataBytes(tables, c)), Math.max(1, rows));
    } else {
      target.setInitialCapacity(Math.max(1, rows));
      target.allocateNew();
    }
  }

  private static long sumDataBytes(List<Table> tables, int c) {
    long bytes = 0;
    for (Table t : tables) {
      BaseVariableWidthVector src = (BaseVariableWidthVector) t.vectors.get(c);
      int n = src.getValueCount();
      if (n > 0) {
        bytes += src.getOffsetBuffer().getInt((long) n * 4) - src.getOffsetBuffer().getInt(0);
      }
    }
    return bytes;
  }

  private static Dictionary concatCategorical(IntVector target, List<Table> tables, int c) {
    Dictionary base = ((CategoricalColumn) tables.get(0).columns.get(c)).dictionary();
    Dictionary.Builder merged = new Dictionary.Builder(base);
    int offset = 0;
    for (Table t : tables) {
      CategoricalColumn col = (CategoricalColumn) t.columns.get(c);
      Dictionary d = col.dictionary();
      Dictionary current = merged.snapshot();
      int[] map = null; // null: codes mean the same in d and in the merged dictionary
      if (d.extendsDictionary(current)) {
        for (int i = current.size(); i < d.size(); i++) {
          merged.codeOf(d.get(i));
        }
      } else if (!current.extendsDictionary(d)) {
        map = new int[d.size()];
        for (int i = 0; i < map.length; i++) {
          map[i] = merged.codeOf(d.get(i));
        }
      }
      IntVector src = col.vector();
      int n = src.getValueCount();
      if (map == null) {
        if (n > 0) {
          src.accept(new VectorAppender(target), null);
        }
      } else {
        for (int i = 0; i < n; i++) {
          if (src.isNull(i)) {
            target.setNull(offset + i);
          } else {
            target.set(offset + i, map[src.get(i)]);
          }
        }
        target.setValueCount(offset + n);
      }
      offset += n;
    }
    return merged.snapshot();
  }

  /** Returns the columns of this table. */
  public Schema schema() {
    return schema;
  }

  /** Returns the number of rows. */
  public int rowCount() {
    return rowCount;
  }

  /** Returns the number of columns. */
  public int columnCount() {
    return columns.size();
  }

  /** Returns the allocator this table's memory comes from. */
  public BufferAllocator allocator() {
    return allocator;
  }

  /** Returns every column view, in schema order. */
  public List<Column> columns() {
    checkOpen();
    return columns;
  }

  /**
   * Returns a column by position.
   *
   * @throws IndexOutOfBoundsException when there is no such column
   */
  public Column column(int index) {
    checkOpen();
    return columns.get(index);
  }

  /**
   * Returns a column by name.
   *
   * @throws IllegalArgumentException naming the column and the columns that exist
   */
  public Column column(String name) {
    checkOpen();
    return columns.get(schema.indexOf(name));
  }

  /** Returns a NUMERIC column; throws {@link IllegalArgumentException} for another type. */
  public NumericColumn numeric(String name) {
    return typed(name, ColumnType.NUMERIC, NumericColumn.class);
  }

  /** Returns a CATEGORICAL column; throws {@link IllegalArgumentException} for another type. */
  public CategoricalColumn categorical(String name) {
    return typed(name, ColumnType.CATEGORICAL, CategoricalColumn.class);
  }

  /** Returns a BOOLEAN column; throws {@link IllegalArgumentException} for another type. */
  public BooleanColumn bool(String name) {
    return typed(name, ColumnType.BOOLEAN, BooleanColumn.class);
  }

  /** Returns a DATE column; throws {@link IllegalArgumentException} for another type. */
  public DateColumn date(String name) {
    return typed(name, ColumnType.DATE, DateColumn.class);
  }

  /** Returns an ID column; throws {@link IllegalArgumentException} for another type. */
  public IdColumn id(String name) {
    return typed(name, ColumnType.ID, IdColumn.class);
  }

  private <C extends Column> C typed(String name, ColumnType type, Class<C> cls) {
    Column c = column(name);
    if (c.type() != type) {
      throw new IllegalArgumentException(
          "column '" + name + "' is " + c.type() + ", not " + type);
    }
    return cls.cast(c);
  }

  /**
   * Returns the Arrow vector behind a column, for zero-copy interop with other Arrow code. The
   * vector still belongs to this table: read it, never modify or close it, and do not use it
   * after the table is closed. A CATEGORICAL column's vector holds codes into {@link
   * CategoricalColumn#dictionary()}.
   */
  public FieldVector arrowVector(String name) {
    checkOpen();
    return vectors.get(schema.indexOf(name));
  }

  /**
   * Returns the rows {@code [from, to)} as a new table that shares memory with this one where
   * Arrow allows it.
   *
   * @throws IndexOutOfBoundsException when the range is not within {@code [0, rowCount]}
   */
  public Table slice(int from, int to) {
    checkOpen();
    Objects.checkFromToIndex(from, to, rowCount);
    List<FieldVector> out = new ArrayList<>();
    try {
      for (int i = 0; i < vectors.size(); i++) {
        out.add(share(vectors.get(i), schema.columns().get(i), from, to - from));
      }
    } catch (RuntimeException e) {
      closeQuietly(out);
      throw e;
    }
    return new Table(allocator, schema, out, dictionaries(), to - from);
  }

  /** Returns the first {@code n} rows (all of them when there are fewer). */
  public Table head(int n) {
    Preconditions.checkArgument(n >= 0, "n was %s but it must be >= 0", n);
    return slice(0, Math.min(n, rowCount));
  }

  /**
   * Returns the named columns, in the given order, as a new table sharing this one's memory.
   *
   * @throws IllegalArgumentException naming a column that does not exist
   */
  public Table select(List<String> names) {
    checkOpen();
    Schema projected = schema.select(names);
    List<FieldVector> out = new ArrayList<>();
    List<Dictionary> dicts = new ArrayList<>();
    try {
      for (String n : names) {
        int i = schema.indexOf(n);
        out.add(share(vectors.get(i), schema.columns().get(i), 0, rowCount));
        dicts.add(dictionaryOf(i));
      }
    } catch (RuntimeException e) {
      closeQuietly(out);
      throw e;
    }
    return new Table(allocator, projected, out, dicts, rowCount);
  }

  /** Returns the named columns, in the given order; see {@link #select(List)}. */
  public Table select(String... names) {
    return select(List.of(names));
  }

  /** Returns every column but the named ones, as a new table sharing this one's memory. */
  public Table drop(String... names) {
    Set<String> gone = new HashSet<>(List.of(names));
    for (String n : gone) {
      schema.indexOf(n);
    }
    return select(schema.names().stream().filter(n -> !gone.contains(n)).toList());
  }

  /**
   * Returns the rows whose entry in {@code keep} is true, in order, as a new table (a copy).
   *
   * @param keep one entry per row
   * @throws IllegalArgumentException when {@code keep} has another length than the row count
   */
  public Table filter(boolean[] keep) {
    Objects.requireNonNull(keep, "keep");
    Preconditions.checkArgument(
        keep.length == rowCount,
        "row mask has %s entries but the table has %s rows",
        keep.length,
        rowCount);
    BitSet bits = new BitSet(rowCount);
    for (int i = 0; i < keep.length; i++) {
      if (keep[i]) {
        bits.set(i);
      }
    }
    return filter(bits);
  }

  /**
   * Returns the rows whose bit is set in {@code rows}, in order, as a new table (a copy).
   *
   * @param rows the rows to keep; bits at or past the row count are an error
   */
  public Table filter(BitSet rows) {
    checkOpen();
    Objects.requireNonNull(rows, "rows");
    Preconditions.checkArgument(
        rows.length() <= rowCount,
        "row mask sets row %s but the table has %s rows",
        rows.length() - 1,
        rowCount);
    int kept = rows.cardinality();
    List<FieldVector> out = new ArrayList<>();
    try {
      for (int c = 0; c < vectors.size(); c++) {
        FieldVector src = vectors.get(c);
        FieldVector dst = newVector(allocator, schema.columns().get(c));
        out.add(dst);
        dst.setInitialCapacity(Math.max(1, kept));
        dst.allocateNew();
        int j = 0;
        for (int i = rows.nextSetBit(0); i >= 0; i = rows.nextSetBit(i + 1)) {
          dst.copyFromSafe(i, j++, src);
        }
        dst.setValueCount(kept);
      }
    } catch (RuntimeException e) {
      closeQuietly(out);
      throw e;
    }
    return new Table(allocator, schema, out, dictionaries(), kept);
  }

  /**
   * Returns this table's columns followed by {@code other}'s, side by side, as a new table sharing
   * both tables' memory (accounted to this table's allocator). Both must have the same row count,
   * no column name in common, and allocators under the same root allocator.
   *
   * @param other a table with as many rows
   * @return the combined table; both inputs stay open and unchanged
   */
  public Table concatColumns(Table other) {
    checkOpen();
    other.checkOpen();
    Preconditions.checkArgument(
        other.rowCount == rowCount,
        "tables placed side by side need the same row count, but %s != %s",
        rowCount,
        other.rowCount);
    Preconditions.checkArgument(
        other.allocator.getRoot() == allocator.getRoot(),
        "tables placed side by side must come from allocators with the same root allocator");
    List<ColumnSpec> specs = new ArrayList<>(schema.columns());
    specs.addAll(other.schema.columns());
    Schema combined = Schema.of(specs);
    List<FieldVector> out = new ArrayList<>();
    List<Dictionary> dicts = new ArrayList<>();
    try {
      for (Table t : List.of(this, other)) {
        for (int i = 0; i < t.vectors.size(); i++) {
          out.add(share(t.vectors.get(i), t.schema.columns().get(i), 0, rowCount));
          dicts.add(t.dictionaryOf(i));
        }
      }
    } catch (RuntimeException e) {
      closeQuietly(out);
      throw e;
    }
    return new Table(allocator, combined, out, dicts, rowCount);
  }

  /**
   * Returns this table's rows followed by {@code other}'s as a new table (a copy in this
   * table's allocator); see {@link #concat(BufferAllocator, List)}.
   */
  public Table append(Table other) {
    return concat(allocator, List.of(this, other));
  }

  /**
   * Returns a table with the same data under another schema with the same column names and
   * types in the same order, e.g. to change roles or date formats. Shares this table's memory.
   */
  public Table withSchema(Schema newSchema) {
    checkOpen();
    checkSameColumns(schema, newSchema);
    Table same = select(schema.names());
    List<FieldVector> moved = new ArrayList<>(same.vectors);
    return new Table(allocator, newSchema, moved, same.dictionaries(), rowCount);
  }

  /** Returns a table whose column {@code name} has another role; shares this table's memory. */
  public Table withRole(String name, ColumnRole role) {
    return withSchema(schema.withRole(name, role));
  }

  /** Returns whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed;
  }

  /**
   * Gives this table's memory back to its allocator. Closing twice is harmless. Tables derived
   * from this one stay valid.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    closeQuietly(vectors);
  }

  /** Returns a short description and the first rows, for logs and debugging. */
  @Override
  public String toString() {
    if (closed) {
      return "Table[closed]";
    }
    StringBuilder sb = new StringBuilder();
    sb.append("Table[rows=").append(rowCount).append(", columns=").append(columns.size());
    sb.append("]\n").append(String.join(" | ", schema.names()));
    for (int r = 0; r < Math.min(5, rowCount); r++) {
      sb.append('\n');
      for (int c = 0; c < columns.size(); c++) {
        if (c > 0) {
          sb.append(" | ");
        }
        sb.append(columns.get(c).format(r));
      }
    }
    if (rowCount > 5) {
      sb.append("\n... ").append(rowCount - 5).append(" more rows");
    }
    return sb.toString();
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("this table was closed; its memory is gone");
    }
  }

  private List<Dictionary> dictionaries() {
    List<Dictionary> ds = new ArrayList<>(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      ds.add(dictionaryOf(i));
    }
    return ds;
  }

  private Dictionary dictionaryOf(int i) {
    return columns.get(i) instanceof CategoricalColumn cc ? cc.dictionary() : null;
  }

  private FieldVector share(FieldVector v, ColumnSpec spec, int from, int length) {
    if (length == 0) {
      FieldVector empty = newVector(allocator, spec);
      empty.allocateNew();
      empty.setValueCount(0);
      return empty;
    }
    TransferPair tp = v.getTransferPair(allocator);
    tp.splitAndTransfer(from, length);
    return (FieldVector) tp.getTo();
  }

  private static Column view(ColumnSpec spec, FieldVector v, Dictionary d) {
    return switch (spec.type()) {
      case NUMERIC -> new NumericColumn(spec, (Float8Vector) v);
      case CATEGORICAL -> new CategoricalColumn(spec, (IntVector) v, d);
      case BOOLEAN -> new BooleanColumn(spec, (BitVector) v);
      case DATE -> new DateColumn(spec, (DateDayVector) v);
      case ID -> new IdColumn(spec, (VarCharVector) v);
    };
  }

  /** Creates an empty, unallocated vector of the Arrow type that stores a column type. */
  static FieldVector newVector(BufferAllocator allocator, ColumnSpec spec) {
    return switch (spec.type()) {
      case NUMERIC -> new Float8Vector(spec.name(), allocator);
      case CATEGORICAL -> new IntVector(spec.name(), allocator);
      case BOOLEAN -> new BitVector(spec.name(), allocator);
      case DATE -> new DateDayVector(spec.name(), allocator);
      case ID -> new VarCharVector(spec.name(), allocator);
    };
  }

  private static void checkVectorType(ColumnSpec spec, FieldVector v) {
    Class<?> expected =
        switch (spec.type()) {
          case NUMERIC -> Float8Vector.class;
          case CATEGORICAL -> IntVector.class;
          case BOOLEAN -> BitVector.class;
          case DATE -> DateDayVector.class;
          case ID -> VarCharVector.class;
        };
    Preconditions.checkArgument(
        expected.isInstance(v),
        "column '%s' is %s and needs a %s but got a %s",
        spec.name(),
        spec.type(),
        expected.getSimpleName(),
        v.getClass().getSimpleName());
  }

  private static void checkCodes(String name, IntVector codes, Dictionary d) {
    int n = codes.getValueCount();
    for (int i = 0; i < n; i++) {
      if (!codes.isNull(i)) {
        int c = codes.get(i);
        if (c < 0 || c >= d.size()) {
          throw new IllegalArgumentException(
              "categorical column '" + name + "' has code " + c + " at row " + i
                  + " but its dictionary has " + d.size() + " categories");
        }
      }
    }
  }

  private static void checkSameColumns(Schema a, Schema b) {
    boolean same = a.size() == b.size();
    for (int i = 0; same && i < a.size(); i++) {
      same =
          a.columns().get(i).name().equals(b.columns().get(i).name())
              && a.columns().get(i).type() == b.columns().get(i).type();
    }
    Preconditions.checkArgument(
        same, "tables must have the same column names and types, but %s differs from %s", b, a);
  }

  private static void closeQuietly(List<? extends AutoCloseable> things) {
    try {
      AutoCloseables.close(things);
    } catch (Exception e) {
      throw new IllegalStateException("could not release Arrow memory", e);
    }
  }
}
