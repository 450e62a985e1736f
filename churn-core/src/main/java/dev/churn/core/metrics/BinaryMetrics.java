package dev.churn.core.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Metrics for binary classifiers (such as churn models) over primitive arrays, matching
 * scikit-learn's definitions.
 *
 * <p>Every method takes one score per row and one label per row, where {@code labels[i] == true}
 * means row {@code i} is positive (for example, the customer churned). <em>Scores</em> only need to
 * rank rows (higher means more likely positive) and may be any non-NaN value, including
 * infinities; methods that need <em>probabilities</em> require values within {@code [0, 1]}.
 *
 * <pre>{@code
 * double[] p = {0.91, 0.15, 0.62, 0.40, 0.05, 0.77};          // predicted churn probability
 * boolean[] churned = {true, false, true, false, false, false}; // what actually happened
 *
 * double auc = BinaryMetrics.rocAuc(p, churned);                 // 0.875
 * double prAuc = BinaryMetrics.averagePrecision(p, churned);
 * BestF1 best = BinaryMetrics.bestF1Threshold(p, churned);       // flag customers with p >= 0.62
 * ConfusionMatrix atHalf = BinaryMetrics.confusion(p, churned, 0.5);
 * double lift = BinaryMetrics.liftAtTop(p, churned, 0.10);       // lift in the top decile
 * BinaryReport report = BinaryMetrics.report(p, churned);        // the standard set at once
 * }</pre>
 *
 * <p><b>Validation.</b> Every method checks its arguments before computing and throws {@link
 * IllegalArgumentException} naming the argument and the rule broken: arrays must be non-null, of
 * equal length and non-empty; scores must not be NaN; probabilities must lie within {@code [0,
 * 1]}. Ranking metrics that are undefined for a single class say so rather than return {@code
 * NaN}.
 *
 * <p><b>Cost.</b> Ranking metrics sort copies of the scores with the JDK's primitive {@code double}
 * sort, O(n log n) with no boxing; the input arrays are never modified. Other metrics are a single
 * pass.
 *
 * <p>All methods are stateless and thread-safe.
 */
public final class BinaryMetrics {

  /** Number of equal-width bins used by {@link #expectedCalibrationError(double[], boolean[])}. */
  public static final int DEFAULT_CALIBRATION_BINS = 10;

  /**
   * Default clipping of probabilities in {@link #logLoss(double[], boolean[])}: the float64
   * machine epsilon {@code 2^-52 ≈ 2.22e-16}, which is what scikit-learn 1.2's {@code
   * log_loss(eps="auto")} uses for float64 input (and what later versions always use).
   */
  public static final double LOG_LOSS_EPS = 0x1p-52;

  /**
   * Clipping used by scikit-learn's {@code log_loss} before version 1.2 ({@code eps=1e-15}); pass
   * it to {@link #logLoss(double[], boolean[], double)} to reproduce numbers from those versions.
   */
  public static final double LEGACY_LOG_LOSS_EPS = 1e-15;

  private BinaryMetrics() {}

  // ---------------------------------------------------------------------------------------------
  // Ranking metrics

  /**
   * Returns the area under the ROC curve, as scikit-learn's {@code roc_auc_score}.
   *
   * <p>This is the probability that a randomly chosen positive row scores higher than a randomly
   * chosen negative one, counting ties as one half: the Mann-Whitney {@code U} statistic of the
   * positives divided by {@code positives * negatives}. It is computed exactly from integer counts
   * with average ranks for ties, in O(n log n).
   *
   * @param scores one score per row, higher meaning more likely positive; not NaN
   * @param labels one label per row, {@code true} for positive
   * @return the ROC AUC, within {@code [0, 1]}
   * @throws IllegalArgumentException if the arrays are null, empty or of different lengths, a
   *     score is NaN, or the labels contain only one class
   */
  public static double rocAuc(double[] scores, boolean[] labels) {
    int positives = checkScores(scores, labels);
    requireBothClasses("ROC AUC", positives, labels.length);
    return scan(scores, labels, positives).rocAuc();
  }

