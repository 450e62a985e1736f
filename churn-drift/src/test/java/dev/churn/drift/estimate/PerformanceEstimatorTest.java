package dev.churn.drift.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.churn.core.metrics.BinaryMetrics;
import dev.churn.core.metrics.ConfusionMatrix;
import dev.churn.core.table.Table;
import dev.churn.drift.estimate.CalibratedMonths.Month;
import dev.churn.drift.monitor.Flag;
import dev.churn.drift.monitor.Metric;
import java.util.Locale;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/**
 * Unit tests of {@link PerformanceEstimator}: exact expectations by enumerating every label
 * vector of small cohorts, the delta-method standard error against simulation, and the coverage
 * of the intervals on simulated months of a calibrated model (printed).
 */
class PerformanceEstimatorTest {

  private static final PerformanceEstimator AT_03 =
      PerformanceEstimator.builder().decisionThreshold(0.3).build();

  // ---------------------------------------------------------------------------------------------
  // Exact expectations

  /** Expectations over all 2^n label vectors, weighted by their probability under p. */
  record Exact(double expectedU, double expectedPairs, double expectedTp, double expectedFn,
      double varianceTp) {

    static Exact of(double[] p, boolean[] rec) {
      int n = p.length;
      double eu = 0;
      double ed = 0;
      double etp = 0;
      double efn = 0;
      double etp2 = 0;
      for (int mask = 0; mask < (1 << n); mask++) {
        double w = 1;
        for (int i = 0; i < n; i++) {
          w *= ((mask >> i) & 1) == 1 ? p[i] : 1 - p[i];
        }
        double u = 0;
        int pos = 0;
        int tp = 0;
        int fn = 0;
        for (int i = 0; i < n; i++) {
          boolean yi = ((mask >> i) & 1) == 1;
          if (!yi) {
            continue;
          }
          pos++;
          if (rec[i]) {
            tp++;
          } else {
            fn++;
          }
          for (int j = 0; j < n; j++) {
            if (((mask >> j) & 1) == 0) {
              u += p[i] > p[j] ? 1 : p[i] == p[j] ? 0.5 : 0;
            }
          }
        }
        eu += w * u;
        ed += w * pos * (n - pos);
        etp += w * tp;
        efn += w * fn;
        etp2 += w * tp * tp;
      }
      return new Exact(eu, ed, etp, efn, etp2 - etp * etp);
    }
  }

  @Test
  void estimate_equalsExactExpectationsOnASmallCohort() {
    double[] p = {0.05, 0.1, 0.1, 0.3, 0.45, 0.5, 0.7, 0.7, 0.9, 0.2, 0.6, 0.35};
    PerformanceEstimate e = AT_03.estimate(p);
    boolean[] rec = new boolean[p.length];
    int r = 0;
    for (int i = 0; i < p.length; i++) {
      rec[i] = p[i] >= 0.3;
      r += rec[i] ? 1 : 0;
    }
    Exact x = Exact.of(p, rec);
    int n = p.length;

    assertThat(e.recommended()).isEqualTo(r);
    assertThat(e.expectedPositives()).isCloseTo(x.expectedTp() + x.expectedFn(), within(1e-12));
    assertThat(value(e, Metric.ROC_AUC)).isCloseTo(x.expectedU() / x.expectedPairs(), within(1e-12));
    assertThat(value(e, Metric.F1))
        .isCloseTo(2 * x.expectedTp() / (r + x.expectedTp() + x.expectedFn()), within(1e-12));
    assertThat(value(e, Metric.CONVERSION_RATE)).isCloseTo(x.expectedTp() / r, within(1e-12));
    assertThat(value(e, Metric.ERROR_RATE)).isCloseTo(x.expectedFn() / n, within(1e-12));
    assertThat(value(e, Metric.NEGATIVE_HITS))
        .isCloseTo((r - x.expectedTp()) / n, within(1e-12));
    // the rates with a known denominator have an exact standard error
    assertThat(e.metric(Metric.CONVERSION_RATE).orElseThrow().standardError())
        .isCloseTo(Math.sqrt(x.varianceTp()) / r, within(1e-12));
  }

