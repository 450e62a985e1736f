package dev.churn.drift;

import static dev.churn.drift.DriftFixtures.ints;
import static dev.churn.drift.DriftFixtures.normals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link DriftStatistics} against SciPy 1.10.1 (numpy 1.24.2, Debian 12's python3-scipy). Every
 * expected number was printed by a Python script on the same inputs: literal arrays, or arrays
 * from {@link DriftFixtures}' generators, which the script reproduces bit for bit. Statistics
 * must agree to 1e-9 (relative where large), p-values to 1e-6 absolute and, where they are not
 * tiny, 1e-9 relative.
 */
class DriftStatisticsTest {

  private static final double[] HAND_A = {0.61, 0.29, 0.06, 0.59, -1.1, -0.5, 0.7, 1.2, 0.33};
  private static final double[] HAND_B = {0.1, -0.3, 0.9, 1.5, 2.0, 0.61, 0.45};

  static void assertStatistic(double actual, double expected) {
    assertThat(actual).isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
  }

  static void assertPValue(double actual, double expected) {
    assertThat(actual).isCloseTo(expected, within(1e-6));
    assertThat(actual).isCloseTo(expected, within(1e-9 * Math.max(expected, 1e-300)));
  }

  @Test
  void fixtures_matchTheReferenceScript() {
    assertThat(normals(1, 3)).containsExactly(0.1988428328925691, 0.9336421355651483,
        0.25189222499795516);
    assertThat(ints(7, 3, 10)).containsExactly(4.0, 9.0, 9.0);
  }

  /** scipy.stats.ks_2samp(a, b, method="asymp"). */
  static Stream<Arguments> ksCases() {
    return Stream.of(
        Arguments.of("hand", HAND_A, HAND_B, 0.31746031746031744, 0.715042119700544),
        Arguments.of("normals200vs300", normals(1, 200), normals(2, 300, 0.3),
            0.15499999999999997, 0.005531864248215286),
        Arguments.of("normals1000same", normals(3, 1000), normals(4, 1000),
            0.03200000000000003, 0.6729558276468219),
        Arguments.of("normals5000vs3000", normals(5, 5000), normals(6, 3000, 0.05),
            0.030199999999999894, 0.06409036254363198),
        Arguments.of("ties", ints(7, 400, 10), ints(8, 500, 11),
            0.09799999999999998, 0.026216260902579114),
        Arguments.of("small37vs23", normals(13, 37), normals(14, 23, 0.8),
            0.3772032902467686, 0.02679554111833138),
        Arguments.of("large200kvs150k", normals(9, 200000), normals(10, 150000, 0.01),
            0.003741666666666643, 0.18084885717486332));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ksCases")
  void kolmogorovSmirnov_equalsScipyAsymp(String name, double[] a, double[] b, double d,
      double p) {
    DriftStatistics.TestResult r = DriftStatistics.kolmogorovSmirnov(a, b);
    assertStatistic(r.statistic(), d);
    assertPValue(r.pValue(), p);
    // the statistic is symmetric; the p-value depends on the sizes only through en
    assertThat(DriftStatistics.kolmogorovSmirnov(b, a).statistic()).isEqualTo(r.statistic());
  }

  @Test
  void kolmogorovSmirnov_identicalSamples_giveZeroAndOne() {
    double[] a = normals(1, 500);
    DriftStatistics.TestResult r = DriftStatistics.kolmogorovSmirnov(a, a);
    assertThat(r.statistic()).isZero();
    assertThat(r.pValue()).isEqualTo(1.0);
  }

  @Test
  void kolmogorovSmirnov_rejectsEmptyAndNaN() {
    assertThatThrownBy(() -> DriftStatistics.kolmogorovSmirnov(new double[0], HAND_B))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reference was empty");
    assertThatThrownBy(() -> DriftStatistics.kolmogorovSmirnov(HAND_A, new double[] {1, Double.NaN}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("current[1] was NaN");
  }

  /** scipy.stats.wasserstein_distance(a, b). */
  @Test
  void wasserstein_equalsScipy() {
    assertStatistic(DriftStatistics.wasserstein(HAND_A, HAND_B), 0.5092063492063493);
    assertStatistic(DriftStatistics.wasserstein(normals(11, 1000), normals(12, 800, 0.5, 2.0)),
        0.9649324492612175);
    assertStatistic(DriftStatistics.wasserstein(ints(7, 400, 10), ints(8, 500, 11)), 0.4055);
  }

  @Test
  void wasserstein_rejectsInfinity() {
    assertThatThrownBy(() -> DriftStatistics.wasserstein(HAND_A,
        new double[] {1, Double.POSITIVE_INFINITY}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("infinite");
  }

  /** scipy.stats.chi2_contingency([a, b]) with categories empty in both left out. */
  static Stream<Arguments> chiSquareCases() {
    return Stream.of(
        Arguments.of(new long[] {120, 80, 40, 10}, new long[] {100, 90, 60, 5},
            8.024365453846421, 0.04551082003417284),
        Arguments.of(new long[] {30, 70}, new long[] {45, 55}, // Yates
            4.181333333333333, 0.04087153408900628),
        Arguments.of(new long[] {10, 0, 5, 7}, new long[] {12, 0, 1, 9},
            3.098484848484848, 0.21240882866847996),
        Arguments.of(new long[] {50, 0, 30}, new long[] {40, 12, 30},
            13.088414634146341, 0.0014384238448043574),
        Arguments.of(new long[] {100000, 250000, 50000}, new long[] {99000, 251500, 49000},
            19.299988221858236, 6.442594644220349e-05),
        Arguments.of(new long[] {10, 10}, new long[] {10, 11}, 0.0, 1.0), // |o - e| < 0.5
        Arguments.of(new long[] {7}, new long[] {9}, 0.0, 1.0)); // no degrees of freedom
  }

  @ParameterizedTest
  @MethodSource("chiSquareCases")
  void chiSquare_equalsScipyContingency(long[] a, long[] b, double chi2, double p) {
    DriftStatistics.TestResult r = DriftStatistics.chiSquare(a, b);
    assertStatistic(r.statistic(), chi2);
    assertPValue(r.pValue(), p);
  }

  @Test
  void chiSquare_rejectsAnEmptySampleAndMismatchedLengths() {
    assertThatThrownBy(() -> DriftStatistics.chiSquare(new long[] {0, 0}, new long[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one count");
    assertThatThrownBy(() -> DriftStatistics.chiSquare(new long[] {1}, new long[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same length");
    assertThatThrownBy(() -> DriftStatistics.chiSquare(new long[] {1, -1}, new long[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(">= 0");
  }

  /** Evidently's z-test; p = 2 * scipy.stats.norm.sf(|z|). */
  static Stream<Arguments> zCases() {
    return Stream.of(
        Arguments.of(40, 100, 55, 120, -0.8697650418763532, 0.3844288193282097),
        Arguments.of(0, 50, 0, 70, 0.0, 1.0),
        Arguments.of(500, 1000, 400, 1000, 4.494665749754946, 6.967931072849876e-06),
        Arguments.of(5, 10000, 60, 10000, -6.8330231013621425, 8.31435603911145e-12),
        Arguments.of(70, 70, 69, 70, 1.0035906758257138, 0.31557595071124345));
  }

  @ParameterizedTest
  @MethodSource("zCases")
  void zTest_equalsScipyNormal(long h1, long n1, long h2, long n2, double z, double p) {
    DriftStatistics.TestResult r = DriftStatistics.zTest(h1, n1, h2, n2);
    assertStatistic(r.statistic(), z);
    assertPValue(r.pValue(), p);
  }

  @Test
  void zTest_rejectsImpossibleCounts() {
    assertThatThrownBy(() -> DriftStatistics.zTest(5, 4, 1, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("within [0, total]");
    assertThatThrownBy(() -> DriftStatistics.zTest(0, 0, 1, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(">= 1");
  }

  /** scipy.spatial.distance.jensenshannon(p, q), natural logarithm. */
  @Test
  void jensenShannon_equalsScipy() {
    assertStatistic(DriftStatistics.jensenShannon(new double[] {0.1, 0.4, 0.5},
        new double[] {0.2, 0.2, 0.6}), 0.16661549647351914);
    assertStatistic(DriftStatistics.jensenShannon(new double[] {10, 0, 5, 0},
        new double[] {0, 3, 5, 0}), 0.619323943413279);
    assertStatistic(DriftStatistics.jensenShannon(new double[] {3, 4}, new double[] {3, 4}), 0.0);
    assertStatistic(DriftStatistics.jensenShannon(new double[] {1, 0}, new double[] {0, 1}),
        0.8325546111576977);
  }

  /** Evidently's PSI formula, computed with numpy. */
  @Test
  void psi_equalsEvidentlyFormula() {
    assertStatistic(DriftStatistics.psi(new double[] {10, 20, 30, 40},
        new double[] {15, 25, 25, 35}), 0.04722308044204257);
    assertStatistic(DriftStatistics.psi(new double[] {100, 0, 50}, new double[] {90, 5, 55}),
        0.20325822574876873);
    assertStatistic(DriftStatistics.psi(new double[] {100000, 3, 50000},
        new double[] {0, 10, 5}), 12.811586129833536);
    assertStatistic(DriftStatistics.psi(new double[] {5, 5}, new double[] {5, 5}), 0.0);
  }

  @Test
  void distances_rejectBadWeights() {
    assertThatThrownBy(() -> DriftStatistics.jensenShannon(new double[] {0, 0},
        new double[] {1, 1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("all be zero");
    assertThatThrownBy(() -> DriftStatistics.psi(new double[] {1, -1}, new double[] {1, 1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(">= 0");
    assertThatThrownBy(() -> DriftStatistics.psi(new double[] {1}, new double[] {1, 1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same");
  }
}