  /**
   * Returns the average precision (area under the precision-recall curve), as scikit-learn's
   * {@code average_precision_score}.
   *
   * <p>With the distinct scores taken as thresholds from highest to lowest, this is {@code sum_n
   * (R_n - R_(n-1)) * P_n}, where {@code P_n} and {@code R_n} are the precision and recall when
   * predicting {@code score >= threshold_n}, and {@code R_0 = 0}. No interpolation is applied.
   *
   * <p>Unlike scikit-learn, which returns {@code 1.0} when every label is positive, this method
   * requires both classes, like {@link #rocAuc(double[], boolean[])}: a one-class sample cannot
   * tell models apart.
   *
   * @param scores one score per row, higher meaning more likely positive; not NaN
   * @param labels one label per row, {@code true} for positive
   * @return the average precision, within {@code [0, 1]}
   * @throws IllegalArgumentException if the arrays are null, empty or of different lengths, a
   *     score is NaN, or the labels contain only one class
   */
  public static double averagePrecision(double[] scores, boolean[] labels) {
    int positives = checkScores(scores, labels);
    requireBothClasses("Average precision", positives, labels.length);
    return scan(scores, labels, positives).averagePrecision();
  }

  /**
   * Returns the threshold that maximises F1, scanning every distinct score in one sorted pass
   * (O(n log n)).
   *
   * <p>For each distinct score {@code t}, rows with {@code score >= t} are predicted positive.
   * F1 values are compared exactly, as fractions of integer counts. When several thresholds reach
   * the maximal F1, the <em>highest</em> is returned, i.e. the one that flags the fewest rows.
   *
   * @param scores one score per row, higher meaning more likely positive; not NaN
   * @param labels one label per row, {@code true} for positive; at least one must be positive
   * @return the threshold with its F1, precision, recall and confusion matrix
   * @throws IllegalArgumentException if the arrays are null, empty or of different lengths, a
   *     score is NaN, or no label is positive (then F1 is 0 at every threshold)
   */
  public static BestF1 bestF1Threshold(double[] scores, boolean[] labels) {
    int positives = checkScores(scores, labels);
    requirePositives("Best-F1 threshold", positives, labels.length);
    return scan(scores, labels, positives).bestF1();
  }

  // ---------------------------------------------------------------------------------------------
  // Probability metrics

  /**
   * Returns the mean log loss (binary cross-entropy, natural logarithm), as scikit-learn 1.2's
   * {@code log_loss} with its default {@code eps="auto"}.
   *
   * <p>Probabilities are first clipped to {@code [eps, 1 - eps]} with {@code eps =} {@link
   * #LOG_LOSS_EPS} (float64 machine epsilon), so that a confident wrong prediction costs about
   * {@code 36.04} instead of infinity. scikit-learn before 1.2 clipped at {@code 1e-15}; use {@link
   * #logLoss(double[], boolean[], double)} with {@link #LEGACY_LOG_LOSS_EPS} for those numbers. The
   * two agree unless a probability lies within {@code 1e-15} of 0 or 1.
   *
   * <p>Labels of a single class are accepted (scikit-learn then needs its {@code labels}
   * argument; here both classes are always known).
   *
   * @param probabilities predicted probability of the positive class per row, within {@code [0,
   *     1]}
   * @param labels one label per row, {@code true} for positive
   * @return the mean log loss, {@code >= 0}
   * @throws IllegalArgumentException if the arrays are null, empty or of different lengths, or a
   *     probability is NaN or outside {@code [0, 1]}
   */
  public static double logLoss(double[] probabilities, boolean[] labels) {
    return logLoss(probabilities, labels, LOG_LOSS_EPS);
  }

