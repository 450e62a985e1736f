package dev.churn.models.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.churn.models.eval.PlattCalibrator.Input;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;

/**
 * Property tests of the calibrators with QuickTheories: generated samples of scores and labels,
 * half of them with heavy ties, some with weights.
 */
class CalibrationProperties {

  private static final long SEED = 20261123L;

  private static QuickTheory qt() {
    return QuickTheory.qt().withFixedSeed(SEED).withExamples(300);
  }

  /** A generated sample; {@code weights} may be null. */
  record Sample(double[] scores, boolean[] labels, double[] weights) {
    @Override
    public String toString() {
      return "Sample[scores="
          + Arrays.toString(scores)
          + ", labels="
          + Arrays.toString(labels)
          + ", weights="
          + Arrays.toString(weights)
          + "]";
    }
  }

  private record Row(int level, boolean label, int weight) {}

  /** 1 to maxRows rows with scores in [0, 1]; coarse samples have 11 distinct scores. */
  private static Gen<Sample> samples(int maxRows) {
    Gen<Row> row =
        integers().between(0, 1_000_000).zip(booleans().all(), integers().between(0, 4), Row::new);
    Gen<List<Row>> rows = lists().of(row).ofSizeBetween(1, maxRows);
    return rows.zip(integers().between(0, 3), CalibrationProperties::toSample);
  }

  /** mode 0: fine, 1: coarse, 2: fine weighted, 3: coarse weighted. */
  private static Sample toSample(List<Row> rows, int mode) {
    int n = rows.size();
    double[] scores = new double[n];
    boolean[] labels = new boolean[n];
    double[] weights = mode >= 2 ? new double[n] : null;
    for (int i = 0; i < n; i++) {
      int level = rows.get(i).level();
      scores[i] = mode % 2 == 1 ? (level % 11) / 10.0 : level / 1e6;
      labels[i] = rows.get(i).label();
      if (weights != null) {
        weights[i] = rows.get(i).weight() / 2.0;
      }
    }
    if (weights != null) {
      weights[0] = Math.max(weights[0], 0.5);
    }
    return new Sample(scores, labels, weights);
  }

  private static double[] grid() {
    double[] t = new double[241];
    for (int i = 0; i < t.length; i++) {
      t[i] = -0.1 + i * 0.005;
    }
    return t;
  }

  @Test
  void isotonic_isNonDecreasingAndWithinTheLabelRange() {
    qt().forAll(samples(80))
        .checkAssert(
            s -> {
              IsotonicCalibrator iso = IsotonicCalibrator.fit(s.scores(), s.labels(), s.weights());
              double min = 1;
              double max = 0;
              for (int i = 0; i < s.labels().length; i++) {
                if (s.weights() == null || s.weights()[i] > 0) {
                  double y = s.labels()[i] ? 1 : 0;
                  min = Math.min(min, y);
                  max = Math.max(max, y);
                }
              }
              double[] out = iso.apply(grid());
              for (int i = 0; i < out.length; i++) {
                assertThat(out[i]).isBetween(min, max);
                if (i > 0) {
                  assertThat(out[i]).isGreaterThanOrEqualTo(out[i - 1]);
                }
              }
              double[] y = iso.yThresholds();
              for (int i = 1; i < y.length; i++) {
                assertThat(y[i]).isGreaterThanOrEqualTo(y[i - 1]);
              }
            });
  }

