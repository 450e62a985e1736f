package dev.churn.drift;

import static dev.churn.drift.DriftFixtures.cats;
import static dev.churn.drift.DriftFixtures.ints;
import static dev.churn.drift.DriftFixtures.normals;
import static dev.churn.drift.DriftFixtures.withMissing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.churn.core.DataFormatException;
import dev.churn.core.table.ColumnRole;
import dev.churn.core.table.ColumnType;
import dev.churn.core.table.Table;
import java.time.LocalDate;
import java.util.Arrays;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ReferenceProfile}: what it keeps (checked against numpy on the same generated data), its
 * binary form, and the accuracy of its summary when a column has more distinct values than it
 * keeps, measured against the exact statistics on a large input.
 */
class ReferenceProfileTest {

  private BufferAllocator allocator;

  @BeforeEach
  void setUp() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void tearDown() {
    allocator.close();
  }

  private Table mixed() {
    return Table.builder(allocator)
        .id("customer", java.util.stream.IntStream.range(0, 800).mapToObj(i -> "c" + i)
            .toArray(String[]::new)).role("customer", ColumnRole.ENTITY)
        .date("since", java.util.stream.IntStream.range(0, 800)
            .mapToObj(i -> LocalDate.of(2020, 1, 1).plusDays(i)).toArray(LocalDate[]::new))
        .numeric("num_b", withMissing(normals(23, 800), 24, 0.1))
        .numeric("small", ints(27, 800, 4))
        .categorical("plan", cats(31, 800, 5))
        .bool("flag", DriftFixtures.bools(35, 800, 0.3))
        .build();
  }

  private Table mixedSmall() {
    return Table.builder(allocator)
        .numeric("x", new double[] {3, Double.NaN, -0.0, 0.0, Double.POSITIVE_INFINITY, 3, 1.5})
        .categorical("plan", new String[] {"b", "a", null, "b", "c", "b", "a"})
        .bool("flag", new Boolean[] {true, false, null, true, true, null, true})
        .build();
  }

  /** numpy 1.24: np.mean, np.std, np.quantile and np.searchsorted on the present values. */
  @Test
  void of_numericColumn_keepsExactStatisticsAndQuantileBins() {
    try (Table t = mixed()) {
      ReferenceProfile p = ReferenceProfile.of(t);
      assertThat(p.names()).containsExactly("num_b", "small", "plan", "flag");
      assertThat(p.rows()).isEqualTo(800);
      NumericReference n = (NumericReference) p.column("num_b");
      assertThat(n.type()).isEqualTo(ColumnType.NUMERIC);
      assertThat(n.rows()).isEqualTo(800);
      assertThat(n.count()).isEqualTo(714);
      assertThat(n.missing()).isEqualTo(86);
      assertThat(n.missingShare()).isEqualTo(86 / 800.0);
      assertThat(n.mean()).isCloseTo(0.02821923547515438, within(1e-14));
      assertThat(n.std()).isCloseTo(1.0236276940917381, within(1e-14));
      assertThat(n.min()).isEqualTo(-2.9273960909566488);
      assertThat(n.max()).isEqualTo(2.9672245155797974);
      assertThat(n.distinct()).isEqualTo(714);
      assertThat(n.isExact()).isTrue();
      assertThat(n.pointCount()).isEqualTo(714);
      assertThat(n.ksErrorBound()).isZero();
      assertThat(n.wassersteinErrorBound()).isZero();
      assertThat(n.binEdges()).hasSize(29);
      assertThat(n.binEdges()[0]).isEqualTo(-1.7410027194102722);
      assertThat(n.binEdges()[14]).isEqualTo(-0.03643167755816412);
      assertThat(n.binEdges()[28]).isEqualTo(1.9871205503760567);
      assertThat(n.binCounts()).containsExactly(24, 24, 24, 24, 23, 24, 24, 24, 23, 24, 24, 24,
          23, 24, 24, 24, 24, 23, 24, 24, 24, 23, 24, 24, 24, 23, 24, 24, 24, 24);
      assertThat(n.binCounts(withMissing(normals(23, 800), 24, 0.1))).isEqualTo(n.binCounts());
      assertThat(Arrays.stream(n.weights()).sum()).isEqualTo(714);

      NumericReference small = (NumericReference) p.column("small");
      assertThat(small.points()).containsExactly(0, 1, 2, 3);
      assertThat(Arrays.stream(small.weights()).sum()).isEqualTo(800);
      assertThat(small.distinct()).isEqualTo(4);
    }
  }

