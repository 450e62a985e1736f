package dev.churn.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;

/**
 * Property tests of {@link BinaryMetrics} with QuickTheories, on generated samples that always
 * contain both classes and, half of the time, heavy ties (scores rounded to one decimal).
 *
 * <p>The seed is fixed so that every run checks the same examples.
 */
class BinaryMetricsProperties {

  private static final long SEED = 20261123L;
  private static final int EXAMPLES = 300;
  private static final double TOL = 1e-12;

  private static QuickTheory qt() {
    return QuickTheory.qt().withFixedSeed(SEED).withExamples(EXAMPLES);
  }

  /** A generated sample with readable output when a property fails. */
  record Sample(double[] scores, boolean[] labels) {

    int positives() {
      int count = 0;
      for (boolean label : labels) {
        if (label) {
          count++;
        }
      }
      return count;
    }

    Sample mapScores(DoubleUnaryOperator f) {
      return new Sample(Arrays.stream(scores).map(f).toArray(), labels);
    }

    double[] distinctScores() {
      return Arrays.stream(scores).distinct().sorted().toArray();
    }

    @Override
    public String toString() {
      return "Sample[scores=" + Arrays.toString(scores) + ", labels=" + Arrays.toString(labels) + "]";
    }
  }

  private record Row(int level, boolean label) {}

  /**
   * Samples of 2 to {@code maxRows} rows with scores in [0, 1]. Coarse samples use the 11 values
   * 0.0, 0.1, ..., 1.0 (many ties); fine ones use multiples of 1e-6 (ties rare). The first two
   * labels are forced to true and false so both classes occur.
   */
  private static Gen<Sample> samples(int maxRows) {
    Gen<List<Row>> rows =
        lists()
            .of(integers().between(0, 1_000_000).zip(booleans().all(), Row::new))
            .ofSizeBetween(2, maxRows);
    return rows.zip(booleans().all(), BinaryMetricsProperties::toSample);
  }

  private static Sample toSample(List<Row> rows, boolean coarse) {
    int n = rows.size();
    double[] scores = new double[n];
    boolean[] labels = new boolean[n];
    for (int i = 0; i < n; i++) {
      int level = rows.get(i).level();
      scores[i] = coarse ? (level % 11) / 10.0 : level / 1e6;
      labels[i] = rows.get(i).label();
    }
    labels[0] = true;
    labels[1] = false;
    return new Sample(scores, labels);
  }

  private static double auc(Sample s) {
    return BinaryMetrics.rocAuc(s.scores(), s.labels());
  }

  // ---------------------------------------------------------------------------------------------
  // ROC AUC

  @Test
  void rocAuc_unchangedByStrictlyIncreasingTransforms() {
    qt().forAll(
            samples(60), integers().between(1, 1000), integers().between(-1000, 1000))
        .checkAssert(
            (s, slope, intercept) -> {
              double a = slope / 10.0;
              double b = intercept / 10.0;
              double expected = auc(s);
              assertThat(auc(s.mapScores(Math::exp))).as("exp").isEqualTo(expected);
              assertThat(auc(s.mapScores(x -> x * x * x))).as("cube").isEqualTo(expected);
              assertThat(auc(s.mapScores(x -> 2 * x + 3))).as("2x + 3").isEqualTo(expected);
              assertThat(auc(s.mapScores(x -> a * x + b))).as("ax + b").isEqualTo(expected);
              assertThat(auc(s.mapScores(x -> Math.log(x + 1e-3)))).as("log").isEqualTo(expected);
            });
  }

  @Test
  void rocAuc_reversedScores_giveOneMinusAuc() {
    qt().forAll(samples(60))
        .checkAssert(
            s -> {
              double expected = 1.0 - auc(s);
              assertThat(auc(s.mapScores(x -> 1.0 - x))).as("1 - s").isCloseTo(expected, within(TOL));
              assertThat(auc(s.mapScores(x -> -x))).as("-s").isCloseTo(expected, within(TOL));
            });
  }

  @Test
  void rocAuc_equalsBruteForcePairwiseCount() {
    qt().forAll(samples(40))
        .checkAssert(
            s -> {
              long wins2 = 0; // twice the number of (positive, negative) pairs won, ties count 1
              long pairs = 0;
              for (int i = 0; i < s.scores().length; i++) {
                for (int j = 0; j < s.scores().length; j++) {
                  if (s.labels()[i] && !s.labels()[j]) {
                    pairs++;
                    double p = s.scores()[i];
                    double q = s.scores()[j];
                    wins2 += p > q ? 2 : p == q ? 1 : 0;
                  }
                }
              }
              assertThat(auc(s)).isCloseTo(wins2 / (2.0 * pairs), within(1e-15));
            });
  }

  // ---------------------------------------------------------------------------------------------
  // Average precision

  @Test
  void averagePrecision_equalsStepSumOverDistinctThresholds() {
    qt().forAll(samples(40))
        .checkAssert(
            s -> {
              double[] thresholds = s.distinctScores();
              double previousRecall = 0.0;
              double expected = 0.0;
              for (int t = thresholds.length - 1; t >= 0; t--) {
                ConfusionMatrix m = BinaryMetrics.confusion(s.scores(), s.labels(), thresholds[t]);
                expected += (m.recall() - previousRecall) * m.precision();
                previousRecall = m.recall();
              }
              assertThat(BinaryMetrics.averagePrecision(s.scores(), s.labels()))
                  .isCloseTo(expected, within(TOL));
            });
  }

  // ---------------------------------------------------------------------------------------------
  // Ranges

