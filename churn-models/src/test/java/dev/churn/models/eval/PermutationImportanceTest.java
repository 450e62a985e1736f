package dev.churn.models.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.churn.core.metrics.BinaryMetrics;
import dev.churn.models.spi.FeatureMatrix;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PermutationImportanceTest {

  private static final int N = 500;
  private static final List<String> NAMES = List.of("signal", "noise", "plan=basic", "plan=pro");
  private static final FeatureMatrix X;
  private static final boolean[] Y = new boolean[N];

  static {
    SplittableRandom random = new SplittableRandom(5);
    double[] values = new double[N * 4];
    for (int i = 0; i < N; i++) {
      double signal = random.nextDouble();
      boolean pro = random.nextBoolean();
      values[i * 4] = signal;
      values[i * 4 + 1] = random.nextDouble();
      values[i * 4 + 2] = pro ? 0 : 1;
      values[i * 4 + 3] = pro ? 1 : 0;
      Y[i] = signal + (pro ? 0.4 : 0) + 0.1 * random.nextGaussian() > 0.8;
    }
    X = FeatureMatrix.of(NAMES, N, values);
  }

  /**
   * The toy model: uses the signal and the plan, ignores the noise column, and insists that every
   * row has exactly one plan (as a real one-hot input always does).
   */
  private static double[] model(FeatureMatrix x) {
    double[] p = new double[x.rows()];
    for (int i = 0; i < p.length; i++) {
      double basic = x.get(i, 2);
      double pro = x.get(i, 3);
      if (basic + pro != 1) {
        throw new IllegalStateException("row " + i + " has no valid plan");
      }
      double z = 8 * (x.get(i, 0) + 0.4 * pro - 0.8);
      p[i] = 1 / (1 + Math.exp(-z));
    }
    return p;
  }

  /** The same model reading only the "pro" column, so columns can be shuffled one by one. */
  private static double[] lenientModel(FeatureMatrix x) {
    double[] p = new double[x.rows()];
    for (int i = 0; i < p.length; i++) {
      p[i] = 1 / (1 + Math.exp(-8 * (x.get(i, 0) + 0.4 * x.get(i, 3) - 0.8)));
    }
    return p;
  }

  private static final Map<String, int[]> GROUPS =
      PermutationImportance.groupColumns(NAMES, n -> n.split("=")[0]);

  @Test
  void compute_noiseColumnScoresZero_signalColumnScoresHigh() {
    ImportanceReport report =
        PermutationImportance.compute(
            X, Y, PermutationImportanceTest::lenientModel, Scoring.rocAuc(), 5, 42);
    assertThat(report.baseline()).isEqualTo(BinaryMetrics.rocAuc(lenientModel(X), Y));
    assertThat(report.scoring()).isEqualTo("roc_auc");
    FeatureImportance noise = report.get("noise").orElseThrow();
    assertThat(noise.mean()).isEqualTo(0.0);
    assertThat(noise.std()).isEqualTo(0.0);
    assertThat(noise.drops()).hasSize(5).containsOnly(0.0);
    FeatureImportance signal = report.get("signal").orElseThrow();
    assertThat(signal.mean()).isGreaterThan(0.25);
    assertThat(report.get("plan=basic").orElseThrow().mean()).isEqualTo(0.0);
    assertThat(report.get("plan=pro").orElseThrow().mean()).isGreaterThan(0.02);
    assertThat(report.sortedByMean())
        .extracting(FeatureImportance::name)
        .startsWith("signal", "plan=pro");
  }

  @Test
  void groupColumns_groupsOneHotColumnsBySource() {
    assertThat(GROUPS.keySet()).containsExactly("signal", "noise", "plan");
    assertThat(GROUPS.get("plan")).containsExactly(2, 3);
  }

  @Test
  void compute_groups_shuffleOneHotColumnsTogether() {
    ImportanceReport report =
        PermutationImportance.builder()
            .repeats(4)
            .seed(9)
            .build()
            .compute(X, Y, PermutationImportanceTest::model, GROUPS);
    assertThat(report.features())
        .extracting(FeatureImportance::name)
        .containsExactly("signal", "noise", "plan");
    assertThat(report.get("plan").orElseThrow().columns()).containsExactly(2, 3);
    assertThat(report.get("plan").orElseThrow().mean()).isGreaterThan(0.02);
    assertThat(report.get("noise").orElseThrow().mean()).isEqualTo(0.0);
    assertThat(report.get("signal").orElseThrow().mean()).isGreaterThan(0.25);
  }

  @Test
  void compute_columnsOneByOne_wouldBreakTheOneHotCode_andThePredictorsErrorSurfaces() {
    PermutationImportance pi = PermutationImportance.builder().build();
    assertThatThrownBy(() -> pi.compute(X, Y, PermutationImportanceTest::model))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no valid plan");
    PermutationImportance parallel = PermutationImportance.builder().parallelism(2).build();
    assertThatThrownBy(() -> parallel.compute(X, Y, PermutationImportanceTest::model))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no valid plan");
  }

  @Test
  void compute_dropIsBaselineMinusTheScoreOnThePermutedData() {
    long seed = 77;
    ImportanceReport report =
        PermutationImportance.compute(
            X, Y, PermutationImportanceTest::lenientModel, Scoring.negLogLoss(), 3, seed);
    SplittableRandom root = new SplittableRandom(seed);
    double baseline = -BinaryMetrics.logLoss(lenientModel(X), Y);
    assertThat(report.baseline()).isEqualTo(baseline);
    double[] expected = new double[3];
    int[] permutation = new int[N];
    for (int r = 0; r < 3; r++) {
      PermutationImportance.permutation(permutation, root.nextLong());
      double[] column = new double[N];
      for (int i = 0; i < N; i++) {
        column[i] = X.get(permutation[i], 0);
      }
      expected[r] = baseline + BinaryMetrics.logLoss(lenientModel(X.withColumn(0, column)), Y);
    }
    FeatureImportance signal = report.get("signal").orElseThrow();
    assertThat(signal.drops()).containsExactly(expected);
    double mean = (expected[0] + expected[1] + expected[2]) / 3;
    double var = 0;
    for (double d : expected) {
      var += (d - mean) * (d - mean);
    }
    assertThat(signal.mean()).isCloseTo(mean, within(1e-15));
    assertThat(signal.std()).isCloseTo(Math.sqrt(var / 3), within(1e-15));
  }

  @Test
  void compute_parallel_givesExactlyTheSequentialResult() {
    PermutationImportance.Builder builder =
        PermutationImportance.builder().scoring(Scoring.averagePrecision()).repeats(3).seed(1);
    ImportanceReport sequential =
        builder.build().compute(X, Y, PermutationImportanceTest::model, GROUPS);
    ImportanceReport parallel =
        builder.parallelism(3).build().compute(X, Y, PermutationImportanceTest::model, GROUPS);
    assertThat(parallel).isEqualTo(sequential);
  }

  @Test
  void compute_sameSeedSameResult_otherSeedOtherShuffles() {
    Function<FeatureMatrix, double[]> model = PermutationImportanceTest::lenientModel;
    ImportanceReport a = PermutationImportance.compute(X, Y, model, Scoring.rocAuc(), 3, 5);
    ImportanceReport b = PermutationImportance.compute(X, Y, model, Scoring.rocAuc(), 3, 5);
    ImportanceReport c = PermutationImportance.compute(X, Y, model, Scoring.rocAuc(), 3, 6);
    assertThat(a).isEqualTo(b);
    assertThat(c.get("signal").orElseThrow().drops())
        .isNotEqualTo(a.get("signal").orElseThrow().drops());
  }

  @Test
  void compute_leavesTheInputMatrixUnchanged() {
    double[] before = X.values().clone();
    PermutationImportance.builder()
        .parallelism(2)
        .build()
        .compute(X, Y, PermutationImportanceTest::model, GROUPS);
    assertThat(X.values()).containsExactly(before);
  }

  @Test
  void compute_invalidArguments_areRejected() {
    PermutationImportance pi = PermutationImportance.builder().build();
    Function<FeatureMatrix, double[]> model = PermutationImportanceTest::lenientModel;
    assertThatThrownBy(() -> pi.compute(X, new boolean[3], model))
        .hasMessageContaining("y.length=3, rows=500");
    Map<String, int[]> outOfRange = new LinkedHashMap<>();
    outOfRange.put("x", new int[] {4});
    assertThatThrownBy(() -> pi.compute(X, Y, model, outOfRange))
        .hasMessage("group 'x' names column 4 but x has columns 0 to 3");
    assertThatThrownBy(() -> pi.compute(X, Y, model, Map.of("x", new int[] {1, 1})))
        .hasMessage("group 'x' names column 1 twice");
    assertThatThrownBy(() -> pi.compute(X, Y, model, Map.of("x", new int[0])))
        .hasMessage("group 'x' must name at least one column");
    assertThatThrownBy(() -> pi.compute(X, Y, m -> new double[1]))
        .hasMessage("the predictor returned 1 predictions for 500 rows");
    assertThatThrownBy(() -> PermutationImportance.builder().repeats(0))
        .hasMessage("repeats was 0 but it must be >= 1");
    assertThatThrownBy(() -> PermutationImportance.builder().parallelism(0))
        .hasMessage("parallelism was 0 but it must be >= 1");
  }
}
