package dev.churn.features.kkbox;

import dev.churn.core.io.Csv;
import dev.churn.core.io.TableStream;
import dev.churn.core.table.Dictionary;
import dev.churn.core.table.Table;
import java.nio.file.Path;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the four KKBox tables from their CSV files with the explicit schemas of {@link
 * KkboxTable}, applies the documented {@link CleaningRule}s and reports what they did, instead of
 * failing on the known defects of the real data.
 *
 * <pre>{@code
 * try (BufferAllocator allocator = new RootAllocator()) {
 *   KkboxReader reader = KkboxReader.create(allocator);
 *   try (CleanedTable members = reader.members(dir.resolve("members_v3.csv"));
 *        CleanedTable transactions = reader.transactions(dir.resolve("transactions.csv"));
 *        CleanedTableStream logs = reader.stream(KkboxTable.USER_LOGS, dir.resolve("user_logs.csv"))) {
 *     log.info(CleaningReport.format(List.of(members.report(), transactions.report())));
 *     while (logs.hasNext()) {
 *       try (Table batch = logs.next()) { ... }
 *     }
 *   }
 * }
 * }</pre>
 *
 * <h2>One member dictionary for all tables</h2>
 *
 * {@code msno} is a CATEGORICAL column. A reader keeps one member dictionary and writes every
 * table's and batch's {@code msno} as codes into it, so a member has the same code in the
 * members, transactions, user-log and label tables the reader returns: per-member work can index
 * arrays by code and join tables without hashing strings. The dictionary only grows; {@link
 * #memberDictionary()} returns it so far, and each returned table carries a snapshot. Reading the
 * members file first gives the most compact codes (members in file order).
 *
 * <h2>Errors</h2>
 *
 * A file whose header lacks a column of the schema, or whose cells do not parse as the column's
 * type, fails with a {@link dev.churn.core.DataFormatException} naming the file, line and column;
 * nothing stays allocated. Extra columns in the file are ignored.
 *
 * <p>A reader is not thread-safe: use it from one thread (the CSV parsing itself runs on {@link
 * #threads(int)} threads).
 */
public final class KkboxReader {
  private static final Logger LOG = LoggerFactory.getLogger(KkboxReader.class);

  private final BufferAllocator allocator;
  private final MemberCodes members = new MemberCodes();
  private int batchSize = 65_536;
  private int threads = Runtime.getRuntime().availableProcessors();

  private KkboxReader(BufferAllocator allocator) {
    this.allocator = allocator;
  }

  /**
   * Returns a reader whose tables take their memory from {@code allocator}.
   *
   * @param allocator the allocator of every table this reader returns
   * @return a new reader with an empty member dictionary
   */
  public static KkboxReader create(BufferAllocator allocator) {
    return new KkboxReader(Objects.requireNonNull(allocator, "allocator"));
  }

  /**
   * Sets the number of CSV records per batch (default 65,536): the batch size of {@link #stream}
   * and the unit of parallel parsing.
   *
   * @param rows at least 1
   * @return this reader
   */
  public KkboxReader batchSize(int rows) {
    if (rows < 1) {
      throw new IllegalArgumentException("batchSize was " + rows + " but it must be >= 1");
    }
    this.batchSize = rows;
    return this;
  }

  /**
   * Sets how many threads parse CSV in parallel (default: the available processors).
   *
   * @param threads 1 to 256
   * @return this reader
   */
  public KkboxReader threads(int threads) {
    if (threads < 1 || threads > 256) {
      throw new IllegalArgumentException("threads was " + threads + " but it must be in [1, 256]");
    }
    this.threads = threads;
    return this;
  }

  /** Returns the member dictionary so far: {@code msno} code {@code i} is member {@code get(i)}. */
  public Dictionary memberDictionary() {
    return members.snapshot();
  }

  /**
   * Reads and cleans a whole table.
   *
   * @param kind which table the file holds
   * @param file the CSV file
   * @return the cleaned table and its report; the caller closes it
   * @throws dev.churn.core.DataFormatException when the header lacks a column or a cell does not
   *     parse
   */
  public CleanedTable read(KkboxTable kind, Path file) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(file, "file");
    long start = System.nanoTime();
    try (Table raw = csv(kind, file).read(allocator)) {
      CleanedTable cleaned = new KkboxCleaner(kind, file.toString(), members).clean(raw);
      if (LOG.isDebugEnabled()) {
        LOG.debug("read and cleaned in {} ms:\n{}",
            (System.nanoTime() - start) / 1_000_000, cleaned.report().format());
      }
      return cleaned;
    }
  }

  /** Reads and cleans a members file; see {@link #read}. */
  public CleanedTable members(Path file) {
    return read(KkboxTable.MEMBERS, file);
  }

  /** Reads and cleans a transactions file; see {@link #read}. */
  public CleanedTable transactions(Path file) {
    return read(KkboxTable.TRANSACTIONS, file);
  }

  /**
   * Reads and cleans a whole user-logs file; see {@link #read}. For a file larger than memory use
   * {@link #stream}.
   */
  public CleanedTable userLogs(Path file) {
    return read(KkboxTable.USER_LOGS, file);
  }

  /** Reads and cleans a labels file ({@code train.csv}, {@code train_v2.csv}); see {@link #read}. */
  public CleanedTable labels(Path file) {
    return read(KkboxTable.LABELS, file);
  }

  /**
   * Opens a table as a stream of cleaned batches of at most {@link #batchSize(int)} rows, for
   * files larger than memory (in practice {@code user_logs}). Rules about duplicates see one batch
   * at a time; every other rule gives the same rows as {@link #read}.
   *
   * @param kind which table the file holds
   * @param file the CSV file
   * @return the stream; the caller closes it and every batch
   * @throws dev.churn.core.DataFormatException when the header lacks a column (at once) or a cell
   *     does not parse (from {@code next()})
   */
  public CleanedTableStream stream(KkboxTable kind, Path file) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(file, "file");
    TableStream raw = csv(kind, file).stream(allocator);
    return new CleanedTableStream(
        raw, new KkboxCleaner(kind, file.toString(), members), kind, file.toString());
  }

  /**
   * Cleans a table that was read some other way (e.g. from Arrow IPC, or one batch of a stream of
   * your own). The table must have the columns of {@code kind.schema()} with their types; other
   * columns are left out of the result. {@code msno} codes are translated into this reader's
   * member dictionary.
   *
   * @param kind which table {@code raw} is
   * @param raw the table or batch; stays open and unchanged
   * @param source a name for reports and error messages, e.g. the file it came from
   * @return the cleaned table, in {@code raw}'s allocator, and its report
   * @throws IllegalArgumentException when a column is missing or has another type
   */
  public CleanedTable clean(KkboxTable kind, Table raw, String source) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(source, "source");
    return new KkboxCleaner(kind, source, members).clean(raw);
  }

  private Csv.Reader csv(KkboxTable kind, Path file) {
    return Csv.reader(file).schema(kind.schema()).batchSize(batchSize).threads(threads);
  }
}
