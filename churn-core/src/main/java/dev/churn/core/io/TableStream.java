package dev.churn.core.io;

import dev.churn.core.table.Schema;
import dev.churn.core.table.Table;
import java.util.Iterator;

/**
 * Batches of a table read one at a time, so a file larger than memory can be processed in
 * bounded space.
 *
 * <p>Every batch returned by {@link #next()} is a {@link Table} the caller owns and must close.
 * All batches share the stream's {@link #schema()}; a categorical column's codes mean the same
 * category in every batch, because each batch's dictionary extends the previous one's. Closing
 * the stream stops reading, waits for work in flight and releases everything not yet handed
 * out.
 *
 * <pre>{@code
 * try (TableStream batches = Csv.reader(path).batchSize(100_000).stream(allocator)) {
 *   while (batches.hasNext()) {
 *     try (Table batch = batches.next()) {
 *       total += batch.rowCount();
 *     }
 *   }
 * }
 * }</pre>
 */
public interface TableStream extends Iterator<Table>, AutoCloseable {

  /** Returns the schema every batch has. */
  Schema schema();

  /** Returns the number of rows handed out so far. */
  long rowsRead();

  /** Returns the number of input bytes consumed so far, for progress reporting. */
  long bytesRead();

  /** Returns the size of the input in bytes, or -1 when it is not known. */
  long totalBytes();

  /** Stops reading and releases every resource; batches already handed out stay valid. */
  @Override
  void close();
}
