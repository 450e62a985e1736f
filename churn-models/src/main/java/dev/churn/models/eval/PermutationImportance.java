package dev.churn.models.eval;

import dev.churn.core.ChurnException;
import dev.churn.models.spi.FeatureMatrix;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Permutation importance, as scikit-learn's {@code sklearn.inspection.permutation_importance}: for
 * each feature, shuffle its values across rows, score the model on the shuffled data, and report
 * the drop from the baseline score, over several shuffles. It works with any model (only
 * predictions are needed) and measures what the model relies on <em>on the given rows</em>; use
 * held-out rows.
 *
 * <p><b>Groups.</b> The trainer one-hot encodes a categorical feature into several columns;
 * shuffling them one at a time breaks the one-hot structure and splits the credit. Pass groups
 * instead (source feature name to its column indices, for example from {@link #groupColumns(List,
 * Function)}): the columns of a group are shuffled together, with the same row permutation, so rows
 * keep valid one-hot codes. (scikit-learn 1.2 shuffles single columns only; a group extends the
 * same definition to several columns.)
 *
 * <p><b>Determinism.</b> Shuffles come from a {@link SplittableRandom} seeded with the seed, not
 * from NumPy, so the individual drops differ from scikit-learn's; the definition is the same (each
 * repeat scores the data with the feature's values under a uniformly random row permutation; the
 * drop is the baseline minus that score). As in scikit-learn, repeat {@code r} uses the same row
 * permutation for every feature, so features are compared on equal terms, and the result does not
 * depend on the parallelism.
 *
 * <p><b>Parallelism.</b> With {@link Builder#parallelism(int)} above 1, features are scored on that
 * many threads at once, so the predictor must be thread-safe ({@link
 * dev.churn.models.spi.FittedModel#predict(FeatureMatrix)} is). Each thread reuses one copy of the
 * matrix, so the predictor must not keep the matrix it is given after it returns.
 *
 * <pre>{@code
 * ImportanceReport report = PermutationImportance.builder()
 *     .scoring(Scoring.rocAuc())
 *     .repeats(5)
 *     .seed(42)
 *     .parallelism(2)
 *     .build()
 *     .compute(xTest, yTest, model::predict,
 *         PermutationImportance.groupColumns(xTest.names(), n -> n.split("=")[0]));
 * for (FeatureImportance f : report.sortedByMean()) {
 *   log.info("{}", f);
 * }
 * }</pre>
 */
public final class PermutationImportance {

  private static final Logger LOG = LoggerFactory.getLogger(PermutationImportance.class);
  private static final AtomicInteger POOLS = new AtomicInteger();

  private final Scoring scoring;
  private final int repeats;
  private final long seed;
  private final int parallelism;

  private PermutationImportance(Builder b) {
    this.scoring = b.scoring;
    this.repeats = b.repeats;
    this.seed = b.seed;
    this.parallelism = b.parallelism;
  }

  /**
   * Returns a builder; defaults: ROC AUC, 5 repeats (scikit-learn's default), seed 0, one thread.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Computes the permutation importance of every column, on one thread.
   *
   * @param x the rows to evaluate on (held-out rows), with at least 2 rows
   * @param y the label per row
   * @param predictor the model: the predictions (probabilities) for a matrix, one per row
   * @param scoring the score, higher is better
   * @param repeats how many shuffles per column, at least 1
   * @param seed the seed of the shuffles
   * @return the baseline and the importance of every column, in column order
   * @throws IllegalArgumentException if an argument is invalid
   */
  public static ImportanceReport compute(
      FeatureMatrix x,
      boolean[] y,
      Function<FeatureMatrix, double[]> predictor,
      Scoring scoring,
      int repeats,
      long seed) {
    return builder().scoring(scoring).repeats(repeats).seed(seed).build().compute(x, y, predictor);
  }

  /**
   * Computes the permutation importance of every column.
   *
   * @param x the rows to evaluate on (held-out rows), with at least 2 rows
   * @param y the label per row
   * @param predictor the model: the predictions (probabilities) for a matrix, one per row
   * @return the baseline and the importance of every column, in column order
   * @throws IllegalArgumentException if an argument is invalid or the predictor returns the wrong
   *     number of predictions
   */
  public ImportanceReport compute(
      FeatureMatrix x, boolean[] y, Function<FeatureMatrix, double[]> predictor) {
    Objects.requireNonNull(x, "x");
    Map<String, int[]> groups = new LinkedHashMap<>();
    List<String> names = x.names();
    for (int j = 0; j < names.size(); j++) {
      // duplicate column names get their index appended so that every column is reported
      String name = groups.containsKey(names.get(j)) ? names.get(j) + "#" + j : names.get(j);
      groups.put(name, new int[] {j});
    }
    return compute(x, y, predictor, groups);
  }

  /**
   * Computes the permutation importance of groups of columns, each group shuffled together.
   *
   * @param x the rows to evaluate on (held-out rows), with at least 2 rows
   * @param y the label per row
   * @param predictor the model: the predictions (probabilities) for a matrix, one per row
   * @param groups group name to the indices of its columns, in the order to report them; groups may
   *     overlap, and columns in no group are not shuffled
   * @return the baseline and the importance of every group, in the map's order
   * @throws IllegalArgumentException if an argument is invalid, a group is empty or names a column
   *     out of range or twice, or the predictor returns the wrong number of predictions
   */
  public ImportanceReport compute(
      FeatureMatrix x,
      boolean[] y,
      Function<FeatureMatrix, double[]> predictor,
      Map<String, int[]> groups) {
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(y, "y");
    Objects.requireNonNull(predictor, "predictor");
    Objects.requireNonNull(groups, "groups");
    int rows = x.rows();
    if (y.length != rows) {
      throw new IllegalArgumentException(
          "y must have one label per row of x (y.length=" + y.length + ", rows=" + rows + ")");
    }
    if (rows < 2) {
      throw new IllegalArgumentException(
          "x has " + rows + " rows but permutation importance needs at least 2");
    }
    if (groups.isEmpty()) {
      throw new IllegalArgumentException("groups must not be empty");
    }
    List<String> names = new ArrayList<>(groups.size());
    List<int[]> columns = new ArrayList<>(groups.size());
    for (Map.Entry<String, int[]> e : groups.entrySet()) {
      names.add(Objects.requireNonNull(e.getKey(), "group name"));
      columns.add(checkGroup(e.getKey(), e.getValue(), x.columns()));
    }

    double baseline = score(predictor, x, y);
    SplittableRandom root = new SplittableRandom(seed);
    long[] repeatSeeds = new long[repeats];
    for (int r = 0; r < repeats; r++) {
      repeatSeeds[r] = root.nextLong();
    }
    double[][] drops = new double[names.size()][];
    int threads = Math.min(parallelism, names.size());
    AtomicInteger next = new AtomicInteger();
    Runnable worker =
        () -> {
          double[] buffer = x.values().clone();
          int[] permutation = new int[rows];
          for (int g = next.getAndIncrement(); g < drops.length; g = next.getAndIncrement()) {
            drops[g] =
                drops(x, y, predictor, baseline, columns.get(g), repeatSeeds, buffer, permutation);
          }
        };
    if (threads <= 1) {
      worker.run();
    } else {
      runParallel(worker, threads);
    }

    List<FeatureImportance> features = new ArrayList<>(names.size());
    for (int g = 0; g < drops.length; g++) {
      double[] d = drops[g];
      double mean = 0;
      for (double v : d) {
        mean += v;
      }
      mean /= d.length;
      double ss = 0;
      for (double v : d) {
        ss += (v - mean) * (v - mean);
      }
      features.add(
          new FeatureImportance(names.get(g), columns.get(g), mean, Math.sqrt(ss / d.length), d));
    }
    ImportanceReport report =
        new ImportanceReport(scoring.toString(), baseline, repeats, seed, features);
    LOG.debug(
        "permutation importance of {} features on {} rows ({} repeats, {} threads): baseline {}={}",
        features.size(),
        rows,
        repeats,
        Math.max(threads, 1),
        scoring,
        baseline);
    return report;
  }

  /** The drops of one group over all repeats; leaves the buffer equal to x again. */
  private double[] drops(
      FeatureMatrix x,
      boolean[] y,
      Function<FeatureMatrix, double[]> predictor,
      double baseline,
      int[] group,
      long[] repeatSeeds,
      double[] buffer,
      int[] permutation) {
    int rows = x.rows();
    int width = x.columns();
    double[] original = x.values();
    double[] result = new double[repeatSeeds.length];
    for (int r = 0; r < repeatSeeds.length; r++) {
      permutation(permutation, repeatSeeds[r]);
      for (int c : group) {
        for (int i = 0; i < rows; i++) {
          buffer[i * width + c] = original[permutation[i] * width + c];
        }
      }
      result[r] = baseline - score(predictor, FeatureMatrix.of(x.names(), rows, buffer), y);
    }
    for (int c : group) {
      for (int i = 0; i < rows; i++) {
        buffer[i * width + c] = original[i * width + c];
      }
    }
    return result;
  }

  /** Fills {@code out} with a uniformly random permutation of 0..n-1 (Fisher-Yates). */
  static void permutation(int[] out, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < out.length; i++) {
      out[i] = i;
    }
    for (int i = out.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = out[i];
      out[i] = out[j];
      out[j] = t;
    }
  }

  private double score(Function<FeatureMatrix, double[]> predictor, FeatureMatrix m, boolean[] y) {
    double[] predictions = predictor.apply(m);
    if (predictions == null || predictions.length != m.rows()) {
      throw new IllegalArgumentException(
          "the predictor returned "
              + (predictions == null ? "null" : predictions.length + " predictions")
              + " for "
              + m.rows()
              + " rows");
    }
    return scoring.score(predictions, y);
  }

  private static void runParallel(Runnable worker, int threads) {
    int pool = POOLS.incrementAndGet();
    AtomicInteger thread = new AtomicInteger();
    ExecutorService executor =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t =
                  new Thread(r, "churn-permutation-" + pool + "-" + thread.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<?>> futures = new ArrayList<>(threads);
      for (int i = 0; i < threads; i++) {
        futures.add(executor.submit(worker));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new ChurnException("permutation importance failed: " + cause, cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChurnException("permutation importance was interrupted", e);
    } finally {
      executor.shutdownNow();
    }
  }

  private static int[] checkGroup(String name, int[] group, int width) {
    if (group == null || group.length == 0) {
      throw new IllegalArgumentException("group '" + name + "' must name at least one column");
    }
    int[] copy = group.clone();
    boolean[] seen = new boolean[width];
    for (int c : copy) {
      if (c < 0 || c >= width) {
        throw new IllegalArgumentException(
            "group '" + name + "' names column " + c + " but x has columns 0 to " + (width - 1));
      }
      if (seen[c]) {
        throw new IllegalArgumentException("group '" + name + "' names column " + c + " twice");
      }
      seen[c] = true;
    }
    return copy;
  }

  /**
   * Groups columns by the source feature each comes from, for example the one-hot columns {@code
   * plan=basic}, {@code plan=pro} under {@code plan}.
   *
   * @param names the column names, e.g. {@link FeatureMatrix#names()}
   * @param sourceOf the source feature of a column name, e.g. {@code n -> n.split("=")[0]}
   * @return source feature to its column indices, in order of first appearance
   * @throws NullPointerException if {@code sourceOf} returns null
   */
  public static Map<String, int[]> groupColumns(
      List<String> names, Function<String, String> sourceOf) {
    Objects.requireNonNull(names, "names");
    Objects.requireNonNull(sourceOf, "sourceOf");
    Map<String, List<Integer>> grouped = new LinkedHashMap<>();
    for (int j = 0; j < names.size(); j++) {
      String source =
          Objects.requireNonNull(
              sourceOf.apply(names.get(j)), "sourceOf returned null for " + names.get(j));
      grouped.computeIfAbsent(source, k -> new ArrayList<>()).add(j);
    }
    Map<String, int[]> result = new LinkedHashMap<>();
    grouped.forEach((k, v) -> result.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
    return result;
  }

  @Override
  public String toString() {
    return "PermutationImportance[scoring="
        + scoring
        + ", repeats="
        + repeats
        + ", seed="
        + seed
        + ", parallelism="
        + parallelism
        + "]";
  }

  /**
   * Configures a {@link PermutationImportance}. Setters check their argument at once; {@link
   * #build()} can be called again after more changes.
   */
  public static final class Builder {
    private Scoring scoring = Scoring.rocAuc();
    private int repeats = 5;
    private long seed;
    private int parallelism = 1;

    private Builder() {}

    /**
     * Sets the score, higher is better (default {@link Scoring#rocAuc()}).
     *
     * @param scoring the score
     * @return this builder
     */
    public Builder scoring(Scoring scoring) {
      this.scoring = Objects.requireNonNull(scoring, "scoring");
      return this;
    }

    /**
     * Sets how many shuffles each feature gets (default 5).
     *
     * @param repeats at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code repeats < 1}
     */
    public Builder repeats(int repeats) {
      if (repeats < 1) {
        throw new IllegalArgumentException("repeats was " + repeats + " but it must be >= 1");
      }
      this.repeats = repeats;
      return this;
    }

    /**
     * Sets the seed of the shuffles (default 0).
     *
     * @param seed any value
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Sets how many features are scored at once (default 1, the calling thread).
     *
     * @param parallelism at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code parallelism < 1}
     */
    public Builder parallelism(int parallelism) {
      if (parallelism < 1) {
        throw new IllegalArgumentException(
            "parallelism was " + parallelism + " but it must be >= 1");
      }
      this.parallelism = parallelism;
      return this;
    }

    /**
     * Builds the calculator.
     *
     * @return a new, immutable {@link PermutationImportance}
     */
    public PermutationImportance build() {
      return new PermutationImportance(this);
    }
  }
}
