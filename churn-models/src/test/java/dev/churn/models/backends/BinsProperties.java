package dev.churn.models.backends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.churn.models.spi.FeatureMatrix;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Properties of the forest's quantile bins. */
class BinsProperties {

  /** Rounds to a coarse grid so that values repeat and land exactly on edges. */
  private static double coarse(double d) {
    return Math.rint(d * 4) / 4;
  }

  @Test
  void splitOnBinnedValues_equalsSplitOnRawValuesAtTheRawThreshold() {
    qt().withFixedSeed(77L).withExamples(400)
        .forAll(lists().of(doubles().between(-50, 50)).ofSizeBetween(1, 400),
            integers().between(1, 40), doubles().between(-60, 60), doubles().between(-60, 60))
        .checkAssert((values, maxBins, split, probe) -> {
          double[] v = values.stream().mapToDouble(BinsProperties::coarse).toArray();
          FeatureMatrix x = FeatureMatrix.of(List.of("a"), v.length, v);
          double[][] edges = Bins.edges(x, maxBins);
          assertThat(edges[0]).isSorted().doesNotHaveDuplicates();
          assertThat(edges[0].length).isBetween(1, maxBins);
          double s = coarse(split);
          double t = Bins.rawThreshold(edges[0], s);
          double[] probes = {coarse(probe), probe, edges[0][0], edges[0][edges[0].length - 1],
              -0.0, 0.0, Double.MAX_VALUE, -Double.MAX_VALUE};
          FeatureMatrix p = FeatureMatrix.of(List.of("a"), probes.length, probes);
          FeatureMatrix binned = Bins.apply(p, edges);
          for (int i = 0; i < probes.length; i++) {
            assertThat(probes[i] > t).as("probe %s, split %s, threshold %s", probes[i], s, t)
                .isEqualTo(binned.get(i, 0) > s);
          }
        });
  }

  @Test
  void trainingValues_mapToAnEdgeNoSmallerThanThemselves() {
    qt().withFixedSeed(78L).withExamples(200)
        .forAll(lists().of(doubles().between(-1e6, 1e6)).ofSizeBetween(1, 600),
            integers().between(1, 300))
        .checkAssert((values, maxBins) -> {
          double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
          FeatureMatrix x = FeatureMatrix.of(List.of("a"), v.length, v);
          FeatureMatrix binned = Bins.apply(x, Bins.edges(x, maxBins));
          for (int i = 0; i < v.length; i++) {
            assertThat(binned.get(i, 0)).isGreaterThanOrEqualTo(v[i]);
          }
        });
  }
}
