package dev.churn.models.backends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.churn.core.ChurnException;
import dev.churn.models.spi.FeatureMatrix;
import dev.churn.models.spi.FittedModel;
import dev.churn.models.spi.ModelBackend;
import dev.churn.models.spi.ModelBackend.TrainingData;
import dev.churn.models.spi.ModelBackendCompatibilityKit;
import dev.churn.models.spi.Params;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import ml.dmlc.xgboost4j.java.DMatrix;
import org.junit.jupiter.api.Test;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.impl.ArrayExample;

class XgboostBackendTest extends ModelBackendCompatibilityKit {

  @Override
  protected ModelBackend backend() {
    return new XgboostBackend();
  }

  @Override
  protected Map<String, Object> testParameters() {
    return Map.of("trees", 60, "eta", 0.2);
  }

  private FittedXgboost fitted() {
    return (FittedXgboost) model();
  }

  @Test
  void capabilities_declareMissingValuesContributionsAndImportance() {
    ModelBackend.Capabilities c = backend().capabilities();
    assertThat(c.handlesMissing()).isTrue();
    assertThat(c.wantsStandardizedInputs()).isFalse();
    assertThat(c.exactContributions()).isTrue();
    assertThat(c.nativeImportance()).isTrue();
  }

  @Test
  void parameters_haveTheDocumentedDefaultsAndRanges() {
    Map<String, Object> d = Params.of(backend().parameters(), Map.of()).asMap();
    assertThat(d).containsExactly(Map.entry("trees", 100), Map.entry("max_depth", 10),
        Map.entry("eta", 0.1), Map.entry("subsample", 1.0), Map.entry("colsample", 1.0),
        Map.entry("min_child_weight", 1.0), Map.entry("lambda", 1.0), Map.entry("alpha", 0.0),
        Map.entry("grow_policy", "lossguide"), Map.entry("max_leaves", 31));
  }

  @Test
  void lossguide_setsGrowPolicyAndMaxLeaves() {
    Params p = Params.of(backend().parameters(),
        Map.of("grow_policy", "lossguide", "max_leaves", 15));
    Map<String, Object> n = XgboostBackend.nativeParameters(p, 2, 1L);
    assertThat(n).containsEntry("grow_policy", "lossguide").containsEntry("max_leaves", 15);
    assertThat(XgboostBackend.nativeParameters(Params.of(backend().parameters(),
        Map.of("grow_policy", "depthwise")), 2, 1L)).doesNotContainKey("grow_policy");
  }

  @Test
  void nativeParameters_areBinaryLogisticHistWithTheGivenThreadsAndSeed() {
    Params p = Params.of(backend().parameters(), Map.of("max_depth", 5, "colsample", 0.5));
    Map<String, Object> n = XgboostBackend.nativeParameters(p, 3, 99L);
    assertThat(n).containsEntry("objective", "binary:logistic")
        .containsEntry("tree_method", "hist")
        .containsEntry("booster", "gbtree")
        .containsEntry("nthread", 3)
        .containsEntry("seed", 99L)
        .containsEntry("max_depth", 5)
        .containsEntry("colsample_bytree", 0.5)
        .containsEntry("eta", 0.1)
        .doesNotContainKey("num_class");
  }

  @Test
  void fit_buildsOneTreePerRound() {
    assertThat(fitted().trees()).isEqualTo(60);
  }

  @Test
  void compiledTrees_agreeWithXgboostIncludingMissingValues() throws Exception {
    Data d = separable(2000, 11L, 0.2);
    FittedXgboost m = (FittedXgboost) backend().fit(d.training(7L, 2), params());
    FeatureMatrix x = separable(500, 12L, 0.3).x();
    double[] ours = m.predict(x);
    int[] ids = TribuoData.featureIds(m.tribuoModel().getFeatureIDMap(), x.names());
    DMatrix dm = XgboostBackend.denseMatrix(x, ids, x.columns());
    float[][] native_;
    try {
      native_ = m.booster().predict(dm);
    } finally {
      dm.dispose();
    }
    for (int r = 0; r < ours.length; r++) {
      assertThat(ours[r]).as("row %d", r).isCloseTo(native_[r][0], within(2e-6));
    }
  }

