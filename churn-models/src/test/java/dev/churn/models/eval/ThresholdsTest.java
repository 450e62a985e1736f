package dev.churn.models.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.churn.core.metrics.BinaryMetrics;
import dev.churn.core.metrics.ConfusionMatrix;
import org.junit.jupiter.api.Test;

class ThresholdsTest {

  private static final double[] P = {0.91, 0.15, 0.62, 0.40, 0.05, 0.77, 0.62, 0.30, 0.55, 0.10};
  private static final boolean[] Y = {
    true, false, true, false, false, false, true, true, false, true
  };

  @Test
  void maxF1_isBinaryMetricsBestF1() {
    assertThat(Thresholds.maxF1(P, Y)).isEqualTo(BinaryMetrics.bestF1Threshold(P, Y));
  }

  @Test
  void forRecall_returnsTheHighestThresholdReachingTheTarget() {
    // positives score 0.91, 0.62, 0.62, 0.30, 0.10
    assertThat(Thresholds.forRecall(P, Y, 0.2).threshold()).isEqualTo(0.91);
    assertThat(Thresholds.forRecall(P, Y, 0.21).threshold()).isEqualTo(0.62);
    assertThat(Thresholds.forRecall(P, Y, 0.6).threshold()).isEqualTo(0.62);
    assertThat(Thresholds.forRecall(P, Y, 0.61).threshold()).isEqualTo(0.30);
    assertThat(Thresholds.forRecall(P, Y, 0.8).threshold()).isEqualTo(0.30);
    assertThat(Thresholds.forRecall(P, Y, 1.0).threshold()).isEqualTo(0.10);
  }

  @Test
  void forRecall_reportsTheOperatingPoint() {
    OperatingPoint point = Thresholds.forRecall(P, Y, 0.6);
    assertThat(point.confusion()).isEqualTo(new ConfusionMatrix(3, 1, 4, 2));
    assertThat(point.recall()).isEqualTo(0.6);
    assertThat(point.precision()).isEqualTo(0.75);
    assertThat(point.f1()).isEqualTo(point.confusion().f1());
    assertThat(point.flaggedFraction()).isEqualTo(0.4);
  }

  @Test
  void forRecall_negativeZeroScore_isReportedAsZero() {
    OperatingPoint point =
        Thresholds.forRecall(new double[] {-0.0, 0.5}, new boolean[] {true, false}, 1.0);
    assertThat(Double.doubleToRawLongBits(point.threshold())).isEqualTo(0L);
  }

  @Test
  void forRecall_invalid_isRejected() {
    assertThatThrownBy(() -> Thresholds.forRecall(P, Y, 0.0))
        .hasMessage("targetRecall was 0.0 but it must be within (0, 1]");
    assertThatThrownBy(() -> Thresholds.forRecall(P, Y, 1.01)).hasMessageContaining("1.01");
    assertThatThrownBy(
            () -> Thresholds.forRecall(new double[] {0.1, 0.2}, new boolean[] {false, false}, 0.5))
        .hasMessageContaining("no positives");
    assertThatThrownBy(
            () -> Thresholds.forRecall(new double[] {Double.NaN}, new boolean[] {true}, 0.5))
        .hasMessageContaining("scores[0] was NaN");
  }

  @Test
  void at_matchesBinaryMetricsConfusion() {
    assertThat(Thresholds.at(P, Y, 0.5).confusion()).isEqualTo(BinaryMetrics.confusion(P, Y, 0.5));
  }
}