  @Test
  void expectedAuc_isNannyMlsCurveAreaWithoutSelfPairs() {
    // NannyML: expected TPR(t) = sum_(p >= t) p / sum p, FPR(t) = sum_(p >= t) (1 - p) / sum(1 - p),
    // trapezoids between the distinct thresholds. That area counts each row against itself (half
    // of p_i (1 - p_i)); ours does not: ours * D + sum(p q) / 2 = nanny * P * Q.
    Month m = CalibratedMonths.month(3, 500, 1, 4);
    double[] p = m.probabilities();
    double[] sorted = p.clone();
    java.util.Arrays.sort(sorted);
    double pTotal = 0;
    double qTotal = 0;
    double pq = 0;
    for (double v : p) {
      pTotal += v;
      qTotal += 1 - v;
      pq += v * (1 - v);
    }
    double area = 0;
    double tpr = 0;
    double fpr = 0;
    for (int i = sorted.length - 1; i >= 0; ) {
      double t = sorted[i];
      double dp = 0;
      double dq = 0;
      while (i >= 0 && sorted[i] == t) {
        dp += sorted[i];
        dq += 1 - sorted[i];
        i--;
      }
      double nextTpr = tpr + dp / pTotal;
      double nextFpr = fpr + dq / qTotal;
      area += (nextFpr - fpr) * (tpr + nextTpr) / 2;
      tpr = nextTpr;
      fpr = nextFpr;
    }
    double ours = value(AT_03.estimate(p), Metric.ROC_AUC);
    assertThat(ours * (pTotal * qTotal - pq) + pq / 2).isCloseTo(area * pTotal * qTotal,
        within(1e-6));
    assertThat(ours).isCloseTo(area, within(1e-3));
  }

  @Test
  void estimate_constantProbabilities_giveAucOneHalfWithoutSpread() {
    double[] p = new double[100];
    java.util.Arrays.fill(p, 0.2);
    EstimatedMetric auc = AT_03.estimate(p).metric(Metric.ROC_AUC).orElseThrow();
    assertThat(auc.estimate()).isCloseTo(0.5, within(1e-12));
    assertThat(auc.standardError()).isCloseTo(0.0, within(1e-12));
  }

  @Test
  void estimate_certainProbabilities_givePerfectAuc() {
    double[] p = {0, 0, 1, 0, 1, 1};
    PerformanceEstimate e = AT_03.estimate(p);
    assertThat(value(e, Metric.ROC_AUC)).isEqualTo(1.0);
    assertThat(value(e, Metric.F1)).isEqualTo(1.0);
    assertThat(e.metric(Metric.ROC_AUC).orElseThrow().standardError()).isZero();
  }

  @Test
  void estimate_undefinedMetrics_areLeftOutWithNotes() {
    PerformanceEstimate allZero = AT_03.estimate(new double[] {0, 0, 0});
    assertThat(allZero.metric(Metric.ROC_AUC)).isEmpty();
    assertThat(allZero.metric(Metric.CONVERSION_RATE)).isEmpty();
    assertThat(allZero.notes()).hasSize(2);
    assertThat(allZero.notes().get(0)).startsWith("ROC_AUC cannot be estimated");
    assertThat(value(allZero, Metric.F1)).isZero();
    assertThat(value(allZero, Metric.ERROR_RATE)).isZero();
  }

  // ---------------------------------------------------------------------------------------------
  // Intervals

  @Test
  void analyticStandardError_agreesWithSimulation() {
    Month m = CalibratedMonths.month(17, 5_000, 1, 5);
    PerformanceEstimate analytic = AT_03.estimate(m.probabilities());
    PerformanceEstimate simulated =
        PerformanceEstimator.builder()
            .decisionThreshold(0.3)
            .monteCarlo(1_000, 99L)
            .build()
            .estimate(m.probabilities());
    for (Metric metric :
        new Metric[] {Metric.ROC_AUC, Metric.F1, Metric.CONVERSION_RATE, Metric.ERROR_RATE,
            Metric.NEGATIVE_HITS}) {
      EstimatedMetric a = analytic.metric(metric).orElseThrow();
      EstimatedMetric s = simulated.metric(metric).orElseThrow();
      System.out.printf(
          Locale.ROOT,
          "%-16s estimate %.4f  analytic se %.5f [%.4f, %.4f]  simulated sd %.5f [%.4f, %.4f]%n",
          metric, a.estimate(), a.standardError(), a.lower(), a.upper(), s.standardError(),
          s.lower(), s.upper());
      assertThat(s.estimate()).isEqualTo(a.estimate());
      assertThat(a.standardError() / s.standardError()).isBetween(0.9, 1.1);
      assertThat(a.lower()).isCloseTo(s.lower(), within(2 * a.standardError() * 0.15));
      assertThat(a.upper()).isCloseTo(s.upper(), within(2 * a.standardError() * 0.15));
    }
  }

