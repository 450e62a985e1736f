package dev.churn.core.io;

import com.google.common.base.Preconditions;
import dev.churn.core.ChurnException;
import dev.churn.core.DataFormatException;
import dev.churn.core.table.Column;
import dev.churn.core.table.ColumnSpec;
import dev.churn.core.table.Schema;
import dev.churn.core.table.Table;
import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads CSV files into {@link Table}s and writes tables as CSV.
 *
 * <p>Reading is streaming and parallel: the file is cut into chunks of whole records, chunks are
 * parsed on several threads straight into Arrow vectors, and batches come out in file order. Read
 * a whole file, or stream it batch by batch in bounded memory:
 *
 * <pre>{@code
 * // the schema inferred from the first 10,000 rows
 * try (Table t = Csv.reader(path).read(allocator)) { ... }
 *
 * // an explicit schema, batch by batch
 * Schema logs = Schema.builder().id("msno").date("date", DateFormat.YYYYMMDD)
 *     .numeric("total_secs").build();
 * try (TableStream batches = Csv.reader(path).schema(logs).stream(allocator)) { ... }
 * }</pre>
 *
 * <p>Input rules: UTF-8 (a byte order mark is skipped), a header line with unique names, RFC 4180
 * quoting with {@code "}, records end with LF or CRLF, cells are trimmed of spaces and tabs, and
 * {@code ""}, {@code NA}, {@code NaN}, {@code null} and blank cells are missing values (the set is
 * configurable). Dates are ISO {@code yyyy-MM-dd} or {@code yyyyMMdd}. With an explicit schema,
 * file columns the schema does not name are skipped and the table has the schema's column order.
 * Bad input fails with a {@link DataFormatException} that names the file, line, column and
 * expected type.
 */
public final class Csv {
  private static final Logger LOG = LoggerFactory.getLogger(Csv.class);

  /** The cell texts read as missing values unless {@link Reader#missingValues} says otherwise. */
  public static final List<String> DEFAULT_MISSING = List.of("NA", "NaN", "null");

  private Csv() {}

  /**
   * Returns a reader for a CSV file; configure it, then call {@link Reader#read} or {@link
   * Reader#stream}.
   *
   * @param path the file
   * @return a new reader with default settings
   */
  public static Reader reader(Path path) {
    return new Reader(Objects.requireNonNull(path, "path"));
  }

  /**
   * Writes a table as CSV with a header line; missing values are written as empty cells and
   * dates in ISO form.
   *
   * @param table the table
   * @param out where to write; not closed
   * @throws UncheckedIOException when writing fails
   */
  public static void write(Table table, OutputStream out) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(out, "out");
    try {
      Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
      CsvWriter csv = CsvWriter.builder().build(w);
      csv.writeRecord(table.schema().names());
      List<Column> cols = table.columns();
      String[] cells = new String[cols.size()];
      for (int r = 0; r < table.rowCount(); r++) {
        for (int c = 0; c < cells.length; c++) {
          cells[c] = cols.get(c).format(r);
        }
        csv.writeRecord(cells);
      }
      csv.flush();
      w.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("could not write CSV: " + e.getMessage(), e);
    }
  }

  /**
   * Writes a table to a CSV file, replacing it; see {@link #write(Table, OutputStream)}.
   *
   * @param table the table
   * @param path the file
   */
  public static void write(Table table, Path path) {
    try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(path), 1 << 16)) {
      write(table, out);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * Settings for reading one CSV file. Setters check their argument at once and return this
   * reader; a reader can be used for several reads.
   */
  public static final class Reader {
    private final Path path;
    private Schema schema;
    private int inferenceRows = 10_000;
    private int batchSize = 65_536;
    private int threads = Runtime.getRuntime().availableProcessors();
    private char delimiter = ',';
    private List<String> missing = DEFAULT_MISSING;

    private Reader(Path path) {
      this.path = path;
    }

    /**
     * Reads with this schema instead of inferring one. Every schema column must be in the
     * header; header columns the schema does not name are skipped.
     */
    public Reader schema(Schema schema) {
      this.schema = Objects.requireNonNull(schema, "schema");
      return this;
    }

    /** Sets how many rows type inference looks at (default 10,000). */
    public Reader inferenceRows(int rows) {
      Preconditions.checkArgument(rows >= 1, "inferenceRows was %s but it must be >= 1", rows);
      this.inferenceRows = rows;
      return this;
    }

    /** Sets the number of records per batch (default 65,536). */
    public Reader batchSize(int rows) {
      Preconditions.checkArgument(rows >= 1, "batchSize was %s but it must be >= 1", rows);
      this.batchSize = rows;
      return this;
    }

    /** Sets how many threads parse in parallel (default: the available processors). */
    public Reader threads(int threads) {
      Preconditions.checkArgument(
          threads >= 1 && threads <= 256, "threads was %s but it must be in [1, 256]", threads);
      this.threads = threads;
      return this;
    }

    /** Sets the field delimiter (default {@code ,}). */
    public Reader delimiter(char delimiter) {
      Preconditions.checkArgument(
          delimiter != '"' && delimiter != '\n' && delimiter != '\r',
          "delimiter was '%s' but it must not be a quote or a line break",
          delimiter);
      this.delimiter = delimiter;
      return this;
    }

    /**
     * Sets the cell texts read as missing values, in addition to empty and blank cells (default
     * {@link Csv#DEFAULT_MISSING}).
     */
    public Reader missingValues(Collection<String> tokens) {
      List<String> copy = List.copyOf(tokens);
      for (String t : copy) {
        Preconditions.checkArgument(
            !t.isBlank(), "missing-value token '%s' is blank; blank cells are always missing", t);
      }
      this.missing = copy;
      return this;
    }

    /**
     * Returns the schema a read would use: the explicit one, checked against the header, or one
     * inferred from the first {@link #inferenceRows} rows.
     *
     * @throws DataFormatException when the file is empty, the header is bad or a schema column
     *     is not in the header
     */
    public Schema inferSchema() {
      return open().plan.schema;
    }

    /**
     * Reads the whole file into one table.
     *
     * @param allocator where the table's memory comes from
     * @return the table, which the caller must close
     * @throws DataFormatException on bad input; nothing stays allocated
     */
    public Table read(BufferAllocator allocator) {
      Objects.requireNonNull(allocator, "allocator");
      List<Table> batches = new ArrayList<>();
      try (TableStream stream = stream(allocator)) {
        while (stream.hasNext()) {
          batches.add(stream.next());
        }
        if (batches.isEmpty()) {
          return Table.empty(allocator, stream.schema());
        }
        if (batches.size() == 1) {
          return batches.remove(0);
        }
        return Table.concat(allocator, batches);
      } finally {
        batches.forEach(Table::close);
      }
    }

    /**
     * Opens the file as a stream of batches of at most {@link #batchSize} rows.
     *
     * @param allocator where the batches' memory comes from
     * @return the stream, which the caller must close
     * @throws DataFormatException when the file is empty or the header is bad
     */
    public TableStream stream(BufferAllocator allocator) {
      Objects.requireNonNull(allocator, "allocator");
      Opened o = open();
      return new CsvTableStream(o.plan, o.scanner, allocator, batchSize, threads, o.size);
    }

    private record Opened(CsvPlan plan, ChunkScanner scanner, long size) {}

    private Opened open() {
      String source = path.toString();
      ChunkScanner scanner = null;
      try {
        long size = Files.size(path);
        InputStream in = Files.newInputStream(path);
        scanner = new ChunkScanner(in, 1 << 22);
        scanner.skipBom();
        ChunkScanner.Chunk headerChunk = scanner.next(1);
        if (headerChunk == null || CsvPlan.utf8(headerChunk.data()).isBlank()) {
          throw new DataFormatException(
              source, -1, null, null, "the file is empty; a CSV file needs a header line");
        }
        List<String> header = parseHeader(source, headerChunk);
        Schema resolved;
        int inferredFrom = 0;
        if (schema != null) {
          for (ColumnSpec c : schema.columns()) {
            if (!header.contains(c.name())) {
              throw new DataFormatException(
                  source,
                  1,
                  c.name(),
                  null,
                  "the schema names column '" + c.name() + "' but the header has no such column;"
                      + " the header is " + header);
            }
          }
          resolved = schema;
        } else {
          SchemaInference inference = infer(source, header);
          resolved = inference.schema();
          inferredFrom = inference.rows();
          LOG.debug("{}: inferred {} from {} rows", source, resolved, inferredFrom);
        }
        CsvPlan plan = new CsvPlan(source, resolved, header, missing, delimiter, inferredFrom);
        return new Opened(plan, scanner, size);
      } catch (NoSuchFileException e) {
        closeQuietly(scanner);
        throw new ChurnException("no such file: " + source, e);
      } catch (IOException e) {
        closeQuietly(scanner);
        throw new UncheckedIOException("could not read " + source + ": " + e.getMessage(), e);
      } catch (RuntimeException e) {
        closeQuietly(scanner);
        throw e;
      }
    }

    private List<String> parseHeader(String source, ChunkScanner.Chunk chunk) {
      CsvRecord rec;
      try {
        rec =
            CsvReader.builder()
                .fieldSeparator(delimiter)
                .ofCsvRecord(CsvPlan.utf8(chunk.data()))
                .stream()
                .findFirst()
                .orElseThrow();
      } catch (CsvParseException e) {
        throw new DataFormatException(source, 1, null, "a header line", "it does not parse", e);
      }
      List<String> header = new ArrayList<>();
      Map<String, Integer> seen = new HashMap<>();
      for (int i = 0; i < rec.getFieldCount(); i++) {
        String name = rec.getField(i).strip();
        if (name.isEmpty()) {
          name = "column_" + (i + 1);
          LOG.warn("{}: header field {} is empty; calling the column '{}'", source, i + 1, name);
        }
        Integer before = seen.put(name, i + 1);
        if (before != null) {
          throw new DataFormatException(
              source,
              1,
              name,
              "unique column names",
              "the header names '" + name + "' twice (fields " + before + " and " + (i + 1)
                  + ")");
        }
        header.add(name);
      }
      return header;
    }

    private SchemaInference infer(String source, List<String> header) throws IOException {
      SchemaInference inference = new SchemaInference(header);
      CsvPlan probe = new CsvPlan(source, Schema.of(), header, missing, delimiter, 0);
      AbstractBaseCsvCallbackHandler<Object> handler =
          new AbstractBaseCsvCallbackHandler<>() {
            private boolean inHeader = true;

            @Override
            protected void handleField(int idx, char[] buf, int off, int len, boolean quoted) {
              if (inHeader || idx >= header.size()) {
                return;
              }
              while (len > 0 && TextValues.isBlank(buf[off])) {
                off++;
                len--;
              }
              while (len > 0 && TextValues.isBlank(buf[off + len - 1])) {
                len--;
              }
              if (!probe.isMissing(buf, off, len)) {
                inference.accept(idx, buf, off, len);
              }
            }

            @Override
            protected Object buildRecord() {
              if (inHeader) {
                inHeader = false;
                return Boolean.TRUE;
              }
              if (getFieldCount() != header.size()) {
                throw new DataFormatException(
                    source,
                    getStartingLineNumber(),
                    null,
                    null,
                    "the row has " + getFieldCount() + " fields but the header has "
                        + header.size() + " (a ragged row; check delimiters and quotes)");
              }
              inference.endRow();
              return Boolean.TRUE;
            }
          };
      try (CsvReader<Object> reader =
          CsvReader.builder().fieldSeparator(delimiter).detectBomHeader(true).build(handler, path)) {
        var it = reader.iterator();
        it.next(); // header
        for (int i = 0; i < inferenceRows && it.hasNext(); i++) {
          it.next();
        }
      } catch (CsvParseException | UncheckedIOException e) {
        DataFormatException cause = CsvTableStream.findDataFormat(e);
        if (cause != null) {
          throw cause;
        }
        throw new DataFormatException(source, -1, null, null, e.getMessage(), e);
      }
      return inference;
    }

    private static void closeQuietly(ChunkScanner scanner) {
      if (scanner != null) {
        try {
          scanner.close();
        } catch (IOException ignored) {
          // nothing more to do; the original failure is reported
        }
      }
    }
  }
}