  /**
   * The isotonic fit at each distinct score equals the min-max formula {@code max_{a <= i} min_{b
   * >= i} mean(y[a..b])} over the weighted means of the distinct scores, an independent O(n^3)
   * characterisation of the least-squares isotonic regression.
   */
  @Test
  void isotonic_equalsTheMinMaxFormula() {
    qt().forAll(samples(40))
        .checkAssert(
            s -> {
              double[] xs = Arrays.stream(s.scores()).distinct().sorted().toArray();
              int m = xs.length;
              double[] sumWy = new double[m];
              double[] sumW = new double[m];
              for (int i = 0; i < s.scores().length; i++) {
                double w = s.weights() == null ? 1 : s.weights()[i];
                int k = Arrays.binarySearch(xs, s.scores()[i]);
                sumW[k] += w;
                sumWy[k] += s.labels()[i] ? w : 0;
              }
              IsotonicCalibrator iso = IsotonicCalibrator.fit(s.scores(), s.labels(), s.weights());
              for (int i = 0; i < m; i++) {
                if (sumW[i] == 0) {
                  continue;
                }
                double best = Double.NEGATIVE_INFINITY;
                for (int a = 0; a <= i; a++) {
                  double inner = Double.POSITIVE_INFINITY;
                  for (int b = i; b < m; b++) {
                    double wy = 0;
                    double w = 0;
                    for (int k = a; k <= b; k++) {
                      wy += sumWy[k];
                      w += sumW[k];
                    }
                    if (w > 0) {
                      inner = Math.min(inner, wy / w);
                    }
                  }
                  best = Math.max(best, inner);
                }
                assertThat(iso.apply(xs[i])).as("at %s", xs[i]).isCloseTo(best, within(1e-12));
              }
            });
  }

  @Test
  void platt_isWithinZeroAndOneAndMonotoneInTheScore() {
    qt().forAll(samples(80))
        .checkAssert(
            s -> {
              PlattCalibrator platt =
                  PlattCalibrator.fit(s.scores(), s.labels(), s.weights(), Input.LOGIT);
              double[] p = new double[201];
              for (int i = 0; i < p.length; i++) {
                p[i] = i / 200.0;
              }
              double[] out = platt.apply(p);
              for (int i = 0; i < out.length; i++) {
                assertThat(out[i]).isBetween(0.0, 1.0);
                if (i > 0) {
                  if (platt.a() <= 0) {
                    assertThat(out[i]).isGreaterThanOrEqualTo(out[i - 1]);
                  } else {
                    assertThat(out[i]).isLessThanOrEqualTo(out[i - 1]);
                  }
                }
              }
            });
  }

  /** The fitted parameters zero the gradient of scikit-learn's objective. */
  @Test
  void platt_reachesTheOptimum() {
    qt().forAll(samples(80))
        .checkAssert(
            s -> {
              double[] f = Arrays.stream(s.scores()).map(v -> 4 * v - 2).toArray();
              PlattCalibrator platt = PlattCalibrator.fit(f, s.labels(), s.weights(), Input.RAW);
              double prior0 = 0;
              double prior1 = 0;
              for (int i = 0; i < f.length; i++) {
                double w = s.weights() == null ? 1 : s.weights()[i];
                if (s.labels()[i]) {
                  prior1 += w;
                } else {
                  prior0 += w;
                }
              }
              double gA = 0;
              double gB = 0;
              double total = 0;
              for (int i = 0; i < f.length; i++) {
                double w = s.weights() == null ? 1 : s.weights()[i];
                double t = s.labels()[i] ? (prior1 + 1) / (prior1 + 2) : 1 / (prior0 + 2);
                double r = w * (t - platt.apply(f[i]));
                gA += r * f[i];
                gB += r;
                total += w;
              }
              assertThat(Math.abs(gA) + Math.abs(gB)).isLessThan(1e-10 * Math.max(1, total));
            });
  }

  @Test
  void calibrators_roundTripThroughJsonExactly() {
    qt().forAll(samples(60))
        .checkAssert(
            s -> {
              for (Calibrator c :
                  List.of(
                      IsotonicCalibrator.fit(s.scores(), s.labels(), s.weights()),
                      PlattCalibrator.fit(s.scores(), s.labels(), s.weights(), Input.LOGIT))) {
                Calibrator back = Calibrator.fromJson(c.toJson());
                assertThat(back).isEqualTo(c);
                double[] p = Arrays.stream(grid()).filter(v -> v >= 0 && v <= 1).toArray();
                assertThat(back.apply(p)).containsExactly(c.apply(p));
              }
            });
  }
}