  /**
   * Returns the mean log loss with probabilities clipped to {@code [eps, 1 - eps]}; see {@link
   * #logLoss(double[], boolean[])}.
   *
   * @param probabilities predicted probability of the positive class per row, within {@code [0,
   *     1]}
   * @param labels one label per row, {@code true} for positive
   * @param eps clipping distance from 0 and 1, with {@code 0 < eps < 0.5}
   * @return the mean log loss, {@code >= 0}
   * @throws IllegalArgumentException if the arrays are null, empty or of different lengths, a
   *     probability is NaN or outside {@code [0, 1]}, or {@code eps} is outside {@code (0, 0.5)}
   */
  public static double logLoss(double[] probabilities, boolean[] labels, double eps) {
    checkProbabilities(probabilities, labels);
    if (!(eps > 0.0 && eps < 0.5)) {
      throw new IllegalArgumentException("eps must be in (0, 0.5) (eps=" + eps + ")");
    }
    return logLossUnchecked(probabilities, labels, eps);
  }

  /**
   * Returns the Brier score, the mean squared difference between the predicted probability and
   * the outcome (1 for positive, 0 for negative), as scikit-learn's {@code brier_score_loss}.
   *
   * @param probabilities predicted probability of the positive class per row, within {@code [0,
   *     1]}
   * @param labels one label per row, {@code true} for positive
   * @return the Brier score, within {@code [0, 1]}; lower is better
   * @throws IllegalArgumentException if the arrays are null, empty or of different lengths, or a
   *     probability is NaN or outside {@code [0, 1]}
   */
  public static double brier(double[] probabilities, boolean[] labels) {
    checkProbabilities(probabilities, labels);
    return brierUnchecked(probabilities, labels);
  }

  /**
   * Returns the expected calibration error over {@value #DEFAULT_CALIBRATION_BINS} equal-width
   * bins; see {@link #expectedCalibrationError(double[], boolean[], int)}.
   *
   * @param probabilities predicted probability of the positive class per row, within {@code [0,
   *     1]}
   * @param labels one label per row, {@code true} for positive
   * @return the ECE, within {@code [0, 1]}
   * @throws IllegalArgumentException if the arrays are null, empty or of different lengths, or a
   *     probability is NaN or outside {@code [0, 1]}
   */
  public static double expectedCalibrationError(double[] probabilities, boolean[] labels) {
    return expectedCalibrationError(probabilities, labels, DEFAULT_CALIBRATION_BINS);
  }

  /**
   * Returns the expected calibration error (ECE) over {@code bins} equal-width bins of {@code [0,
   * 1]}: {@code sum_b (n_b / n) * |fractionPositive_b - meanPredicted_b|} over the non-empty bins.
   *
   * <p>A row with probability {@code p} goes to bin {@code min(floor(p * bins), bins - 1)},
   * computed in {@code double} arithmetic, so bin {@code b} covers {@code [b / bins, (b + 1) /
   * bins)} and probability {@code 1.0} falls in the last bin. The bins themselves are available
   * from {@link #reliabilityBins(double[], boolean[], int)}.
   *
   * @param probabilities predicted probability of the positive class per row, within {@code [0,
   *     1]}
   * @param labels one label per row, {@code true} for positive
   * @param bins number of bins, {@code >= 1}
   * @return the ECE, within {@code [0, 1]}; 0 means perfectly calibrated at this resolution
   * @throws IllegalArgumentException if the arrays are null, empty or of different lengths, a
   *     probability is NaN or outside {@code [0, 1]}, or {@code bins < 1}
   */
  public static double expectedCalibrationError(
      double[] probabilities, boolean[] labels, int bins) {
    checkProbabilities(probabilities, labels);
    checkBins(bins);
    return ece(binCounts(probabilities, labels, bins), probabilities.length);
  }

