package dev.churn.models.eval;

import static dev.churn.models.eval.SklearnFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.churn.core.ChurnException;
import org.junit.jupiter.api.Test;

class IsotonicCalibratorTest {

  private static final double TOL = 1e-12;

  private static void assertMatchesSklearn(
      IsotonicCalibrator iso,
      double[] xThresholds,
      double[] yThresholds,
      double[] t,
      double[] pred) {
    assertThat(iso.xThresholds()).containsExactly(xThresholds, within(TOL));
    assertThat(iso.yThresholds()).containsExactly(yThresholds, within(TOL));
    assertThat(iso.apply(t)).containsExactly(pred, within(TOL));
  }

  @Test
  void fit_tiedScores_matchesSklearn() {
    IsotonicCalibrator iso = IsotonicCalibrator.fit(ISO_TIES_S, ISO_TIES_Y);
    assertMatchesSklearn(
        iso, ISO_TIES_X_THRESHOLDS, ISO_TIES_Y_THRESHOLDS, ISO_TIES_T, ISO_TIES_PRED);
  }

  @Test
  void fit_weights_matchesSklearn() {
    IsotonicCalibrator iso = IsotonicCalibrator.fit(ISO_WEIGHTED_S, ISO_WEIGHTED_Y, ISO_WEIGHTED_W);
    assertMatchesSklearn(
        iso,
        ISO_WEIGHTED_X_THRESHOLDS,
        ISO_WEIGHTED_Y_THRESHOLDS,
        ISO_WEIGHTED_T,
        ISO_WEIGHTED_PRED);
  }

  @Test
  void fit_constantScore_predictsTheMeanLabelEverywhere() {
    IsotonicCalibrator iso = IsotonicCalibrator.fit(ISO_CONSTANT_S, ISO_CONSTANT_Y);
    assertMatchesSklearn(
        iso,
        ISO_CONSTANT_X_THRESHOLDS,
        ISO_CONSTANT_Y_THRESHOLDS,
        ISO_CONSTANT_T,
        ISO_CONSTANT_PRED);
    assertThat(iso.apply(-5.0)).isEqualTo(3.0 / 9);
  }

  @Test
  void fit_alreadyMonotone_keepsTheStep() {
    IsotonicCalibrator iso = IsotonicCalibrator.fit(ISO_MONOTONE_S, ISO_MONOTONE_Y);
    assertMatchesSklearn(
        iso,
        ISO_MONOTONE_X_THRESHOLDS,
        ISO_MONOTONE_Y_THRESHOLDS,
        ISO_MONOTONE_T,
        ISO_MONOTONE_PRED);
    assertThat(iso.yThresholds()).containsExactly(0.0, 0.0, 1.0, 1.0);
  }

  @Test
  void fit_decreasingLabels_poolsEverythingIntoOneBlock() {
    IsotonicCalibrator iso = IsotonicCalibrator.fit(ISO_DECREASING_S, ISO_DECREASING_Y);
    assertMatchesSklearn(
        iso,
        ISO_DECREASING_X_THRESHOLDS,
        ISO_DECREASING_Y_THRESHOLDS,
        ISO_DECREASING_T,
        ISO_DECREASING_PRED);
  }

  @Test
  void fit_scoresWithin1e15_areMergedAsSklearnDoes() {
    IsotonicCalibrator iso = IsotonicCalibrator.fit(ISO_NEAR_TIES_S, ISO_NEAR_TIES_Y);
    assertMatchesSklearn(
        iso,
        ISO_NEAR_TIES_X_THRESHOLDS,
        ISO_NEAR_TIES_Y_THRESHOLDS,
        ISO_NEAR_TIES_T,
        ISO_NEAR_TIES_PRED);
  }

  @Test
  void fit_300Rows_matchesSklearn() {
    IsotonicCalibrator iso = IsotonicCalibrator.fit(ISO_RANDOM_S, ISO_RANDOM_Y);
    assertMatchesSklearn(
        iso, ISO_RANDOM_X_THRESHOLDS, ISO_RANDOM_Y_THRESHOLDS, ISO_RANDOM_T, ISO_RANDOM_PRED);
  }

