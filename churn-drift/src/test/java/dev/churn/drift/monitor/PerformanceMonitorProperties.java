package dev.churn.drift.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.churn.core.metrics.BinaryMetrics;
import dev.churn.core.metrics.ConfusionMatrix;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;

/**
 * Property tests of {@link PerformanceMonitor} with QuickTheories on generated cohorts (scores on
 * a coarse grid so that ties are common, any labels and decisions). The seed is fixed so that
 * every run checks the same examples.
 */
class PerformanceMonitorProperties {

  private static final long SEED = 20260611L;
  private static final int EXAMPLES = 300;

  private static QuickTheory qt() {
    return QuickTheory.qt().withFixedSeed(SEED).withExamples(EXAMPLES);
  }

  /** A generated cohort with readable output when a property fails. */
  record Sample(double[] scores, boolean[] recommended, boolean[] labels) {
    @Override
    public String toString() {
      return "Sample[scores=" + Arrays.toString(scores) + ", recommended="
          + Arrays.toString(recommended) + ", labels=" + Arrays.toString(labels) + "]";
    }
  }

  private record Row(int level, boolean recommended, boolean label) {}

  private static Gen<Sample> samples() {
    Gen<Row> row =
        integers()
            .between(0, 20)
            .zip(booleans().all(), booleans().all(), Row::new);
    return lists().of(row).ofSizeBetween(1, 60).map(PerformanceMonitorProperties::toSample);
  }

  private static Sample toSample(List<Row> rows) {
    int n = rows.size();
    double[] s = new double[n];
    boolean[] r = new boolean[n];
    boolean[] y = new boolean[n];
    for (int i = 0; i < n; i++) {
      s[i] = rows.get(i).level() / 20.0;
      r[i] = rows.get(i).recommended();
      y[i] = rows.get(i).label();
    }
    return new Sample(s, r, y);
  }

  private static final PerformanceMonitor MONITOR =
      PerformanceMonitor.builder().bucketCuts(0.7, 0.4).build();

  @Test
  void confusionSharesAddUpToOne() {
    qt().forAll(samples())
        .checkAssert(
            s -> {
              PerformanceReport r = MONITOR.evaluate(s.scores(), s.recommended(), s.labels());
              ConfusionMatrix m = r.confusion();
              double tpShare = (double) m.tp() / m.rows();
              double tnShare = (double) m.tn() / m.rows();
              assertThat(
                      r.value(Metric.ERROR_RATE).orElseThrow()
                          + r.value(Metric.NEGATIVE_HITS).orElseThrow()
                          + tpShare
                          + tnShare)
                  .isCloseTo(1.0, within(1e-12));
              assertThat(m.rows()).isEqualTo(s.scores().length);
            });
  }

  @Test
  void metricsAgreeWithCoreMetrics() {
    qt().forAll(samples())
        .checkAssert(
            s -> {
              PerformanceReport r = MONITOR.evaluate(s.scores(), s.recommended(), s.labels());
              ConfusionMatrix m = r.confusion();
              assertThat(r.value(Metric.F1).orElseThrow()).isEqualTo(m.f1());
              if (m.predictedPositives() > 0) {
                assertThat(r.value(Metric.CONVERSION_RATE).orElseThrow())
                    .isEqualTo(m.precision());
              } else {
                assertThat(r.metric(Metric.CONVERSION_RATE)).isEmpty();
              }
              if (m.positives() > 0 && m.negatives() > 0) {
                assertThat(r.value(Metric.ROC_AUC).orElseThrow())
                    .isEqualTo(BinaryMetrics.rocAuc(s.scores(), s.labels()));
              } else {
                assertThat(r.metric(Metric.ROC_AUC)).isEmpty();
              }
            });
  }

  @Test
  void caughtInAbIsTheRecallOfScoreAtLeastBCut() {
    qt().forAll(samples())
        .checkAssert(
            s -> {
              PerformanceReport r = MONITOR.evaluate(s.scores(), s.recommended(), s.labels());
              ConfusionMatrix atB = BinaryMetrics.confusion(s.scores(), s.labels(), 0.4);
              if (atB.positives() > 0) {
                assertThat(r.value(Metric.CAUGHT_IN_AB).orElseThrow()).isEqualTo(atB.recall());
              }
              long rows = r.buckets().stream().mapToLong(BucketCount::rows).sum();
              long positives = r.buckets().stream().mapToLong(BucketCount::positives).sum();
              assertThat(rows).isEqualTo(r.rows());
              assertThat(positives).isEqualTo(r.positives());
            });
  }

  @Test
  void overallIsTheWorstRatedFlag() {
    qt().forAll(samples())
        .checkAssert(
            s -> {
              PerformanceReport r = MONITOR.evaluate(s.scores(), s.recommended(), s.labels());
              boolean anyRed = r.metrics().stream().anyMatch(m -> m.flag() == Flag.RED);
              boolean anyYellow = r.metrics().stream().anyMatch(m -> m.flag() == Flag.YELLOW);
              Flag expected = anyRed ? Flag.RED : anyYellow ? Flag.YELLOW : Flag.GREEN;
              assertThat(r.overall()).isEqualTo(expected);
              for (MetricResult m : r.metrics()) {
                assertThat(m.value()).isBetween(0.0, 1.0);
                assertThat(m.flag())
                    .isEqualTo(MONITOR.thresholds().flag(m.metric(), m.value()));
              }
            });
  }
}
