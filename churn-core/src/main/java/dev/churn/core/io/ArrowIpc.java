package dev.churn.core.io;

import dev.churn.core.ChurnException;
import dev.churn.core.DataFormatException;
import dev.churn.core.table.ColumnRole;
import dev.churn.core.table.ColumnSpec;
import dev.churn.core.table.ColumnType;
import dev.churn.core.table.DateFormat;
import dev.churn.core.table.Dictionary;
import dev.churn.core.table.Schema;
import dev.churn.core.table.Table;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.util.TransferPair;

/**
 * Reads and writes tables in the Arrow IPC file format ({@code .arrow}, also known as Feather
 * v2), the format of the feature store's partitions.
 *
 * <p>Writing is zero-copy: the table's own Arrow buffers go to the file. Column types and roles
 * travel in the field metadata ({@code churn.type}, {@code churn.role}), categorical columns are
 * dictionary-encoded, so the files are readable by any Arrow implementation (pyarrow, Arrow R,
 * DuckDB) and round-trip exactly. Files from other tools are read too: floating-point and integer
 * columns become NUMERIC, booleans BOOLEAN, day dates DATE, dictionary-encoded strings
 * CATEGORICAL and plain strings ID.
 *
 * <pre>{@code
 * ArrowIpc.write(table, Path.of("part-0.arrow"));
 * try (Table back = ArrowIpc.read(Path.of("part-0.arrow"), allocator)) { ... }
 * }</pre>
 */
public final class ArrowIpc {
  static final String TYPE_KEY = "churn.type";
  static final String ROLE_KEY = "churn.role";
  static final String DATE_FORMAT_KEY = "churn.dateFormat";

  private ArrowIpc() {}

