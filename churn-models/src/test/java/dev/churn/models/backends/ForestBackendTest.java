package dev.churn.models.backends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.churn.models.spi.FeatureMatrix;
import dev.churn.models.spi.FittedModel;
import dev.churn.models.spi.ModelBackend;
import dev.churn.models.spi.ModelBackendCompatibilityKit;
import dev.churn.models.spi.Params;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

class ForestBackendTest extends ModelBackendCompatibilityKit {

  @Override
  protected ModelBackend backend() {
    return new ForestBackend();
  }

  @Override
  protected Map<String, Object> testParameters() {
    return Map.of("trees", 40, "max_depth", 10, "min_leaf", 2.0, "feature_fraction", 0.5);
  }

  @Test
  void capabilities_noMissingValuesNoExactContributions() {
    ModelBackend.Capabilities c = backend().capabilities();
    assertThat(c.handlesMissing()).isFalse();
    assertThat(c.wantsStandardizedInputs()).isFalse();
    assertThat(c.exactContributions()).isFalse();
    assertThat(c.nativeImportance()).isTrue();
    assertThat(model().contributions(heldOut().x())).isEmpty();
  }

  @Test
  void compiledTrees_agreeWithTribuosEnsemble() {
    FittedForest m = (FittedForest) model();
    assertThat(m.trees()).isEqualTo(40);
    FeatureMatrix x = heldOut().x();
    double[] ours = m.predict(x);
    // The Tribuo trees were grown on binned values; the compiled ones take raw values.
    FeatureMatrix binned = Bins.apply(x, m.edges());
    for (int r = 0; r < 100; r++) {
      ArrayExample<Label> e = new ArrayExample<>(TribuoData.NEGATIVE_LABEL,
          COLUMNS.toArray(new String[0]), binned.row(r));
      double tribuo = m.tribuoModel().predict(e).getOutputScores()
          .get(TribuoData.POSITIVE).getScore();
      assertThat(ours[r]).as("row %d", r).isCloseTo(tribuo, within(1e-9));
    }
  }

  @Test
  void columnsWithFewValues_keepEveryValueAsABin() {
    double[][] edges = ((FittedForest) model()).edges();
    assertThat(edges[COLUMNS.indexOf("complaints")]).containsExactly(0, 1, 2, 3);
    assertThat(edges[COLUMNS.indexOf("tenure")]).hasSize(Bins.MAX_BINS);
  }

  @Test
  void forest_doesNotDependOnTheThreadCount() {
    FittedModel one = backend().fit(trainingData().training(42L, 1), params());
    assertThat(one.predict(heldOut().x())).containsExactly(model().predict(heldOut().x()));
  }

  @Test
  void extraTrees_learnTheProblemToo() {
    Params p = Params.of(backend().parameters(), Map.of("trees", 40, "splits", "random",
        "feature_fraction", 0.5, "min_leaf", 2.0));
    FittedModel m = backend().fit(trainingData().training(1L, 2), p);
    double auc = dev.churn.core.metrics.BinaryMetrics.rocAuc(m.predict(heldOut().x()),
        heldOut().y());
    assertThat(auc).isGreaterThan(0.95);
  }

  @Test
  void importance_favoursTheInformativeColumns() {
    Map<String, Double> imp = model().nativeImportance();
    assertThat(imp.keySet()).containsExactlyElementsOf(COLUMNS);
    assertThat(imp.get("tenure")).isGreaterThan(imp.get("noise_z"));
  }
}
