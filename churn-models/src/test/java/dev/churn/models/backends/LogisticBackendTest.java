package dev.churn.models.backends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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
import org.junit.jupiter.api.Test;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

class LogisticBackendTest extends ModelBackendCompatibilityKit {

  @Override
  protected ModelBackend backend() {
    return new LogisticBackend();
  }

  @Test
  void capabilities_wantStandardizedImputedInputs() {
    ModelBackend.Capabilities c = backend().capabilities();
    assertThat(c.handlesMissing()).isFalse();
    assertThat(c.wantsStandardizedInputs()).isTrue();
    assertThat(c.exactContributions()).isTrue();
    assertThat(c.nativeImportance()).isTrue();
  }

  @Test
  void coefficients_recoverTheSignsOfAKnownLinearModel() {
    // logit = 0.5 + 2 * b - 1 * a, columns deliberately in unsorted order.
    SplittableRandom rnd = new SplittableRandom(9);
    int n = 20_000;
    List<String> names = List.of("b", "a", "noise");
    double[] v = new double[n * 3];
    boolean[] y = new boolean[n];
    for (int r = 0; r < n; r++) {
      double b = rnd.nextGaussian();
      double a = rnd.nextGaussian();
      v[r * 3] = b;
      v[r * 3 + 1] = a;
      v[r * 3 + 2] = rnd.nextGaussian();
      double p = 1 / (1 + Math.exp(-(0.5 + 2 * b - a)));
      y[r] = rnd.nextDouble() < p;
    }
    double[] w = new double[n];
    Arrays.fill(w, 1);
    FittedLogistic m = (FittedLogistic) backend().fit(
        new TrainingData(FeatureMatrix.of(names, n, v), y, w, 1L, 1),
        Params.of(backend().parameters(), Map.of("c", 100.0, "tolerance", 1e-6)));
    double[] coef = m.coefficientsWithIntercept();
    assertThat(coef[0]).isCloseTo(2.0, within(0.15));
    assertThat(coef[1]).isCloseTo(-1.0, within(0.1));
    assertThat(coef[2]).isCloseTo(0.0, within(0.1));
    assertThat(coef[3]).isCloseTo(0.5, within(0.1));
    assertThat(m.nativeImportance()).containsOnlyKeys("b", "a", "noise");
    assertThat(m.nativeImportance().get("b")).isCloseTo(Math.abs(coef[0]), within(1e-12));
  }

  @Test
  void probabilities_agreeWithTribuo() {
    FittedLogistic m = (FittedLogistic) model();
    FeatureMatrix x = heldOut().x();
    double[] ours = m.predict(x);
    for (int r = 0; r < 50; r++) {
      ArrayExample<Label> e = new ArrayExample<>(TribuoData.NEGATIVE_LABEL,
          COLUMNS.toArray(new String[0]), x.row(r));
      double tribuo = m.tribuoModel().predict(e).getOutputScores()
          .get(TribuoData.POSITIVE).getScore();
      assertThat(ours[r]).as("row %d", r).isCloseTo(tribuo, within(1e-9));
    }
  }

  @Test
  void fit_rejectsMissingValuesNamingTheCell() {
    Data d = separable(100, 1L, 0.0);
    double[] v = d.x().values().clone();
    v[7 * COLUMNS.size() + 2] = Double.NaN;
    double[] w = new double[100];
    Arrays.fill(w, 1);
    TrainingData data = new TrainingData(FeatureMatrix.of(COLUMNS, 100, v), d.y(), w, 1L, 1);
    assertThatThrownBy(() -> backend().fit(data, params()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("row 7").hasMessageContaining("'arpu'");
  }

  @Test
  void predict_givesNaNForAMissingValue() {
    double[] row = heldOut().x().row(0);
    row[1] = Double.NaN;
    assertThat(model().predictOne(row)).isNaN();
  }

  @Test
  void zeroWeightRows_areLeftOut() {
    Data d = trainingData();
    double[] w = new double[d.y().length];
    Arrays.fill(w, 1);
    boolean[] y = d.y().clone();
    // Flip the labels of the first 300 rows but give them weight 0: the model must not notice.
    for (int i = 0; i < 300; i++) {
      y[i] = !y[i];
      w[i] = 0;
    }
    int[] rest = new int[d.y().length - 300];
    for (int i = 0; i < rest.length; i++) {
      rest[i] = i + 300;
    }
    double[] ones = new double[rest.length];
    Arrays.fill(ones, 1);
    boolean[] yRest = Arrays.copyOfRange(d.y(), 300, d.y().length);
    FittedModel a = backend().fit(new TrainingData(d.x(), y, w, 1L, 1), params());
    FittedModel b = backend().fit(new TrainingData(d.x().rows(rest), yRest, ones, 1L, 1), params());
    assertThat(a.predict(heldOut().x())).containsExactly(b.predict(heldOut().x()));
  }
}
