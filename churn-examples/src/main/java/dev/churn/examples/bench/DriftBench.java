package dev.churn.examples.bench;

import dev.churn.core.table.NumericColumn;
import dev.churn.core.table.Table;
import dev.churn.core.table.TableBuilder;
import dev.churn.drift.DriftDetector;
import dev.churn.drift.DriftResult;
import dev.churn.drift.ReferenceProfile;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Measures data drift on generated numeric tables: building the {@link ReferenceProfile} of a
 * reference table and running a {@link DriftDetector} with default settings on a current table of
 * the same size, next to a baseline measured in the same run (one pass that reads every value of
 * both tables out of Arrow and sums it), so that figures from a noisy shared machine can be read
 * as ratios.
 *
 * <p>The data: {@code columns} numeric columns, generated in-process from a fixed seed, cycling
 * through Gaussian, uniform, log-normal and small-count (0 to 9) values; every fifth column has 5
 * % missing values. The current table comes from the same distributions except that every fourth
 * column is shifted by 0.2 standard deviations (so a quarter of the columns drift).
 *
 * <pre>{@code
 * DriftBench.Report r = DriftBench.run(1_000_000, 50, 3, line -> log.info(line));
 * double seconds = r.profileSeconds() + r.detectSeconds();
 * }</pre>
 */
public final class DriftBench {
  private static final long SEED = 20240606L;

  /**
   * The figures.
   *
   * @param rows rows of each table
   * @param columns numeric columns of each table
   * @param cores available processors (the detector's threads)
   * @param generateSeconds time to generate both tables
   * @param baselineSeconds best one-pass sum over every value of both tables
   * @param profileSeconds best time to profile the reference table
   * @param detectSeconds best time to test the current table against the profile
   * @param profileBytes size of the serialized profile
   * @param driftedColumns columns found drifted
   * @param tests how many columns each test ran on
   * @param loadBefore system load average (1 minute) before the run, -1 if unknown
   * @param loadAfter system load average after the run
   */
  public record Report(int rows, int columns, int cores, double generateSeconds,
      double baselineSeconds, double profileSeconds, double detectSeconds, int profileBytes,
      int driftedColumns, Map<String, Integer> tests, double loadBefore, double loadAfter) {

    /** Checks the fields. */
    public Report {
      tests = Map.copyOf(tests);
    }

    /**
     * Returns profile plus detect time.
     *
     * @return the total seconds
     */
    public double totalSeconds() {
      return profileSeconds + detectSeconds;
    }

    /**
     * Returns the report as readable lines.
     *
     * @return the lines
     */
    public List<String> lines() {
      List<String> out = new ArrayList<>();
      out.add(String.format("data: %,d rows x %d numeric columns, reference and current; %d cores"
          + " (generated in %.1f s)", rows, columns, cores, generateSeconds));
      out.add(String.format("baseline: one pass summing every value of both tables %.3f s",
          baselineSeconds));
      out.add(String.format("profile reference: %.3f s (%.1fx baseline); %,d bytes serialized",
          profileSeconds, profileSeconds / baselineSeconds, profileBytes));
      out.add(String.format("detect current: %.3f s (%.1fx baseline); %d of %d columns drifted;"
          + " tests %s", detectSeconds, detectSeconds / baselineSeconds, driftedColumns, columns,
          tests));
      out.add(String.format("profile + detect: %.3f s; load average %.2f before, %.2f after",
          totalSeconds(), loadBefore, loadAfter));
      return out;
    }
  }

  private DriftBench() {}