  @Test
  void of_leavesOutDatesAndIdsAndCountsCategoriesBooleansAndMissing() {
    try (Table t = mixedSmall()) {
      ReferenceProfile p = ReferenceProfile.of(t);
      NumericReference x = (NumericReference) p.column("x");
      assertThat(x.missing()).isEqualTo(2); // NaN and +infinity
      assertThat(x.points()).containsExactly(0.0, 1.5, 3.0); // -0.0 counted as 0.0
      assertThat(x.weights()).containsExactly(2, 1, 2);
      CategoricalReference plan = (CategoricalReference) p.column("plan");
      assertThat(plan.type()).isEqualTo(ColumnType.CATEGORICAL);
      assertThat(plan.categories()).containsExactly("b", "a", "c");
      assertThat(plan.counts()).containsExactly(3, 2, 1);
      assertThat(plan.count("a")).isEqualTo(2);
      assertThat(plan.count("zzz")).isZero();
      assertThat(plan.indexOf("c")).hasValue(2);
      assertThat(plan.missing()).isEqualTo(1);
      CategoricalReference flag = (CategoricalReference) p.column("flag");
      assertThat(flag.type()).isEqualTo(ColumnType.BOOLEAN);
      assertThat(flag.categories()).containsExactly("false", "true");
      assertThat(flag.counts()).containsExactly(1, 4);
      assertThat(flag.missing()).isEqualTo(2);
      assertThat(p.find("nope")).isEmpty();
      assertThatThrownBy(() -> p.column("nope")).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("no column 'nope'").hasMessageContaining("[x, plan, flag]");
    }
    try (Table t = mixed()) {
      assertThat(ReferenceProfile.of(t).find("since")).isEmpty();
      assertThat(ReferenceProfile.of(t).find("customer")).isEmpty();
    }
  }

