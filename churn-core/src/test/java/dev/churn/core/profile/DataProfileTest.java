package dev.churn.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.churn.core.table.ColumnType;
import dev.churn.core.table.Table;
import java.time.LocalDate;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checks every statistic of a profile against numpy 1.24.2 / pandas 1.5.3 (Debian bookworm's
 * python3-numpy and python3-pandas). The Python that produced each number is in the comment next
 * to it; only the numbers are committed.
 */
class DataProfileTest {
  private static final double NAN = Double.NaN;

  /** 30 values, 3 missing, a far-out outlier (100), two zeros and repeated values. */
  static final double[] X = {
    3.5, -1.25, 0, 7, 7, 2.75, NAN, 12.5, 0, 4.125, 100, -3, 5.5, NAN, 6.25, 1, 2, 2, 9.75, 0.5,
    3.3, 8.8, -0.7, 4.4, NAN, 5.05, 6.6, 1.1, 2.2, 3.3
  };

  private BufferAllocator allocator;

  @BeforeEach
  void open() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void allocatorIsEmptyAfterUse() {
    assertThat(allocator.getAllocatedMemory()).as("Arrow memory still held").isZero();
    allocator.close();
  }

  private NumericProfile numericProfile(double[] values, ProfileOptions options) {
    try (Table t = Table.builder(allocator).numeric("x", values).build()) {
      return (NumericProfile) DataProfile.of(t, options).column("x").orElseThrow();
    }
  }

  @Test
  void of_numericMomentsAndCountsMatchPandas() {
    NumericProfile p = numericProfile(X, ProfileOptions.defaults());
    // x = pd.Series(X): x.count(), x.isna().sum(), x.nunique(), (x == 0).sum()
    assertThat(p.type()).isEqualTo(ColumnType.NUMERIC);
    assertThat(p.rows()).isEqualTo(30);
    assertThat(p.present()).isEqualTo(27);
    assertThat(p.missing()).isEqualTo(3);
    assertThat(p.missingShare()).isEqualTo(0.1);
    assertThat(p.distinct()).isEqualTo(23);
    assertThat(p.zeros()).isEqualTo(2);
    assertThat(p.integral()).isFalse();
    // x.min(), x.max(), x.mean(), x.std()
    assertThat(p.min()).isEqualTo(-3.0);
    assertThat(p.max()).isEqualTo(100.0);
    assertThat(p.mean()).isCloseTo(7.173148148148148, within(1e-12));
    assertThat(p.std()).isCloseTo(18.89259995281771, within(1e-12));
  }

  @Test
  void of_numericQuantilesMatchPandasLinearInterpolation() {
    Quantiles q = numericProfile(X, ProfileOptions.defaults()).quantiles();
    // x.quantile([0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99])
    assertThat(q.p1()).isCloseTo(-2.545, within(1e-12));
    assertThat(q.p5()).isCloseTo(-1.085, within(1e-12));
    assertThat(q.p25()).isCloseTo(1.05, within(1e-12));
    assertThat(q.p50()).isCloseTo(3.3, within(1e-12));
    assertThat(q.p75()).isCloseTo(6.425, within(1e-12));
    assertThat(q.p95()).isCloseTo(11.674999999999997, within(1e-12));
    assertThat(q.p99()).isCloseTo(77.24999999999986, within(1e-12));
    assertThat(q.iqr()).isCloseTo(5.375, within(1e-12));
  }

  @Test
  void of_numericHistogramMatchesNumpy() {
    Histogram h = numericProfile(X, ProfileOptions.defaults()).histogram();
    // np.histogram(x.dropna().to_numpy(), bins=20)
    assertThat(h.counts())
        .containsExactly(10, 13, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1);
    double[] edges = h.edges();
    assertThat(edges).hasSize(21);
    assertThat(edges[0]).isEqualTo(-3.0);
    assertThat(edges[1]).isEqualTo(2.1500000000000004);
    assertThat(edges[2]).isEqualTo(7.300000000000001);
    assertThat(edges[11]).isEqualTo(53.650000000000006);
    assertThat(edges[19]).isEqualTo(94.85000000000001);
    assertThat(edges[20]).isEqualTo(100.0);

    // np.histogram(x.dropna().to_numpy(), bins=5)
    Histogram five = numericProfile(X, ProfileOptions.defaults().withHistogramBins(5)).histogram();
    assertThat(five.counts()).containsExactly(26, 0, 0, 0, 1);
    assertThat(five.edges()).containsExactly(-3.0, 17.6, 38.2, 58.800000000000004, 79.4, 100.0);
  }

