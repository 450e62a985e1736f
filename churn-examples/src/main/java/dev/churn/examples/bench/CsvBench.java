package dev.churn.examples.bench;

import dev.churn.core.io.Csv;
import dev.churn.core.io.TableStream;
import dev.churn.core.table.Table;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Measures CSV ingest speed on a generated file: rows and megabytes per second on one thread
 * and on all cores, next to a baseline measured in the same run (reading the file's bytes
 * without parsing), so that figures from a noisy shared machine can be compared as ratios.
 *
 * <p>The generated file has ten columns: six numeric (integers, decimals, full-precision doubles,
 * a column with 5 % missing) and four string columns with 3, 50, 1,000 and 20,000 distinct values
 * (type inference reads the first three as categorical and the last as an id).
 *
 * <p>Two ways of reading are measured: streaming batches (what the feature store does with files
 * larger than memory) and reading the whole file into one table (which adds one concatenation of
 * the batches).
 */
public final class CsvBench {

  /** One measured configuration. */
  public record Result(String name, int threads, long rows, long bytes, double bestSeconds,
      double medianSeconds) {
    /** Returns rows per second at the best run. */
    public double rowsPerSecond() {
      return rows / bestSeconds;
    }

    /** Returns megabytes (10^6 bytes) per second at the best run. */
    public double megabytesPerSecond() {
      return bytes / 1e6 / bestSeconds;
    }
  }

  /** The whole report. */
  public record Report(Path file, long rows, long bytes, int cores, double generateSeconds,
      List<Result> results) {}

  private CsvBench() {}

  /**
   * Writes the benchmark file.
   *
   * @param file where to write
   * @param rows how many data rows
   * @param seed the random seed
   */
  public static void generate(Path file, long rows, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    String[] plans = {"basic", "standard", "premium"};
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("tenure,monthly_fee,secs_played,songs,ratio,discount,plan,city,device,campaign\n");
      StringBuilder sb = new StringBuilder(128);
      for (long i = 0; i < rows; i++) {
        sb.setLength(0);
        sb.append(rnd.nextInt(120)).append(',');
        sb.append(rnd.nextInt(50, 300)).append('.').append(rnd.nextInt(10)).append(rnd.nextInt(10))
            .append(',');
        sb.append(rnd.nextInt(1_000_000)).append('.').append(rnd.nextInt(1000)).append(',');
        sb.append(rnd.nextInt(5000)).append(',');
        sb.append(rnd.nextDouble()).append(',');
        if (rnd.nextInt(20) == 0) {
          sb.append("NA");
        } else {
          sb.append(rnd.nextInt(100)).append(".5");
        }
        sb.append(',');
        sb.append(plans[rnd.nextInt(3)]).append(',');
        sb.append("city_").append(rnd.nextInt(50)).append(',');
        sb.append("device_").append(rnd.nextInt(1000)).append(',');
        sb.append("cmp").append(rnd.nextInt(20_000)).append('\n');
        w.append(sb);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Generates the file (unless it exists with the right row count) and measures ingest.
   *
   * @param dir where the file goes
   * @param rows data rows
   * @param repeats runs per configuration (the best and the median are reported)
   * @param progress receives one line per finished step
   * @return the report
   */
  public static Report run(Path dir, long rows, int repeats, Consumer<String> progress) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path file = dir.resolve("bench-" + rows + ".csv");
    long t0 = System.nanoTime();
    if (!Files.exists(file)) {
      progress.accept("generating " + rows + " rows into " + file);
      generate(file, rows, 42);
    }
    double generateSeconds = (System.nanoTime() - t0) / 1e9;
    long bytes;
    try {
      bytes = Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int cores = Runtime.getRuntime().availableProcessors();
    List<Result> results = new ArrayList<>();
    results.add(measure("read bytes (baseline)", 1, rows, bytes, repeats, () -> readBytes(file),
        progress));
    try (BufferAllocator allocator = new RootAllocator()) {
      for (int threads : cores == 1 ? new int[] {1} : new int[] {1, cores}) {
        String t = threads == 1 ? "1 thread" : threads + " threads";
        results.add(measure("stream batches, " + t, threads, rows, bytes, repeats,
            () -> stream(file, threads, allocator, rows), progress));
        results.add(measure("read one table, " + t, threads, rows, bytes, repeats,
            () -> ingest(file, threads, allocator, rows), progress));
      }
    }
    return new Report(file, rows, bytes, cores, generateSeconds, results);
  }

  private static void ingest(Path file, int threads, BufferAllocator allocator, long rows) {
    try (Table t = Csv.reader(file).threads(threads).read(allocator)) {
      if (t.rowCount() != rows) {
        throw new IllegalStateException("read " + t.rowCount() + " rows, expected " + rows);
      }
    }
  }

  private static void stream(Path file, int threads, BufferAllocator allocator, long rows) {
    long seen = 0;
    try (TableStream batches = Csv.reader(file).threads(threads).stream(allocator)) {
      while (batches.hasNext()) {
        try (Table batch = batches.next()) {
          seen += batch.rowCount();
        }
      }
    }
    if (seen != rows) {
      throw new IllegalStateException("read " + seen + " rows, expected " + rows);
    }
  }

  private static void readBytes(Path file) {
    byte[] buf = new byte[1 << 22];
    long sum = 0;
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        for (int i = 0; i < n; i += 4096) {
          sum += buf[i];
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (sum == 42) {
      buf[0] = 1; // keep the loop from being optimised away
    }
  }

  private static Result measure(String name, int threads, long rows, long bytes, int repeats,
      Runnable work, Consumer<String> progress) {
    double[] secs = new double[repeats + 1];
    for (int i = 0; i <= repeats; i++) { // the first run warms up and is not counted
      long t = System.nanoTime();
      work.run();
      secs[i] = (System.nanoTime() - t) / 1e9;
      progress.accept(String.format("%s: run %d%s %.3f s", name, i, i == 0 ? " (warm-up)" : "",
          secs[i]));
    }
    double[] counted = Arrays.copyOfRange(secs, 1, secs.length);
    Arrays.sort(counted);
    return new Result(name, threads, rows, bytes, counted[0], counted[counted.length / 2]);
  }
}
