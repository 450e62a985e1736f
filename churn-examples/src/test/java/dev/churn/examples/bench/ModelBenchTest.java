package dev.churn.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks that the model benchmark runs and reports consistent figures; never asserts speed. */
class ModelBenchTest {

  @Test
  void run_smallDataGivesAConsistentReport() {
    List<String> progress = new ArrayList<>();
    ModelBench.Report r = ModelBench.run(5000, 8, 50, 1, 1, 2000, progress::add);
    assertThat(progress).isNotEmpty();
    assertThat(r.rows()).isEqualTo(5000);
    assertThat(r.features()).isEqualTo(8);
    assertThat(r.trees()).isEqualTo(50);
    assertThat(r.xgboostParameters()).containsEntry("objective", "binary:logistic")
        .containsEntry("tree_method", "hist").containsEntry("max_depth", 4);
    assertThat(r.backendFitSeconds()).isPositive();
    assertThat(r.directFitSeconds()).isPositive();
    assertThat(r.overheadRatio()).isPositive().isFinite();
    assertThat(r.batchRowsPerSecond()).isPositive();
    assertThat(r.p50Micros()).isPositive().isLessThanOrEqualTo(r.p99Micros());
    assertThat(r.p99Micros()).isLessThanOrEqualTo(r.p999Micros());
    assertThat(r.p999Micros()).isLessThanOrEqualTo(r.maxMicros());
    assertThat(r.singleCalls()).isEqualTo(2000);
    // Same data, parameters and seed on both sides: the same model up to float rounding.
    assertThat(r.maxAbsDifference()).isLessThan(1e-5);
    assertThat(r.heldOutAuc()).isGreaterThan(0.6);
    assertThat(r.lines()).hasSize(7);
    assertThat(r.nativeP50Micros()).isPositive();
  }

  @Test
  void generate_namesSortLikeColumnsAndHasMissingValuesAndZeros() {
    ModelBench.Generated g = ModelBench.generate(2000, 12, 1L);
    assertThat(g.x().names()).isSorted().startsWith("x00", "x01").endsWith("x11");
    long nan = 0;
    long zeros = 0;
    for (double v : g.x().values()) {
      nan += Double.isNaN(v) ? 1 : 0;
      zeros += v == 0 ? 1 : 0;
    }
    assertThat(nan).isPositive();
    assertThat(zeros).isPositive();
    int positives = 0;
    for (boolean b : g.y()) {
      positives += b ? 1 : 0;
    }
    assertThat(positives).isBetween(400, 1600);
  }

  @Test
  void run_rejectsTooFewFeatures() {
    assertThatThrownBy(() -> ModelBench.run(5000, 3, 10, s -> { }))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("features");
  }
}