  @Test
  void fit_zeroWeights_areIgnored() {
    double[] s = {0.1, 0.2, 0.3, 0.4};
    boolean[] y = {false, true, false, true};
    IsotonicCalibrator weighted = IsotonicCalibrator.fit(s, y, new double[] {1, 0, 1, 1});
    IsotonicCalibrator dropped =
        IsotonicCalibrator.fit(new double[] {0.1, 0.3, 0.4}, new boolean[] {false, false, true});
    assertThat(weighted).isEqualTo(dropped);
  }

  @Test
  void apply_clipsOutsideTheRangeAndInterpolatesInside() {
    IsotonicCalibrator iso =
        IsotonicCalibrator.of(new double[] {0.2, 0.6}, new double[] {0.1, 0.5});
    assertThat(iso.apply(Double.NEGATIVE_INFINITY)).isEqualTo(0.1);
    assertThat(iso.apply(0.0)).isEqualTo(0.1);
    assertThat(iso.apply(0.4)).isCloseTo(0.3, within(TOL));
    assertThat(iso.apply(1.0)).isEqualTo(0.5);
    assertThatThrownBy(() -> iso.apply(Double.NaN)).hasMessageContaining("NaN");
    assertThatThrownBy(() -> iso.apply(new double[] {0.3, Double.NaN}))
        .hasMessageContaining("p[1]");
  }

  @Test
  void fit_invalidInput_isRejectedWithTheReason() {
    assertThatThrownBy(
            () -> IsotonicCalibrator.fit(new double[] {0.1}, new boolean[] {true, false}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scores.length=1, labels.length=2");
    assertThatThrownBy(() -> IsotonicCalibrator.fit(new double[0], new boolean[0]))
        .hasMessageContaining("empty");
    assertThatThrownBy(
            () ->
                IsotonicCalibrator.fit(new double[] {0.1, Double.NaN}, new boolean[] {true, false}))
        .hasMessageContaining("scores[1] was NaN");
    assertThatThrownBy(
            () ->
                IsotonicCalibrator.fit(
                    new double[] {0.1, 0.2}, new boolean[] {true, false}, new double[] {1, -1}))
        .hasMessageContaining("weights[1] was -1.0");
    assertThatThrownBy(
            () ->
                IsotonicCalibrator.fit(
                    new double[] {0.1, 0.2}, new boolean[] {true, false}, new double[] {0, 0}))
        .hasMessageContaining("must not all be 0");
  }

  @Test
  void of_invalidPoints_areRejected() {
    assertThatThrownBy(() -> IsotonicCalibrator.of(new double[] {0.2, 0.2}, new double[] {0, 1}))
        .hasMessageContaining("strictly increasing");
    assertThatThrownBy(() -> IsotonicCalibrator.of(new double[] {0.1, 0.2}, new double[] {1, 0}))
        .hasMessageContaining("non-decreasing");
    assertThatThrownBy(() -> IsotonicCalibrator.of(new double[] {0.1}, new double[] {1.5}))
        .hasMessageContaining("within [0, 1]");
  }

  @Test
  void json_roundTripsExactly() {
    IsotonicCalibrator iso = IsotonicCalibrator.fit(ISO_RANDOM_S, ISO_RANDOM_Y);
    String json = iso.toJson();
    assertThat(json).startsWith("{\"method\":\"isotonic\",\"x\":[");
    Calibrator back = Calibrator.fromJson(json);
    assertThat(back).isInstanceOf(IsotonicCalibrator.class).isEqualTo(iso);
    assertThat(back.apply(ISO_RANDOM_T)).containsExactly(iso.apply(ISO_RANDOM_T));
  }

  @Test
  void fromJson_invalid_saysWhatIsExpected() {
    assertThatThrownBy(() -> Calibrator.fromJson("{\"method\":\"beta\"}"))
        .isInstanceOf(ChurnException.class)
        .hasMessageContaining("isotonic");
    assertThatThrownBy(
            () -> Calibrator.fromJson("{\"method\":\"isotonic\",\"x\":[1,0],\"y\":[0,1]}"))
        .isInstanceOf(ChurnException.class)
        .hasMessageContaining("strictly increasing");
  }
}
