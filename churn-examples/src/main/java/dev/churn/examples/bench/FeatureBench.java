package dev.churn.examples.bench;

import dev.churn.core.table.Table;
import dev.churn.core.time.Period;
import dev.churn.examples.sim.KkboxSimulator;
import dev.churn.examples.sim.SimulationResult;
import dev.churn.features.EventSource;
import dev.churn.features.FeatureStore;
import dev.churn.features.kkbox.CleanedTable;
import dev.churn.features.kkbox.KkboxColumns;
import dev.churn.features.kkbox.KkboxFeatures;
import dev.churn.features.kkbox.KkboxReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Measures feature materialization on simulated KKBox data: the default feature set end to end
 * from CSV, and the listening aggregation from memory next to a baseline measured in the same
 * run (one sequential pass summing a column of the same table), with the peak heap of each
 * phase.
 */
public final class FeatureBench {

  /**
   * The figures.
   *
   * @param members simulated members
   * @param logRows user_logs rows in the 30 days before the as-of date
   * @param asOf the as-of date
   * @param endToEnd seconds per stage of the default feature set from CSV
   * @param endToEndPeakHeapMb peak heap during the end-to-end run
   * @param memoryRows rows aggregated in the from-memory run
   * @param memoryBestSeconds best of the from-memory runs (listening group)
   * @param memoryMedianSeconds median of the from-memory runs
   * @param baselineSeconds best sequential pass over one column of the same table
   * @param memoryPeakHeapMb peak heap during the from-memory runs
   * @param cores available processors
   */
  public record Report(int members, long logRows, LocalDate asOf, Map<String, Double> endToEnd,
      double endToEndPeakHeapMb, long memoryRows, double memoryBestSeconds,
      double memoryMedianSeconds, double baselineSeconds, double memoryPeakHeapMb, int cores) {
    /** Returns aggregation rows per second at the best from-memory run. */
    public double rowsPerSecond() {
      return memoryRows / memoryBestSeconds;
    }
  }

  private FeatureBench() {}

  /**
   * Simulates (or reuses) the data and runs the measurements.
   *
   * @param dir where the simulated files go
   * @param members number of members
   * @param repeats timed from-memory runs after one warm-up
   * @param progress receives a line per step
   */
  public static Report run(Path dir, int members, int repeats, Consumer<String> progress) {
    Period start = Period.of(2016, 1);
    LocalDate asOf = start.plusMonths(2).firstDay();
    Path data = dir.resolve("kkbox-" + members);
    SimulationResult sim = null;
    if (!Files.exists(data.resolve("members.csv"))) {
      progress.accept("simulating " + members + " members into " + data);
      sim = KkboxSimulator.builder().members(members).months(2).startMonth(start).seed(7)
          .userLogsBetween(asOf.minusDays(30), asOf.minusDays(1)).progress(progress).build()
          .simulate(data);
    }
    Path logs = sim != null ? sim.userLogs().get(0) : data.resolve("user_logs.csv");
    Path home = data.resolve("home");
    deleteTree(home);

    resetPeaks();
    Map<String, Double> stages = new LinkedHashMap<>();
    long t0 = System.nanoTime();
    try (FeatureStore store = FeatureStore.builder().home(home).progress(progress).open();
        KkboxFeatures.Result r = KkboxFeatures.builder().members(data.resolve("members.csv"))
            .transactions(data.resolve("transactions.csv")).userLogs(logs).progress(progress)
            .build().compute(store, asOf)) {
      stages.putAll(r.seconds());
      stages.put("total", (System.nanoTime() - t0) / 1e9);
    }
    double endToEndPeak = peakHeapMb();

    long logRows;
    double[] secs = new double[repeats + 1];
    double baseline = Double.MAX_VALUE;
    resetPeaks();
    try (BufferAllocator allocator = new RootAllocator();
        CleanedTable userLogs = KkboxReader.create(allocator).userLogs(logs);
        FeatureStore store = FeatureStore.builder().home(home).allocator(allocator)
            .progress(line -> { }).open()) {
      Table t = userLogs.table();
      logRows = t.rowCount();
      progress.accept(String.format("user_logs in memory: %,d rows", logRows));
      store.source(EventSource.table("user_logs", t).entity(KkboxColumns.MSNO)
          .timestamp(KkboxColumns.DATE));
      store.group(KkboxFeatures.listening());
      for (int i = 0; i <= repeats; i++) {
        long b = System.nanoTime();
        double sum = 0;
        for (double v : t.numeric(KkboxColumns.TOTAL_SECS).toArray()) {
          sum += v == v ? v : 0;
        }
        baseline = Math.min(baseline, (System.nanoTime() - b) / 1e9 + (sum == 42 ? 1e-9 : 0));
        long s = System.nanoTime();
        try (Table f = store.compute(KkboxFeatures.LISTENING, asOf)) {
          secs[i] = (System.nanoTime() - s) / 1e9;
          progress.accept(String.format("listening from memory: run %d%s %.3f s, %,d members",
              i, i == 0 ? " (warm-up)" : "", secs[i], f.rowCount()));
        }
      }
    }
    double memoryPeak = peakHeapMb();
    double[] counted = Arrays.copyOfRange(secs, 1, secs.length);
    Arrays.sort(counted);
    return new Report(members, logRows, asOf, stages, endToEndPeak, logRows, counted[0],
        counted[counted.length / 2], baseline, memoryPeak,
        Runtime.getRuntime().availableProcessors());
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  /** Sum of the heap pools' peaks: an upper bound of the peak heap in use. */
  private static double peakHeapMb() {
    long bytes = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        bytes += pool.getPeakUsage().getUsed();
      }
    }
    return bytes / 1e6;
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
