package dev.churn.core.metrics;

import static dev.churn.core.metrics.MetricsFixtures.allTied;
import static dev.churn.core.metrics.MetricsFixtures.extremes;
import static dev.churn.core.metrics.MetricsFixtures.hand;
import static dev.churn.core.metrics.MetricsFixtures.imbalanced;
import static dev.churn.core.metrics.MetricsFixtures.logits;
import static dev.churn.core.metrics.MetricsFixtures.random2000;
import static dev.churn.core.metrics.MetricsFixtures.ties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.churn.core.metrics.MetricsFixtures.Sample;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Unit tests of {@link BinaryMetrics} against reference values.
 *
 * <p>Unless a comment says otherwise, every expected number below was printed by scikit-learn
 * 1.2.1 (with scipy 1.10.1 and numpy 1.24.2, Debian 12's python3-sklearn) on the inputs of {@link
 * MetricsFixtures}, which the reference script rebuilt with the same LCG. Values are compared to
 * within {@value #TOL}; integer counts and the Mann-Whitney identity are compared exactly.
 */
class BinaryMetricsTest {

  private static final double TOL = 1e-12;
  private static final Offset<Double> CLOSE = within(TOL);

  // ---------------------------------------------------------------------------------------------
  // Fixtures

  @Test
  void fixtures_matchTheReferenceScript() {
    // The reference script printed these for its own copy of the generated inputs.
    assertThat(ties().scores()).hasSize(60).startsWith(0.5, 0.9, 0.2);
    assertThat(ties().labels()).startsWith(false, true, true);
    assertThat(ties().positives()).isEqualTo(34);
    assertThat(random2000().scores())
        .hasSize(2000)
        .startsWith(0.5682303266439076, 0.41283831882951183, 0.6801478072421157);
    assertThat(random2000().labels()).startsWith(true, false, true);
    assertThat(random2000().positives()).isEqualTo(1010);
    assertThat(imbalanced().scores())
        .hasSize(1000)
        .startsWith(0.010194076990745378, 0.06074072786940053, 0.05320645631245891);
    assertThat(imbalanced().positives()).isEqualTo(28);
  }

  // ---------------------------------------------------------------------------------------------
  // ROC AUC

  /** scikit-learn 1.2.1 roc_auc_score. */
  static Stream<Arguments> rocAucCases() {
    return Stream.of(
        arguments(hand(), 0.75),
        arguments(extremes(), 0.48),
        arguments(allTied(), 0.5),
        arguments(logits(), 0.7333333333333333),
        arguments(ties(), 0.6504524886877828),
        arguments(random2000(), 0.840987098709871),
        arguments(imbalanced(), 0.8012933568489123));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rocAucCases")
  void rocAuc_matchesScikitLearn(Sample sample, double expected) {
    assertThat(BinaryMetrics.rocAuc(sample.scores(), sample.labels())).isCloseTo(expected, CLOSE);
  }

  /**
   * scipy 1.10.1 mannwhitneyu(scores[positive], scores[negative]).statistic, with n1 * n0. U is a
   * multiple of 1/2, so U / (n1 * n0) is one correctly rounded division and must match exactly.
   */
  static Stream<Arguments> mannWhitneyCases() {
    return Stream.of(
        arguments(hand(), 3.0, 4),
        arguments(extremes(), 12.0, 25),
        arguments(allTied(), 3.0, 6),
        arguments(logits(), 11.0, 15),
        arguments(ties(), 575.0, 884),
        arguments(random2000(), 840903.0, 999900),
        arguments(imbalanced(), 21808.0, 27216));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mannWhitneyCases")
  void rocAuc_equalsMannWhitneyU(Sample sample, double u, long pairs) {
    int positives = sample.positives();
    assertThat((long) positives * (sample.labels().length - positives)).isEqualTo(pairs);
    assertThat(BinaryMetrics.rocAuc(sample.scores(), sample.labels())).isEqualTo(u / pairs);
  }

  @Test
  void rocAuc_infiniteScores_rankLikeAnyOther() {
    double[] finite = {-50, 0.2, 0.9, 50, 0.2};
    double[] infinite = {Double.NEGATIVE_INFINITY, 0.2, 0.9, Double.POSITIVE_INFINITY, 0.2};
    boolean[] labels = {false, true, false, true, false};
    assertThat(BinaryMetrics.rocAuc(infinite, labels))
        .isEqualTo(BinaryMetrics.rocAuc(finite, labels))
        .isEqualTo(4.5 / 6);
  }

  @Test
  void rocAuc_doesNotModifyInputs() {
    Sample sample = ties();
    double[] scores = sample.scores().clone();
    boolean[] labels = sample.labels().clone();
    BinaryMetrics.report(scores, labels);
    BinaryMetrics.precisionAtTop(scores, labels, 0.3);
    assertThat(scores).containsExactly(sample.scores());
    assertThat(labels).containsExactly(sample.labels());
  }

  // ---------------------------------------------------------------------------------------------
  // Average precision

  /** scikit-learn 1.2.1 average_precision_score. */
  static Stream<Arguments> averagePrecisionCases() {
    return Stream.of(
        arguments(hand(), 0.8333333333333333),
        arguments(extremes(), 0.52),
        arguments(allTied(), 0.4),
        arguments(logits(), 0.6666666666666667),
        arguments(ties(), 0.747121459133843),
        arguments(random2000(), 0.8421188066573113),
        arguments(imbalanced(), 0.14605406427768658));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("averagePrecisionCases")
  void averagePrecision_matchesScikitLearn(Sample sample, double expected) {
    assertThat(BinaryMetrics.averagePrecision(sample.scores(), sample.labels()))
        .isCloseTo(expected, CLOSE);
  }

  // ---------------------------------------------------------------------------------------------
  // Log loss, Brier

  /**
   * scikit-learn 1.2.1 log_loss(y, p, labels=[0, 1]) with its default eps="auto" (float64 machine
   * epsilon), log_loss(..., eps=1e-15), and brier_score_loss(y, p).
   */
  static Stream<Arguments> probabilityCases() {
    return Stream.of(
        arguments(hand(), 0.47228795380917615, 0.47228795380917615, 0.15812500000000002),
        arguments(extremes(), 14.555293974793932, 13.953503096597384, 0.43899999999999995),
        arguments(allTied(), 0.6931471805599453, 0.6931471805599453, 0.25),
        arguments(ties(), 1.8406439725774848, 1.7904814061039358, 0.2685),
        arguments(random2000(), 0.4870659563808928, 0.4870659563808928, 0.16286921074457042),
        arguments(imbalanced(), 0.11511481312821603, 0.11511481312821603, 0.026362616389307553));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("probabilityCases")
  void logLoss_matchesScikitLearnDefaultEps(
      Sample sample, double expected, double legacy, double brier) {
    assertThat(BinaryMetrics.logLoss(sample.scores(), sample.labels())).isCloseTo(expected, CLOSE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("probabilityCases")
  void logLoss_legacyEps_matchesScikitLearnEps1e15(
      Sample sample, double expected, double legacy, double brier) {
    assertThat(
            BinaryMetrics.logLoss(
                sample.scores(), sample.labels(), BinaryMetrics.LEGACY_LOG_LOSS_EPS))
        .isCloseTo(legacy, CLOSE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("probabilityCases")
  void brier_matchesScikitLearn(Sample sample, double expected, double legacy, double brier) {
    assertThat(BinaryMetrics.brier(sample.scores(), sample.labels())).isCloseTo(brier, CLOSE);
  }

  @Test
  void logLoss_confidentlyWrong_isClippedNotInfinite() {
    // -ln(2^-52) = 52 ln 2; -ln(1e-15) = 15 ln 10 (hand computations).
    assertThat(BinaryMetrics.logLoss(new double[] {0.0}, new boolean[] {true}))
        .isCloseTo(52 * Math.log(2), CLOSE);
    assertThat(BinaryMetrics.logLoss(new double[] {1.0}, new boolean[] {false}))
        .isCloseTo(52 * Math.log(2), CLOSE);
    assertThat(BinaryMetrics.logLoss(new double[] {0.0}, new boolean[] {true}, 1e-15))
        .isCloseTo(15 * Math.log(10), CLOSE);
  }

  @Test
  void logLoss_singleClass_isDefined() {
    assertThat(BinaryMetrics.logLoss(new double[] {0.5, 0.5}, new boolean[] {true, true}))
        .isCloseTo(Math.log(2), CLOSE);
  }

  // ---------------------------------------------------------------------------------------------
  // Confusion matrix

  /**
   * scikit-learn 1.2.1 confusion_matrix(y, p >= t).ravel(), precision_score, recall_score,
   * f1_score (all zero_division=0), accuracy_score, and recall_score(pos_label=0) for
   * specificity.
   */
  static Stream<Arguments> confusionCases() {
    return Stream.of(
        arguments(hand(), 0.4, new long[] {1, 1, 1, 1}, new double[] {0.5, 0.5, 0.5, 0.5, 0.5}),
        arguments(
            extremes(), 0.5, new long[] {3, 2, 3, 2}, new double[] {0.6, 0.6, 0.6, 0.6, 0.6}),
        arguments(
            allTied(),
            0.5,
            new long[] {2, 3, 0, 0},
            new double[] {0.4, 1.0, 0.5714285714285715, 0.4, 0.0}),
        arguments(
            logits(),
            0.0,
            new long[] {3, 3, 2, 0},
            new double[] {0.5, 1.0, 0.6666666666666666, 0.625, 0.4}),
        arguments(
            ties(),
            0.5,
            new long[] {17, 11, 15, 17},
            new double[] {
              0.6071428571428571, 0.5, 0.5483870967741935, 0.5333333333333333, 0.5769230769230769
            }),
        arguments(
            ties(),
            0.3,
            new long[] {25, 17, 9, 9},
            new double[] {
              0.5952380952380952,
              0.7352941176470589,
              0.6578947368421053,
              0.5666666666666667,
              0.34615384615384615
            }),
        arguments(
            ties(),
            0.4,
            new long[] {23, 14, 12, 11},
            new double[] {
              0.6216216216216216,
              0.6764705882352942,
              0.6478873239436619,
              0.5833333333333334,
              0.46153846153846156
            }),
        arguments(
            random2000(),
            0.5,
            new long[] {747, 236, 754, 263},
            new double[] {
              0.7599186164801628, 0.7396039603960396, 0.7496236828901154, 0.7505, 0.7616161616161616
            }),
        arguments(
            random2000(),
            0.3,
            new long[] {933, 480, 510, 77},
            new double[] {
              0.6602972399150743, 0.9237623762376238, 0.7701196863392489, 0.7215, 0.5151515151515151
            }),
        // Nothing predicted positive: precision, recall and F1 are 0/0, defined as 0.
        arguments(
            imbalanced(),
            0.5,
            new long[] {0, 0, 972, 28},
            new double[] {0.0, 0.0, 0.0, 0.972, 1.0}),
        arguments(
            imbalanced(),
            0.0,
            new long[] {28, 972, 0, 0},
            new double[] {0.028, 1.0, 0.054474708171206226, 0.028, 0.0}));
  }

  @ParameterizedTest(name = "{0} at {1}")
  @MethodSource("confusionCases")
  void confusion_matchesScikitLearn(
      Sample sample, double threshold, long[] tpFpTnFn, double[] rates) {
    ConfusionMatrix m = BinaryMetrics.confusion(sample.scores(), sample.labels(), threshold);
    assertThat(new long[] {m.tp(), m.fp(), m.tn(), m.fn()}).containsExactly(tpFpTnFn);
    assertThat(m.rows()).isEqualTo(sample.scores().length);
    assertThat(m.precision()).as("precision").isCloseTo(rates[0], CLOSE);
    assertThat(m.recall()).as("recall").isCloseTo(rates[1], CLOSE);
    assertThat(m.f1()).as("f1").isCloseTo(rates[2], CLOSE);
    assertThat(m.accuracy()).as("accuracy").isCloseTo(rates[3], CLOSE);
    assertThat(m.specificity()).as("specificity").isCloseTo(rates[4], CLOSE);
  }

  @Test
  void confusionMatrix_zeroDenominators_areZero() {
    ConfusionMatrix onlyNegatives = new ConfusionMatrix(0, 0, 5, 0);
    assertThat(onlyNegatives.precision()).isZero();
    assertThat(onlyNegatives.recall()).isZero();
    assertThat(onlyNegatives.f1()).isZero();
    assertThat(onlyNegatives.accuracy()).isEqualTo(1.0);
    assertThat(onlyNegatives.specificity()).isEqualTo(1.0);
    ConfusionMatrix empty = new ConfusionMatrix(0, 0, 0, 0);
    assertThat(empty.accuracy()).isZero();
    assertThat(empty.specificity()).isZero();
  }

  @Test
  void confusionMatrix_negativeCount_throws() {
    assertThatThrownBy(() -> new ConfusionMatrix(1, -1, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("confusion counts must be >= 0 (tp=1, fp=-1, tn=0, fn=0)");
  }

  // ---------------------------------------------------------------------------------------------
  // Best F1 threshold

  /**
   * Brute force in Python over every distinct score t (F1 compared as exact fractions, the first
   * maximum from the top kept), then scikit-learn 1.2.1 f1_score, precision_score, recall_score
   * and confusion_matrix at p >= t.
   */
  static Stream<Arguments> bestF1Cases() {
    return Stream.of(
        arguments(hand(), 0.35, 0.8, 0.6666666666666666, 1.0, new long[] {2, 1, 1, 0}),
        arguments(extremes(), 0.0, 0.6666666666666666, 0.5, 1.0, new long[] {5, 5, 0, 0}),
        arguments(allTied(), 0.5, 0.5714285714285715, 0.4, 1.0, new long[] {2, 3, 0, 0}),
        // Python's brute force names the tie group -0.0; the API reports it as 0.0 (same rows).
        arguments(logits(), 0.0, 0.6666666666666666, 0.5, 1.0, new long[] {3, 3, 2, 0}),
        arguments(
            ties(),
            0.1,
            0.744186046511628,
            0.6153846153846154,
            0.9411764705882353,
            new long[] {32, 20, 6, 2}),
        arguments(
            random2000(),
            0.37883172696334766,
            0.779991146525011,
            0.7053642914331465,
            0.8722772277227723,
            new long[] {881, 368, 622, 129}),
        arguments(
            imbalanced(),
            0.08568767948514441,
            0.2264150943396226,
            0.24,
            0.21428571428571427,
            new long[] {6, 19, 953, 22}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bestF1Cases")
  void bestF1Threshold_matchesBruteForce(
      Sample sample,
      double threshold,
      double f1,
      double precision,
      double recall,
      long[] tpFpTnFn) {
    BestF1 best = BinaryMetrics.bestF1Threshold(sample.scores(), sample.labels());
    assertThat(best.threshold()).isEqualTo(threshold);
    assertThat(best.f1()).isCloseTo(f1, CLOSE);
    assertThat(best.precision()).isCloseTo(precision, CLOSE);
    assertThat(best.recall()).isCloseTo(recall, CLOSE);
    ConfusionMatrix m = best.confusion();
    assertThat(new long[] {m.tp(), m.fp(), m.tn(), m.fn()}).containsExactly(tpFpTnFn);
    assertThat(BinaryMetrics.confusion(sample.scores(), sample.labels(), best.threshold()))
        .isEqualTo(m);
  }

  @Test
  void bestF1Threshold_tiedF1_returnsHighestThreshold() {
    // Thresholds 0.9 (2 / 3) and 0.1 (4 / 6) both give the maximal F1 (hand computation);
    // 0.7 gives 2 / 4 and 0.5 gives 2 / 5. The highest of the tied thresholds wins.
    double[] scores = {0.9, 0.7, 0.5, 0.1};
    boolean[] labels = {true, false, false, true};
    assertThat(BinaryMetrics.confusion(scores, labels, 0.9).f1()).isEqualTo(2.0 / 3);
    assertThat(BinaryMetrics.confusion(scores, labels, 0.1).f1()).isEqualTo(2.0 / 3);
    assertThat(BinaryMetrics.bestF1Threshold(scores, labels).threshold()).isEqualTo(0.9);
  }

  // ---------------------------------------------------------------------------------------------
  // Top-k precision and lift

  @Test
  void topCount_readsTheFractionAsDecimal() {
    assertThat(0.07 * 100).isGreaterThan(7.0); // why ceil(0.07 * 100) in binary would give 8
    assertThat(BinaryMetrics.topCount(100, 0.07)).isEqualTo(7);
    assertThat(BinaryMetrics.topCount(60, 0.07)).isEqualTo(5);
    assertThat(BinaryMetrics.topCount(1000, 0.07)).isEqualTo(70);
    assertThat(BinaryMetrics.topCount(3, 1.0 / 3)).isEqualTo(1);
    assertThat(BinaryMetrics.topCount(1, 0.01)).isEqualTo(1);
    assertThat(BinaryMetrics.topCount(10, 1.0)).isEqualTo(10);
  }

  /**
   * numpy 1.24.2: k = ceil(Decimal(repr(fraction)) * n), order = argsort(-scores, kind="stable"),
   * precision = y[order[:k]].mean(), lift = precision / y.mean().
   */
  static Stream<Arguments> topCases() {
    return Stream.of(
        arguments(allTied(), 0.25, 0.5, 1.25),
        arguments(logits(), 0.25, 0.5, 1.3333333333333333),
        arguments(extremes(), 0.25, 0.3333333333333333, 0.6666666666666666),
        arguments(ties(), 0.1, 1.0, 1.7647058823529411),
        arguments(ties(), 0.07, 1.0, 1.7647058823529411),
        arguments(ties(), 0.25, 0.8666666666666667, 1.5294117647058825),
        arguments(random2000(), 0.1, 0.975, 1.9306930693069306),
        arguments(random2000(), 0.07, 0.9785714285714285, 1.9377652050919376),
        arguments(random2000(), 0.25, 0.866, 1.7148514851485148),
        arguments(imbalanced(), 0.1, 0.12, 4.285714285714286),
        arguments(imbalanced(), 0.07, 0.12857142857142856, 4.591836734693877),
        arguments(imbalanced(), 0.25, 0.072, 2.571428571428571),
        arguments(imbalanced(), 1.0, 0.028, 1.0));
  }

  @ParameterizedTest(name = "{0} top {1}")
  @MethodSource("topCases")
  void precisionAndLiftAtTop_matchStableSortReference(
      Sample sample, double fraction, double precision, double lift) {
    assertThat(BinaryMetrics.precisionAtTop(sample.scores(), sample.labels(), fraction))
        .isCloseTo(precision, CLOSE);
    assertThat(BinaryMetrics.liftAtTop(sample.scores(), sample.labels(), fraction))
        .isCloseTo(lift, CLOSE);
  }

  @Test
  void precisionAtTop_tiesAtCut_takenInRowOrder() {
    double[] scores = {0.9, 0.5, 0.5, 0.5, 0.1};
    // k = 2: row 0, then the first of the tied rows 1..3.
    assertThat(
            BinaryMetrics.precisionAtTop(
                scores, new boolean[] {false, false, true, true, false}, 0.4))
        .isEqualTo(0.0);
    assertThat(
            BinaryMetrics.precisionAtTop(
                scores, new boolean[] {false, true, false, false, false}, 0.4))
        .isEqualTo(0.5);
  }

  @Test
  void liftAtTop_wholeSample_isExactlyOne() {
    Sample sample = random2000();
    assertThat(BinaryMetrics.liftAtTop(sample.scores(), sample.labels(), 1.0)).isEqualTo(1.0);
  }

  // ---------------------------------------------------------------------------------------------
  // Calibration

  /**
   * numpy 1.24.2 with the documented binning b = minimum(floor(p * bins), bins - 1): ECE = sum over
   * non-empty bins of (n_b / n) * |mean(y in b) - mean(p in b)|, for 10, 7 and 1 bins.
   */
  static Stream<Arguments> eceCases() {
    return Stream.of(
        arguments(hand(), 0.33749999999999997, 0.13749999999999998, 0.08750000000000002),
        arguments(extremes(), 0.49, 0.49, 0.010000000000000064),
        arguments(allTied(), 0.09999999999999998, 0.09999999999999998, 0.09999999999999998),
        arguments(ties(), 0.245, 0.245, 0.09166666666666662),
        arguments(random2000(), 0.0232163201204479, 0.014445404947824474, 0.007883582582069282),
        arguments(
            imbalanced(), 0.007799870030247475, 0.007799870030247475, 0.007799870030247475));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("eceCases")
  void expectedCalibrationError_matchesNumpyReference(
      Sample sample, double ece10, double ece7, double ece1) {
    double[] p = sample.scores();
    boolean[] y = sample.labels();
    assertThat(BinaryMetrics.expectedCalibrationError(p, y)).isCloseTo(ece10, CLOSE);
    assertThat(BinaryMetrics.expectedCalibrationError(p, y, 10)).isCloseTo(ece10, CLOSE);
    assertThat(BinaryMetrics.expectedCalibrationError(p, y, 7)).isCloseTo(ece7, CLOSE);
    assertThat(BinaryMetrics.expectedCalibrationError(p, y, 1)).isCloseTo(ece1, CLOSE);
  }

  @Test
  void reliabilityBins_tiedScores_matchNumpyReference() {
    // numpy 1.24.2, same binning: count, mean(p in b), mean(y in b) per bin of 10.
    int[] counts = {8, 2, 8, 5, 9, 3, 6, 4, 4, 11};
    double[] meanPredicted = {0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9545454545454546};
    double[] fractionPositive = {
      0.25, 0.5, 0.75, 0.4, 0.6666666666666666, 0.0, 0.5, 0.25, 0.75, 0.9090909090909091
    };
    assertBins(ties(), counts, meanPredicted, fractionPositive);
  }

  @Test
  void reliabilityBins_random2000_matchNumpyReference() {
    // numpy 1.24.2, same binning: count, mean(p in b), mean(y in b) per bin of 10.
    int[] counts = {219, 186, 182, 214, 216, 191, 191, 209, 190, 202};
    double[] meanPredicted = {
      0.05066111624735246, 0.14621533229443362, 0.2479736103234727, 0.35083039247012976,
      0.4487936914862836, 0.5488605978526095, 0.650205857531401, 0.7490196316581729,
      0.8488125358499367, 0.9502598135446406
    };
    double[] fractionPositive = {
      0.0228310502283105, 0.15053763440860216, 0.24175824175824176, 0.3691588785046729,
      0.49537037037037035, 0.5392670157068062, 0.6858638743455497, 0.7751196172248804,
      0.8157894736842105, 0.9702970297029703
    };
    assertBins(random2000(), counts, meanPredicted, fractionPositive);
  }

  private static void assertBins(
      Sample sample, int[] counts, double[] meanPredicted, double[] fractionPositive) {
    List<ReliabilityBin> bins = BinaryMetrics.reliabilityBins(sample.scores(), sample.labels(), 10);
    assertThat(bins).hasSize(10);
    for (int b = 0; b < 10; b++) {
      ReliabilityBin bin = bins.get(b);
      assertThat(bin.lower()).as("lower %d", b).isEqualTo(b / 10.0);
      assertThat(bin.upper()).as("upper %d", b).isEqualTo((b + 1) / 10.0);
      assertThat(bin.count()).as("count %d", b).isEqualTo(counts[b]);
      assertThat(bin.meanPredicted()).as("meanPredicted %d", b).isCloseTo(meanPredicted[b], CLOSE);
      assertThat(bin.fractionPositive())
          .as("fractionPositive %d", b)
          .isCloseTo(fractionPositive[b], CLOSE);
    }
  }

  @Test
  void reliabilityBins_emptyBinsAndProbabilityOne() {
    // extremes(): 1.0 twice and 0.9999999999999999 land in the last bin with 0.9.
    List<ReliabilityBin> bins =
        BinaryMetrics.reliabilityBins(extremes().scores(), extremes().labels(), 10);
    assertThat(bins.get(9).count()).isEqualTo(4);
    assertThat(bins.get(9).fractionPositive()).isEqualTo(0.5);
    assertThat(bins.get(4).isEmpty()).isTrue();
    assertThat(bins.get(4).meanPredicted()).isNaN();
    assertThat(bins.get(4).fractionPositive()).isNaN();
    assertThat(bins.get(4).gap()).isZero();
    assertThat(bins.stream().mapToInt(ReliabilityBin::count).sum()).isEqualTo(10);
    assertThatThrownBy(() -> bins.add(bins.get(0)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  // ---------------------------------------------------------------------------------------------
  // Report

  @Test
  void report_random2000_agreesWithEachMetric() {
    Sample s = random2000();
    BinaryReport report = BinaryMetrics.report(s.scores(), s.labels());
    assertThat(report.rows()).isEqualTo(2000);
    assertThat(report.positives()).isEqualTo(1010);
    assertThat(report.negatives()).isEqualTo(990);
    assertThat(report.baseRate()).isEqualTo(0.505);
    assertThat(report.rocAuc()).isEqualTo(BinaryMetrics.rocAuc(s.scores(), s.labels()));
    assertThat(report.averagePrecision())
        .isEqualTo(BinaryMetrics.averagePrecision(s.scores(), s.labels()));
    assertThat(report.logLoss()).isEqualTo(BinaryMetrics.logLoss(s.scores(), s.labels()));
    assertThat(report.brier()).isEqualTo(BinaryMetrics.brier(s.scores(), s.labels()));
    assertThat(report.expectedCalibrationError())
        .isEqualTo(BinaryMetrics.expectedCalibrationError(s.scores(), s.labels()));
    assertThat(report.bestF1()).isEqualTo(BinaryMetrics.bestF1Threshold(s.scores(), s.labels()));
    // And against the scikit-learn 1.2.1 values used above.
    assertThat(report.rocAuc()).isCloseTo(0.840987098709871, CLOSE);
    assertThat(report.averagePrecision()).isCloseTo(0.8421188066573113, CLOSE);
    assertThat(report.logLoss()).isCloseTo(0.4870659563808928, CLOSE);
    assertThat(report.brier()).isCloseTo(0.16286921074457042, CLOSE);
  }

  // ---------------------------------------------------------------------------------------------
  // Validation

  @Test
  void rocAuc_lengthMismatch_throws() {
    assertThatThrownBy(() -> BinaryMetrics.rocAuc(new double[3], new boolean[2]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "scores and labels must have the same length (scores.length=3, labels.length=2)");
  }

  @Test
  void brier_lengthMismatch_namesProbabilities() {
    assertThatThrownBy(() -> BinaryMetrics.brier(new double[1], new boolean[2]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "probabilities and labels must have the same length"
                + " (probabilities.length=1, labels.length=2)");
  }

  @Test
  void rocAuc_nullOrEmpty_throws() {
    assertThatThrownBy(() -> BinaryMetrics.rocAuc(null, new boolean[1]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("scores must not be null");
    assertThatThrownBy(() -> BinaryMetrics.rocAuc(new double[1], null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("labels must not be null");
    assertThatThrownBy(() -> BinaryMetrics.rocAuc(new double[0], new boolean[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("scores and labels must not be empty");
  }

  @Test
  void rocAuc_singleClass_throws() {
    assertThatThrownBy(
            () -> BinaryMetrics.rocAuc(new double[] {0.1, 0.2, 0.3}, new boolean[] {true, true, true}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "ROC AUC is undefined when labels contain only one class (positives=3, negatives=0)");
    assertThatThrownBy(
            () -> BinaryMetrics.rocAuc(new double[] {0.1, 0.2}, new boolean[] {false, false}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "ROC AUC is undefined when labels contain only one class (positives=0, negatives=2)");
  }

  @Test
  void averagePrecision_singleClass_throws() {
    assertThatThrownBy(
            () -> BinaryMetrics.averagePrecision(new double[] {0.4}, new boolean[] {true}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Average precision is undefined when labels contain only one class"
                + " (positives=1, negatives=0)");
  }

  @Test
  void report_singleClass_throws() {
    assertThatThrownBy(() -> BinaryMetrics.report(new double[] {0.4}, new boolean[] {false}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only one class (positives=0, negatives=1)");
  }

  @Test
  void bestF1Threshold_noPositives_throws() {
    assertThatThrownBy(
            () -> BinaryMetrics.bestF1Threshold(new double[] {0.4, 0.3}, new boolean[2]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Best-F1 threshold is undefined when labels contain no positives"
                + " (positives=0, negatives=2)");
  }

  @Test
  void liftAtTop_noPositives_throws() {
    assertThatThrownBy(() -> BinaryMetrics.liftAtTop(new double[] {0.4, 0.3}, new boolean[2], 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Lift is undefined when labels contain no positives (positives=0, negatives=2)");
  }

  @Test
  void rocAuc_nanScore_throws() {
    assertThatThrownBy(
            () ->
                BinaryMetrics.rocAuc(
                    new double[] {0.1, Double.NaN, 0.3}, new boolean[] {true, false, true}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("scores must not contain NaN (scores[1] is NaN)");
    assertThatThrownBy(
            () -> BinaryMetrics.confusion(new double[] {Double.NaN}, new boolean[] {true}, 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("scores must not contain NaN (scores[0] is NaN)");
  }

  @Test
  void logLoss_probabilityOutOfRange_throws() {
    assertThatThrownBy(
            () ->
                BinaryMetrics.logLoss(
                    new double[] {0.2, 0.7, 1.5}, new boolean[] {true, false, true}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("probabilities must be within [0, 1] (probabilities[2] = 1.5)");
    assertThatThrownBy(
            () -> BinaryMetrics.brier(new double[] {-0.1}, new boolean[] {true}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("probabilities must be within [0, 1] (probabilities[0] = -0.1)");
    assertThatThrownBy(
            () ->
                BinaryMetrics.expectedCalibrationError(
                    new double[] {0.5, Double.NaN}, new boolean[] {true, false}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("probabilities must be within [0, 1] (probabilities[1] = NaN)");
    assertThatThrownBy(
            () -> BinaryMetrics.report(new double[] {2.0, 0.1}, new boolean[] {true, false}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("probabilities must be within [0, 1] (probabilities[0] = 2.0)");
  }

  @Test
  void logLoss_badEps_throws() {
    assertThatThrownBy(() -> BinaryMetrics.logLoss(new double[] {0.5}, new boolean[] {true}, 0.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("eps must be in (0, 0.5) (eps=0.0)");
  }

  @Test
  void confusion_nanThreshold_throws() {
    assertThatThrownBy(
            () -> BinaryMetrics.confusion(new double[] {0.5}, new boolean[] {true}, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("threshold must not be NaN");
  }

  @Test
  void precisionAtTop_fractionOutOfRange_throws() {
    double[] s = {0.1, 0.2};
    boolean[] y = {true, false};
    for (double bad : new double[] {0.0, -0.1, 1.5, Double.NaN}) {
      assertThatThrownBy(() -> BinaryMetrics.precisionAtTop(s, y, bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("fraction must be in (0, 1] (fraction=" + bad + ")");
    }
    assertThatThrownBy(() -> BinaryMetrics.liftAtTop(s, y, 0.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fraction must be in (0, 1] (fraction=0.0)");
    assertThatThrownBy(() -> BinaryMetrics.topCount(0, 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rows must be >= 1 (rows=0)");
  }

  @Test
  void expectedCalibrationError_zeroBins_throws() {
    assertThatThrownBy(
            () -> BinaryMetrics.expectedCalibrationError(new double[] {0.5}, new boolean[1], 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bins must be >= 1 (bins=0)");
    assertThatThrownBy(
            () -> BinaryMetrics.reliabilityBins(new double[] {0.5}, new boolean[1], -3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bins must be >= 1 (bins=-3)");
  }
}
