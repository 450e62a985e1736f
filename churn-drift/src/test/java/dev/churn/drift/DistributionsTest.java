package dev.churn.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The distributions against SciPy 1.10.1 at the points of {@link DistributionFixtures}: to 1e-12
 * absolute and, for values above 1e-300, 1e-9 relative (the p-value contract is 1e-6 absolute).
 */
class DistributionsTest {

  private static void check(double actual, double expected, String what) {
    assertThat(actual).as(what).isCloseTo(expected, within(1e-12));
    if (expected > 1e-300) {
      assertThat(Math.abs(actual - expected) / expected).as(what + " relative").isLessThan(1e-9);
    }
  }

  @Test
  void kolmogorovSf_equalsScipyKstwoSfInEveryRegion() {
    for (double[] r : DistributionFixtures.KSTWO_SF) {
      check(Distributions.kolmogorovSf((int) r[0], r[1]), r[2],
          "kstwo.sf(" + r[1] + ", " + (int) r[0] + ")");
    }
    assertThat(DriftStatistics.kolmogorovSf(0.3, 10)).isEqualTo(Distributions.kolmogorovSf(10, 0.3));
  }

  @Test
  void smirnovSf_equalsScipySpecialSmirnov() {
    for (double[] r : DistributionFixtures.SMIRNOV) {
      check(Distributions.smirnovSf((int) r[0], r[1]), r[2],
          "smirnov(" + (int) r[0] + ", " + r[1] + ")");
    }
  }

  @Test
  void chi2Sf_equalsScipy() {
    for (double[] r : DistributionFixtures.CHI2_SF) {
      check(Distributions.chi2Sf(r[0], r[1]), r[2], "chi2.sf(" + r[0] + ", " + r[1] + ")");
      assertThat(DriftStatistics.chiSquareSf(r[0], r[1])).isEqualTo(Distributions.chi2Sf(r[0], r[1]));
    }
  }

  @Test
  void normalSf_equalsScipyWithFullRelativeAccuracy() {
    for (double[] r : DistributionFixtures.NORM_SF) {
      check(Distributions.normalSf(r[0]), r[1], "norm.sf(" + r[0] + ")");
      assertThat(DriftStatistics.normalSf(r[0])).isEqualTo(Distributions.normalSf(r[0]));
    }
  }

  @Test
  void logGamma_matchesKnownValues() {
    assertThat(Distributions.logGamma(0.5)).isCloseTo(Math.log(Math.sqrt(Math.PI)), within(1e-15));
    assertThat(Distributions.logGamma(10)).isCloseTo(Math.log(362880), within(1e-13));
    assertThat(Distributions.logGamma(171)).isCloseTo(706.5730622457874, within(1e-11));
  }
}
