package dev.churn.drift.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The normal quantiles against {@code scipy.stats.norm.ppf(0.5 + c / 2)} (scipy 1.10.1). */
class NormalTest {

  @Test
  void twoSidedQuantile_matchesScipy() {
    assertThat(Normal.twoSidedQuantile(0.5)).isCloseTo(0.6744897501960817, within(1e-10));
    assertThat(Normal.twoSidedQuantile(0.8)).isCloseTo(1.2815515655446004, within(1e-10));
    assertThat(Normal.twoSidedQuantile(0.9)).isCloseTo(1.6448536269514722, within(1e-10));
    assertThat(Normal.twoSidedQuantile(0.95)).isCloseTo(1.959963984540054, within(1e-10));
    assertThat(Normal.twoSidedQuantile(0.99)).isCloseTo(2.5758293035489004, within(1e-10));
    assertThat(Normal.twoSidedQuantile(0.9999)).isCloseTo(3.8905918864131204, within(1e-9));
  }

  @Test
  void halfCdf_isHalfAtInfinityAndZeroAtZero() {
    assertThat(Normal.halfCdf(0.0)).isZero();
    assertThat(Normal.halfCdf(9.0)).isCloseTo(0.5, within(1e-15));
  }
}
