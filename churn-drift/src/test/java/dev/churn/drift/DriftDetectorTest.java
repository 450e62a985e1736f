package dev.churn.drift;

import static dev.churn.drift.DriftFixtures.bools;
import static dev.churn.drift.DriftFixtures.cats;
import static dev.churn.drift.DriftFixtures.ints;
import static dev.churn.drift.DriftFixtures.normals;
import static dev.churn.drift.DriftFixtures.uniforms;
import static dev.churn.drift.DriftFixtures.withMissing;
import static dev.churn.drift.DriftStatisticsTest.assertPValue;
import static dev.churn.drift.DriftStatisticsTest.assertStatistic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.churn.core.DataFormatException;
import dev.churn.core.table.ColumnRole;
import dev.churn.core.table.Table;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link DriftDetector} end to end against SciPy 1.10.1. The tables are built from {@link
 * DriftFixtures}' generators; the reference script rebuilt the same columns in Python, dropped
 * missing values, and computed each column's expected test the way the detector documents it:
 * {@code ks_2samp(method="asymp")}, {@code chi2_contingency} over the reference and current
 * counts per category (or per value), Evidently's z-test, {@code wasserstein_distance / max(
 * np.std(ref), 0.001)}, {@code jensenshannon} and Evidently's PSI over the same histogram
 * (per value when reference and current take at most 30 values together, else 30 reference
 * quantile bins from {@code np.quantile} edges and {@code np.searchsorted(side="right")}), and
 * the Benjamini-Hochberg and Bonferroni adjustments with numpy.
 */
class DriftDetectorTest {

  private BufferAllocator allocator;

  @BeforeEach
  void setUp() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void tearDown() {
    allocator.close();
  }

  private Table smallReference() {
    return Table.builder(allocator)
        .numeric("num_a", normals(21, 800))
        .numeric("num_b", withMissing(normals(23, 800), 24, 0.1))
        .numeric("num_small", ints(27, 800, 4))
        .numeric("num_bin", ints(29, 800, 2))
        .categorical("plan", cats(31, 800, 5))
        .categorical("gender", cats(33, 800, 2))
        .bool("flag", bools(35, 800, 0.3))
        .numeric("score", uniforms(37, 800))
        .bool("churned", bools(39, 800, 0.2)).role("churned", ColumnRole.LABEL)
        .build();
  }

  private Table smallCurrent(boolean withLabel) {
    var b = Table.builder(allocator)
        .numeric("num_a", normals(22, 600, 0.25))
        .numeric("num_b", withMissing(normals(25, 600, 0.0, 1.5), 26, 0.3))
        .numeric("num_small", ints(28, 600, 5))
        .numeric("num_bin", ints(30, 600, 2))
        .categorical("plan", cats(32, 600, 6))
        .categorical("gender", cats(34, 600, 2))
        .bool("flag", bools(36, 600, 0.4))
        .numeric("score", uniforms(38, 600));
    if (withLabel) {
      b.bool("churned", bools(40, 600, 0.25));
    }
    return b.build();
  }

  private static ColumnDrift expect(DriftResult r, String name, DriftTest test, double statistic,
      double p) {
    ColumnDrift c = r.column(name);
    return check(c, test, statistic, p);
  }

  private static ColumnDrift check(ColumnDrift c, DriftTest test, double statistic, double p) {
    assertThat(c.test()).as(c.name()).isEqualTo(test);
    assertStatistic(c.statistic(), statistic);
    if (Double.isNaN(p)) {
      assertThat(c.pValue()).as(c.name()).isEmpty();
      assertThat(c.drifted()).as(c.name()).isEqualTo(statistic >= c.threshold());
    } else {
      assertPValue(c.pValue().getAsDouble(), p);
    }
    assertThat(c.approximate()).as(c.name()).isFalse();
    assertThat(c.problem()).as(c.name()).isEmpty();
    return c;
  }

