package dev.churn.drift.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.churn.core.table.Table;
import dev.churn.drift.ColumnDrift;
import dev.churn.drift.DriftDetector;
import dev.churn.drift.DriftResult;
import dev.churn.drift.ReferenceProfile;
import dev.churn.drift.estimate.PerformanceEstimator;
import dev.churn.drift.monitor.Flag;
import dev.churn.drift.monitor.PerformanceMonitor;
import dev.churn.drift.policy.Action;
import dev.churn.drift.policy.Decision;
import dev.churn.drift.policy.Deviation;
import dev.churn.drift.policy.Evidence;
import dev.churn.drift.policy.RetrainPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReportsTest {
  private BufferAllocator allocator;

  @BeforeEach
  void setUp() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void tearDown() {
    assertThat(allocator.getAllocatedMemory()).isZero();
    allocator.close();
  }

  /** 3,000 rows: tenure (shifts by {@code shift}), plan (mix moves), calls (stable). */
  private Table month(long seed, double shift, double premiumShare) {
    SplittableRandom r = new SplittableRandom(seed);
    int n = 3000;
    double[] tenure = new double[n];
    double[] calls = new double[n];
    String[] plan = new String[n];
    for (int i = 0; i < n; i++) {
      tenure[i] = 24 + shift + 8 * r.nextGaussian();
      calls[i] = r.nextInt(10);
      plan[i] = i < Math.round(premiumShare * n) ? "premium" : "basic"; // exact shares
    }
    return Table.builder(allocator).numeric("tenure", tenure).numeric("calls", calls)
        .categorical("plan", plan).build();
  }

  private DriftResult drift(double shift, double premiumShare) {
    try (Table ref = month(1, 0, 0.5); Table cur = month(2, shift, premiumShare)) {
      return DriftDetector.builder(ReferenceProfile.of(ref)).build().detect(cur);
    }
  }

  @Test
  void deviation_isTheTotalVariationDistance_likeTheSeedsGenderExample() {
    DriftResult r = drift(0, 0.56);
    Deviation.ColumnDeviation plan = Deviation.of(r).columns().stream()
        .filter(c -> c.name().equals("plan")).findFirst().orElseThrow();
    // premium 50 % -> 56 % moves 6 % of the customers; sampling noise of two groups of 3,000
    // rows accounts for sqrt(2/pi) * sqrt(0.53 * 0.47 * 2/3000) of it
    ColumnDrift col = r.columns().stream().filter(c -> c.name().equals("plan")).findFirst()
        .orElseThrow();
    assertThat(Deviation.totalVariation(col)).isCloseTo(0.06, within(1e-12));
    double noise = Math.sqrt(2 / Math.PI) * Math.sqrt(0.53 * 0.47 * 2 / 3000.0);
    assertThat(plan.deviation()).isCloseTo(0.06 - noise, within(1e-12));
    // tenure and calls did not change: noise is not read as deviation
    assertThat(Deviation.of(r).columns()).filteredOn(c -> !c.name().equals("plan"))
        .allSatisfy(c -> assertThat(c.deviation()).isLessThan(0.01));
    assertThat(Deviation.of(drift(0, 0.5)).value()).isLessThan(0.03);
    assertThat(Deviation.of(r, Map.of("plan", 1.0)).value()).isEqualTo(plan.deviation());
  }

  @Test
  void driftReport_jsonHasTheContractFields_sortedByDrift() throws Exception {
    DriftReport report = DriftReport.builder(drift(8, 0.5)).title("April").build();
    JsonNode j = new ObjectMapper().readTree(report.toJson());
    assertThat(j.get("columns")).hasSize(3);
    JsonNode first = j.get("columns").get(0);
    assertThat(first.get("name").asText()).isEqualTo("tenure");
    assertThat(first.get("drifted").asBoolean()).isTrue();
    for (String f : List.of("name", "test", "statistic", "p_value", "drifted", "deviation")) {
      assertThat(first.has(f)).as(f).isTrue();
    }
    assertThat(j.get("drift_share").asDouble()).isEqualTo(1.0 / 3);
    assertThat(j.get("dataset_drift").asBoolean()).isFalse();
    assertThat(j.get("action").asText()).isIn("RETRAIN", "REEXPERIMENT");
    assertThat(report.decision().action()).isEqualTo(
        RetrainPolicy.defaults().forDeviation(report.deviation().value()));
  }

  @Test
  void driftReport_html_isSelfContainedWithDecodablePngs() {
    String html = DriftReport.builder(drift(8, 0.8)).title("April <test>").build().toHtml();
    assertThat(html).startsWith("<!DOCTYPE html>").contains("April &lt;test&gt;")
        .doesNotContain("April <test>").doesNotContain("http://").doesNotContain("https://");
    List<byte[]> images = images(html);
    assertThat(images).hasSizeGreaterThanOrEqualTo(2); // tenure and plan histograms
    for (byte[] png : images) {
      assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    }
  }

  @Test
  void monitoringReport_combinesFlagsEstimateTrendsAndDrift() throws Exception {
    SplittableRandom r = new SplittableRandom(3);
    int n = 2000;
    double[] p = new double[n];
    boolean[] y = new boolean[n];
    for (int i = 0; i < n; i++) {
      p[i] = Math.pow(r.nextDouble(), 3);
      y[i] = r.nextDouble() < p[i];
    }
    var perf = PerformanceMonitor.builder().decisionThreshold(0.5).bucketCuts(0.5, 0.2).build()
        .evaluate(p, y);
    var est = PerformanceEstimator.builder().decisionThreshold(0.5).build().estimate(p);
    DriftReport dr = DriftReport.builder(drift(0, 0.5)).title("May features").build();
    Decision d = RetrainPolicy.defaults().decide(Evidence.builder()
        .deviation(dr.deviation().value()).realized(perf.overall()).estimated(est.overall())
        .build());
    List<MonthSummary> months = new ArrayList<>();
    for (int m = 1; m <= 4; m++) {
      months.add(new MonthSummary("2017-0" + m, OptionalInt.of(1), 1000 * m,
          m < 4 ? OptionalDouble.of(0.86 - 0.01 * m) : OptionalDouble.empty(),
          OptionalDouble.of(0.85 - 0.01 * m), OptionalDouble.of(0.1 * m),
          OptionalDouble.of(0.01 * m), Map.of("ROC_AUC", Flag.GREEN),
          Optional.of(m == 4 ? Action.WATCH : Action.NONE)));
    }
    MonitoringReport report = MonitoringReport.builder("churn model, 2017-04").months(months)
        .performance(perf).estimate(est).drift(dr).decision(d).build();
    JsonNode j = new ObjectMapper().readTree(report.toJson());
    assertThat(j.get("months")).hasSize(4);
    assertThat(j.get("months").get(3).get("auc_realized").isNull()).isTrue();
    assertThat(j.get("months").get(0).get("production_version").asInt()).isEqualTo(1);
    assertThat(j.get("performance").get("metrics").size()).isGreaterThanOrEqualTo(5);
    assertThat(j.get("estimate").get("overall").asText()).isEqualTo(est.overall().name());
    assertThat(j.get("drift").get("columns")).hasSize(3);
    assertThat(j.get("action").asText()).isEqualTo(d.action().name());
    String html = report.toHtml();
    assertThat(html).contains("Traffic lights").contains("Trends").contains("May features");
    assertThat(images(html)).hasSizeGreaterThanOrEqualTo(3); // two trends + drift charts
  }

  private static List<byte[]> images(String html) {
    Matcher m = Pattern.compile("data:image/png;base64,([A-Za-z0-9+/=]+)").matcher(html);
    List<byte[]> out = new ArrayList<>();
    while (m.find()) {
      out.add(java.util.Base64.getDecoder().decode(m.group(1)));
    }
    return out;
  }
}
