package dev.churn.examples.bench;

import dev.churn.core.metrics.BinaryMetrics;
import dev.churn.models.backends.XgboostBackend;
import dev.churn.models.spi.FeatureMatrix;
import dev.churn.models.spi.FittedModel;
import dev.churn.models.spi.ModelBackend;
import dev.churn.models.spi.ModelBackend.TrainingData;
import dev.churn.models.spi.Params;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Measures the {@code xgboost} backend on generated data against xgboost4j called directly, in
 * the same run, so that figures from a noisy shared machine can be read as ratios:
 *
 * <ol>
 *   <li>training time of the backend (including its conversion of the {@link FeatureMatrix} and
 *       the compilation of the trees) versus {@code XGBoost.train} on a {@code DMatrix} built from
 *       a float array of the same data, with exactly the parameters the backend hands to xgboost
 *       ({@link XgboostBackend#nativeParameters}: {@code binary:logistic}, {@code hist}, same
 *       depth, learning rate, sampling, seed and threads), and the overhead ratio of the two;
 *   <li>batch scoring speed of the backend's {@code predict} (rows per second), next to
 *       xgboost4j's own batch prediction;
 *   <li>single-row {@code predictOne} latency percentiles after a warm-up.
 * </ol>
 *
 * <p>The data: {@code features} columns named {@code x00, x01, ...} (so Tribuo's name order is
 * the column order and both sides sample the same columns), Gaussian, uniform, small-count (many
 * real zeros) and skewed columns, 5 % NaN in every fifth column, and a binary label drawn from a
 * known nonlinear function of the first five columns plus noise. The report also gives the
 * largest difference between the two models' predictions on held-out rows, which is about float
 * rounding when both sides really trained the same model.
 *
 * <pre>{@code
 * ModelBench.Report r = ModelBench.run(1_000_000, 40, 300, System.err::println);
 * double ratio = r.overheadRatio();
 * }</pre>
 */
public final class ModelBench {
  private static final long SEED = 20240601L;

  /**
   * The figures.
   *
   * @param rows training rows
   * @param features columns
   * @param trees boosting rounds
   * @param threads xgboost threads (available processors)
   * @param cores available processors
   * @param xgboostParameters the parameters both sides handed to xgboost
   * @param backendFitSeconds best backend {@code fit}, conversion included
   * @param directFitSeconds best direct run: {@code DMatrix} from a float array plus
   *     {@code XGBoost.train}
   * @param directMatrixSeconds the {@code DMatrix} part of the direct run
   * @param batchRows rows scored in the batch measurement
   * @param batchSeconds best backend {@code predict} over {@code batchRows}
   * @param nativeBatchSeconds best xgboost4j {@code Booster.predict} over the same rows,
   *     {@code DMatrix} construction included
   * @param singleCalls timed {@code predictOne} calls
   * @param p50Micros median {@code predictOne} latency
   * @param p99Micros 99th percentile latency
   * @param p999Micros 99.9th percentile latency
   * @param maxMicros slowest call
   * @param nativeSingleCalls timed single-row calls of xgboost4j (1-row {@code DMatrix} plus
   *     {@code Booster.predict}), for comparison
   * @param nativeP50Micros their median latency
   * @param nativeP99Micros their 99th percentile latency
   * @param heldOutAuc ROC AUC of the backend's model on held-out rows
   * @param maxAbsDifference largest |backend - direct| predicted probability on held-out rows
   * @param loadBefore system load average (1 minute) before the run, -1 if unknown
   * @param loadAfter system load average after the run
   */
  public record Report(int rows, int features, int trees, int threads, int cores,
      Map<String, Object> xgboostParameters, double backendFitSeconds, double directFitSeconds,
      double directMatrixSeconds, int batchRows, double batchSeconds, double nativeBatchSeconds,
      int singleCalls, double p50Micros, double p99Micros, double p999Micros, double maxMicros,
      int nativeSingleCalls, double nativeP50Micros, double nativeP99Micros, double heldOutAuc, double maxAbsDifference, double loadBefore, double loadAfter) {

    /** Returns backend training time over direct xgboost4j training time (target: at most 1.2). */
    public double overheadRatio() {
      return backendFitSeconds / directFitSeconds;
    }

    /** Returns the backend's batch scoring speed (target: at least 500,000 rows/s). */
    public double batchRowsPerSecond() {
      return batchRows / batchSeconds;
    }

    /** Returns xgboost4j's own batch scoring speed on the same rows. */
    public double nativeBatchRowsPerSecond() {
      return batchRows / nativeBatchSeconds;
    }

    /** Returns the report as readable lines. */
    public List<String> lines() {
      List<String> out = new ArrayList<>();
      out.add(String.format("data: %,d rows x %d features, %d trees, %d threads on %d cores",
          rows, features, trees, threads, cores));
      out.add("xgboost parameters (both sides): " + xgboostParameters);
      out.add(String.format("train: backend %.2f s (conversion included), xgboost4j %.2f s"
          + " (DMatrix %.2f s) -> overhead ratio %.3f", backendFitSeconds, directFitSeconds,
          directMatrixSeconds, overheadRatio()));
      out.add(String.format("batch: backend predict %,.0f rows/s (%,d rows in %.3f s);"
          + " xgboost4j predict %,.0f rows/s", batchRowsPerSecond(), batchRows, batchSeconds,
          nativeBatchRowsPerSecond()));
      out.add(String.format("predictOne over %,d calls: p50 %.1f us, p99 %.1f us,"
          + " p99.9 %.1f us, max %.1f us", singleCalls, p50Micros, p99Micros, p999Micros,
          maxMicros));
      out.add(String.format("xgboost4j single row (1-row DMatrix + predict) over %,d calls:"
          + " p50 %.1f us, p99 %.1f us", nativeSingleCalls, nativeP50Micros, nativeP99Micros));
      out.add(String.format("held-out AUC %.4f; max |backend - xgboost4j| %.2e;"
          + " load average %.2f before, %.2f after", heldOutAuc, maxAbsDifference, loadBefore,
          loadAfter));
      return out;
    }
  }

  private ModelBench() {}

  /**
   * Runs the benchmark once per side on all cores, with 100,000 timed single-row calls.
   *
   * @param rows training rows (e.g. 1,000,000)
   * @param features columns (at least 5, e.g. 40)
   * @param trees boosting rounds (e.g. 300)
   * @param progress receives one line per step
   * @return the figures
   */
  public static Report run(int rows, int features, int trees, Consumer<String> progress) {
    return run(rows, features, trees, Runtime.getRuntime().availableProcessors(), 1, 100_000,
        progress);
  }

  /**
   * Runs the benchmark.
   *
   * @param rows training rows
   * @param features columns (at least 5)
   * @param trees boosting rounds
   * @param threads xgboost threads on both sides (e.g. the available processors)
   * @param repeats timed training runs per side (best is reported; order alternates)
   * @param singleCalls timed {@code predictOne} calls
   * @param progress receives one line per step
   * @return the figures
   */
  public static Report run(int rows, int features, int trees, int threads, int repeats,
      int singleCalls, Consumer<String> progress) {
    Objects.requireNonNull(progress, "progress");
    if (rows < 1000) {
      throw new IllegalArgumentException("rows was " + rows + " but it must be >= 1000");
    }
    if (features < 5) {
      throw new IllegalArgumentException("features was " + features + " but it must be >= 5");
    }
    if (threads < 1 || repeats < 1 || singleCalls < 1) {
      throw new IllegalArgumentException("threads, repeats and singleCalls must be >= 1 but were "
          + threads + ", " + repeats + " and " + singleCalls);
    }
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    int cores = Runtime.getRuntime().availableProcessors();
    ModelBackend backend = new XgboostBackend();
    Params params = Params.of(backend.parameters(),
        Map.of("trees", trees, "max_depth", 4, "eta", 0.05, "grow_policy", "depthwise",
            "subsample", 0.8, "colsample", 0.8));
    Map<String, Object> nativeParams = XgboostBackend.nativeParameters(params, threads, SEED);

    progress.accept(String.format("generating %,d x %d training rows and %,d held-out rows",
        rows, features, Math.min(rows, 100_000)));
    Generated train = generate(rows, features, SEED);
    Generated test = generate(Math.min(rows, 100_000), features, SEED + 1);
    float[] trainFloats = toFloats(train.x().values());
    float[] labels = new float[rows];
    float[] weights = new float[rows];
    double[] unitWeights = new double[rows];
    for (int r = 0; r < rows; r++) {
      labels[r] = train.y()[r] ? 1f : 0f;
      weights[r] = 1f;
      unitWeights[r] = 1.0;
    }
    TrainingData data = new TrainingData(train.x(), train.y(), unitWeights, SEED, threads);

    progress.accept("warm-up (small fits on both sides)");
    warmUp(backend, nativeParams, features, threads);

    double bestBackend = Double.POSITIVE_INFINITY;
    double bestDirect = Double.POSITIVE_INFINITY;
    double bestMatrix = Double.POSITIVE_INFINITY;
    FittedModel model = null;
    Booster booster = null;
    for (int rep = 0; rep < repeats; rep++) {
      for (int side = 0; side < 2; side++) {
        boolean directFirst = rep % 2 == 0;
        boolean direct = (side == 0) == directFirst;
        System.gc();
        if (direct) {
          long t0 = System.nanoTime();
          DMatrix m = matrix(trainFloats, rows, features);
          try {
            m.setLabel(labels);
            m.setWeight(weights);
            long t1 = System.nanoTime();
            Booster b = XGBoost.train(m, nativeParams, trees, Map.of(), null, null);
            long t2 = System.nanoTime();
            bestDirect = Math.min(bestDirect, (t2 - t0) / 1e9);
            bestMatrix = Math.min(bestMatrix, (t1 - t0) / 1e9);
            progress.accept(String.format("xgboost4j direct: %.2f s (DMatrix %.2f s)",
                (t2 - t0) / 1e9, (t1 - t0) / 1e9));
            booster = b;
          } catch (XGBoostError e) {
            throw new IllegalStateException("xgboost4j failed: " + e.getMessage(), e);
          } finally {
            m.dispose();
          }
        } else {
          long t0 = System.nanoTime();
          FittedModel fitted = backend.fit(data, params);
          double s = (System.nanoTime() - t0) / 1e9;
          bestBackend = Math.min(bestBackend, s);
          progress.accept(String.format("xgboost backend fit: %.2f s", s));
          model = fitted;
        }
      }
    }

    progress.accept("comparing the two models on held-out rows");
    double[] ours = model.predict(test.x());
    double heldOutAuc = BinaryMetrics.rocAuc(ours, test.y());
    float[][] theirs = nativePredict(booster, toFloats(test.x().values()), test.x().rows(),
        features);
    double maxDiff = 0;
    for (int r = 0; r < ours.length; r++) {
      maxDiff = Math.max(maxDiff, Math.abs(ours[r] - theirs[r][0]));
    }

    progress.accept(String.format("batch scoring %,d rows", rows));
    model.predict(test.x()); // warm-up
    double batch = Double.POSITIVE_INFINITY;
    for (int i = 0; i < 3; i++) {
      long t0 = System.nanoTime();
      double[] p = model.predict(train.x());
      batch = Math.min(batch, (System.nanoTime() - t0) / 1e9);
      if (p.length != rows) {
        throw new IllegalStateException("predict returned " + p.length + " rows");
      }
    }
    double nativeBatch = Double.POSITIVE_INFINITY;
    for (int i = 0; i < 2; i++) {
      long t0 = System.nanoTime();
      nativePredict(booster, trainFloats, rows, features);
      nativeBatch = Math.min(nativeBatch, (System.nanoTime() - t0) / 1e9);
    }

    progress.accept(String.format("predictOne latency over %,d calls", singleCalls));
    long[] nanos = singleRowLatencies(model, test.x(), singleCalls);
    Arrays.sort(nanos);
    int nativeCalls = Math.max(1, Math.min(10_000, singleCalls / 10));
    progress.accept(String.format("xgboost4j single-row latency over %,d calls", nativeCalls));
    long[] nativeNanos = nativeSingleRowLatencies(booster, test.x(), nativeCalls);
    Arrays.sort(nativeNanos);
    double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    booster.dispose();
    return new Report(rows, features, trees, threads, cores, nativeParams, bestBackend,
        bestDirect, bestMatrix, rows, batch, nativeBatch, singleCalls,
        percentile(nanos, 0.50) / 1e3, percentile(nanos, 0.99) / 1e3,
        percentile(nanos, 0.999) / 1e3, nanos[nanos.length - 1] / 1e3, nativeCalls,
        percentile(nativeNanos, 0.50) / 1e3, percentile(nativeNanos, 0.99) / 1e3, heldOutAuc,
        maxDiff,
        loadBefore, loadAfter);
  }

  private static void warmUp(ModelBackend backend, Map<String, Object> nativeParams,
      int features, int threads) {
    Generated small = generate(20_000, features, SEED + 2);
    double[] w = new double[small.y().length];
    Arrays.fill(w, 1);
    Params few = Params.of(backend.parameters(), Map.of("trees", 50));
    FittedModel m = backend.fit(new TrainingData(small.x(), small.y(), w, SEED, threads), few);
    m.predict(small.x());
    float[] labels = new float[small.y().length];
    for (int r = 0; r < labels.length; r++) {
      labels[r] = small.y()[r] ? 1f : 0f;
    }
    DMatrix d = matrix(toFloats(small.x().values()), small.x().rows(), features);
    try {
      d.setLabel(labels);
      XGBoost.train(d, nativeParams, 50, Map.of(), null, null).dispose();
    } catch (XGBoostError e) {
      throw new IllegalStateException("xgboost4j failed: " + e.getMessage(), e);
    } finally {
      d.dispose();
    }
  }

  private static long[] singleRowLatencies(FittedModel model, FeatureMatrix x, int calls) {
    int pool = Math.min(1000, x.rows());
    double[][] rows = new double[pool][];
    for (int i = 0; i < pool; i++) {
      rows[i] = x.row(i);
    }
    double sink = 0;
    for (int i = 0; i < Math.max(20_000, calls / 5); i++) {
      sink += model.predictOne(rows[i % pool]);
    }
    long[] nanos = new long[calls];
    for (int i = 0; i < calls; i++) {
      double[] row = rows[i % pool];
      long t0 = System.nanoTime();
      sink += model.predictOne(row);
      nanos[i] = System.nanoTime() - t0;
    }
    if (Double.isNaN(sink)) {
      throw new IllegalStateException("predictOne returned NaN");
    }
    return nanos;
  }

  private static long[] nativeSingleRowLatencies(Booster booster, FeatureMatrix x, int calls) {
    int pool = Math.min(1000, x.rows());
    float[][] rows = new float[pool][];
    for (int i = 0; i < pool; i++) {
      rows[i] = toFloats(x.row(i));
    }
    int features = x.columns();
    double sink = 0;
    long[] nanos = new long[calls];
    for (int i = -Math.min(2000, calls); i < calls; i++) {
      float[] row = rows[Math.floorMod(i, pool)];
      long t0 = System.nanoTime();
      sink += nativePredict(booster, row, 1, features)[0][0];
      if (i >= 0) {
        nanos[i] = System.nanoTime() - t0;
      }
    }
    if (Double.isNaN(sink)) {
      throw new IllegalStateException("xgboost4j returned NaN");
    }
    return nanos;
  }

  private static double percentile(long[] sorted, double q) {
    int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
    return sorted[Math.max(0, i)];
  }

  private static DMatrix matrix(float[] values, int rows, int features) {
    try {
      return new DMatrix(values, rows, features, Float.NaN);
    } catch (XGBoostError e) {
      throw new IllegalStateException("xgboost4j could not build a DMatrix: " + e.getMessage(), e);
    }
  }

  private static float[][] nativePredict(Booster booster, float[] values, int rows, int features) {
    DMatrix m = matrix(values, rows, features);
    try {
      return booster.predict(m);
    } catch (XGBoostError e) {
      throw new IllegalStateException("xgboost4j failed to predict: " + e.getMessage(), e);
    } finally {
      m.dispose();
    }
  }

  private static float[] toFloats(double[] v) {
    float[] f = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      f[i] = (float) v[i];
    }
    return f;
  }

  /** Generated rows and labels. */
  record Generated(FeatureMatrix x, boolean[] y) {}

  /**
   * Generates the benchmark data: column kinds cycle through Gaussian, uniform, small count and
   * log-normal; every fifth column has 5 % NaN; the label is Bernoulli(sigmoid(z)) with z a
   * nonlinear function of the first five columns (a sine, a product, a threshold, a square, and
   * missingness itself) plus a weak linear term in the others and Gaussian noise.
   */
  static Generated generate(int rows, int features, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<String> names = new ArrayList<>(features);
    int width = Integer.toString(features - 1).length();
    for (int j = 0; j < features; j++) {
      names.add("x" + "0".repeat(Math.max(0, Math.max(2, width) - Integer.toString(j).length()))
          + j);
    }
    double[] v = new double[rows * features];
    boolean[] y = new boolean[rows];
    for (int r = 0, base = 0; r < rows; r++, base += features) {
      for (int j = 0; j < features; j++) {
        double d = switch (j % 4) {
          case 0 -> rnd.nextGaussian();
          case 1 -> rnd.nextDouble();
          case 2 -> rnd.nextInt(5);
          default -> Math.exp(rnd.nextGaussian());
        };
        if (j % 5 == 4 && rnd.nextInt(20) == 0) {
          d = Double.NaN;
        }
        v[base + j] = d;
      }
      double x4 = v[base + 4];
      double z = 1.2 * Math.sin(2 * v[base]) + 1.5 * (v[base + 1] - 0.5) * (v[base + 2] - 2)
          + (v[base + 3] > 1.5 ? 1.0 : -0.5) + (Double.isNaN(x4) ? 1.0 : 0.3 * x4 * x4 - 0.3)
          - 0.3;
      for (int j = 5; j < features; j++) {
        double d = v[base + j];
        if (!Double.isNaN(d)) {
          z += (j % 2 == 0 ? 0.02 : -0.02) * d;
        }
      }
      z += 0.5 * rnd.nextGaussian();
      y[r] = rnd.nextDouble() < 1 / (1 + Math.exp(-z));
    }
    return new Generated(FeatureMatrix.of(names, rows, v), y);
  }
}