  /**
   * Returns the reliability diagram of the probabilities: one {@link ReliabilityBin} per
   * equal-width bin of {@code [0, 1]}, in increasing order, including empty bins. Binning is the
   * one described in {@link #expectedCalibrationError(double[], boolean[], int)}.
   *
   * @param probabilities predicted probability of the positive class per row, within {@code [0,
   *     1]}
   * @param labels one label per row, {@code true} for positive
   * @param bins number of bins, {@code >= 1}
   * @return an unmodifiable list of {@code bins} bins
   * @throws IllegalArgumentException if the arrays are null, empty or of different lengths, a
   *     probability is NaN or outside {@code [0, 1]}, or {@code bins < 1}
   */
  public static List<ReliabilityBin> reliabilityBins(
      double[] probabilities, boolean[] labels, int bins) {
    checkProbabilities(probabilities, labels);
    checkBins(bins);
    BinCounts counts = binCounts(probabilities, labels, bins);
    List<ReliabilityBin> result = new ArrayList<>(bins);
    for (int b = 0; b < bins; b++) {
      int count = counts.count[b];
      double meanPredicted = count == 0 ? Double.NaN : counts.sumPredicted[b] / count;
      double fractionPositive = count == 0 ? Double.NaN : (double) counts.positives[b] / count;
      result.add(
          new ReliabilityBin(
              (double) b / bins, (double) (b + 1) / bins, count, meanPredicted, fractionPositive));
    }
    return Collections.unmodifiableList(result);
  }

  // ---------------------------------------------------------------------------------------------
  // Thresholded and top-k metrics

  /**
   * Returns the confusion matrix when rows with {@code score >= threshold} are predicted positive
   * (scikit-learn's convention, as in {@code confusion_matrix(labels, scores >= threshold)}).
   *
   * @param scores one score per row; not NaN
   * @param labels one label per row, {@code true} for positive
   * @param threshold decision threshold; not NaN (infinities allowed)
   * @return the counts at this threshold; rates with a zero denominator are 0, see {@link
   *     ConfusionMatrix}
   * @throws IllegalArgumentException if the arrays are null, empty or of different lengths, a
   *     score is NaN, or the threshold is NaN
   */
  public static ConfusionMatrix confusion(double[] scores, boolean[] labels, double threshold) {
    checkScores(scores, labels);
    if (Double.isNaN(threshold)) {
      throw new IllegalArgumentException("threshold must not be NaN");
    }
    long tp = 0;
    long fp = 0;
    long fn = 0;
    long tn = 0;
    for (int i = 0; i < scores.length; i++) {
      boolean predicted = scores[i] >= threshold;
      if (labels[i]) {
        if (predicted) {
          tp++;
        } else {
          fn++;
        }
      } else if (predicted) {
        fp++;
      } else {
        tn++;
      }
    }
    return new ConfusionMatrix(tp, fp, tn, fn);
  }

  /**
   * Returns how many rows make up the top {@code fraction} of {@code rows}: {@code ceil(fraction *
   * rows)}, at least 1.
   *
   * <p>The product is computed in decimal from the fraction's shortest decimal form ({@link
   * Double#toString(double)}), so {@code topCount(100, 0.07)} is 7, whereas the binary product
   * {@code 0.07 * 100 = 7.000000000000001} would round up to 8.
   *
   * @param rows number of rows, {@code >= 1}
   * @param fraction fraction of rows to keep, in {@code (0, 1]}
   * @return the number of rows in the top fraction, within {@code [1, rows]}
   * @throws IllegalArgumentException if {@code rows < 1} or {@code fraction} is outside {@code (0,
   *     1]}
   */
  public static int topCount(int rows, double fraction) {
    if (rows < 1) {
      throw new IllegalArgumentException("rows must be >= 1 (rows=" + rows + ")");
    }
    checkFraction(fraction);
    return BigDecimal.valueOf(fraction)
        .multiply(BigDecimal.valueOf(rows))
        .setScale(0, RoundingMode.CEILING)
        .intValueExact();
  }