  @Test
  void of_numericOutliersCountFarOutValues() {
    // q1, q3 = x.quantile(.25), x.quantile(.75); iqr = q3 - q1
    // ((v < q1 - 3 * iqr) | (v > q3 + 3 * iqr)).sum() -> 1 (fences -15.075, 22.55)
    assertThat(numericProfile(X, ProfileOptions.defaults()).outliers()).isEqualTo(1);
    // with Tukey's inner fences (k = 1.5): 12.5 is still inside (upper fence 14.4875)
    assertThat(numericProfile(X, ProfileOptions.defaults().withOutlierFence(1.5)).outliers())
        .isEqualTo(1);
    assertThat(numericProfile(X, ProfileOptions.defaults().withOutlierFence(1.0)).outliers())
        .isEqualTo(2);
  }

  @Test
  void of_constantNumericUsesNumpyRangeAndNoStd() {
    // np.histogram(np.array([5.0, 5.0, 5.0]), bins=4) -> [0, 0, 3, 0], edges 4.5 .. 5.5
    NumericProfile p =
        numericProfile(new double[] {5, 5, 5}, ProfileOptions.defaults().withHistogramBins(4));
    assertThat(p.histogram().counts()).containsExactly(0, 0, 3, 0);
    assertThat(p.histogram().edges()).containsExactly(4.5, 4.75, 5.0, 5.25, 5.5);
    assertThat(p.std()).isEqualTo(0.0);
    assertThat(p.integral()).isTrue();
    assertThat(p.outliers()).isZero();
    // pd.Series([4.0]).std() -> nan
    assertThat(numericProfile(new double[] {4}, ProfileOptions.defaults()).std()).isNaN();
  }

  @Test
  void of_allMissingNumericHasNaNStatisticsAndNoBins() {
    NumericProfile p = numericProfile(new double[] {NAN, NAN}, ProfileOptions.defaults());
    assertThat(p.missing()).isEqualTo(2);
    assertThat(p.distinct()).isZero();
    assertThat(p.min()).isNaN();
    assertThat(p.mean()).isNaN();
    assertThat(p.quantiles().p50()).isNaN();
    assertThat(p.histogram().bins()).isEmpty();
    assertThat(p.integral()).isFalse();
  }

  @Test
  void of_categoricalCountsMatchPandasValueCounts() {
    String[] values = {"b", "a", "c", "a", "b", "a", null, "d", "b", "a", "e", "c", null, "a"};
    try (Table t = Table.builder(allocator).categorical("k", values).build()) {
      CategoricalProfile p =
          (CategoricalProfile)
              DataProfile.of(t, ProfileOptions.defaults().withTopCategories(3))
                  .column("k")
                  .orElseThrow();
      // s.value_counts() -> {a: 5, b: 3, c: 2, d: 1, e: 1}; s.nunique() -> 5
      // s.value_counts(normalize=True) -> a 0.4166666666666667, b 0.25, c 0.16666666666666666
      assertThat(p.type()).isEqualTo(ColumnType.CATEGORICAL);
      assertThat(p.missing()).isEqualTo(2);
      assertThat(p.distinct()).isEqualTo(5);
      assertThat(p.top())
          .containsExactly(
              new CategoryCount("a", 5, 0.4166666666666667),
              new CategoryCount("b", 3, 0.25),
              new CategoryCount("c", 2, 0.16666666666666666));
      assertThat(p.otherCount()).isEqualTo(2);
      assertThat(p.otherCategories()).isEqualTo(2);
      assertThat(p.otherShare()).isCloseTo(2.0 / 12, within(1e-15));
    }
  }

  @Test
  void of_categoricalTiesKeepDictionaryOrderAndUnusedCategoriesDoNotCount() {
    dev.churn.core.table.Dictionary dict =
        dev.churn.core.table.Dictionary.of(List.of("x", "y", "unused", "z"));
    try (Table t =
        Table.builder(allocator).categorical("k", new int[] {3, 1, 0, 3, 1, 0}, dict).build()) {
      CategoricalProfile p = (CategoricalProfile) DataProfile.of(t).column("k").orElseThrow();
      assertThat(p.distinct()).isEqualTo(3);
      assertThat(p.top()).extracting(CategoryCount::value).containsExactly("x", "y", "z");
      assertThat(p.otherCount()).isZero();
    }
  }

  @Test
  void of_booleanCountsTrueShare() {
    try (Table t =
        Table.builder(allocator).bool("b", new Boolean[] {true, false, true, null, true}).build()) {
      BooleanProfile p = (BooleanProfile) DataProfile.of(t).column("b").orElseThrow();
      assertThat(p.type()).isEqualTo(ColumnType.BOOLEAN);
      assertThat(p.missing()).isEqualTo(1);
      assertThat(p.distinct()).isEqualTo(2);
      assertThat(p.trueCount()).isEqualTo(3);
      assertThat(p.falseCount()).isEqualTo(1);
      assertThat(p.trueShare()).isEqualTo(0.75);
      assertThat(p.top())
          .containsExactly(new CategoryCount("true", 3, 0.75), new CategoryCount("false", 1, 0.25));
    }
  }

