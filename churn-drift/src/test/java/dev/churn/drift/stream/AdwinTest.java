package dev.churn.drift.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class AdwinTest {

  @Test
  void update_constantSeries_keepsGrowingWithLogarithmicBuckets() {
    Adwin adwin = Adwin.builder().build();
    for (int i = 0; i < 100_000; i++) {
      assertThat(adwin.update(0.25)).isEqualTo(DetectorState.NONE);
    }
    assertThat(adwin.width()).isEqualTo(100_000);
    assertThat(adwin.mean()).isCloseTo(0.25, within(1e-12));
    assertThat(adwin.variance()).isCloseTo(0.0, within(1e-12));
    // at most maxBuckets + 1 buckets per size and about log2(n / maxBuckets) sizes
    assertThat(adwin.buckets()).isLessThanOrEqualTo(6 * 16);
  }

  @Test
  void update_abruptJump_dropsTheOldWindowQuickly() {
    Adwin adwin = Adwin.builder().build();
    double[] x = new double[2_000];
    for (int i = 1_000; i < 2_000; i++) {
      x[i] = 1.0;
    }
    List<Change> changes = adwin.detect(x);
    assertThat(changes).isNotEmpty();
    assertThat(changes.get(0).index()).isBetween(1_000, 1_020);
    assertThat(changes).extracting(Change::state).containsOnly(DetectorState.DRIFT);
    // What is left is the new regime, up to a few old values that were merged into a bucket
    // with new ones before the cut (ADWIN2 cuts only between buckets): here 8 of 1008.
    assertThat(adwin.mean()).isGreaterThan(0.99);
    assertThat(adwin.width()).isLessThan(1_020);
    assertThat(adwin.width() + adwin.dropped()).isEqualTo(2_000);
  }

  @Test
  void update_meanTracksTheCurrentLevel() {
    double[] x = SyntheticSeries.errorBits(11, 6_000, 0.1, 3_000, 0.5);
    Adwin adwin = Adwin.builder().build();
    adwin.detect(x);
    assertThat(adwin.mean()).isCloseTo(0.5, within(0.05));
    assertThat(adwin.width()).isLessThanOrEqualTo(3_000 + 200);
  }

  @Test
  void checkEvery_delaysButStillDetects() {
    double[] x = SyntheticSeries.errorBits(12, 4_000, 0.1, 2_000, 0.6);
    List<Change> every = Adwin.builder().build().detect(x);
    List<Change> sparse = Adwin.builder().checkEvery(32).build().detect(x);
    assertThat(every).isNotEmpty();
    assertThat(sparse).isNotEmpty();
    assertThat(sparse.get(0).index()).isGreaterThanOrEqualTo(every.get(0).index());
    assertThat(sparse.get(0).index() % 32).isEqualTo(31);
  }

  @Test
  void reset_emptiesTheWindow() {
    Adwin adwin = Adwin.builder().build();
    adwin.detect(new double[] {0, 1, 0, 1});
    adwin.reset();
    assertThat(adwin.width()).isZero();
    assertThat(adwin.observations()).isZero();
    assertThat(adwin.buckets()).isZero();
    assertThat(adwin.mean()).isZero();
    assertThat(adwin.state()).isEqualTo(DetectorState.NONE);
  }

  @Test
  void update_rejectsNonFiniteValues() {
    assertThatThrownBy(() -> Adwin.builder().build().update(Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value was 'Infinity' but it must be finite");
  }

  @Test
  void builder_validatesEachParameter() {
    assertThatThrownBy(() -> Adwin.builder().delta(0))
        .hasMessage("delta was '0.0' but it must be in (0, 1)");
    assertThatThrownBy(() -> Adwin.builder().maxBuckets(1))
        .hasMessage("maxBuckets was '1' but it must be >= 2");
    assertThatThrownBy(() -> Adwin.builder().minSubWindow(0))
        .hasMessage("minSubWindow was '0' but it must be >= 1");
    assertThatThrownBy(() -> Adwin.builder().checkEvery(0))
        .hasMessage("checkEvery was '0' but it must be >= 1");
  }
}