  /**
   * Returns the precision among the top {@code k = }{@link #topCount(int, double) topCount(n,
   * fraction)} rows by score: the fraction of them that are positive.
   *
   * <p>Rows are ranked by descending score; rows tied at the cut are taken in their original order
   * (lowest index first), exactly as a stable sort by descending score would order them. The
   * result is therefore deterministic for a given input.
   *
   * @param scores one score per row, higher meaning more likely positive; not NaN
   * @param labels one label per row, {@code true} for positive
   * @param fraction fraction of rows to take from the top, in {@code (0, 1]}
   * @return the precision in the top {@code k}, within {@code [0, 1]}
   * @throws IllegalArgumentException if the arrays are null, empty or of different lengths, a
   *     score is NaN, or {@code fraction} is outside {@code (0, 1]}
   */
  public static double precisionAtTop(double[] scores, boolean[] labels, double fraction) {
    checkScores(scores, labels);
    checkFraction(fraction);
    int k = topCount(scores.length, fraction);
    return (double) positivesInTop(scores, labels, k) / k;
  }

  /**
   * Returns the lift in the top {@code fraction} of rows by score: {@link #precisionAtTop(double[],
   * boolean[], double) precisionAtTop} divided by the base rate {@code positives / n}. A lift of 3
   * means the top rows contain three times as many positives as a random selection of the same
   * size; the lift at {@code fraction = 1} is 1. Ties at the cut are handled as in {@code
   * precisionAtTop}.
   *
   * @param scores one score per row, higher meaning more likely positive; not NaN
   * @param labels one label per row, {@code true} for positive; at least one must be positive
   * @param fraction fraction of rows to take from the top, in {@code (0, 1]}
   * @return the lift, {@code >= 0}
   * @throws IllegalArgumentException if the arrays are null, empty or of different lengths, a
   *     score is NaN, {@code fraction} is outside {@code (0, 1]}, or no label is positive
   */
  public static double liftAtTop(double[] scores, boolean[] labels, double fraction) {
    int positives = checkScores(scores, labels);
    checkFraction(fraction);
    requirePositives("Lift", positives, labels.length);
    int n = scores.length;
    int k = topCount(n, fraction);
    // (hits / k) / (positives / n), rearranged so that fraction = 1 gives exactly 1.
    return ((double) positivesInTop(scores, labels, k) * n) / ((double) k * positives);
  }

  // ---------------------------------------------------------------------------------------------
  // Report

  /**
   * Computes the standard metrics of a probabilistic binary classifier in one go, sharing a single
   * sort between the ranking metrics.
   *
   * @param probabilities predicted probability of the positive class per row, within {@code [0,
   *     1]}
   * @param labels one label per row, {@code true} for positive; both classes must occur
   * @return ROC AUC, average precision, log loss (default clipping), Brier score, ECE ({@value
   *     #DEFAULT_CALIBRATION_BINS} bins) and the best-F1 threshold, with row and positive counts
   * @throws IllegalArgumentException if the arrays are null, empty or of different lengths, a
   *     probability is NaN or outside {@code [0, 1]}, or the labels contain only one class
   */
  public static BinaryReport report(double[] probabilities, boolean[] labels) {
    int positives = checkProbabilities(probabilities, labels);
    requireBothClasses("ROC AUC", positives, labels.length);
    Scan scan = scan(probabilities, labels, positives);
    return new BinaryReport(
        probabilities.length,
        positives,
        scan.rocAuc(),
        scan.averagePrecision(),
        logLossUnchecked(probabilities, labels, LOG_LOSS_EPS),
        brierUnchecked(probabilities, labels),
        ece(binCounts(probabilities, labels, DEFAULT_CALIBRATION_BINS), probabilities.length),
        scan.bestF1());
  }

  // ---------------------------------------------------------------------------------------------
  // The sorted scan behind the ranking metrics

  /**
   * What one descending pass over the distinct scores yields. {@code concordance2} is twice the
   * Mann-Whitney U of the positives (an integer, so ties stay exact).
   */
  private record Scan(
      int positives,
      int negatives,
      long concordance2,
      double precisionSum,
      double bestThreshold,
      int bestTp,
      int bestFp) {

    double rocAuc() {
      return concordance2 / (2.0 * positives * negatives);
    }

    double averagePrecision() {
      return precisionSum / positives;
    }

    BestF1 bestF1() {
      ConfusionMatrix m =
          new ConfusionMatrix(
              bestTp, bestFp, negatives - bestFp, positives - bestTp);
      return new BestF1(bestThreshold, m.f1(), m.precision(), m.recall(), m);
    }
  }