  /**
   * Writes a table to a file, replacing it. For a crash-safe replacement write through {@code
   * AtomicFiles} with {@link #write(Table, OutputStream)}.
   *
   * @param table the table
   * @param path the file
   */
  public static void write(Table table, Path path) {
    Objects.requireNonNull(path, "path");
    try (FileChannel ch =
        FileChannel.open(
            path,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      write(table, ch);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes a table to a stream in the Arrow IPC file format. The stream is flushed, not closed.
   *
   * @param table the table
   * @param out the stream
   */
  public static void write(Table table, OutputStream out) {
    Objects.requireNonNull(out, "out");
    OutputStream keepOpen =
        new FilterOutputStream(out) {
          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
          }

          @Override
          public void close() throws IOException {
            flush();
          }
        };
    try {
      write(table, Channels.newChannel(keepOpen));
    } catch (IOException e) {
      throw new UncheckedIOException("could not write Arrow IPC: " + e.getMessage(), e);
    }
  }

  private static void write(Table table, WritableByteChannel channel) throws IOException {
    Objects.requireNonNull(table, "table");
    List<Field> fields = new ArrayList<>();
    List<FieldVector> vectors = new ArrayList<>();
    List<org.apache.arrow.vector.dictionary.Dictionary> dicts = new ArrayList<>();
    try {
      long nextId = 0;
      for (ColumnSpec spec : table.schema().columns()) {
        Map<String, String> meta = new HashMap<>();
        meta.put(TYPE_KEY, spec.type().name());
        meta.put(ROLE_KEY, spec.role().name());
        meta.put(DATE_FORMAT_KEY, spec.dateFormat().name());
        FieldVector v = table.arrowVector(spec.name());
        DictionaryEncoding encoding = null;
        if (spec.type() == ColumnType.CATEGORICAL) {
          encoding = new DictionaryEncoding(nextId++, false, new ArrowType.Int(32, true));
          dicts.add(
              new org.apache.arrow.vector.dictionary.Dictionary(
                  dictionaryVector(table.categorical(spec.name()).dictionary(), table.allocator()),
                  encoding));
        }
        FieldType type = new FieldType(true, v.getField().getType(), encoding, meta);
        fields.add(new Field(spec.name(), type, null));
        vectors.add(v);
      }
      // The root only borrows the table's vectors; it is never closed.
      VectorSchemaRoot root = new VectorSchemaRoot(fields, vectors, table.rowCount());
      DictionaryProvider.MapDictionaryProvider provider =
          new DictionaryProvider.MapDictionaryProvider();
      dicts.forEach(provider::put);
      try (ArrowFileWriter writer = new ArrowFileWriter(root, provider, channel)) {
        writer.start();
        writer.writeBatch();
        writer.end();
      }
    } finally {
      for (var d : dicts) {
        d.getVector().close();
      }
    }
  }

  private static VarCharVector dictionaryVector(Dictionary d, BufferAllocator allocator) {
    VarCharVector v = new VarCharVector("dictionary", allocator);
    v.allocateNew(Math.max(1, d.size()));
    for (int i = 0; i < d.size(); i++) {
      v.setSafe(i, d.get(i).getBytes(StandardCharsets.UTF_8));
    }
    v.setValueCount(d.size());
    return v;
  }

  /**
   * Reads a whole Arrow IPC file into one table.
   *
   * @param path the file
   * @param allocator where the table's memory comes from
   * @return the table, which the caller must close
   * @throws DataFormatException when the file is not Arrow IPC or has a column type churn
   *     cannot hold
   */
  public static Table read(Path path, BufferAllocator allocator) {
    Objects.requireNonNull(path, "path");
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      return read(ch, path.toString(), allocator);
    } catch (NoSuchFileException e) {
      throw new ChurnException("no such file: " + path, e);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a whole Arrow IPC file from a channel into one table.
   *
   * @param channel the file's bytes
   * @param source a name for error messages
   * @param allocator where the table's memory comes from
   * @return the table, which the caller must close
   */
  public static Table read(SeekableByteChannel channel, String source, BufferAllocator allocator)
      throws IOException {
    Objects.requireNonNull(allocator, "allocator");
    List<Table> batches = new ArrayList<>();
    try (ArrowFileReader reader = new ArrowFileReader(channel, allocator)) {
      VectorSchemaRoot root;
      try {
        root = reader.getVectorSchemaRoot();
      } catch (IOException | RuntimeException e) {
        throw new DataFormatException(
            source, -1, null, "an Arrow IPC file", "it could not be opened: " + e.getMessage(), e);
      }
      Schema schema = schemaOf(source, root);
      Map<String, Dictionary> dictionaries = new HashMap<>();
      for (Field f : root.getSchema().getFields()) {
        if (f.getDictionary() != null) {
          var dv = reader.getDictionaryVectors().get(f.getDictionary().getId());
          dictionaries.put(f.getName(), readDictionary(source, f.getName(), dv.getVector()));
        }
      }
      List<ArrowBlock> blocks = reader.getRecordBlocks();
      for (ArrowBlock block : blocks) {
        reader.loadRecordBatch(block);
        batches.add(batchOf(schema, root, dictionaries, allocator));
      }
      if (batches.isEmpty()) {
        return Table.empty(allocator, schema);
      }
      if (batches.size() == 1) {
        return batches.remove(0);
      }
      return Table.concat(allocator, batches);
    } finally {
      batches.forEach(Table::close);
    }
  }

  private static Table batchOf(
      Schema schema,
      VectorSchemaRoot root,
      Map<String, Dictionary> dictionaries,
      BufferAllocator allocator) {
    List<FieldVector> vectors = new ArrayList<>();
    try {
      for (int i = 0; i < schema.size(); i++) {
        vectors.add(convert(schema.columns().get(i), root.getVector(i), allocator));
      }
    } catch (RuntimeException e) {
      vectors.forEach(FieldVector::close);
      throw e;
    }
    return Table.wrap(allocator, schema, vectors, dictionaries);
  }

  private static FieldVector convert(ColumnSpec spec, FieldVector v, BufferAllocator allocator) {
    boolean native_ =
        switch (spec.type()) {
          case NUMERIC -> v instanceof Float8Vector;
          case CATEGORICAL -> v instanceof IntVector;
          case BOOLEAN -> v instanceof BitVector;
          case DATE -> v instanceof DateDayVector;
          case ID -> v instanceof VarCharVector;
        };
    int n = v.getValueCount();
    if (native_) {
      TransferPair tp = v.getTransferPair(allocator);
      tp.transfer();
      return (FieldVector) tp.getTo();
    }
    if (spec.type() == ColumnType.NUMERIC) {
      Float8Vector out = new Float8Vector(spec.name(), allocator);
      out.allocateNew(Math.max(1, n));
      for (int i = 0; i < n; i++) {
        if (!v.isNull(i)) {
          double d =
              v instanceof Float4Vector f4 ? f4.get(i) : ((BaseIntVector) v).getValueAsLong(i);
          if (!Double.isNaN(d)) {
            out.set(i, d);
          }
        }
      }
      out.setValueCount(n);
      return out;
    }
    // CATEGORICAL stored with another index width
    IntVector out = new IntVector(spec.name(), allocator);
    out.allocateNew(Math.max(1, n));
    for (int i = 0; i < n; i++) {
      if (!v.isNull(i)) {
        out.set(i, Math.toIntExact(((BaseIntVector) v).getValueAsLong(i)));
      }
    }
    out.setValueCount(n);
    return out;
  }

  private static Dictionary readDictionary(String source, String column, FieldVector v) {
    if (!(v instanceof VarCharVector s)) {
      throw new DataFormatException(
          source, -1, column, "a dictionary of strings", "found " + v.getField().getType());
    }
    List<String> values = new ArrayList<>(s.getValueCount());
    for (int i = 0; i < s.getValueCount(); i++) {
      values.add(s.isNull(i) ? "" : new String(s.get(i), StandardCharsets.UTF_8));
    }
    return Dictionary.of(values);
  }

  private static Schema schemaOf(String source, VectorSchemaRoot root) {
    List<ColumnSpec> specs = new ArrayList<>();
    for (Field f : root.getSchema().getFields()) {
      Map<String, String> meta = f.getMetadata();
      ColumnType type;
      if (meta != null && meta.containsKey(TYPE_KEY)) {
        type = ColumnType.valueOf(meta.get(TYPE_KEY));
      } else {
        type = typeOf(source, f);
      }
      ColumnRole role =
          meta != null && meta.containsKey(ROLE_KEY)
              ? ColumnRole.valueOf(meta.get(ROLE_KEY))
              : ColumnRole.FEATURE;
      DateFormat format =
          meta != null && meta.containsKey(DATE_FORMAT_KEY)
              ? DateFormat.valueOf(meta.get(DATE_FORMAT_KEY))
              : DateFormat.AUTO;
      specs.add(new ColumnSpec(f.getName(), type, role, format));
    }
    return Schema.of(specs);
  }

  private static ColumnType typeOf(String source, Field f) {
    if (f.getDictionary() != null) {
      return ColumnType.CATEGORICAL;
    }
    ArrowType t = f.getType();
    return switch (t.getTypeID()) {
      case FloatingPoint, Int -> ColumnType.NUMERIC;
      case Bool -> ColumnType.BOOLEAN;
      case Utf8 -> ColumnType.ID;
      case Date -> {
        if (((ArrowType.Date) t).getUnit() == org.apache.arrow.vector.types.DateUnit.DAY) {
          yield ColumnType.DATE;
        }
        throw unsupported(source, f);
      }
      default -> throw unsupported(source, f);
    };
  }

  private static DataFormatException unsupported(String source, Field f) {
    return new DataFormatException(
        source,
        -1,
        f.getName(),
        "float, int, bool, date32, utf8 or a dictionary of utf8",
        "found Arrow type " + f.getType());
  }
}
