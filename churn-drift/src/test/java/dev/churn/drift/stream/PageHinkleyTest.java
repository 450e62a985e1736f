package dev.churn.drift.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageHinkleyTest {

  private static double[] step(int before, double low, int after, double high) {
    double[] x = new double[before + after];
    Arrays.fill(x, 0, before, low);
    Arrays.fill(x, before, before + after, high);
    return x;
  }

  @Test
  void update_constantSeries_neverAlarms() {
    PageHinkley ph = PageHinkley.builder().lambda(1).minInstances(1).build();
    double[] x = new double[10_000];
    Arrays.fill(x, 0.3);
    assertThat(ph.detect(x)).isEmpty();
    assertThat(ph.statistic()).isZero();
    assertThat(ph.observations()).isEqualTo(10_000);
    assertThat(ph.mean()).isEqualTo(0.3);
  }

  @Test
  void update_stepUp_detectedOnlyWhenWatchingIncreases() {
    double[] x = step(100, 0.0, 100, 1.0);
    PageHinkley up =
        PageHinkley.builder().direction(PageHinkley.Direction.INCREASE).lambda(5).build();
    PageHinkley down =
        PageHinkley.builder().direction(PageHinkley.Direction.DECREASE).lambda(5).build();
    List<Change> ups = up.detect(x);
    assertThat(ups).isNotEmpty();
    assertThat(ups.get(0).index()).isBetween(100, 110);
    assertThat(ups.get(0).state()).isEqualTo(DetectorState.DRIFT);
    assertThat(down.detect(x)).isEmpty();
  }

  @Test
  void update_stepDown_detectedByDefaultDirection() {
    double[] x = step(100, 1.0, 100, 0.0);
    List<Change> changes = PageHinkley.builder().lambda(5).build().detect(x);
    assertThat(changes).extracting(Change::index).first().satisfies(i -> assertThat(i)
        .isBetween(100, 110));
  }

  @Test
  void update_afterDrift_restarts() {
    PageHinkley ph = PageHinkley.builder().lambda(5).minInstances(1).build();
    double[] x = step(50, 0.0, 50, 1.0);
    int driftAt = -1;
    for (int i = 0; i < x.length; i++) {
      if (ph.update(x[i]) == DetectorState.DRIFT) {
        driftAt = i;
        break;
      }
    }
    assertThat(driftAt).isPositive();
    assertThat(ph.state()).isEqualTo(DetectorState.DRIFT);
    assertThat(ph.observations()).isZero();
    assertThat(ph.statistic()).isZero();
    assertThat(ph.update(1.0)).isEqualTo(DetectorState.NONE);
    assertThat(ph.mean()).isEqualTo(1.0);
  }

  @Test
  void update_respectsMinInstances() {
    PageHinkley ph = PageHinkley.builder().lambda(0.5).minInstances(20).build();
    double[] x = step(5, 0.0, 10, 1.0);
    assertThat(ph.detect(x)).isEmpty();
    assertThat(ph.statistic()).isGreaterThan(0.5);
  }

  @Test
  void reset_forgetsEverything() {
    PageHinkley ph = PageHinkley.builder().build();
    ph.detect(new double[] {1, 2, 3});
    ph.reset();
    assertThat(ph.observations()).isZero();
    assertThat(ph.state()).isEqualTo(DetectorState.NONE);
    assertThat(ph.mean()).isZero();
  }

  @Test
  void update_rejectsNonFiniteValues() {
    PageHinkley ph = PageHinkley.builder().build();
    assertThatThrownBy(() -> ph.update(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value was 'NaN' but it must be finite");
  }

  @Test
  void builder_validatesEachParameter() {
    assertThatThrownBy(() -> PageHinkley.builder().delta(-0.1))
        .hasMessage("delta was '-0.1' but it must be finite and >= 0");
    assertThatThrownBy(() -> PageHinkley.builder().lambda(0))
        .hasMessage("lambda was '0.0' but it must be finite and > 0");
    assertThatThrownBy(() -> PageHinkley.builder().alpha(1.5))
        .hasMessage("alpha was '1.5' but it must be in (0, 1]");
    assertThatThrownBy(() -> PageHinkley.builder().minInstances(0))
        .hasMessage("minInstances was '0' but it must be >= 1");
    assertThatThrownBy(() -> PageHinkley.builder().direction(null))
        .isInstanceOf(NullPointerException.class);
    assertThat(PageHinkley.builder().build().toString())
        .isEqualTo(
            "PageHinkley[delta=0.005, lambda=50.0, alpha=0.9999, minInstances=30, direction=BOTH]");
  }
}