  /**
   * Runs the benchmark: one warm-up on a small table, then {@code repeats} timed runs of each
   * step; the best times are reported.
   *
   * @param rows rows of each table, at least 1000
   * @param columns numeric columns, at least 1
   * @param repeats timed runs per step, at least 1
   * @param progress receives one line per step
   * @return the figures
   */
  public static Report run(int rows, int columns, int repeats, Consumer<String> progress) {
    Objects.requireNonNull(progress, "progress");
    if (rows < 1000) {
      throw new IllegalArgumentException("rows was " + rows + " but it must be >= 1000");
    }
    if (columns < 1 || repeats < 1) {
      throw new IllegalArgumentException("columns and repeats must be >= 1 but were " + columns
          + " and " + repeats);
    }
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    int cores = Runtime.getRuntime().availableProcessors();
    try (BufferAllocator allocator = new RootAllocator()) {
      progress.accept("warm-up on 20,000 rows");
      try (Table r = generate(allocator, 20_000, Math.min(columns, 8), SEED + 7, false, cores);
          Table c = generate(allocator, 20_000, Math.min(columns, 8), SEED + 8, true, cores)) {
        for (int i = 0; i < 3; i++) {
          DriftDetector.builder(ReferenceProfile.of(r)).build().detect(c);
          baseline(r, c, cores);
        }
      }
      progress.accept(String.format("generating 2 x %,d rows x %d columns", rows, columns));
      long t0 = System.nanoTime();
      try (Table reference = generate(allocator, rows, columns, SEED, false, cores);
          Table current = generate(allocator, rows, columns, SEED + 1, true, cores)) {
        double generateSeconds = (System.nanoTime() - t0) / 1e9;
        double baseline = Double.POSITIVE_INFINITY;
        double profileBest = Double.POSITIVE_INFINITY;
        double detectBest = Double.POSITIVE_INFINITY;
        ReferenceProfile profile = null;
        DriftResult result = null;
        for (int rep = 0; rep < repeats; rep++) {
          System.gc();
          long a = System.nanoTime();
          baseline(reference, current, cores);
          double b = (System.nanoTime() - a) / 1e9;
          baseline = Math.min(baseline, b);
          System.gc();
          a = System.nanoTime();
          profile = ReferenceProfile.of(reference);
          double p = (System.nanoTime() - a) / 1e9;
          profileBest = Math.min(profileBest, p);
          DriftDetector detector = DriftDetector.builder(profile).build();
          System.gc();
          a = System.nanoTime();
          result = detector.detect(current);
          double d = (System.nanoTime() - a) / 1e9;
          detectBest = Math.min(detectBest, d);
          progress.accept(String.format("run %d: baseline %.3f s, profile %.3f s, detect %.3f s",
              rep + 1, b, p, d));
        }
        Map<String, Integer> tests = new TreeMap<>();
        result.columns().forEach(c -> tests.merge(c.test().id(), 1, Integer::sum));
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return new Report(rows, columns, cores, generateSeconds, baseline, profileBest,
            detectBest, profile.toBytes().length, result.driftedColumns(), tests, loadBefore,
            loadAfter);
      }
    }
  }

  /** The baseline: read every value of both tables out of Arrow and sum it, on all cores. */
  static double baseline(Table a, Table b, int threads) {
    List<Table> tables = List.of(a, b);
    int columns = a.columnCount();
    double[] sums = new double[2 * columns];
    inPool(threads, () -> IntStream.range(0, 2 * columns).parallel().forEach(i -> {
      double[] v = ((NumericColumn) tables.get(i / columns).column(i % columns)).toArray();
      double s = 0;
      for (double x : v) {
        if (x == x) {
          s += x;
        }
      }
      sums[i] = s;
    }));
    double total = 0;
    for (double s : sums) {
      total += s;
    }
    return total;
  }

  /**
   * Generates a table of numeric columns {@code x000, x001, ...}; with {@code shifted}, every
   * fourth column (0, 4, 8, ...: the Gaussian ones) moves by 0.2 of its standard deviation.
   */
  static Table generate(BufferAllocator allocator, int rows, int columns, long seed,
      boolean shifted, int threads) {
    double[][] data = new double[columns][];
    inPool(threads, () -> IntStream.range(0, columns).parallel().forEach(j -> {
      SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + j);
      double shift = shifted && j % 4 == 0 ? 0.2 : 0.0;
      double[] v = new double[rows];
      for (int r = 0; r < rows; r++) {
        double d = switch (j % 4) {
          case 0 -> rnd.nextGaussian() + shift;
          case 1 -> rnd.nextDouble();
          case 2 -> Math.exp(rnd.nextGaussian() * 0.5);
          default -> rnd.nextInt(10);
        };
        if (j % 5 == 4 && rnd.nextInt(20) == 0) {
          d = Double.NaN;
        }
        v[r] = d;
      }
      data[j] = v;
    }));
    TableBuilder b = Table.builder(allocator);
    for (int j = 0; j < columns; j++) {
      b.numeric(String.format("x%03d", j), data[j]);
      data[j] = null;
    }
    return b.build();
  }

  private static void inPool(int threads, Runnable task) {
    ForkJoinPool pool = new ForkJoinPool(Math.max(1, threads));
    try {
      pool.submit(task).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdown();
    }
  }
}