  @Test
  void edgeValues_scoreTheSameInBatchSingleRowAndXgboost() throws Exception {
    // Values exactly at split points, one float step either side, doubles that round to a split,
    // signed zeros, infinities, NaN, and values beyond float range.
    Data d = separable(2000, 31L, 0.2);
    FittedXgboost m = (FittedXgboost) backend().fit(d.training(5L, 2), params());
    assertThat(m.compiled().completeLayout()).isTrue();
    float[] splits = m.compiled().splitValues();
    assertThat(splits).isNotEmpty();
    SplittableRandom rnd = new SplittableRandom(8);
    int rows = 1001; // not a multiple of the 4-row and 64-row steps
    int c = COLUMNS.size();
    double[] v = new double[rows * c];
    for (int i = 0; i < v.length; i++) {
      float s = splits[rnd.nextInt(splits.length)];
      v[i] = switch (rnd.nextInt(12)) {
        case 0 -> s;
        case 1 -> Math.nextUp(s);
        case 2 -> Math.nextDown(s);
        case 3 -> s + Math.ulp(s) * 0.25; // a double that rounds to the split itself
        case 4 -> s - Math.ulp(s) * 0.25;
        case 5 -> -0.0;
        case 6 -> 0.0;
        case 7 -> Double.NaN;
        case 8 -> rnd.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        case 9 -> rnd.nextBoolean() ? Double.MAX_VALUE : -1e-300;
        default -> rnd.nextGaussian() * 3;
      };
    }
    FeatureMatrix x = FeatureMatrix.of(COLUMNS, rows, v);
    double[] batch = m.predict(x);
    int[] ids = TribuoData.featureIds(m.tribuoModel().getFeatureIDMap(), x.names());
    DMatrix dm = XgboostBackend.denseMatrix(x, ids, x.columns());
    float[][] native_;
    try {
      native_ = m.booster().predict(dm);
    } finally {
      dm.dispose();
    }
    for (int r = 0; r < rows; r++) {
      assertThat(m.predictOne(x.row(r))).as("row %d", r).isEqualTo(batch[r]);
      assertThat(batch[r]).as("row %d vs xgboost", r).isCloseTo(native_[r][0], within(2e-6));
    }
  }

  @Test
  void keys_orderLikeFloats() {
    float[] f = {Float.NEGATIVE_INFINITY, -Float.MAX_VALUE, -1f, -Float.MIN_VALUE, -0f, 0f,
        Float.MIN_VALUE, 1f, Float.MAX_VALUE, Float.POSITIVE_INFINITY};
    for (float a : f) {
      for (float b : f) {
        assertThat(XgboostTrees.key(a) < XgboostTrees.key(b)).as("%s < %s", a, b).isEqualTo(a < b);
      }
    }
  }

  @Test
  void features_areMatchedByNameNotByTribuoOrder() {
    // Only "calls" (the second column, but first in sorted order) carries the signal.
    SplittableRandom rnd = new SplittableRandom(3);
    List<String> names = List.of("zeta", "calls", "beta");
    int n = 1500;
    double[] v = new double[n * 3];
    boolean[] y = new boolean[n];
    for (int r = 0; r < n; r++) {
      v[r * 3] = rnd.nextGaussian();
      v[r * 3 + 1] = rnd.nextGaussian();
      v[r * 3 + 2] = rnd.nextGaussian();
      y[r] = v[r * 3 + 1] > 0.3;
    }
    double[] w = new double[n];
    Arrays.fill(w, 1);
    FittedModel m = backend().fit(
        new TrainingData(FeatureMatrix.of(names, n, v), y, w, 1L, 1), params());
    assertThat(m.predictOne(new double[] {0, 2, 0})).isGreaterThan(0.9);
    assertThat(m.predictOne(new double[] {0, -2, 0})).isLessThan(0.1);
    Map<String, Double> gain = m.nativeImportance();
    assertThat(gain.keySet()).containsExactly("zeta", "calls", "beta");
    assertThat(gain.get("calls")).isGreaterThan(10 * (gain.get("zeta") + gain.get("beta")));
    double[][] c = m.contributions(FeatureMatrix.of(names, 1, new double[] {5, 2, -5})).get();
    assertThat(Math.abs(c[0][1])).isGreaterThan(10 * (Math.abs(c[0][0]) + Math.abs(c[0][2])));
  }

