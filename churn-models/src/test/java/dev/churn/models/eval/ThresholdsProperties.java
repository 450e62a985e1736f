package dev.churn.models.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.churn.core.metrics.BinaryMetrics;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;

/** Property tests of {@link Thresholds#forRecall(double[], boolean[], double)}. */
class ThresholdsProperties {

  private static final long SEED = 20261123L;

  private record Row(int level, boolean label) {}

  @Test
  void forRecall_reachesTheTarget_andNoHigherScoreDoes() {
    QuickTheory.qt()
        .withFixedSeed(SEED)
        .withExamples(300)
        .forAll(
            lists()
                .of(integers().between(0, 50).zip(booleans().all(), Row::new))
                .ofSizeBetween(1, 60),
            integers().between(1, 100))
        .checkAssert(
            (List<Row> rows, Integer percent) -> {
              double[] s = rows.stream().mapToDouble(r -> r.level() / 50.0).toArray();
              boolean[] y = new boolean[rows.size()];
              for (int i = 0; i < y.length; i++) {
                y[i] = rows.get(i).label();
              }
              y[0] = true;
              double target = percent / 100.0;
              OperatingPoint point = Thresholds.forRecall(s, y, target);
              assertThat(point.recall()).isGreaterThanOrEqualTo(target);
              assertThat(point.confusion())
                  .isEqualTo(BinaryMetrics.confusion(s, y, point.threshold()));
              double[] higher =
                  Arrays.stream(s).filter(v -> v > point.threshold()).sorted().toArray();
              if (higher.length > 0) {
                assertThat(BinaryMetrics.confusion(s, y, higher[0]).recall()).isLessThan(target);
              }
            });
  }
}
