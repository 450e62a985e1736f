package dev.churn.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * {@link PValueCorrection} on hand-checked examples; the Benjamini-Hochberg values equal {@code
 * statsmodels.stats.multitest.multipletests(p, method="fdr_bh")[1]} (worked out by hand here:
 * sorted p times m over rank, then the running minimum from the largest).
 */
class PValueCorrectionTest {

  @Test
  void adjust_benjaminiHochberg_stepsUpFromTheLargest() {
    assertThat(PValueCorrection.BENJAMINI_HOCHBERG.adjust(new double[] {0.01, 0.04, 0.03}))
        .containsExactly(new double[] {0.03, 0.04, 0.04}, within(1e-15));
    assertThat(PValueCorrection.BENJAMINI_HOCHBERG.adjust(
        new double[] {0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205, 0.212, 0.216}))
        .containsExactly(new double[] {0.01, 0.04, 0.084, 0.084, 0.084, 0.1, 0.10571428571428572,
            0.216, 0.216, 0.216}, within(1e-15));
    assertThat(PValueCorrection.BENJAMINI_HOCHBERG.adjust(new double[0])).isEmpty();
  }

  @Test
  void adjust_bonferroni_multipliesByTheNumberOfTestsUpToOne() {
    assertThat(PValueCorrection.BONFERRONI.adjust(new double[] {0.01, 0.3, 0.04}))
        .containsExactly(new double[] {0.03, 0.9, 0.12}, within(1e-15));
    assertThat(PValueCorrection.BONFERRONI.adjust(new double[] {0.5, 0.6})).containsExactly(1, 1);
    double[] raw = {0.2, 0.1};
    assertThat(PValueCorrection.NONE.adjust(raw)).containsExactly(0.2, 0.1).isNotSameAs(raw);
  }

  @Test
  void adjust_rejectsValuesOutsideZeroOne() {
    assertThatThrownBy(() -> PValueCorrection.BONFERRONI.adjust(new double[] {0.1, Double.NaN}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pValues[1] was NaN");
    assertThatThrownBy(() -> PValueCorrection.NONE.adjust(new double[] {1.5}))
        .hasMessageContaining("within [0, 1]");
  }
}