  @Test
  void detect_smallReference_picksPValueTestsAndEqualsScipy() {
    try (Table ref = smallReference(); Table cur = smallCurrent(true)) {
      ReferenceProfile profile = ReferenceProfile.of(ref);
      DriftResult r = DriftDetector.builder(profile).predictionColumn("score").build().detect(cur);

      assertThat(r.columns()).extracting(ColumnDrift::name)
          .containsExactly("num_a", "num_b", "num_small", "num_bin", "plan", "gender", "flag");
      expect(r, "num_a", DriftTest.KS, 0.14375, 1.197402556937504e-06);
      expect(r, "num_b", DriftTest.KS, 0.10343577990636814, 0.005978502625869562);
      expect(r, "num_small", DriftTest.CHI2, 184.14670082250467, 9.591296876264469e-39);
      expect(r, "num_bin", DriftTest.Z, 0.6639625615737794, 0.5067142731208105);
      expect(r, "plan", DriftTest.CHI2, 149.25314021747084, 1.9252900065839038e-30);
      expect(r, "gender", DriftTest.Z, 0.7715364321133514, 0.44038903653298667);
      expect(r, "flag", DriftTest.Z, 3.3753857804207614, 0.0007371228271068937);

      assertThat(r.column("num_a").kind()).isEqualTo(ColumnKind.NUMERIC);
      assertThat(r.column("plan").kind()).isEqualTo(ColumnKind.CATEGORICAL);
      assertThat(r.column("gender").kind()).isEqualTo(ColumnKind.BINARY);
      assertThat(r.column("flag").kind()).isEqualTo(ColumnKind.BINARY);
      assertThat(r.driftedColumnNames()).containsExactly("num_a", "num_b", "num_small", "plan",
          "flag");
      assertThat(r.driftedColumns()).isEqualTo(5);
      assertThat(r.driftShare()).isEqualTo(5 / 7.0);
      assertThat(r.datasetDrift()).isTrue();
      assertThat(r.referenceRows()).isEqualTo(800);
      assertThat(r.currentRows()).isEqualTo(600);

      ColumnDrift score = r.predictionDrift().orElseThrow();
      check(score, DriftTest.KS, 0.05500000000000005, 0.24159569858898533);
      assertThat(score.drifted()).isFalse();
      ColumnDrift label = r.labelDrift().orElseThrow();
      check(label, DriftTest.Z, 4.1112515809358126, 3.9352012392469706e-05);
      assertThat(label.drifted()).isTrue();
    }
  }

  @Test
  void detect_reportsMissingSharesAndNewCategories() {
    try (Table ref = smallReference(); Table cur = smallCurrent(true)) {
      DriftResult r = DriftDetector.builder(ReferenceProfile.of(ref)).build().detect(cur);
      ColumnDrift b = r.column("num_b");
      assertThat(b.missingShareReference()).isEqualTo(0.1075);
      assertThat(b.missingShareCurrent()).isEqualTo(0.285);
      assertThat(b.referenceCount()).isEqualTo(714);
      assertThat(b.currentCount()).isEqualTo(429);
      assertThat(b.newCategories()).isEmpty();

      ColumnDrift plan = r.column("plan");
      assertThat(plan.newCategories()).containsExactly(new NewCategory("f", 103, 103 / 600.0));
      assertThat(plan.newCategoryShare()).isEqualTo(103 / 600.0);
      DriftHistogram h = plan.histogram();
      assertThat(h.bins()).extracting(DriftHistogram.Bin::label).endsWith("f");
      assertThat(h.bins().get(h.size() - 1).reference()).isZero();
      assertThat(h.referenceCounts()).containsExactly(
          ((CategoricalReference) ReferenceProfile.of(ref).column("plan")).counts()[0],
          h.referenceCounts()[1], h.referenceCounts()[2], h.referenceCounts()[3],
          h.referenceCounts()[4], 0L);
      assertThat(java.util.Arrays.stream(h.currentCounts()).sum()).isEqualTo(600);

      ColumnDrift small = r.column("num_small");
      assertThat(small.histogram().bins()).extracting(DriftHistogram.Bin::label)
          .containsExactly("0", "1", "2", "3", "4");
    }
  }