  /**
   * The acceptance test of the estimator: in simulated months of a calibrated model, the
   * realized ROC AUC and F1 fall inside the 95 % interval in at least 90 % of the months.
   */
  @Test
  void intervals_coverTheRealizedMetrics() {
    int months = 200;
    for (int rows : new int[] {500, 5_000}) {
      int aucHits = 0;
      int f1Hits = 0;
      int aucMonths = 0;
      double widthAuc = 0;
      double widthF1 = 0;
      for (int k = 0; k < months; k++) {
        Month m = CalibratedMonths.month(10_000L + k, rows, 1, 5);
        PerformanceEstimate e = AT_03.estimate(m.probabilities());
        EstimatedMetric auc = e.metric(Metric.ROC_AUC).orElseThrow();
        EstimatedMetric f1 = e.metric(Metric.F1).orElseThrow();
        ConfusionMatrix realized = BinaryMetrics.confusion(m.probabilities(), m.labels(), 0.3);
        if (realized.positives() > 0 && realized.negatives() > 0) {
          aucMonths++;
          aucHits += auc.covers(BinaryMetrics.rocAuc(m.probabilities(), m.labels())) ? 1 : 0;
        }
        f1Hits += f1.covers(realized.f1()) ? 1 : 0;
        widthAuc += auc.upper() - auc.lower();
        widthF1 += f1.upper() - f1.lower();
      }
      double aucCoverage = (double) aucHits / aucMonths;
      double f1Coverage = (double) f1Hits / months;
      System.out.printf(
          Locale.ROOT,
          "CBPE analytic, %d months of %d rows, Beta(1, 5) probabilities, threshold 0.3: "
              + "ROC AUC coverage %.1f %% (mean width %.4f), F1 coverage %.1f %% (mean width "
              + "%.4f)%n",
          months, rows, 100 * aucCoverage, widthAuc / months, 100 * f1Coverage,
          widthF1 / months);
      assertThat(aucCoverage).isGreaterThanOrEqualTo(0.90);
      assertThat(f1Coverage).isGreaterThanOrEqualTo(0.90);
    }
  }

  @Test
  void monteCarloIntervals_coverTheRealizedMetrics() {
    int months = 200;
    int rows = 1_000;
    PerformanceEstimator mc =
        PerformanceEstimator.builder().decisionThreshold(0.3).monteCarlo(500, 7L).build();
    int aucHits = 0;
    int f1Hits = 0;
    for (int k = 0; k < months; k++) {
      Month m = CalibratedMonths.month(20_000L + k, rows, 1, 5);
      PerformanceEstimate e = mc.estimate(m.probabilities());
      ConfusionMatrix realized = BinaryMetrics.confusion(m.probabilities(), m.labels(), 0.3);
      aucHits +=
          e.metric(Metric.ROC_AUC).orElseThrow()
                  .covers(BinaryMetrics.rocAuc(m.probabilities(), m.labels()))
              ? 1
              : 0;
      f1Hits += e.metric(Metric.F1).orElseThrow().covers(realized.f1()) ? 1 : 0;
    }
    System.out.printf(
        Locale.ROOT,
        "CBPE Monte Carlo (500 draws), %d months of %d rows: ROC AUC coverage %.1f %%, "
            + "F1 coverage %.1f %%%n",
        months, rows, 100.0 * aucHits / months, 100.0 * f1Hits / months);
    assertThat((double) aucHits / months).isGreaterThanOrEqualTo(0.90);
    assertThat((double) f1Hits / months).isGreaterThanOrEqualTo(0.90);
  }

  @Test
  void monteCarlo_isReproducibleFromItsSeed() {
    Month m = CalibratedMonths.month(5, 800, 1, 5);
    PerformanceEstimator a =
        PerformanceEstimator.builder().decisionThreshold(0.3).monteCarlo(100, 1L).build();
    PerformanceEstimator b =
        PerformanceEstimator.builder().decisionThreshold(0.3).monteCarlo(100, 2L).build();
    assertThat(a.estimate(m.probabilities())).isEqualTo(a.estimate(m.probabilities()));
    assertThat(a.estimate(m.probabilities()).metric(Metric.ROC_AUC).orElseThrow().lower())
        .isNotEqualTo(b.estimate(m.probabilities()).metric(Metric.ROC_AUC).orElseThrow().lower());
    assertThat(a.estimate(m.probabilities()).method()).isEqualTo("MONTE_CARLO draws=100 seed=1");
  }

  @Test
  void estimate_weakerModel_isFlaggedBeforeLabelsArrive() {
    // A calibrated but less separating model: probabilities concentrated near the base rate.
    Month good = CalibratedMonths.month(8, 20_000, 0.5, 2.5);
    Month weak = CalibratedMonths.month(8, 20_000, 8, 40);
    PerformanceEstimate g = AT_03.estimate(good.probabilities());
    PerformanceEstimate w = AT_03.estimate(weak.probabilities());
    assertThat(value(g, Metric.ROC_AUC)).isGreaterThan(value(w, Metric.ROC_AUC) + 0.1);
    assertThat(w.metric(Metric.ROC_AUC).orElseThrow().flag()).isEqualTo(Flag.RED);
    assertThat(w.overall()).isEqualTo(Flag.RED);
  }