  /**
   * Splits the scores by label, sorts each part, and merges them from the top, visiting each
   * distinct score once with the number of positives and negatives at that score.
   */
  private static Scan scan(double[] scores, boolean[] labels, int positives) {
    int n = scores.length;
    int negatives = n - positives;
    double[] pos = new double[positives];
    double[] neg = new double[negatives];
    int p = 0;
    int q = 0;
    for (int i = 0; i < n; i++) {
      // + 0.0 turns -0.0 into 0.0, so both zeros form one tie group as they do under ==.
      double s = scores[i] + 0.0;
      if (labels[i]) {
        pos[p++] = s;
      } else {
        neg[q++] = s;
      }
    }
    Arrays.sort(pos);
    Arrays.sort(neg);

    int i = positives - 1;
    int j = negatives - 1;
    int tp = 0; // positives scoring above the current threshold, then at or above it
    int fp = 0;
    long concordance2 = 0;
    double precisionSum = 0.0;
    double bestThreshold = Double.NaN;
    int bestTp = 0;
    int bestFp = 0;
    while (i >= 0 || j >= 0) {
      double t;
      if (i < 0) {
        t = neg[j];
      } else if (j < 0) {
        t = pos[i];
      } else {
        t = Math.max(pos[i], neg[j]);
      }
      int a = 0;
      while (i >= 0 && pos[i] == t) {
        a++;
        i--;
      }
      int b = 0;
      while (j >= 0 && neg[j] == t) {
        b++;
        j--;
      }
      // Each negative at t is beaten by every positive above t, and ties half with those at t.
      concordance2 += 2L * b * tp + (long) a * b;
      tp += a;
      fp += b;
      if (a > 0) {
        // Recall rises by a / positives at this threshold; weight it by the precision here.
        precisionSum += a * ((double) tp / (tp + fp));
      }
      // F1 = 2 tp / (tp + fp + positives); strict comparison keeps the highest threshold on ties.
      // Products stay below 2^31 * 2^32 = 2^63, so they cannot overflow.
      if ((long) tp * ((long) bestTp + bestFp + positives)
          > (long) bestTp * ((long) tp + fp + positives)) {
        bestThreshold = t;
        bestTp = tp;
        bestFp = fp;
      }
    }
    return new Scan(
        positives, negatives, concordance2, precisionSum, bestThreshold, bestTp, bestFp);
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  /** Counts the positives among the top {@code k} rows, ties at the cut taken by row order. */
  private static int positivesInTop(double[] scores, boolean[] labels, int k) {
    int n = scores.length;
    double[] sorted = scores.clone();
    Arrays.sort(sorted);
    double cut = sorted[n - k]; // the k-th largest score
    int above = 0;
    for (double s : scores) {
      if (s > cut) {
        above++;
      }
    }
    int tiesToTake = k - above;
    int hits = 0;
    for (int i = 0; i < n; i++) {
      double s = scores[i];
      if (s > cut) {
        if (labels[i]) {
          hits++;
        }
      } else if (s == cut && tiesToTake > 0) {
        tiesToTake--;
        if (labels[i]) {
          hits++;
        }
      }
    }
    return hits;
  }

  private static double logLossUnchecked(double[] probabilities, boolean[] labels, double eps) {
    double hi = 1.0 - eps;
    double sum = 0.0;
    double compensation = 0.0;
    for (int i = 0; i < probabilities.length; i++) {
      double c = Math.min(Math.max(probabilities[i], eps), hi);
      double term = -Math.log(labels[i] ? c : 1.0 - c);
      // Neumaier summation keeps the mean accurate on millions of rows.
      double t = sum + term;
      compensation += Math.abs(sum) >= Math.abs(term) ? (sum - t) + term : (term - t) + sum;
      sum = t;
    }
    return (sum + compensation) / probabilities.length;
  }

  private static double brierUnchecked(double[] probabilities, boolean[] labels) {
    double sum = 0.0;
    double compensation = 0.0;
    for (int i = 0; i < probabilities.length; i++) {
      double d = (labels[i] ? 1.0 : 0.0) - probabilities[i];
      double term = d * d;
      double t = sum + term;
      compensation += sum >= term ? (sum - t) + term : (term - t) + sum;
      sum = t;
    }
    return (sum + compensation) / probabilities.length;
  }

  /** Per-bin row counts, positive counts and sums of probabilities. */
  private record BinCounts(int[] count, int[] positives, double[] sumPredicted) {}

  private static BinCounts binCounts(double[] probabilities, boolean[] labels, int bins) {
    int[] count = new int[bins];
    int[] positives = new int[bins];
    double[] sumPredicted = new double[bins];
    for (int i = 0; i < probabilities.length; i++) {
      double p = probabilities[i];
      int b = Math.min((int) (p * bins), bins - 1);
      count[b]++;
      sumPredicted[b] += p;
      if (labels[i]) {
        positives[b]++;
      }
    }
    return new BinCounts(count, positives, sumPredicted);
  }

  private static double ece(BinCounts counts, int n) {
    double sum = 0.0;
    for (int b = 0; b < counts.count.length; b++) {
      int c = counts.count[b];
      if (c > 0) {
        double gap = Math.abs((double) counts.positives[b] / c - counts.sumPredicted[b] / c);
        sum += ((double) c / n) * gap;
      }
    }
    return sum;
  }

  /** Validates a score/label pair and returns the number of positive labels. */
  private static int checkScores(double[] scores, boolean[] labels) {
    checkShape("scores", scores, labels);
    int positives = 0;
    for (int i = 0; i < scores.length; i++) {
      if (Double.isNaN(scores[i])) {
        throw new IllegalArgumentException(
            "scores must not contain NaN (scores[" + i + "] is NaN)");
      }
      if (labels[i]) {
        positives++;
      }
    }
    return positives;
  }

  /** Validates a probability/label pair and returns the number of positive labels. */
  private static int checkProbabilities(double[] probabilities, boolean[] labels) {
    checkShape("probabilities", probabilities, labels);
    int positives = 0;
    for (int i = 0; i < probabilities.length; i++) {
      double p = probabilities[i];
      if (!(p >= 0.0 && p <= 1.0)) {
        throw new IllegalArgumentException(
            "probabilities must be within [0, 1] (probabilities[" + i + "] = " + p + ")");
      }
      if (labels[i]) {
        positives++;
      }
    }
    return positives;
  }

  private static void checkShape(String name, double[] values, boolean[] labels) {
    if (values == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    if (labels == null) {
      throw new IllegalArgumentException("labels must not be null");
    }
    if (values.length != labels.length) {
      throw new IllegalArgumentException(
          name
              + " and labels must have the same length ("
              + name
              + ".length="
              + values.length
              + ", labels.length="
              + labels.length
              + ")");
    }
    if (values.length == 0) {
      throw new IllegalArgumentException(name + " and labels must not be empty");
    }
  }

  private static void checkFraction(double fraction) {
    if (!(fraction > 0.0 && fraction <= 1.0)) {
      throw new IllegalArgumentException("fraction must be in (0, 1] (fraction=" + fraction + ")");
    }
  }

  private static void checkBins(int bins) {
    if (bins < 1) {
      throw new IllegalArgumentException("bins must be >= 1 (bins=" + bins + ")");
    }
  }

  private static void requireBothClasses(String metric, int positives, int rows) {
    if (positives == 0 || positives == rows) {
      throw new IllegalArgumentException(
          metric
              + " is undefined when labels contain only one class (positives="
              + positives
              + ", negatives="
              + (rows - positives)
              + ")");
    }
  }

  private static void requirePositives(String metric, int positives, int rows) {
    if (positives == 0) {
      throw new IllegalArgumentException(
          metric
              + " is undefined when labels contain no positives (positives=0, negatives="
              + rows
              + ")");
    }
  }
}
