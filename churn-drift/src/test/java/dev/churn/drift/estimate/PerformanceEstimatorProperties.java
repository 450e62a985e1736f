package dev.churn.drift.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.churn.drift.estimate.PerformanceEstimatorTest.Exact;
import dev.churn.drift.monitor.Metric;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;

/**
 * Property tests of {@link PerformanceEstimator} with QuickTheories: on small cohorts with
 * probabilities on a coarse grid (ties are common, 0 and 1 included) the estimates equal the
 * exact expectations over all label vectors, intervals hold their estimate, and row order does
 * not matter. The seed is fixed so that every run checks the same examples.
 */
class PerformanceEstimatorProperties {

  private static final long SEED = 20260613L;

  private static QuickTheory qt() {
    return QuickTheory.qt().withFixedSeed(SEED).withExamples(200);
  }

  private static Gen<double[]> cohorts(int maxRows) {
    return lists()
        .of(integers().between(0, 10))
        .ofSizeBetween(2, maxRows)
        .map(PerformanceEstimatorProperties::toProbabilities);
  }

  private static double[] toProbabilities(List<Integer> levels) {
    return levels.stream().mapToDouble(l -> l / 10.0).toArray();
  }

  private static final PerformanceEstimator ESTIMATOR =
      PerformanceEstimator.builder().decisionThreshold(0.5).build();

  @Test
  void estimatesAreExactExpectations() {
    qt().forAll(cohorts(9))
        .checkAssert(
            p -> {
              boolean[] rec = new boolean[p.length];
              int r = 0;
              for (int i = 0; i < p.length; i++) {
                rec[i] = p[i] >= 0.5;
                r += rec[i] ? 1 : 0;
              }
              Exact x = Exact.of(p, rec);
              PerformanceEstimate e = ESTIMATOR.estimate(p);
              if (x.expectedPairs() > 1e-12) {
                assertThat(e.metric(Metric.ROC_AUC).orElseThrow().estimate())
                    .isCloseTo(x.expectedU() / x.expectedPairs(), within(1e-9));
              } else {
                assertThat(e.metric(Metric.ROC_AUC)).isEmpty();
              }
              double f1Denominator = r + x.expectedTp() + x.expectedFn();
              assertThat(e.metric(Metric.F1).orElseThrow().estimate())
                  .isCloseTo(f1Denominator == 0 ? 0 : 2 * x.expectedTp() / f1Denominator,
                      within(1e-9));
              assertThat(e.metric(Metric.ERROR_RATE).orElseThrow().estimate())
                  .isCloseTo(x.expectedFn() / p.length, within(1e-12));
            });
  }

  @Test
  void intervalsHoldTheirEstimateWithinTheUnitInterval() {
    qt().forAll(cohorts(200))
        .checkAssert(
            p -> {
              for (EstimatedMetric m : ESTIMATOR.estimate(p).metrics()) {
                assertThat(m.lower()).isBetween(0.0, m.estimate());
                assertThat(m.upper()).isBetween(m.estimate(), 1.0);
                assertThat(m.estimate()).isBetween(0.0, 1.0);
              }
            });
  }

  @Test
  void rowOrderDoesNotMatter() {
    qt().forAll(cohorts(200))
        .checkAssert(
            p -> {
              double[] reversed = new double[p.length];
              for (int i = 0; i < p.length; i++) {
                reversed[i] = p[p.length - 1 - i];
              }
              List<EstimatedMetric> a = ESTIMATOR.estimate(p).metrics();
              List<EstimatedMetric> b = ESTIMATOR.estimate(reversed).metrics();
              assertThat(b).hasSameSizeAs(a);
              for (int i = 0; i < a.size(); i++) {
                assertThat(b.get(i).estimate()).isCloseTo(a.get(i).estimate(), within(1e-12));
                assertThat(b.get(i).standardError())
                    .isCloseTo(a.get(i).standardError(), within(1e-12));
              }
            });
  }
}
