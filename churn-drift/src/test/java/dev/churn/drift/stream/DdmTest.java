package dev.churn.drift.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DdmTest {

  @Test
  void update_risingErrorRate_warnsBeforeItDrifts() {
    double[] x = SyntheticSeries.errorBits(5, 6_000, 0.1, 3_000, 0.5);
    List<Change> changes = Ddm.builder().build().detect(x);
    int firstDrift =
        changes.stream()
            .filter(c -> c.state() == DetectorState.DRIFT && c.index() >= 3_000)
            .findFirst()
            .orElseThrow()
            .index();
    assertThat(firstDrift).isBetween(3_000, 3_300);
    // the drift was preceded by a warning period that began after the change
    assertThat(changes)
        .anySatisfy(
            c -> {
              assertThat(c.state()).isEqualTo(DetectorState.WARNING);
              assertThat(c.index()).isBetween(3_000, firstDrift);
            });
  }

  @Test
  void update_errorFreeRows_doNotDrift() {
    Ddm ddm = Ddm.builder().build();
    for (int i = 0; i < 1_000; i++) {
      assertThat(ddm.update(0)).isEqualTo(DetectorState.NONE);
    }
    assertThat(ddm.minErrorRate()).isZero();
    // with s_min = 0 the first error is a drift: the documented caveat
    assertThat(ddm.update(1)).isEqualTo(DetectorState.DRIFT);
    assertThat(ddm.observations()).isZero();
  }

  @Test
  void update_tracksTheMinimum() {
    Ddm ddm = Ddm.builder().minInstances(10).build();
    assertThat(ddm.minErrorRate()).isInfinite();
    for (int i = 0; i < 100; i++) {
      ddm.update(i % 4 == 0 ? 1 : 0);
    }
    assertThat(ddm.errorRate()).isEqualTo(0.25);
    assertThat(ddm.minErrorRate()).isLessThanOrEqualTo(0.25);
    assertThat(ddm.minStandardDeviation()).isPositive();
  }

  @Test
  void update_acceptsOnlyValuesInTheUnitInterval() {
    Ddm ddm = Ddm.builder().build();
    assertThatThrownBy(() -> ddm.update(2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value was '2.0' but it must be in [0, 1]");
    assertThatThrownBy(() -> ddm.update(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThat(ddm.update(0.5)).isEqualTo(DetectorState.NONE);
  }

  @Test
  void reset_forgetsEverything() {
    Ddm ddm = Ddm.builder().build();
    ddm.detect(new double[] {1, 0, 1});
    ddm.reset();
    assertThat(ddm.observations()).isZero();
    assertThat(ddm.errorRate()).isZero();
    assertThat(ddm.minErrorRate()).isInfinite();
  }

  @Test
  void builder_validatesParametersAndTheirOrder() {
    assertThatThrownBy(() -> Ddm.builder().minInstances(0))
        .hasMessage("minInstances was '0' but it must be >= 1");
    assertThatThrownBy(() -> Ddm.builder().warningLevel(-1))
        .hasMessage("warningLevel was '-1.0' but it must be finite and > 0");
    assertThatThrownBy(() -> Ddm.builder().driftLevel(Double.NaN))
        .hasMessage("driftLevel was 'NaN' but it must be finite and > 0");
    Ddm.Builder b = Ddm.builder().warningLevel(3).driftLevel(3);
    assertThatThrownBy(b::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("driftLevel was '3.0' but it must be > warningLevel (3.0)");
    assertThat(b.driftLevel(4).build().toString())
        .isEqualTo("Ddm[minInstances=30, warningLevel=3.0, driftLevel=4.0]");
  }

  @Test
  void detect_reportsWarningStartsOnce() {
    // a detector that warns for three values in a row reports one WARNING change
    ChangeDetector scripted =
        new ChangeDetector() {
          private final DetectorState[] script = {
            DetectorState.NONE, DetectorState.WARNING, DetectorState.WARNING,
            DetectorState.WARNING, DetectorState.DRIFT, DetectorState.WARNING
          };
          private int i;
          private DetectorState state = DetectorState.NONE;

          @Override
          public DetectorState update(double value) {
            state = script[i++];
            return state;
          }

          @Override
          public DetectorState state() {
            return state;
          }

          @Override
          public void reset() {
            i = 0;
          }

          @Override
          public long observations() {
            return i;
          }
        };
    assertThat(scripted.detect(new double[6]))
        .containsExactly(
            new Change(1, DetectorState.WARNING),
            new Change(4, DetectorState.DRIFT),
            new Change(5, DetectorState.WARNING));
  }
}