  @Test
  void of_dateRangeAndMonthlyBins() {
    LocalDate[] d = {
      LocalDate.of(2017, 1, 31), LocalDate.of(2017, 1, 1), null, LocalDate.of(2017, 3, 15),
      LocalDate.of(2017, 3, 15), LocalDate.of(2017, 4, 30)
    };
    try (Table t = Table.builder(allocator).date("d", d).build()) {
      DateProfile p = (DateProfile) DataProfile.of(t).column("d").orElseThrow();
      assertThat(p.type()).isEqualTo(ColumnType.DATE);
      assertThat(p.missing()).isEqualTo(1);
      assertThat(p.distinct()).isEqualTo(4);
      assertThat(p.min()).contains(LocalDate.of(2017, 1, 1));
      assertThat(p.max()).contains(LocalDate.of(2017, 4, 30));
      assertThat(p.bins())
          .containsExactly(
              new DateBin(LocalDate.of(2017, 1, 1), LocalDate.of(2017, 2, 1), 2),
              new DateBin(LocalDate.of(2017, 2, 1), LocalDate.of(2017, 3, 1), 0),
              new DateBin(LocalDate.of(2017, 3, 1), LocalDate.of(2017, 4, 1), 2),
              new DateBin(LocalDate.of(2017, 4, 1), LocalDate.of(2017, 5, 1), 1));

      DateProfile wide =
          (DateProfile)
              DataProfile.of(t, ProfileOptions.defaults().withMaxDateBins(2)).column("d").orElseThrow();
      assertThat(wide.bins())
          .containsExactly(
              new DateBin(LocalDate.of(2017, 1, 1), LocalDate.of(2017, 3, 1), 2),
              new DateBin(LocalDate.of(2017, 3, 1), LocalDate.of(2017, 5, 1), 3));
    }
  }

  @Test
  void of_idDistinctAndExamplesInRowOrder() {
    String[] ids = {"c7", "a1", "c7", null, "b2", "d4", "e5", "f6"};
    try (Table t = Table.builder(allocator).id("customer", ids).build()) {
      IdProfile p =
          (IdProfile)
              DataProfile.of(t, ProfileOptions.defaults().withIdExamples(3))
                  .column("customer")
                  .orElseThrow();
      assertThat(p.type()).isEqualTo(ColumnType.ID);
      assertThat(p.missing()).isEqualTo(1);
      assertThat(p.distinct()).isEqualTo(6);
      assertThat(p.examples()).containsExactly("c7", "a1", "b2");
    }
  }

  @Test
  void of_tableLevelFieldsAndLookups() {
    try (Table t =
        Table.builder(allocator)
            .numeric("n", new double[] {1, 2, NAN})
            .categorical("k", new String[] {"a", null, null})
            .bool("b", new boolean[] {true, false, true})
            .build()) {
      DataProfile p = DataProfile.of(t);
      assertThat(p.rows()).isEqualTo(3);
      assertThat(p.columnCount()).isEqualTo(3);
      assertThat(p.columns()).extracting(ColumnProfile::name).containsExactly("n", "k", "b");
      assertThat(p.column("nope")).isEmpty();
      assertThat(p.missingCells()).isEqualTo(3);
      assertThat(p.typeCounts())
          .containsExactly(
              java.util.Map.entry(ColumnType.NUMERIC, 1),
              java.util.Map.entry(ColumnType.CATEGORICAL, 1),
              java.util.Map.entry(ColumnType.BOOLEAN, 1));
      assertThat(p.duplicateRows()).hasValue(0);
    }
  }

  @Test
  void of_profileOutlivesTheTable() {
    DataProfile p;
    try (Table t = Table.builder(allocator).numeric("n", new double[] {1, 2, 3}).build()) {
      p = DataProfile.of(t);
    }
    assertThat(((NumericProfile) p.columns().get(0)).mean()).isEqualTo(2.0);
  }

  @Test
  void of_largeTableProfiledInParallelGivesSameNumbers() {
    int n = 300_000;
    double[] a = new double[n];
    double[] b = new double[n];
    String[] k = new String[n];
    java.util.SplittableRandom r = new java.util.SplittableRandom(7);
    for (int i = 0; i < n; i++) {
      a[i] = r.nextGaussian();
      b[i] = i % 10 == 0 ? NAN : r.nextInt(100);
      k[i] = "c" + r.nextInt(30);
    }
    try (Table t =
        Table.builder(allocator).numeric("a", a).numeric("b", b).categorical("k", k).build()) {
      DataProfile parallel = DataProfile.of(t);
      assertThat(parallel.rows()).isEqualTo(n);
      // the same statistic computed column by column on a one-column table
      try (Table one = t.select("b")) {
        assertThat(DataProfile.of(one).columns().get(0)).isEqualTo(parallel.columns().get(1));
      }
    }
  }
}
