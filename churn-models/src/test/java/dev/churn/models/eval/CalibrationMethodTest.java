package dev.churn.models.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.churn.core.metrics.BinaryMetrics;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CalibrationMethodTest {

  /** An over-confident model: true probability q, reported probability q pushed to the ends. */
  private static final int N = 6000;

  private static final double[] P = new double[N];
  private static final boolean[] Y = new boolean[N];

  static {
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < N; i++) {
      double q = random.nextDouble(0.05, 0.6);
      Y[i] = random.nextDouble() < q;
      double logit = Math.log(q / (1 - q));
      P[i] = 1 / (1 + Math.exp(-2.5 * logit - 0.7));
    }
  }

  @Test
  void fitAndEvaluate_overConfidentModel_lowersEveryError() {
    List<Fold> folds = new StratifiedKFold(5, true, 3).split(Y);
    for (CalibrationMethod method : CalibrationMethod.values()) {
      CalibrationResult result = method.fitAndEvaluate(P, Y, folds);
      CalibrationReport r = result.report();
      assertThat(r.eceAfter()).as("%s ECE", method).isLessThan(r.eceBefore() / 2);
      assertThat(r.brierAfter()).as("%s Brier", method).isLessThan(r.brierBefore());
      assertThat(r.logLossAfter()).as("%s log loss", method).isLessThan(r.logLossBefore());
      assertThat(r.improvesLogLoss()).isTrue();
      assertThat(result.validationRows()).hasSize(N);
      assertThat(result.calibrator()).isEqualTo(method.fit(P, Y));
    }
  }

  @Test
  void fitAndEvaluate_reportIsComputedOnCrossFittedProbabilities() {
    List<Fold> folds = StratifiedKFold.of(3).split(Y);
    CalibrationResult result = CalibrationMethod.PLATT.fitAndEvaluate(P, Y, folds);
    double[] expected = new double[N];
    for (Fold fold : folds) {
      int[] train = fold.train();
      double[] p = new double[train.length];
      boolean[] y = new boolean[train.length];
      for (int i = 0; i < train.length; i++) {
        p[i] = P[train[i]];
        y[i] = Y[train[i]];
      }
      PlattCalibrator c = PlattCalibrator.fit(p, y);
      for (int row : fold.test()) {
        expected[row] = c.apply(P[row]);
      }
    }
    assertThat(result.calibrated()).containsExactly(expected);
    assertThat(result.report()).isEqualTo(CalibrationReport.of(P, expected, Y));
    assertThat(result.report().eceBefore()).isEqualTo(BinaryMetrics.expectedCalibrationError(P, Y));
    assertThat(result.report().logLossAfter())
        .isCloseTo(BinaryMetrics.logLoss(expected, Y), within(0.0));
  }

  @Test
  void fitAndEvaluate_timeFolds_reportOnlyValidatedRows() {
    int[] days = new int[N];
    for (int i = 0; i < N; i++) {
      days[i] = i % 4;
    }
    List<Fold> folds = TimeSplit.ofEpochDays(days).expanding(2);
    CalibrationResult result = CalibrationMethod.ISOTONIC.fitAndEvaluate(P, Y, folds);
    assertThat(result.validationRows()).hasSize(N / 2);
    assertThat(java.util.Arrays.stream(result.validationRows()).allMatch(row -> days[row] >= 2))
        .isTrue();
  }

  @Test
  void fitAndEvaluate_overlappingTestFolds_areRejected() {
    Fold a = new Fold(0, new int[] {2, 3}, new int[] {0, 1}, "a");
    Fold b = new Fold(1, new int[] {0, 3}, new int[] {1, 2}, "b");
    assertThatThrownBy(
            () ->
                CalibrationMethod.ISOTONIC.fitAndEvaluate(
                    new double[] {0.1, 0.2, 0.3, 0.4},
                    new boolean[] {false, true, false, true},
                    List.of(a, b)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("row 1 is a test row of more than one fold");
  }

  @Test
  void fitAndEvaluate_foldBeyondTheRows_isRejected() {
    Fold a = new Fold(0, new int[] {0, 1}, new int[] {9}, "a");
    assertThatThrownBy(
            () ->
                CalibrationMethod.PLATT.fitAndEvaluate(
                    new double[] {0.1, 0.2}, new boolean[] {false, true}, List.of(a)))
        .hasMessageContaining("beyond the 2 probabilities");
  }
}
