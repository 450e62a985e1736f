package dev.churn.models.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.churn.core.metrics.BinaryMetrics;
import dev.churn.models.spi.ModelBackend.Capabilities;
import dev.churn.models.spi.ModelBackend.TrainingData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The contract every {@link ModelBackend} must meet, as an abstract JUnit 5 test: extend it,
 * return your backend from {@link #backend()}, and the subclass runs every check.
 *
 * <pre>{@code
 * class MyBackendTest extends ModelBackendCompatibilityKit {
 *   @Override protected ModelBackend backend() { return new MyBackend(); }
 *   @Override protected Map<String, Object> testParameters() { return Map.of("trees", 50); }
 * }
 * }</pre>
 *
 * <p>It checks: a valid, unique id (among the backends {@link ServiceLoader} finds) and valid
 * parameter specs whose defaults are accepted; learning a nearly separable problem (held-out ROC
 * AUC above 0.95); probabilities within [0, 1] for every finite input; missing values at scoring
 * when the backend says it handles them; identical predictions for equal seeds; identical scores
 * after {@link FittedModel#toBytes()} and {@link ModelBackend#read(byte[])}; {@link
 * FittedModel#predictOne} equal to {@link FittedModel#predict} for every row; row weights being
 * respected; contributions summing to the log-odds; native importance naming training columns;
 * and concurrent scoring.
 *
 * <p>All data is generated in the test. The kit trains a handful of small models; keep {@link
 * #testParameters()} small (few trees) so a suite runs in seconds.
 *
 * <p>Third-party backends get the kit from the {@code churn-models} test jar ({@code
 * <type>test-jar</type>}, scope test) together with JUnit Jupiter, AssertJ and QuickTheories.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ModelBackendCompatibilityKit {

  /** Column names of the generated data, deliberately not in sorted order. */
  protected static final List<String> COLUMNS =
      List.of("tenure", "calls", "arpu", "complaints", "noise_z", "noise_a");

  private ModelBackend backend;
  private Data train;
  private Data test;
  private FittedModel model;

  /** Returns the backend under test; called once per test class. */
  protected abstract ModelBackend backend();

  /** Returns parameter values for the tests (e.g. few trees); defaults fill the rest. */
  protected Map<String, Object> testParameters() {
    return Map.of();
  }

  /** Returns the tolerance between {@code predictOne} and {@code predict}; exact by default. */
  protected double predictOneTolerance() {
    return 0.0;
  }

  /** Returns the tolerance of the contributions' sum against the log-odds. */
  protected double contributionTolerance() {
    return 1e-4;
  }

  /** Generated rows with labels. */
  protected record Data(FeatureMatrix x, boolean[] y) {
    /** Returns training data with unit weights. */
    public TrainingData training(long seed, int threads) {
      double[] w = new double[y.length];
      Arrays.fill(w, 1.0);
      return new TrainingData(x, y, w, seed, threads);
    }
  }

  /**
   * Generates a nearly separable problem over {@link #COLUMNS}: the label is the sign of a linear
   * score of three columns plus a little noise; {@code complaints} is a small count (many real
   * zeros); the two noise columns carry no signal.
   *
   * @param rows the number of rows
   * @param seed the random seed
   * @param missing the share of values set to NaN in {@code arpu} and {@code noise_a}
   */
  protected static Data separable(int rows, long seed, double missing) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int c = COLUMNS.size();
    double[] v = new double[rows * c];
    boolean[] y = new boolean[rows];
    for (int r = 0; r < rows; r++) {
      double tenure = rnd.nextDouble() * 4 - 2;
      double calls = rnd.nextGaussian();
      double arpu = rnd.nextGaussian();
      double complaints = rnd.nextInt(4);
      double score = -2.0 * tenure + 1.5 * calls + 1.0 * (complaints - 1.5) + 0.1 * arpu
          + 0.2 * rnd.nextGaussian();
      y[r] = score > 0;
      double[] row = {tenure, calls, arpu, complaints, rnd.nextGaussian(), rnd.nextDouble()};
      if (missing > 0) {
        if (rnd.nextDouble() < missing) {
          row[2] = Double.NaN;
        }
        if (rnd.nextDouble() < missing) {
          row[5] = Double.NaN;
        }
      }
      System.arraycopy(row, 0, v, r * c, c);
    }
    return new Data(FeatureMatrix.of(COLUMNS, rows, v), y);
  }

  @BeforeAll
  void createBackend() {
    backend = backend();
  }

  /** Returns the validated test parameters. */
  protected final Params params() {
    return Params.of(backend.parameters(), testParameters());
  }

  /** Returns the training data shared by the tests (1,500 rows, seed 1). */
  protected final Data trainingData() {
    if (train == null) {
      train = separable(1500, 1L, 0.0);
    }
    return train;
  }

  /** Returns the held-out data shared by the tests (600 rows, seed 2). */
  protected final Data heldOut() {
    if (test == null) {
      test = separable(600, 2L, 0.0);
    }
    return test;
  }

  /** Returns the model fitted once on {@link #trainingData()} with seed 42 and two threads. */
  protected final FittedModel model() {
    if (model == null) {
      model = backend.fit(trainingData().training(42L, 2), params());
    }
    return model;
  }

  @AfterAll
  void releaseModel() {
    model = null;
  }

  @Test
  @DisplayName("the id is lower case, digits and dashes, and unique among discovered backends")
  void id_isValidAndUnique() {
    assertThat(backend.id()).matches("[a-z0-9]+(-[a-z0-9]+)*");
    assertThat(backend.description()).isNotBlank();
    List<String> sameId = new ArrayList<>();
    ServiceLoader<ModelBackend> loader = ServiceLoader.load(ModelBackend.class);
    for (var it = loader.iterator(); it.hasNext(); ) {
      try {
        ModelBackend b = it.next();
        if (b.id().equals(backend.id())) {
          sameId.add(b.getClass().getName());
        }
      } catch (ServiceConfigurationError e) {
        // another broken provider is not this backend's problem
      }
    }
    assertThat(sameId)
        .as("backends registered with id '%s' (register with @AutoService(ModelBackend.class))",
            backend.id())
        .containsExactly(backend.getClass().getName());
  }

  @Test
  @DisplayName("parameter specs are well formed and their defaults are within their ranges")
  void parameters_haveValidSpecs() {
    List<ParamSpec> specs = backend.parameters();
    Set<String> names = new LinkedHashSet<>();
    for (ParamSpec s : specs) {
      assertThat(names.add(s.name())).as("parameter %s is declared once", s.name()).isTrue();
      assertThat(s.name()).matches("[a-z][a-z0-9_]*");
      assertThat(s.description()).as("description of %s", s.name()).isNotBlank();
      switch (s.type()) {
        case DOUBLE, INT -> {
          assertThat(s.defaultValue()).as("default of %s", s.name()).isInstanceOf(
              s.type() == ParamSpec.Type.INT ? Integer.class : Double.class);
          double d = ((Number) s.defaultValue()).doubleValue();
          assertThat(s.min()).as("min of %s", s.name()).isFinite();
          assertThat(s.max()).as("max of %s", s.name()).isFinite().isGreaterThanOrEqualTo(s.min());
          assertThat(d).as("default of %s", s.name()).isBetween(s.min(), s.max());
          if (s.logScale()) {
            assertThat(s.min()).as("log-scale %s needs a positive min", s.name()).isPositive();
          }
        }
        case CHOICE -> {
          assertThat(s.choices()).as("choices of %s", s.name()).isNotEmpty();
          assertThat(s.choices()).as("choices of %s", s.name()).contains((String) s.defaultValue());
        }
      }
    }
    Params defaults = Params.of(specs, Map.of());
    assertThat(defaults.asMap().keySet()).containsExactlyElementsOf(names);
    assertThat(params().asMap().keySet()).containsExactlyElementsOf(names);
  }

  @Test
  @DisplayName("the fitted model reports the backend's id")
  void fittedModel_reportsBackendId() {
    assertThat(model().backend()).isEqualTo(backend.id());
  }

  @Test
  @DisplayName("learns a nearly separable problem: held-out ROC AUC above 0.95")
  void fit_learnsSeparableProblem() {
    double auc = BinaryMetrics.rocAuc(model().predict(heldOut().x()), heldOut().y());
    assertThat(auc).as("held-out ROC AUC").isGreaterThan(0.95);
  }

  @Test
  @DisplayName("probabilities are within [0, 1]")
  void predict_probabilitiesWithinUnitInterval() {
    for (double p : model().predict(heldOut().x())) {
      assertThat(p).isBetween(0.0, 1.0);
    }
  }

  @Test
  @DisplayName("property: any finite row, however extreme, scores within [0, 1]")
  void predictOne_boundedForArbitraryRows() {
    FittedModel m = model();
    qt().withFixedSeed(20240601L).withExamples(300)
        .forAll(lists().of(doubles().between(-1e9, 1e9)).ofSize(COLUMNS.size()))
        .checkAssert(values -> {
          double[] row = values.stream().mapToDouble(Double::doubleValue).toArray();
          assertThat(m.predictOne(row)).isBetween(0.0, 1.0);
        });
  }

  @Test
  @DisplayName("predictOne equals predict for every row")
  void predictOne_equalsPredictForEveryRow() {
    FeatureMatrix x = heldOut().x();
    double[] batch = model().predict(x);
    for (int r = 0; r < x.rows(); r++) {
      double one = model().predictOne(x.row(r));
      if (predictOneTolerance() == 0) {
        assertThat(one).as("row %d", r).isEqualTo(batch[r]);
      } else {
        assertThat(one).as("row %d", r).isCloseTo(batch[r], within(predictOneTolerance()));
      }
    }
  }

  @Test
  @DisplayName("a row's score does not depend on the other rows of the batch")
  void predict_isRowIndependent() {
    FeatureMatrix x = heldOut().x();
    double[] all = model().predict(x);
    int[] reversed = new int[x.rows()];
    for (int i = 0; i < reversed.length; i++) {
      reversed[i] = x.rows() - 1 - i;
    }
    double[] rev = model().predict(x.rows(reversed));
    for (int i = 0; i < reversed.length; i++) {
      assertThat(rev[i]).as("row %d", reversed[i]).isEqualTo(all[reversed[i]]);
    }
    assertThat(model().predict(x.rows(new int[0]))).isEmpty();
  }

  @Test
  @DisplayName("the same seed gives identical predictions")
  void fit_sameSeedGivesIdenticalPredictions() {
    FittedModel again = backend.fit(trainingData().training(42L, 2), params());
    assertThat(again.predict(heldOut().x())).containsExactly(model().predict(heldOut().x()));
  }

  @Test
  @DisplayName("toBytes and read give a model with identical scores")
  void toBytes_roundTripGivesIdenticalScores() {
    byte[] bytes = model().toBytes();
    assertThat(bytes).isNotEmpty();
    FittedModel copy = backend.read(bytes);
    FeatureMatrix x = heldOut().x();
    assertThat(copy.backend()).isEqualTo(backend.id());
    assertThat(copy.predict(x)).containsExactly(model().predict(x));
    assertThat(copy.predictOne(x.row(0))).isEqualTo(model().predictOne(x.row(0)));
    assertThat(copy.nativeImportance()).isEqualTo(model().nativeImportance());
    Optional<double[][]> a = model().contributions(x.rows(new int[] {0, 1, 2}));
    Optional<double[][]> b = copy.contributions(x.rows(new int[] {0, 1, 2}));
    assertThat(b.isPresent()).isEqualTo(a.isPresent());
    a.ifPresent(ca -> assertThat(b.get()).isDeepEqualTo(ca));
    assertThat(backend.read(copy.toBytes()).predict(x)).containsExactly(model().predict(x));
  }

  @Test
  @DisplayName("missing values at scoring give finite probabilities (backends that handle them)")
  void predict_handlesMissingValues() {
    Capabilities caps = backend.capabilities();
    assumeTrue(caps.handlesMissing(), "backend '" + backend.id() + "' declares handlesMissing="
        + "false: the trainer imputes its inputs, so NaN never reaches it");
    Data withMissing = separable(1500, 3L, 0.15);
    FittedModel m = backend.fit(withMissing.training(42L, 2), params());
    FeatureMatrix x = separable(300, 4L, 0.3).x();
    double[] p = m.predict(x);
    for (int r = 0; r < p.length; r++) {
      assertThat(p[r]).as("row %d", r).isBetween(0.0, 1.0);
      assertThat(m.predictOne(x.row(r))).isEqualTo(p[r]);
    }
    double[] allMissing = new double[COLUMNS.size()];
    Arrays.fill(allMissing, Double.NaN);
    assertThat(m.predictOne(allMissing)).isBetween(0.0, 1.0);
    double auc = BinaryMetrics.rocAuc(m.predict(heldOut().x()), heldOut().y());
    assertThat(auc).as("held-out AUC after training with 15% missing").isGreaterThan(0.9);
  }

  @Test
  @DisplayName("row weights are respected: up-weighting positives raises the mean probability")
  void fit_respectsWeights() {
    Data noisy = noisy(1500, 5L);
    double[] ones = new double[noisy.y().length];
    double[] upweighted = new double[noisy.y().length];
    for (int i = 0; i < ones.length; i++) {
      ones[i] = 1.0;
      upweighted[i] = noisy.y()[i] ? 5.0 : 1.0;
    }
    FittedModel plain = backend.fit(new TrainingData(noisy.x(), noisy.y(), ones, 42L, 2), params());
    FittedModel weighted =
        backend.fit(new TrainingData(noisy.x(), noisy.y(), upweighted, 42L, 2), params());
    FeatureMatrix x = noisy(500, 6L).x();
    double before = mean(plain.predict(x));
    double after = mean(weighted.predict(x));
    assertThat(after).as("mean P(positive) with positives weighted 5x vs %s", before)
        .isGreaterThan(before + 0.05);
  }

  @Test
  @DisplayName("contributions have columns + 1 values per row and sum to the log-odds")
  void contributions_sumToLogit() {
    FeatureMatrix x = heldOut().x().rows(range(200));
    Optional<double[][]> contributions = model().contributions(x);
    if (backend.capabilities().exactContributions()) {
      assertThat(contributions).as("exactContributions=true but no contributions").isPresent();
    }
    assumeTrue(contributions.isPresent(),
        "backend '" + backend.id() + "' returns no contributions (the trainer falls back to a"
            + " model-agnostic method)");
    double[][] c = contributions.get();
    double[] p = model().predict(x);
    assertThat(c).hasNumberOfRows(x.rows());
    int checked = 0;
    for (int r = 0; r < c.length; r++) {
      assertThat(c[r]).hasSize(x.columns() + 1);
      if (p[r] <= 1e-12 || p[r] >= 1 - 1e-12) {
        continue;
      }
      double sum = 0;
      for (double v : c[r]) {
        sum += v;
      }
      assertThat(sum).as("row %d: contributions + bias vs logit(p=%s)", r, p[r])
          .isCloseTo(Math.log(p[r] / (1 - p[r])), within(contributionTolerance()));
      checked++;
    }
    assertThat(checked).as("rows with a finite logit").isGreaterThan(c.length / 2);
  }

  @Test
  @DisplayName("native importance, when declared, names training columns with finite values >= 0")
  void nativeImportance_namesTrainingColumns() {
    Map<String, Double> importance = model().nativeImportance();
    assertThat(importance).isNotNull();
    if (!backend.capabilities().nativeImportance()) {
      return;
    }
    assertThat(importance).isNotEmpty();
    assertThat(COLUMNS).containsAll(importance.keySet());
    importance.values().forEach(v -> assertThat(v).isFinite().isGreaterThanOrEqualTo(0.0));
    assertThat(importance.values().stream().mapToDouble(Double::doubleValue).sum()).isPositive();
  }

  @Test
  @DisplayName("scoring from several threads at once gives the same results")
  void predict_isSafeForConcurrentUse() throws Exception {
    FittedModel m = model();
    FeatureMatrix x = heldOut().x();
    double[] expected = m.predict(x);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<double[]>> batches = new ArrayList<>();
      List<Future<double[]>> singles = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        batches.add(pool.submit(() -> m.predict(x)));
        singles.add(pool.submit(() -> {
          double[] out = new double[x.rows()];
          for (int r = 0; r < out.length; r++) {
            out[r] = m.predictOne(x.row(r));
          }
          return out;
        }));
      }
      for (Future<double[]> f : batches) {
        assertThat(f.get()).containsExactly(expected);
      }
      for (Future<double[]> f : singles) {
        assertThat(f.get()).containsExactly(m.predict(x));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** A noisy version of the problem (about 20% of labels flipped), so weights visibly matter. */
  protected static Data noisy(int rows, long seed) {
    Data d = separable(rows, seed, 0.0);
    SplittableRandom rnd = new SplittableRandom(seed + 1000);
    boolean[] y = d.y().clone();
    for (int i = 0; i < y.length; i++) {
      if (rnd.nextDouble() < 0.2) {
        y[i] = !y[i];
      }
    }
    return new Data(d.x(), y);
  }

  /** Returns {@code 0 .. n-1}. */
  protected static int[] range(int n) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = i;
    }
    return out;
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double d : v) {
      s += d;
    }
    return s / v.length;
  }
}