  @Test
  void detect_withCorrection_adjustsFeaturePValuesLikeNumpy() {
    try (Table ref = smallReference(); Table cur = smallCurrent(false)) {
      ReferenceProfile profile = ReferenceProfile.of(ref);
      DriftResult bh = DriftDetector.builder(profile).predictionColumn("score")
          .correction(PValueCorrection.BENJAMINI_HOCHBERG).build().detect(cur);
      double[] expectedBh = {2.7939392995208427e-06, 0.008369903676217387, 6.713907813385129e-38,
          0.5067142731208105, 6.738515023043663e-30, 0.5067142731208105, 0.001289964947437064};
      for (int i = 0; i < expectedBh.length; i++) {
        ColumnDrift c = bh.columns().get(i);
        assertThat(c.adjustedPValue().getAsDouble()).as(c.name())
            .isCloseTo(expectedBh[i], within(1e-9 * Math.max(expectedBh[i], 1e-300)));
        assertThat(c.adjustedPValue().getAsDouble()).isGreaterThanOrEqualTo(
            c.pValue().getAsDouble());
        assertThat(c.driftScore()).isEqualTo(c.adjustedPValue().getAsDouble());
      }
      assertThat(bh.correction()).isEqualTo(PValueCorrection.BENJAMINI_HOCHBERG);
      // the prediction column is not part of the family
      ColumnDrift score = bh.predictionDrift().orElseThrow();
      assertThat(score.adjustedPValue()).isEqualTo(score.pValue());
      assertThat(bh.labelDrift()).isEmpty(); // labels not known yet

      DriftResult bonferroni = DriftDetector.builder(profile).predictionColumn("score")
          .correction(PValueCorrection.BONFERRONI).build().detect(cur);
      assertThat(bonferroni.column("num_b").adjustedPValue().getAsDouble())
          .isCloseTo(0.041849518381086935, within(1e-12));
      assertThat(bonferroni.column("num_b").drifted()).isTrue();
      assertThat(bonferroni.column("flag").adjustedPValue().getAsDouble())
          .isCloseTo(0.005159859789748256, within(1e-12));
      assertThat(bonferroni.column("num_bin").adjustedPValue().getAsDouble()).isEqualTo(1.0);
    }
  }

  private Table largeReference() {
    return Table.builder(allocator)
        .numeric("num_a", normals(41, 3000))
        .numeric("num_sq", square(normals(43, 3000)))
        .numeric("num_small", ints(45, 3000, 4))
        .categorical("plan", cats(47, 3000, 5))
        .numeric("num_psi", normals(49, 3000))
        .numeric("num_ks", normals(51, 3000))
        .numeric("num_js", normals(53, 3000))
        .categorical("plan_psi", cats(55, 3000, 4))
        .categorical("plan_chi", cats(57, 3000, 6))
        .build();
  }

  private Table largeCurrent() {
    return Table.builder(allocator)
        .numeric("num_a", normals(42, 2000, 0.15))
        .numeric("num_sq", square(normals(44, 2000, 0.0, 1.1)))
        .numeric("num_small", ints(46, 2000, 4))
        .categorical("plan", cats(48, 2000, 6))
        .numeric("num_psi", normals(50, 2000, 0.3))
        .numeric("num_ks", normals(52, 2000, 0.1))
        .numeric("num_js", normals(54, 2000, 0.0, 1.3))
        .categorical("plan_psi", cats(56, 2000, 4))
        .categorical("plan_chi", cats(58, 2000, 6))
        .build();
  }

