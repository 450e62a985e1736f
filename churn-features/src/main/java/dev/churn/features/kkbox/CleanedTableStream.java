package dev.churn.features.kkbox;

import dev.churn.core.io.TableStream;
import dev.churn.core.table.Schema;
import dev.churn.core.table.Table;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * A KKBox table read batch by batch, each batch cleaned on its own: the way to process a {@code
 * user_logs} file larger than memory. Every batch is a {@link Table} in the table's {@link
 * KkboxTable#schema() schema} that the caller must close; {@link #report()} adds up what cleaning
 * did to the batches handed out so far.
 *
 * <pre>{@code
 * try (CleanedTableStream logs = reader.stream(KkboxTable.USER_LOGS, path)) {
 *   while (logs.hasNext()) {
 *     try (Table batch = logs.next()) {
 *       aggregate(batch);   // msno codes agree with the reader's other tables
 *     }
 *   }
 *   log.info(logs.report().format());
 * }
 * }</pre>
 *
 * <p>Row and value rules are local to a row, so cleaning batch by batch gives the same rows as
 * cleaning the whole file; rules about duplicates only see one batch at a time. A batch may have
 * no rows when cleaning dropped all of them.
 */
public final class CleanedTableStream implements TableStream {
  private final TableStream raw;
  private final KkboxCleaner cleaner;
  private final KkboxTable kind;
  private CleaningReport report;
  private long rowsHandedOut;

  CleanedTableStream(TableStream raw, KkboxCleaner cleaner, KkboxTable kind, String source) {
    this.raw = Objects.requireNonNull(raw, "raw");
    this.cleaner = cleaner;
    this.kind = kind;
    this.report = CleaningReport.empty(kind, source);
  }

  /** Returns the table this stream reads. */
  public KkboxTable kind() {
    return kind;
  }

  /** Returns what cleaning did to the batches handed out so far. */
  public CleaningReport report() {
    return report;
  }

  @Override
  public Schema schema() {
    return kind.schema();
  }

  @Override
  public boolean hasNext() {
    return raw.hasNext();
  }

  /**
   * Returns the next cleaned batch, which the caller must close.
   *
   * @throws NoSuchElementException when there are no more batches
   * @throws dev.churn.core.DataFormatException when the batch does not parse
   */
  @Override
  public Table next() {
    try (Table batch = raw.next()) {
      CleanedTable cleaned = cleaner.clean(batch);
      report = report.plus(cleaned.report());
      rowsHandedOut += cleaned.table().rowCount();
      return cleaned.table();
    }
  }

  /** Returns the number of cleaned rows handed out so far. */
  @Override
  public long rowsRead() {
    return rowsHandedOut;
  }

  @Override
  public long bytesRead() {
    return raw.bytesRead();
  }

  @Override
  public long totalBytes() {
    return raw.totalBytes();
  }

  @Override
  public void close() {
    raw.close();
  }
}