  @Test
  void of_constantAndEmptyColumns_areKeptWithoutError() {
    try (Table t = Table.builder(allocator)
        .numeric("constant", new double[] {2, 2, 2, 2})
        .numeric("nothing", new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN})
        .build()) {
      ReferenceProfile p = ReferenceProfile.of(t);
      NumericReference c = (NumericReference) p.column("constant");
      assertThat(c.std()).isZero();
      assertThat(c.binEdges()).containsExactly(2.0);
      assertThat(c.binCounts()).containsExactly(0, 4);
      NumericReference none = (NumericReference) p.column("nothing");
      assertThat(none.count()).isZero();
      assertThat(none.mean()).isNaN();
      assertThat(none.pointCount()).isZero();
      assertThat(ReferenceProfile.fromBytes(p.toBytes())).isEqualTo(p);
    }
  }

  @Test
  void toBytes_roundTripsToAnEqualProfileThatDetectsTheSame() {
    try (Table t = mixed(); Table big = Table.builder(allocator)
        .numeric("wide", normals(77, 50_000)).numeric("ties", ints(78, 50_000, 1000)).build()) {
      for (ReferenceProfile p : new ReferenceProfile[] {
          ReferenceProfile.of(t),
          ReferenceProfile.builder().maxPoints(128).bins(10).build(big)}) {
        byte[] bytes = p.toBytes();
        ReferenceProfile back = ReferenceProfile.fromBytes(bytes);
        assertThat(back).isEqualTo(p);
        assertThat(back.hashCode()).isEqualTo(p.hashCode());
        assertThat(back.toBytes()).isEqualTo(bytes);
        assertThat(back.maxPoints()).isEqualTo(p.maxPoints());
        assertThat(back.bins()).isEqualTo(p.bins());
        assertThat(back.toString()).isEqualTo(p.toString());
      }
      ReferenceProfile p = ReferenceProfile.of(t);
      DriftResult a = DriftDetector.builder(p).build().detect(t);
      DriftResult b = DriftDetector.builder(ReferenceProfile.fromBytes(p.toBytes())).build()
          .detect(t);
      assertThat(b).isEqualTo(a);
    }
  }

  @Test
  void toBytes_isCompact() {
    try (Table big = Table.builder(allocator).numeric("wide", normals(77, 200_000)).build()) {
      ReferenceProfile p = ReferenceProfile.of(big);
      NumericReference w = (NumericReference) p.column("wide");
      // groups of ceil(200,000 / 2048) = 98 values: 2041 points
      assertThat(w.pointCount()).isEqualTo(2041);
      // 8 bytes per value, 1-2 bytes per count, 30 bins: about 24 KB for 200,000 rows
      assertThat(p.toBytes().length).isBetween(18_000, 24_000);
    }
  }

  @Test
  void fromBytes_rejectsForeignTruncatedAndNewerBytes() {
    try (Table t = mixedSmall()) {
      byte[] good = ReferenceProfile.of(t).toBytes();
      assertThatThrownBy(() -> ReferenceProfile.fromBytes("hello world".getBytes()))
          .isInstanceOf(DataFormatException.class).hasMessageContaining("magic 'CHRP'");
      byte[] newer = good.clone();
      newer[4] = 2;
      assertThatThrownBy(() -> ReferenceProfile.fromBytes(newer))
          .isInstanceOf(DataFormatException.class).hasMessageContaining("expected format version 1")
          .hasMessageContaining("found version 2");
      for (int cut : new int[] {3, 10, good.length / 2, good.length - 1}) {
        assertThatThrownBy(() -> ReferenceProfile.fromBytes(Arrays.copyOf(good, cut)))
            .as("cut at %s", cut).isInstanceOf(DataFormatException.class)
            .hasMessageContaining("truncated");
      }
      byte[] longer = Arrays.copyOf(good, good.length + 3);
      assertThatThrownBy(() -> ReferenceProfile.fromBytes(longer))
          .isInstanceOf(DataFormatException.class).hasMessageContaining("3 bytes follow");
    }
  }

  /**
   * The summary's documented bounds hold against the exact values: 300,000 values with heavy ties
   * and a long tail, summarised in 512 points, tested against a shifted current sample.
   */
  @Test
  void summary_staysWithinItsErrorBoundsOnALargeInput() {
    int n = 300_000;
    double[] ref = normals(91, n);
    double[] ties = ints(92, n, 7);
    for (int i = 0; i < n; i++) {
      if (ties[i] < 2) {
        ref[i] = Math.rint(ref[i] * 4) / 4; // atoms on a grid of 0.25
      } else if (ties[i] == 6) {
        ref[i] = ref[i] * ref[i] * ref[i] * 10; // a long tail
      }
    }
    double[] cur = normals(93, 200_000, 0.05);
    try (Table r = Table.builder(allocator).numeric("x", ref).build();
        Table c = Table.builder(allocator).numeric("x", cur).build()) {
      ReferenceProfile summary = ReferenceProfile.builder().maxPoints(512).build(r);
      NumericReference x = (NumericReference) summary.column("x");
      assertThat(x.isExact()).isFalse();
      assertThat(x.pointCount()).isLessThanOrEqualTo(2 * 512 + 1);
      assertThat(Arrays.stream(x.weights()).sum()).isEqualTo(n);
      assertThat(x.ksErrorBound()).isPositive().isLessThanOrEqualTo(2.0 / 512);
      assertThat(x.wassersteinErrorBound()).isPositive();

      DriftStatistics.TestResult exactKs = DriftStatistics.kolmogorovSmirnov(ref, cur);
      double exactW = DriftStatistics.wasserstein(ref, cur);
      DriftResult approx = DriftDetector.builder(summary).columnTest("x", DriftTest.KS).build()
          .detect(c);
      ColumnDrift ks = approx.column("x");
      assertThat(ks.approximate()).isTrue();
      assertThat(Math.abs(ks.statistic() - exactKs.statistic()))
          .isLessThanOrEqualTo(x.ksErrorBound());
      assertThat(ks.pValue().getAsDouble())
          .isEqualTo(DriftStatistics.kolmogorovSmirnovPValue(ks.statistic(), n, cur.length));
      ColumnDrift w = DriftDetector.builder(summary).build().detect(c).column("x");
      assertThat(w.test()).isEqualTo(DriftTest.WASSERSTEIN);
      assertThat(Math.abs(w.statistic() * x.std() - exactW))
          .isLessThanOrEqualTo(x.wassersteinErrorBound() * (1 + 1e-9));
      // and the exact profile reproduces the exact values
      ReferenceProfile exact = ReferenceProfile.builder().maxPoints(1 << 20).build(r);
      assertThat(((NumericReference) exact.column("x")).isExact()).isTrue();
      ColumnDrift exactDrift = DriftDetector.builder(exact).columnTest("x", DriftTest.KS).build()
          .detect(c).column("x");
      assertThat(exactDrift.statistic()).isEqualTo(exactKs.statistic());
      assertThat(exactDrift.pValue().getAsDouble()).isEqualTo(exactKs.pValue());
      assertThat(exactDrift.approximate()).isFalse();
    }
  }

  @Test
  void builder_checksItsArguments() {
    assertThatThrownBy(() -> ReferenceProfile.builder().maxPoints(10))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxPoints was 10");
    assertThatThrownBy(() -> ReferenceProfile.builder().bins(1))
        .hasMessageContaining("bins was 1");
    assertThatThrownBy(() -> ReferenceProfile.builder().parallelism(0))
        .hasMessageContaining("parallelism was 0");
    try (Table t = mixedSmall()) {
      assertThatThrownBy(() -> ReferenceProfile.builder().maxPoints(64).bins(100).build(t))
          .hasMessageContaining("must not exceed maxPoints");
      ReferenceProfile.Builder b = ReferenceProfile.builder().parallelism(1);
      assertThat(b.build(t)).isEqualTo(b.build(t)).isEqualTo(ReferenceProfile.of(t));
    }
  }
}