  @Test
  void allMetrics_stayWithinTheirRanges() {
    qt().forAll(samples(60), integers().between(1, 20), integers().between(1, 100))
        .checkAssert(
            (s, bins, percent) -> {
              double[] p = s.scores();
              boolean[] y = s.labels();
              double fraction = percent / 100.0;
              assertThat(BinaryMetrics.rocAuc(p, y)).as("auc").isBetween(0.0, 1.0);
              assertThat(BinaryMetrics.averagePrecision(p, y)).as("ap").isBetween(0.0, 1.0);
              assertThat(BinaryMetrics.brier(p, y)).as("brier").isBetween(0.0, 1.0);
              assertThat(BinaryMetrics.logLoss(p, y)).as("log loss").isGreaterThanOrEqualTo(0.0);
              assertThat(BinaryMetrics.expectedCalibrationError(p, y, bins))
                  .as("ece")
                  .isBetween(0.0, 1.0);
              assertThat(BinaryMetrics.precisionAtTop(p, y, fraction))
                  .as("precision at top")
                  .isBetween(0.0, 1.0);
              assertThat(BinaryMetrics.liftAtTop(p, y, fraction))
                  .as("lift")
                  .isGreaterThanOrEqualTo(0.0)
                  .isLessThanOrEqualTo((double) p.length / s.positives());
              BestF1 best = BinaryMetrics.bestF1Threshold(p, y);
              assertThat(best.f1()).as("best f1").isBetween(0.0, 1.0);
              assertThat(best.precision()).as("best precision").isBetween(0.0, 1.0);
              assertThat(best.recall()).as("best recall").isBetween(0.0, 1.0);
              ConfusionMatrix m = BinaryMetrics.confusion(p, y, fraction);
              assertThat(m.rows()).isEqualTo(p.length);
              for (double rate :
                  new double[] {
                    m.f1(), m.precision(), m.recall(), m.accuracy(), m.specificity()
                  }) {
                assertThat(rate).as("rate of %s", m).isBetween(0.0, 1.0);
              }
            });
  }

  // ---------------------------------------------------------------------------------------------
  // Best F1

  @Test
  void bestF1Threshold_beatsEveryOtherDistinctScore() {
    qt().forAll(samples(60))
        .checkAssert(
            s -> {
              BestF1 best = BinaryMetrics.bestF1Threshold(s.scores(), s.labels());
              ConfusionMatrix atBest =
                  BinaryMetrics.confusion(s.scores(), s.labels(), best.threshold());
              assertThat(atBest).isEqualTo(best.confusion());
              assertThat(atBest.f1()).isEqualTo(best.f1());
              for (double t : s.distinctScores()) {
                double f1 = BinaryMetrics.confusion(s.scores(), s.labels(), t).f1();
                assertThat(f1).as("F1 at %s", t).isLessThanOrEqualTo(best.f1());
                if (t > best.threshold()) {
                  // Ties go to the highest threshold, so every higher one is strictly worse.
                  assertThat(f1).as("F1 at higher threshold %s", t).isLessThan(best.f1());
                }
              }
            });
  }

  // ---------------------------------------------------------------------------------------------
  // Top-k and calibration

  @Test
  void precisionAtTop_equalsStableSortReference() {
    qt().forAll(samples(60), integers().between(1, 100))
        .checkAssert(
            (s, percent) -> {
              double fraction = percent / 100.0;
              int k = BinaryMetrics.topCount(s.scores().length, fraction);
              // Boxed stable sort: descending score, ties by row order.
              int[] order =
                  IntStream.range(0, s.scores().length)
                      .boxed()
                      .sorted(Comparator.comparingDouble((Integer i) -> -s.scores()[i]))
                      .mapToInt(Integer::intValue)
                      .toArray();
              long hits = Arrays.stream(order, 0, k).filter(i -> s.labels()[i]).count();
              assertThat(BinaryMetrics.precisionAtTop(s.scores(), s.labels(), fraction))
                  .isEqualTo((double) hits / k);
              assertThat(BinaryMetrics.liftAtTop(s.scores(), s.labels(), 1.0)).isEqualTo(1.0);
            });
  }

  @Test
  void expectedCalibrationError_oneBin_isGapBetweenMeans() {
    qt().forAll(samples(60))
        .checkAssert(
            s -> {
              double meanP = Arrays.stream(s.scores()).sum() / s.scores().length;
              double meanY = (double) s.positives() / s.scores().length;
              assertThat(BinaryMetrics.expectedCalibrationError(s.scores(), s.labels(), 1))
                  .isCloseTo(Math.abs(meanY - meanP), within(TOL));
            });
  }

  @Test
  void reliabilityBins_partitionTheRows() {
    qt().forAll(samples(60), integers().between(1, 20))
        .checkAssert(
            (s, bins) -> {
              List<ReliabilityBin> result =
                  BinaryMetrics.reliabilityBins(s.scores(), s.labels(), bins);
              assertThat(result).hasSize(bins);
              assertThat(result.stream().mapToInt(ReliabilityBin::count).sum())
                  .isEqualTo(s.scores().length);
              double weighted =
                  result.stream()
                      .mapToDouble(b -> (double) b.count() / s.scores().length * b.gap())
                      .sum();
              assertThat(BinaryMetrics.expectedCalibrationError(s.scores(), s.labels(), bins))
                  .isCloseTo(weighted, within(TOL));
              for (ReliabilityBin b : result) {
                if (!b.isEmpty()) {
                  assertThat(b.meanPredicted()).isBetween(b.lower() - TOL, b.upper() + TOL);
                }
              }
            });
  }
}
