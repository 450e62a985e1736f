package dev.churn.core.io;

import dev.churn.core.ChurnException;
import dev.churn.core.DataFormatException;
import dev.churn.core.table.ColumnSpec;
import dev.churn.core.table.ColumnType;
import dev.churn.core.table.Dictionary;
import dev.churn.core.table.Schema;
import dev.churn.core.table.Table;
import de.siegmar.fastcsv.reader.CsvReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;

/**
 * The stream behind {@link Csv.Reader#stream}: cuts chunks on the calling thread, parses up to
 * {@code 2 * threads} chunks ahead on a private pool, and hands out batches in file order after
 * mapping chunk-local category codes onto the stream's shared dictionaries.
 */
final class CsvTableStream implements TableStream {
  private static final AtomicInteger POOL_IDS = new AtomicInteger();

  private final CsvPlan plan;
  private final ChunkScanner scanner;
  private final BufferAllocator allocator;
  private final int batchSize;
  private final int threads;
  private final long totalBytes;
  private final ArrayDeque<Future<Parsed>> inFlight = new ArrayDeque<>();
  private final Dictionary.Builder[] dictionaries;
  private ExecutorService pool;
  private boolean scannerDone;
  private boolean closed;
  private long rowsRead;

  private record Parsed(List<FieldVector> vectors, CharInterner[] interners, int rows) {}

  CsvTableStream(
      CsvPlan plan,
      ChunkScanner scanner,
      BufferAllocator allocator,
      int batchSize,
      int threads,
      long totalBytes) {
    this.plan = plan;
    this.scanner = scanner;
    this.allocator = allocator;
    this.batchSize = batchSize;
    this.threads = threads;
    this.totalBytes = totalBytes;
    this.dictionaries = new Dictionary.Builder[plan.schema.size()];
    for (int c = 0; c < dictionaries.length; c++) {
      if (plan.schema.columns().get(c).type() == ColumnType.CATEGORICAL) {
        dictionaries[c] = new Dictionary.Builder();
      }
    }
  }

  @Override
  public Schema schema() {
    return plan.schema;
  }

  @Override
  public long rowsRead() {
    return rowsRead;
  }

  @Override
  public long bytesRead() {
    return scanner.consumed();
  }

  @Override
  public long totalBytes() {
    return totalBytes;
  }

  @Override
  public boolean hasNext() {
    if (closed) {
      return false;
    }
    fill();
    return !inFlight.isEmpty();
  }

  @Override
  public Table next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more batches in " + plan.source);
    }
    Future<Parsed> head = inFlight.poll();
    Parsed parsed;
    try {
      if (head instanceof FutureTask<Parsed> task && pool == null) {
        task.run();
      }
      parsed = head.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new ChurnException("interrupted while reading " + plan.source, e);
    } catch (ExecutionException e) {
      close();
      throw rethrow(e.getCause());
    }
    try {
      Table batch = toTable(parsed);
      rowsRead += batch.rowCount();
      return batch;
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private void fill() {
    int window = threads == 1 ? 1 : 2 * threads;
    while (!scannerDone && inFlight.size() < window) {
      ChunkScanner.Chunk chunk;
      try {
        chunk = scanner.next(batchSize);
      } catch (IOException e) {
        close();
        throw new UncheckedIOException("could not read " + plan.source + ": " + e.getMessage(), e);
      }
      if (chunk == null) {
        scannerDone = true;
        break;
      }
      Callable<Parsed> work = () -> parse(chunk);
      if (threads == 1) {
        inFlight.add(new FutureTask<>(work));
      } else {
        inFlight.add(pool().submit(work));
      }
    }
  }

  private ExecutorService pool() {
    if (pool == null) {
      int id = POOL_IDS.incrementAndGet();
      AtomicInteger n = new AtomicInteger();
      pool =
          Executors.newFixedThreadPool(
              threads,
              r -> {
                Thread t = new Thread(r, "churn-csv-" + id + "-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
              });
    }
    return pool;
  }

  private Parsed parse(ChunkScanner.Chunk chunk) {
    BatchParser parser = new BatchParser(plan, allocator, chunk.firstLine(), chunk.lines());
    try (CsvReader<Object> reader =
        CsvReader.builder()
            .fieldSeparator(plan.delimiter)
            .build(parser, CsvPlan.utf8(chunk.data()))) {
      for (Object ignored : reader) {
        // each record is written into the vectors by the parser
      }
    } catch (RuntimeException e) {
      parser.release();
      DataFormatException dfe = findDataFormat(e);
      if (dfe != null) {
        throw dfe;
      }
      throw new DataFormatException(
          plan.source, chunk.firstLine(), null, null, "the CSV does not parse: " + e.getMessage(), e);
    } catch (IOException e) {
      parser.release();
      throw new UncheckedIOException(e);
    }
    return new Parsed(parser.finish(), parser.interners, parser.rows());
  }

  private Table toTable(Parsed parsed) {
    Map<String, Dictionary> dicts = new HashMap<>();
    for (int c = 0; c < dictionaries.length; c++) {
      if (dictionaries[c] == null) {
        continue;
      }
      CharInterner local = parsed.interners()[c];
      int[] map = new int[local.size()];
      boolean identity = true;
      for (int i = 0; i < map.length; i++) {
        map[i] = dictionaries[c].codeOf(local.get(i));
        identity &= map[i] == i;
      }
      if (!identity) {
        IntVector codes = (IntVector) parsed.vectors().get(c);
        for (int r = 0; r < parsed.rows(); r++) {
          if (!codes.isNull(r)) {
            codes.set(r, map[codes.get(r)]);
          }
        }
      }
      ColumnSpec spec = plan.schema.columns().get(c);
      dicts.put(spec.name(), dictionaries[c].snapshot());
    }
    return Table.wrap(allocator, plan.schema, parsed.vectors(), dicts);
  }

  static DataFormatException findDataFormat(Throwable t) {
    for (Throwable x = t; x != null; x = x.getCause()) {
      if (x instanceof DataFormatException d) {
        return d;
      }
    }
    return null;
  }

  private static RuntimeException rethrow(Throwable cause) {
    if (cause instanceof RuntimeException r) {
      return r;
    }
    if (cause instanceof Error e) {
      throw e;
    }
    return new ChurnException(cause.getMessage(), cause);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    // Wait for work in flight so that no parser allocates after close, and free its batches.
    for (Future<Parsed> f : inFlight) {
      if (pool == null) {
        continue; // never started
      }
      try {
        f.get().vectors().forEach(FieldVector::close);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException e) {
        // the parser already released its vectors
      }
    }
    inFlight.clear();
    if (pool != null) {
      pool.shutdownNow();
    }
    try {
      scanner.close();
    } catch (IOException ignored) {
      // closing a read-only file; nothing is lost
    }
  }
}