  @Test
  void zeroIsAValueAndNaNIsMissing() {
    // The label says "value missing" and nothing else: 0 and NaN must be told apart.
    SplittableRandom rnd = new SplittableRandom(5);
    int n = 3000;
    double[] v = new double[n * 2];
    boolean[] y = new boolean[n];
    for (int r = 0; r < n; r++) {
      int kind = rnd.nextInt(3);
      v[r * 2] = kind == 0 ? 0.0 : kind == 1 ? 1.0 : Double.NaN;
      v[r * 2 + 1] = rnd.nextGaussian();
      y[r] = kind == 2;
    }
    double[] w = new double[n];
    Arrays.fill(w, 1);
    FittedModel m = backend().fit(
        new TrainingData(FeatureMatrix.of(List.of("x", "noise"), n, v), y, w, 1L, 2), params());
    assertThat(m.predictOne(new double[] {Double.NaN, 0})).isGreaterThan(0.9);
    assertThat(m.predictOne(new double[] {0.0, 0})).isLessThan(0.1);
    assertThat(m.predictOne(new double[] {1.0, 0})).isLessThan(0.1);
  }

  @Test
  void contributions_ofRowsWithMissingValuesSumToTheLogit() {
    Data d = separable(1500, 21L, 0.2);
    FittedModel m = backend().fit(d.training(3L, 2), params());
    FeatureMatrix x = separable(200, 22L, 0.4).x();
    double[][] c = m.contributions(x).orElseThrow();
    double[] p = m.predict(x);
    for (int r = 0; r < p.length; r++) {
      assertThat(Arrays.stream(c[r]).sum()).as("row %d", r)
          .isCloseTo(Math.log(p[r] / (1 - p[r])), within(1e-4));
    }
  }

  @Test
  void tribuoModel_predictsTheSameProbabilityThroughTribuo() {
    XGBoostModel<Label> tribuo = fitted().tribuoModel();
    FeatureMatrix x = heldOut().x();
    double[] ours = model().predict(x);
    for (int r = 0; r < 50; r++) {
      ArrayExample<Label> e = new ArrayExample<>(TribuoData.NEGATIVE_LABEL,
          COLUMNS.toArray(new String[0]), x.row(r));
      Prediction<Label> p = tribuo.predict(e);
      assertThat(p.getOutputScores().get(TribuoData.POSITIVE).getScore()).as("row %d", r)
          .isCloseTo(ours[r], within(2e-6));
    }
  }

  @Test
  void tribuoDatasetPath_trainsAUsefulBinaryModel() {
    Data d = trainingData();
    double[] w = new double[d.y().length];
    Arrays.fill(w, 1);
    MutableDataset<Label> dataset = TribuoData.dataset(new TrainingData(d.x(), d.y(), w, 1L, 2));
    BinaryXGBoostTrainer trainer =
        new BinaryXGBoostTrainer(60, 0.2, 4, 1, 0.8, 0.8, 1, 0, 2, 42L);
    XGBoostModel<Label> m = trainer.train(dataset);
    FittedXgboost fitted = new FittedXgboost(d.x().names(), m);
    double auc = dev.churn.core.metrics.BinaryMetrics.rocAuc(fitted.predict(heldOut().x()),
        heldOut().y());
    assertThat(auc).isGreaterThan(0.95);
    assertThat(trainer.getInvocationCount()).isEqualTo(1);
  }

  @Test
  void predict_rejectsOtherColumns() {
    FeatureMatrix other = FeatureMatrix.of(List.of("a", "b"), 1, new double[] {1, 2});
    assertThatThrownBy(() -> model().predict(other))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tenure");
    assertThatThrownBy(() -> model().predictOne(new double[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("6 values");
  }

  @Test
  void fit_rejectsOneClassAndBadWeights() {
    Data d = trainingData();
    boolean[] allFalse = new boolean[d.y().length];
    double[] w = new double[d.y().length];
    Arrays.fill(w, 1);
    assertThatThrownBy(() -> backend().fit(new TrainingData(d.x(), allFalse, w, 1L, 1), params()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both classes");
    double[] bad = w.clone();
    bad[3] = -1;
    assertThatThrownBy(() -> backend().fit(new TrainingData(d.x(), d.y(), bad, 1L, 1), params()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weights[3]");
  }

  @Test
  void read_rejectsOtherBytes() {
    assertThatThrownBy(() -> backend().read(new byte[] {1, 2, 3, 4, 5}))
        .isInstanceOf(ChurnException.class).hasMessageContaining("not a churn model");
    byte[] logistic = new LogisticBackend().fit(trainingData().training(1L, 1),
        Params.of(new LogisticBackend().parameters(), Map.of())).toBytes();
    assertThatThrownBy(() -> backend().read(logistic))
        .isInstanceOf(ChurnException.class).hasMessageContaining("'logistic' backend");
  }
}