  // ---------------------------------------------------------------------------------------------
  // Inputs

  @Test
  void estimate_decisionPerRow_matchesTheThresholdRule() {
    Month m = CalibratedMonths.month(4, 300, 1, 5);
    boolean[] rec = new boolean[300];
    for (int i = 0; i < 300; i++) {
      rec[i] = m.probabilities()[i] >= 0.3;
    }
    PerformanceEstimate byRow = AT_03.estimate(m.probabilities(), rec);
    PerformanceEstimate byThreshold = AT_03.estimate(m.probabilities());
    assertThat(byRow.metrics()).isEqualTo(byThreshold.metrics());
    assertThat(byRow.decision()).isEqualTo("given per row");
    assertThat(byThreshold.decision()).isEqualTo("probability >= 0.3");
  }

  @Test
  void estimate_table_readsNamedColumns() {
    Month m = CalibratedMonths.month(4, 300, 1, 5);
    boolean[] rec = new boolean[300];
    for (int i = 0; i < 300; i++) {
      rec[i] = i % 3 == 0;
    }
    try (BufferAllocator allocator = new RootAllocator();
        Table t =
            Table.builder(allocator)
                .numeric("probability", m.probabilities())
                .bool("called", rec)
                .build()) {
      assertThat(AT_03.estimate(t, "probability").metrics())
          .isEqualTo(AT_03.estimate(m.probabilities()).metrics());
      assertThat(AT_03.estimate(t, "probability", "called").metrics())
          .isEqualTo(AT_03.estimate(m.probabilities(), rec).metrics());
      assertThatThrownBy(() -> AT_03.estimate(t, "called"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("column 'called' is BOOLEAN but the probability column must be NUMERIC");
    }
  }

  @Test
  void estimate_rejectsBadInput() {
    assertThatThrownBy(() -> AT_03.estimate(new double[] {0.2, 1.5}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("probabilities[1] was '1.5' but it must be within [0, 1]");
    assertThatThrownBy(() -> AT_03.estimate(new double[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("probabilities has 0 rows but it must have at least one");
    assertThatThrownBy(() -> AT_03.estimate(new double[] {0.2}, new boolean[2]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("recommended.length was '2' but it must equal probabilities.length (1)");
    assertThatThrownBy(() -> PerformanceEstimator.builder().build().estimate(new double[] {0.2}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("decisionThreshold(t)");
  }

  @Test
  void builder_validatesEarlyAndStaysReusable() {
    assertThatThrownBy(() -> PerformanceEstimator.builder().confidence(0.3))
        .hasMessage("confidence was '0.3' but it must be in [0.5, 0.9999]");
    assertThatThrownBy(() -> PerformanceEstimator.builder().monteCarlo(5, 1))
        .hasMessage("draws was '5' but it must be in [20, 100000]");
    assertThatThrownBy(() -> PerformanceEstimator.builder().decisionThreshold(Double.NaN))
        .hasMessage("decisionThreshold was 'NaN' but it must be finite");
    PerformanceEstimator.Builder b = PerformanceEstimator.builder().decisionThreshold(0.3);
    PerformanceEstimator first = b.build();
    PerformanceEstimator second = b.confidence(0.9).monteCarlo(50, 3).build();
    assertThat(first.confidence()).isEqualTo(0.95);
    assertThat(first.method()).isEqualTo(IntervalMethod.ANALYTIC);
    assertThat(second.confidence()).isEqualTo(0.9);
    assertThat(second.method()).isEqualTo(IntervalMethod.MONTE_CARLO);
  }

  @Test
  void estimate_serializesToJson() {
    Month m = CalibratedMonths.month(4, 300, 1, 5);
    JsonNode json = new ObjectMapper().valueToTree(AT_03.estimate(m.probabilities()));
    assertThat(json.get("rows").asLong()).isEqualTo(300);
    assertThat(json.get("method").asText()).isEqualTo("ANALYTIC");
    JsonNode auc = json.get("metrics").get(0);
    assertThat(auc.get("metric").asText()).isEqualTo("ROC_AUC");
    assertThat(auc.get("lower").asDouble()).isLessThan(auc.get("upper").asDouble());
    assertThat(json.get("overall").isTextual()).isTrue();
  }

  private static double value(PerformanceEstimate e, Metric metric) {
    return e.metric(metric).orElseThrow().estimate();
  }
}