  private static double[] square(double[] x) {
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = x[i] * x[i] * 2.0;
    }
    return y;
  }

  @Test
  void detect_largeReference_picksDistancesHonoursOverridesAndEqualsScipy() {
    try (Table ref = largeReference(); Table cur = largeCurrent()) {
      ReferenceProfile profile = ReferenceProfile.builder().maxPoints(4096).build(ref);
      DriftDetector detector = DriftDetector.builder(profile)
          .columnTest("num_psi", DriftTest.PSI)
          .columnTest("num_ks", DriftTest.KS)
          .columnTest("num_js", DriftTest.JENSEN_SHANNON)
          .columnTest("plan_psi", DriftTest.PSI)
          .columnTest("plan_chi", DriftTest.CHI2)
          .columnThreshold("num_a", 0.2)
          .testThreshold(DriftTest.JENSEN_SHANNON, 0.15)
          .datasetDriftShare(0.3)
          .parallelism(3)
          .build();
      DriftResult r = detector.detect(cur);
      expect(r, "num_a", DriftTest.WASSERSTEIN, 0.16118275079130956, Double.NaN);
      expect(r, "num_sq", DriftTest.WASSERSTEIN, 0.13823184868124633, Double.NaN);
      expect(r, "num_small", DriftTest.JENSEN_SHANNON, 0.015792281520797893, Double.NaN);
      expect(r, "plan", DriftTest.JENSEN_SHANNON, 0.2374405410117349, Double.NaN);
      expect(r, "num_psi", DriftTest.PSI, 0.14105525204397987, Double.NaN);
      expect(r, "num_ks", DriftTest.KS, 0.04783333333333328, 0.00797211300165751);
      expect(r, "num_js", DriftTest.JENSEN_SHANNON, 0.14322221467558932, Double.NaN);
      expect(r, "plan_psi", DriftTest.PSI, 0.002248170376371423, Double.NaN);
      expect(r, "plan_chi", DriftTest.CHI2, 2.1344709640305055, 0.8302429572292);

      assertThat(r.column("num_a").threshold()).isEqualTo(0.2);
      assertThat(r.column("num_a").drifted()).isFalse(); // 0.161 < 0.2
      assertThat(r.column("num_sq").threshold()).isEqualTo(0.1);
      assertThat(r.column("num_sq").drifted()).isTrue();
      assertThat(r.column("num_js").threshold()).isEqualTo(0.15);
      assertThat(r.column("num_js").drifted()).isFalse();
      assertThat(r.column("plan").drifted()).isTrue();
      assertThat(r.column("num_ks").drifted()).isTrue();
      assertThat(r.column("num_psi").histogram().size()).isEqualTo(30);
      assertThat(r.column("num_psi").histogram().bins().get(0).lower())
          .isEqualTo(Double.NEGATIVE_INFINITY);
      assertThat(r.column("num_psi").histogram().bins().get(0).upper())
          .isEqualTo(-1.8339740707976502);
      assertThat(r.driftedColumnNames())
          .containsExactly("num_sq", "plan", "num_psi", "num_ks");
      assertThat(r.datasetDrift()).isTrue(); // 4/9 >= 0.3
      assertThat(r.predictionDrift()).isEmpty();
      assertThat(r.labelDrift()).isEmpty();
    }
  }

  @Test
  void detect_largeReferenceBeyondMaxPoints_runsOnTheSummaryWithinItsBounds() {
    try (Table ref = largeReference(); Table cur = largeCurrent()) {
      ReferenceProfile exact = ReferenceProfile.builder().maxPoints(4096).build(ref);
      ReferenceProfile summary = ReferenceProfile.builder().maxPoints(256).build(ref);
      NumericReference nr = (NumericReference) summary.column("num_ks");
      assertThat(nr.isExact()).isFalse();
      DriftDetector.Builder b = DriftDetector.builder(summary).columnTest("num_ks", DriftTest.KS);
      ColumnDrift approx = b.build().detect(cur).column("num_ks");
      ColumnDrift w = b.build().detect(cur).column("num_a");
      assertThat(approx.approximate()).isTrue();
      assertThat(w.approximate()).isTrue();
      assertThat(approx.statistic()).isCloseTo(0.04783333333333328, within(nr.ksErrorBound()));
      NumericReference na = (NumericReference) summary.column("num_a");
      assertThat(w.statistic()).isCloseTo(0.16118275079130956,
          within(na.wassersteinErrorBound() / na.std() + 1e-12));
      // the histogram tests stay exact: bins are counted on the full reference
      ColumnDrift psi = DriftDetector.builder(summary).columnTest("num_psi", DriftTest.PSI).build()
          .detect(cur).column("num_psi");
      assertThat(psi.approximate()).isFalse();
      assertStatistic(psi.statistic(), 0.14105525204397987);
      assertThat(exact.column("num_psi")).isNotEqualTo(summary.column("num_psi"));
    }
  }

  @Test
  void detect_identicalData_findsNoDrift() {
    try (Table ref = smallReference(); Table same = smallReference()) {
      DriftResult r = DriftDetector.builder(ReferenceProfile.of(ref)).predictionColumn("score")
          .build().detect(same);
      for (ColumnDrift c : r.columns()) {
        assertThat(c.drifted()).as(c.name()).isFalse();
        assertThat(c.statistic()).as(c.name()).isZero();
        assertThat(c.pValue().getAsDouble()).as(c.name()).isEqualTo(1.0);
      }
      assertThat(r.driftShare()).isZero();
      assertThat(r.datasetDrift()).isFalse();
      assertThat(r.labelDrift().orElseThrow().drifted()).isFalse();
    }
  }

  @Test
  void detect_defaultTestAppliesWhereItFits() {
    try (Table ref = smallReference(); Table cur = smallCurrent(true)) {
      DriftResult r = DriftDetector.builder(ReferenceProfile.of(ref))
          .defaultTest(DriftTest.WASSERSTEIN).build().detect(cur);
      assertThat(r.column("num_a").test()).isEqualTo(DriftTest.WASSERSTEIN);
      assertThat(r.column("num_bin").test()).isEqualTo(DriftTest.WASSERSTEIN);
      assertThat(r.column("plan").test()).isEqualTo(DriftTest.CHI2); // AUTO for categories
      assertThat(r.column("score").test()).isEqualTo(DriftTest.WASSERSTEIN);
      DriftResult psi = DriftDetector.builder(ReferenceProfile.of(ref))
          .defaultTest(DriftTest.PSI).build().detect(cur);
      assertThat(psi.columns()).allSatisfy(c -> assertThat(c.test()).isEqualTo(DriftTest.PSI));
    }
  }

  @Test
  void detect_columnWithoutCurrentValues_isReportedAsDriftedWithAProblem() {
    try (Table ref = smallReference();
        Table cur = Table.builder(allocator)
            .numeric("num_a", new double[] {Double.NaN, Double.NaN, Double.NaN})
            .categorical("plan", new String[] {null, null, null})
            .build()) {
      DriftResult r = DriftDetector.builder(ReferenceProfile.of(ref)).columns("num_a", "plan")
          .build().detect(cur);
      for (ColumnDrift c : r.columns()) {
        assertThat(c.drifted()).as(c.name()).isTrue();
        assertThat(c.statistic()).isNaN();
        assertThat(c.pValue()).isEmpty();
        assertThat(c.missingShareCurrent()).isEqualTo(1.0);
        assertThat(c.problem()).hasValueSatisfying(p -> assertThat(p)
            .contains("'" + c.name() + "'").contains("every row is missing"));
      }
      assertThat(r.datasetDrift()).isTrue();
    }
  }

  @Test
  void detect_brokenInputs_failNamingTheColumn() {
    try (Table ref = smallReference();
        Table empty = Table.builder(allocator).numeric("num_a", new double[0]).build();
        Table lacking = Table.builder(allocator).numeric("num_a", new double[] {1}).build();
        Table retyped = Table.builder(allocator)
            .categorical("num_a", new String[] {"x"}).build()) {
      DriftDetector d = DriftDetector.builder(ReferenceProfile.of(ref)).columns("num_a", "plan")
          .build();
      assertThatThrownBy(() -> d.detect(empty)).isInstanceOf(DataFormatException.class)
          .hasMessageContaining("no rows");
      assertThatThrownBy(() -> d.detect(lacking)).isInstanceOf(DataFormatException.class)
          .hasMessageContaining("column 'plan'").hasMessageContaining("no such column");
      assertThatThrownBy(() -> d.detect(retyped)).isInstanceOf(DataFormatException.class)
          .hasMessageContaining("column 'num_a'").hasMessageContaining("CATEGORICAL in the current")
          .hasMessageContaining("NUMERIC in the reference");
      DriftDetector withScore = DriftDetector.builder(ReferenceProfile.of(ref))
          .columns("num_a").predictionColumn("score").build();
      assertThatThrownBy(() -> withScore.detect(lacking)).isInstanceOf(DataFormatException.class)
          .hasMessageContaining("column 'score'");
    }
  }

  @Test
  void builder_checksEveryArgumentAtOnce() {
    try (Table ref = smallReference()) {
      ReferenceProfile p = ReferenceProfile.of(ref);
      DriftDetector.Builder b = DriftDetector.builder(p);
      assertThatThrownBy(() -> b.columns("nope")).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("no column 'nope'").hasMessageContaining("num_a");
      assertThatThrownBy(() -> b.columns(List.of())).hasMessageContaining("at least one");
      assertThatThrownBy(() -> b.columns("num_a", "num_a")).hasMessageContaining("twice");
      assertThatThrownBy(() -> b.columnTest("plan", DriftTest.KS))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("columnTest for 'plan' was ks").hasMessageContaining("numeric");
      assertThatThrownBy(() -> b.columnThreshold("num_a", 0))
          .hasMessageContaining("columnThreshold for 'num_a' was 0.0");
      assertThatThrownBy(() -> b.testThreshold(DriftTest.KS, 1.5))
          .hasMessageContaining("testThreshold for ks was 1.5").hasMessageContaining("(0, 1)");
      assertThatThrownBy(() -> b.testThreshold(DriftTest.PSI, Double.POSITIVE_INFINITY))
          .hasMessageContaining("finite");
      assertThatThrownBy(() -> b.testThreshold(DriftTest.AUTO, 0.1)).hasMessageContaining("auto");
      assertThatThrownBy(() -> b.datasetDriftShare(0)).hasMessageContaining("(0, 1]");
      assertThatThrownBy(() -> b.smallReferenceRows(-1)).hasMessageContaining(">= 0");
      assertThatThrownBy(() -> b.parallelism(0)).hasMessageContaining(">= 1");
      assertThatThrownBy(() -> b.predictionColumn("nope")).hasMessageContaining("no column");
    }
  }

  @Test
  void build_reportsEveryCrossFieldProblemInOneMessage() {
    try (Table ref = smallReference()) {
      ReferenceProfile p = ReferenceProfile.of(ref);
      DriftDetector.Builder b = DriftDetector.builder(p)
          .columns("num_a", "score", "churned")
          .predictionColumn("score")
          .columnThreshold("num_a", 2.0); // num_a gets KS (small reference)
      assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("3 problems")
          .hasMessageContaining("'score', the prediction column")
          .hasMessageContaining("'churned', the label column")
          .hasMessageContaining("columnThreshold for 'num_a' was 2.0");
      // a distance threshold above 1 is fine once the column's test is a distance
      DriftDetector ok = DriftDetector.builder(p).columns("num_a")
          .columnTest("num_a", DriftTest.WASSERSTEIN).columnThreshold("num_a", 2.0).build();
      assertThat(ok.columns()).containsExactly("num_a");
      assertThatThrownBy(() -> DriftDetector.builder(p).predictionColumn("score")
          .labelColumn("score").build()).hasMessageContaining("must differ");
    }
  }

  @Test
  void build_defaults_takeFeaturesAndFindTheLabelByRole() {
    try (Table ref = Table.builder(allocator)
        .id("customer", new String[] {"a", "b", "c"})
        .numeric("customer_no", new double[] {1, 2, 3}).role("customer_no", ColumnRole.ENTITY)
        .numeric("tenure", new double[] {1, 2, 3})
        .bool("churned", new boolean[] {true, false, false}).role("churned", ColumnRole.LABEL)
        .numeric("p", new double[] {0.1, 0.2, 0.3})
        .build()) {
      ReferenceProfile profile = ReferenceProfile.of(ref);
      assertThat(profile.names()).containsExactly("customer_no", "tenure", "churned", "p");
      DriftDetector d = DriftDetector.builder(profile).predictionColumn("p").build();
      assertThat(d.columns()).containsExactly("tenure");
      assertThat(d.labelColumn()).contains("churned");
      assertThat(d.predictionColumn()).contains("p");
      assertThat(d.reference()).isSameAs(profile);
    }
  }

  @Test
  void driftTest_parsesShortAndConstantNames() {
    assertThat(DriftTest.parse("jensenshannon")).isEqualTo(DriftTest.JENSEN_SHANNON);
    assertThat(DriftTest.parse(" Jensen_Shannon ")).isEqualTo(DriftTest.JENSEN_SHANNON);
    assertThat(DriftTest.parse("KS")).isEqualTo(DriftTest.KS);
    assertThatThrownBy(() -> DriftTest.parse("t-test")).hasMessageContaining("'t-test'")
        .hasMessageContaining("[auto, ks, chi2, z, wasserstein, jensenshannon, psi]");
    assertThat(DriftTest.Z.defaultThreshold()).isEqualTo(0.05);
    assertThat(DriftTest.PSI.defaultThreshold()).isEqualTo(0.1);
    assertThatThrownBy(DriftTest.AUTO::defaultThreshold).isInstanceOf(IllegalStateException.class);
    assertThat(DriftTest.KS.appliesTo(ColumnKind.BINARY)).isFalse();
    assertThat(DriftTest.PSI.appliesTo(ColumnKind.CATEGORICAL)).isTrue();
  }
}
