package dev.churn.models.eval;

import static dev.churn.models.eval.SklearnFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.churn.models.eval.PlattCalibrator.Input;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PlattCalibratorTest {

  /** Agreement with scikit-learn, which stops its BFGS at a gradient of 1e-5. */
  private static final double SKLEARN_TOL = 1e-6;

  /** Agreement with the exact optimum of the same objective. */
  private static final double EXACT_TOL = 1e-9;

  @Test
  void fit_decisionValues_matchesSklearn() {
    PlattCalibrator platt = PlattCalibrator.fit(PLATT_DECISION_F, PLATT_DECISION_Y, Input.RAW);
    assertThat(platt.a()).isCloseTo(PLATT_DECISION_A, within(SKLEARN_TOL));
    assertThat(platt.b()).isCloseTo(PLATT_DECISION_B, within(SKLEARN_TOL));
    assertThat(platt.a()).isCloseTo(PLATT_DECISION_A_EXACT, within(EXACT_TOL));
    assertThat(platt.b()).isCloseTo(PLATT_DECISION_B_EXACT, within(EXACT_TOL));
    assertThat(platt.apply(PLATT_DECISION_T))
        .containsExactly(PLATT_DECISION_PRED, within(SKLEARN_TOL));
  }

  @Test
  void fit_probabilities_usesTheirLogitAndMatchesSklearnOnIt() {
    PlattCalibrator platt = PlattCalibrator.fit(PLATT_LOGIT_P, PLATT_LOGIT_Y);
    assertThat(platt.input()).isEqualTo(Input.LOGIT);
    assertThat(platt.a()).isCloseTo(PLATT_LOGIT_A, within(SKLEARN_TOL));
    assertThat(platt.b()).isCloseTo(PLATT_LOGIT_B, within(SKLEARN_TOL));
    assertThat(platt.a()).isCloseTo(PLATT_LOGIT_A_EXACT, within(EXACT_TOL));
    assertThat(platt.b()).isCloseTo(PLATT_LOGIT_B_EXACT, within(EXACT_TOL));
    // the last 10 points of T are the logits of the first 10 probabilities
    double[] p = Arrays.copyOf(PLATT_LOGIT_P, 10);
    double[] expected = Arrays.copyOfRange(PLATT_LOGIT_PRED, 15, 25);
    assertThat(platt.apply(p)).containsExactly(expected, within(SKLEARN_TOL));
    // and on the logit scale directly
    PlattCalibrator raw = PlattCalibrator.of(platt.a(), platt.b(), Input.RAW);
    assertThat(raw.apply(PLATT_LOGIT_T)).containsExactly(PLATT_LOGIT_PRED, within(SKLEARN_TOL));
  }

  @Test
  void fit_weights_matchesSklearn() {
    PlattCalibrator platt =
        PlattCalibrator.fit(PLATT_WEIGHTED_F, PLATT_WEIGHTED_Y, PLATT_WEIGHTED_W, Input.RAW);
    assertThat(platt.a()).isCloseTo(PLATT_WEIGHTED_A, within(SKLEARN_TOL));
    assertThat(platt.b()).isCloseTo(PLATT_WEIGHTED_B, within(SKLEARN_TOL));
    assertThat(platt.a()).isCloseTo(PLATT_WEIGHTED_A_EXACT, within(EXACT_TOL));
    assertThat(platt.b()).isCloseTo(PLATT_WEIGHTED_B_EXACT, within(EXACT_TOL));
    assertThat(platt.apply(PLATT_WEIGHTED_T))
        .containsExactly(PLATT_WEIGHTED_PRED, within(SKLEARN_TOL));
  }

  @Test
  void fit_constantScore_stopsOnSklearnsLineAtTheExactOptimum() {
    PlattCalibrator platt = PlattCalibrator.fit(PLATT_CONSTANT_F, PLATT_CONSTANT_Y, Input.RAW);
    assertThat(platt.a()).isCloseTo(PLATT_CONSTANT_A_EXACT, within(EXACT_TOL));
    assertThat(platt.b()).isCloseTo(PLATT_CONSTANT_B_EXACT, within(EXACT_TOL));
    // scikit-learn stops 1.1e-6 short of that optimum on the same line
    assertThat(platt.a()).isCloseTo(PLATT_CONSTANT_A, within(2e-6));
    assertThat(platt.b()).isCloseTo(PLATT_CONSTANT_B, within(2e-6));
    assertThat(platt.apply(PLATT_CONSTANT_T)).containsExactly(PLATT_CONSTANT_PRED, within(2e-6));
  }

  @Test
  void fit_calibratedModel_givesNearIdentity() {
    // labels drawn from the probabilities themselves: the logit sigmoid should be close to A=-1,
    // B=0
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    int n = 20_000;
    double[] p = new double[n];
    boolean[] y = new boolean[n];
    for (int i = 0; i < n; i++) {
      p[i] = random.nextDouble(0.01, 0.99);
      y[i] = random.nextDouble() < p[i];
    }
    PlattCalibrator platt = PlattCalibrator.fit(p, y);
    assertThat(platt.a()).isCloseTo(-1.0, within(0.1));
    assertThat(platt.b()).isCloseTo(0.0, within(0.1));
  }

  @Test
  void fit_separableProbabilities_stopAtPlattsSmoothedTargets() {
    // two negatives at p=0, two positives at p=1: targets 1/4 and 3/4, reached exactly
    PlattCalibrator platt =
        PlattCalibrator.fit(new double[] {0, 0, 1, 1}, new boolean[] {false, false, true, true});
    assertThat(platt.apply(0.0)).isCloseTo(0.25, within(1e-12));
    assertThat(platt.apply(1.0)).isCloseTo(0.75, within(1e-12));
  }

  @Test
  void fit_oneClass_startsAtItsOptimum() {
    // all negative: the start B = log((3 + 1) / (0 + 1)) already gives the target 1 / (3 + 2)
    PlattCalibrator platt =
        PlattCalibrator.fit(new double[] {0, 0, 0}, new boolean[] {false, false, false}, Input.RAW);
    assertThat(platt.a()).isEqualTo(0.0);
    assertThat(platt.b()).isEqualTo(Math.log(4));
    assertThat(platt.apply(0.0)).isCloseTo(0.2, within(1e-15));
  }

  @Test
  void apply_extremeInputs_stayWithinZeroAndOne() {
    PlattCalibrator logit = PlattCalibrator.of(-1.3, 0.2, Input.LOGIT);
    assertThat(logit.apply(0.0)).isBetween(0.0, 1.0);
    assertThat(logit.apply(1.0)).isBetween(0.0, 1.0);
    assertThatThrownBy(() -> logit.apply(1.5)).hasMessageContaining("within [0, 1]");
    PlattCalibrator raw = PlattCalibrator.of(-2, 0.5, Input.RAW);
    assertThat(raw.apply(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
    assertThat(raw.apply(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
    assertThat(raw.apply(1e300)).isEqualTo(1.0);
  }

  @Test
  void fit_invalidInput_isRejected() {
    assertThatThrownBy(
            () -> PlattCalibrator.fit(new double[] {0.2, 1.2}, new boolean[] {true, false}))
        .hasMessageContaining("probabilities[1] was 1.2");
    assertThatThrownBy(
            () ->
                PlattCalibrator.fit(
                    new double[] {0.2, Double.POSITIVE_INFINITY},
                    new boolean[] {true, false},
                    Input.RAW))
        .hasMessageContaining("scores[1] was Infinity but it must be finite");
    assertThatThrownBy(() -> PlattCalibrator.of(Double.NaN, 0, Input.RAW))
        .hasMessageContaining("a was NaN");
  }

  @Test
  void json_roundTripsExactly() {
    PlattCalibrator platt = PlattCalibrator.fit(PLATT_LOGIT_P, PLATT_LOGIT_Y);
    String json = platt.toJson();
    assertThat(json).contains("\"method\":\"platt\"").contains("\"input\":\"logit\"");
    assertThat(Calibrator.fromJson(json)).isEqualTo(platt);
    assertThat(Calibrator.fromJson("{\"method\":\"platt\",\"a\":-1.0,\"b\":0.5}"))
        .isEqualTo(PlattCalibrator.of(-1.0, 0.5, Input.LOGIT));
  }
}
