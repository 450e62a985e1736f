package dev.churn.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.churn.core.table.Table;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;

/**
 * Property tests of the drift statistics, the profile summary and the p-value corrections, with
 * QuickTheories. The seed is fixed so that every run checks the same examples.
 *
 * <p>Samples are drawn on a grid of quarters ({@code k / 4} for integer {@code k}), so that ties
 * are common and shifting by an integer is exact in floating point: invariances can then be
 * checked for exact equality.
 */
class DriftProperties {

  private static final long SEED = 20261123L;
  private static final int EXAMPLES = 300;
  private static final double SQRT_LN2 = Math.sqrt(Math.log(2));

  private static QuickTheory qt() {
    return QuickTheory.qt().withFixedSeed(SEED).withExamples(EXAMPLES);
  }

  /** Samples of 1 to {@code max} values on a grid of quarters within [-10, 10]. */
  private static Gen<double[]> samples(int max) {
    return lists().of(integers().between(-40, 40)).ofSizeBetween(1, max)
        .map(DriftProperties::quarters);
  }

  private static double[] quarters(List<Integer> ks) {
    return ks.stream().mapToDouble(k -> k / 4.0).toArray();
  }

  /** Weights of 1 to {@code max} bins, not all zero. */
  private static Gen<double[]> weights(int bins) {
    return lists().of(integers().between(0, 50)).ofSize(bins)
        .map(ws -> {
          double[] w = ws.stream().mapToDouble(Integer::doubleValue).toArray();
          w[0] += 1; // never all zero
          return w;
        });
  }

  private static double[] shift(double[] x, double c) {
    return Arrays.stream(x).map(v -> v + c).toArray();
  }

  // ------------------------------------------------------------------ Kolmogorov-Smirnov

  @Test
  void ks_identicalSamples_haveStatisticZeroAndPValueOne() {
    qt().forAll(samples(80)).checkAssert(a -> {
      DriftStatistics.TestResult r = DriftStatistics.kolmogorovSmirnov(a, a.clone());
      assertThat(r.statistic()).isZero();
      assertThat(r.pValue()).isEqualTo(1.0);
    });
  }

  @Test
  void ks_isSymmetricWithinUnitRangeAndShiftInvariant() {
    qt().forAll(samples(80), samples(80), integers().between(-100, 100)).checkAssert((a, b, c) -> {
      DriftStatistics.TestResult ab = DriftStatistics.kolmogorovSmirnov(a, b);
      DriftStatistics.TestResult ba = DriftStatistics.kolmogorovSmirnov(b, a);
      assertThat(ab.statistic()).isBetween(0.0, 1.0).isEqualTo(ba.statistic());
      assertThat(ab.pValue()).isBetween(0.0, 1.0).isEqualTo(ba.pValue());
      assertThat(DriftStatistics.kolmogorovSmirnov(shift(a, c), shift(b, c)).statistic())
          .isEqualTo(ab.statistic());
    });
  }

  @Test
  void ksPValue_fallsAsTheStatisticGrows() {
    qt().forAll(integers().between(1, 3000), integers().between(1, 3000),
        doubles().between(0.0, 1.0), doubles().between(0.0, 1.0)).checkAssert((n1, n2, d1, d2) -> {
          double lo = Math.min(d1, d2);
          double hi = Math.max(d1, d2);
          double pLo = DriftStatistics.kolmogorovSmirnovPValue(lo, n1, n2);
          double pHi = DriftStatistics.kolmogorovSmirnovPValue(hi, n1, n2);
          assertThat(pLo).isBetween(0.0, 1.0);
          assertThat(pHi).isLessThanOrEqualTo(pLo + 1e-9);
        });
  }

  // ------------------------------------------------------------------ Wasserstein

  @Test
  void wasserstein_isSymmetricNonNegativeAndInvariantToShiftingBoth() {
    qt().forAll(samples(80), samples(80), integers().between(-1000, 1000)).checkAssert((a, b, c) -> {
      double w = DriftStatistics.wasserstein(a, b);
      assertThat(w).isGreaterThanOrEqualTo(0).isEqualTo(DriftStatistics.wasserstein(b, a));
      assertThat(DriftStatistics.wasserstein(shift(a, c), shift(b, c))).isEqualTo(w);
      assertThat(DriftStatistics.wasserstein(a, a.clone())).isZero();
    });
  }

  @Test
  void wasserstein_ofAShiftedCopy_isTheShift() {
    qt().forAll(samples(80), integers().between(-40, 40)).checkAssert((a, k) -> {
      double c = k / 4.0;
      assertThat(DriftStatistics.wasserstein(a, shift(a, c))).isCloseTo(Math.abs(c),
          within(1e-12));
    });
  }

  // ------------------------------------------------------------------ histogram tests

  @Test
  void jensenShannon_isSymmetricAndWithinZeroAndSqrtLn2() {
    qt().forAll(integers().between(1, 12).flatMap(n -> weights(n).zip(weights(n), List::of)))
        .checkAssert(pq -> {
          double[] p = pq.get(0);
          double[] q = pq.get(1);
          double js = DriftStatistics.jensenShannon(p, q);
          assertThat(js).isBetween(0.0, SQRT_LN2 + 1e-15)
              .isEqualTo(DriftStatistics.jensenShannon(q, p));
          assertThat(DriftStatistics.jensenShannon(p, p.clone())).isZero();
        });
  }

  @Test
  void psi_isNonNegativeSymmetricAndZeroForEqualShares() {
    qt().forAll(integers().between(1, 12).flatMap(n -> weights(n).zip(weights(n), List::of)))
        .checkAssert(pq -> {
          double[] p = pq.get(0);
          double[] q = pq.get(1);
          double psi = DriftStatistics.psi(p, q);
          assertThat(psi).isGreaterThanOrEqualTo(0)
              .isCloseTo(DriftStatistics.psi(q, p), within(1e-12 * Math.max(1, psi)));
          double[] doubled = Arrays.stream(p).map(v -> 2 * v).toArray();
          assertThat(DriftStatistics.psi(p, doubled)).isZero();
        });
  }

  @Test
  void chiSquare_hasValidPValueAndIsZeroForProportionalCounts() {
    qt().forAll(integers().between(1, 10).flatMap(n -> weights(n).zip(weights(n), List::of)))
        .checkAssert(pq -> {
          long[] a = Arrays.stream(pq.get(0)).mapToLong(v -> (long) v).toArray();
          long[] b = Arrays.stream(pq.get(1)).mapToLong(v -> (long) v).toArray();
          DriftStatistics.TestResult r = DriftStatistics.chiSquare(a, b);
          assertThat(r.statistic()).isGreaterThanOrEqualTo(0);
          assertThat(r.pValue()).isBetween(0.0, 1.0);
          DriftStatistics.TestResult same = DriftStatistics.chiSquare(a, a.clone());
          assertThat(same.statistic()).isZero();
          assertThat(same.pValue()).isEqualTo(1.0);
        });
  }

  @Test
  void zTest_swappingSamplesNegatesZAndKeepsP() {
    qt().forAll(integers().between(1, 500), integers().between(1, 500),
        integers().between(0, 500), integers().between(0, 500)).checkAssert((n1, n2, h1, h2) -> {
          long a = Math.min(h1, n1);
          long b = Math.min(h2, n2);
          DriftStatistics.TestResult r = DriftStatistics.zTest(a, n1, b, n2);
          DriftStatistics.TestResult s = DriftStatistics.zTest(b, n2, a, n1);
          assertThat(r.pValue()).isBetween(0.0, 1.0).isEqualTo(s.pValue());
          assertThat(r.statistic()).isEqualTo(-s.statistic() + 0.0);
        });
  }

  // ------------------------------------------------------------------ corrections

  @Test
  void corrections_neverLowerAPValueAndKeepTheOrder() {
    qt().forAll(lists().of(doubles().between(0.0, 1.0)).ofSizeBetween(1, 40)).checkAssert(ps -> {
      double[] raw = ps.stream().mapToDouble(Double::doubleValue).toArray();
      double[] bh = PValueCorrection.BENJAMINI_HOCHBERG.adjust(raw);
      double[] bonferroni = PValueCorrection.BONFERRONI.adjust(raw);
      assertThat(PValueCorrection.NONE.adjust(raw)).isEqualTo(raw);
      for (int i = 0; i < raw.length; i++) {
        assertThat(bh[i]).isGreaterThanOrEqualTo(raw[i]).isLessThanOrEqualTo(1.0)
            .isLessThanOrEqualTo(bonferroni[i]);
        for (int j = 0; j < raw.length; j++) {
          if (raw[i] <= raw[j]) {
            assertThat(bh[i]).isLessThanOrEqualTo(bh[j]);
          }
        }
      }
    });
  }

  // ------------------------------------------------------------------ sorting and summaries

  @Test
  void radixSort_equalsTheJdkSort() {
    Gen<Double> special = integers().between(0, 9).map(i -> new double[] {
        -0.0, 0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
        -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1e-300, -1e300}[i]);
    Gen<Double> value = doubles().any().mix(special, 20)
        .map(v -> Double.isNaN(v) ? 1.0 : v);
    qt().withExamples(60).forAll(lists().of(value).ofSizeBetween(4096, 9000)).checkAssert(vs -> {
      double[] a = vs.stream().mapToDouble(Double::doubleValue).toArray();
      RadixSortTest.assertSortsLikeTheJdk(a);
      double[] withMissing = Arrays.copyOf(a, a.length + 1);
      withMissing[a.length] = Double.NaN;
      int m = RadixSort.sortFinite(withMissing, withMissing.length, new Scratch());
      double[] finite = Arrays.stream(a).filter(Double::isFinite).map(v -> v + 0.0).sorted()
          .toArray();
      assertThat(Arrays.copyOf(withMissing, m)).isEqualTo(finite);
    });
  }

  @Test
  void summary_ksAndWassersteinStayWithinTheirBounds() {
    Gen<double[]> big = lists().of(integers().between(-4000, 4000)).ofSizeBetween(300, 3000)
        .map(ks -> ks.stream().mapToDouble(k -> (k % 7 == 0 ? k / 700 * 7 : k) / 16.0).toArray());
    try (BufferAllocator allocator = new RootAllocator()) {
      qt().withExamples(60).forAll(big, samples(400), integers().between(64, 200))
          .checkAssert((ref, cur, maxPoints) -> {
            try (Table r = Table.builder(allocator).numeric("x", ref).build();
                Table c = Table.builder(allocator).numeric("x", cur).build()) {
              ReferenceProfile p = ReferenceProfile.builder().maxPoints(maxPoints).bins(10)
                  .build(r);
              NumericReference x = (NumericReference) p.column("x");
              assertThat(x.pointCount()).isLessThanOrEqualTo(2 * maxPoints + 1);
              assertThat(Arrays.stream(x.weights()).sum()).isEqualTo(ref.length);
              assertThat(ReferenceProfile.fromBytes(p.toBytes())).isEqualTo(p);
              DriftDetector.Builder b = DriftDetector.builder(p).smallReferenceRows(0);
              ColumnDrift ks = b.columnTest("x", DriftTest.KS).build().detect(c).column("x");
              ColumnDrift w = b.columnTest("x", DriftTest.WASSERSTEIN).build().detect(c)
                  .column("x");
              double exactKs = DriftStatistics.kolmogorovSmirnov(ref, cur).statistic();
              double exactW = DriftStatistics.wasserstein(ref, cur);
              assertThat(Math.abs(ks.statistic() - exactKs))
                  .isLessThanOrEqualTo(x.ksErrorBound() + 1e-12);
              assertThat(Math.abs(w.statistic() * Math.max(x.std(), 0.001) - exactW))
                  .isLessThanOrEqualTo(x.wassersteinErrorBound() * (1 + 1e-9) + 1e-9);
              if (x.isExact()) {
                assertThat(ks.statistic()).isEqualTo(exactKs);
              }
            }
          });
    }
  }

  @Test
  void fewDistinctValues_profileAndTestsEqualTheSortingPath() {
    // columns of a few distinct values go through FewValues instead of a sort
    Gen<double[]> few = lists().of(integers().between(-6, 40)).ofSizeBetween(1, 1500)
        .map(ks -> ks.stream().mapToDouble(k -> k < -4 ? Double.NaN : k == -4 ? -0.0 : k / 4.0)
            .toArray());
    try (BufferAllocator allocator = new RootAllocator()) {
      qt().withExamples(120).forAll(few, few).checkAssert((ref, cur) -> {
        try (Table r = Table.builder(allocator).numeric("x", ref).build();
            Table c = Table.builder(allocator).numeric("x", cur).build()) {
          NumericReference viaCounts = (NumericReference) ReferenceProfile.of(r).column("x");
          double[] sorted = ref.clone();
          int m = RadixSort.sortFinite(sorted, sorted.length, new Scratch());
          NumericReference viaSort = NumericReference.of("x", viaCounts.role(), ref.length,
              sorted, m, ReferenceProfile.DEFAULT_MAX_POINTS, ReferenceProfile.DEFAULT_BINS);
          assertThat(viaCounts.points()).isEqualTo(viaSort.points());
          assertThat(viaCounts.weights()).isEqualTo(viaSort.weights());
          assertThat(viaCounts.binEdges()).isEqualTo(viaSort.binEdges());
          assertThat(viaCounts.binCounts()).isEqualTo(viaSort.binCounts());
          assertThat(viaCounts.distinct()).isEqualTo(viaSort.distinct());
          assertThat(viaCounts.missing()).isEqualTo(viaSort.missing());
          assertThat(viaCounts.isExact()).isTrue();
          if (m > 0) {
            assertThat(viaCounts.min()).isEqualTo(viaSort.min());
            assertThat(viaCounts.max()).isEqualTo(viaSort.max());
            assertThat(viaCounts.mean()).isCloseTo(viaSort.mean(), within(1e-12));
            assertThat(viaCounts.std()).isCloseTo(viaSort.std(), within(1e-12));
          }

          double[] a = Arrays.stream(ref).filter(Double::isFinite).toArray();
          double[] b = Arrays.stream(cur).filter(Double::isFinite).toArray();
          if (a.length == 0 || b.length == 0) {
            return;
          }
          ReferenceProfile p = ReferenceProfile.of(r);
          DriftDetector.Builder d = DriftDetector.builder(p).smallReferenceRows(0);
          ColumnDrift ks = d.columnTest("x", DriftTest.KS).build().detect(c).column("x");
          ColumnDrift w = d.columnTest("x", DriftTest.WASSERSTEIN).build().detect(c).column("x");
          assertThat(ks.statistic())
              .isEqualTo(DriftStatistics.kolmogorovSmirnov(a, b).statistic());
          assertThat(w.statistic() * Math.max(viaCounts.std(), 0.001))
              .isCloseTo(DriftStatistics.wasserstein(a, b), within(1e-12));
          assertThat(ks.currentCount()).isEqualTo(b.length);
          assertThat(Arrays.stream(ks.histogram().currentCounts()).sum()).isEqualTo(b.length);
        }
      });
    }
  }

  @Test
  void summaryGroups_equalTheRunByRunDefinition() {
    // values with long runs of repeats (multiples of 50 repeat often) among distinct ones
    Gen<double[]> data = lists().of(integers().between(-3000, 3000)).ofSizeBetween(1, 4000)
        .map(ks -> ks.stream().mapToDouble(k -> k % 50 == 0 || k % 7 == 0 ? k / 350 : k).sorted()
            .toArray());
    qt().withExamples(150).forAll(data, integers().between(2, 300)).checkAssert((x, maxPoints) -> {
      NumericReference r = NumericReference.of("x", dev.churn.core.table.ColumnRole.FEATURE,
          x.length, x, x.length, maxPoints, 10);
      // the definition: through the runs in order, a run of g or more values is a group of its
      // own, otherwise a group closes at the end of the run that brings it to g values
      int n = x.length;
      int g = (n + maxPoints - 1) / maxPoints;
      java.util.List<double[]> groups = new java.util.ArrayList<>(); // {median, count}
      int groupStart = 0;
      long distinct = 0;
      for (int runStart = 0; runStart < n; ) {
        int runEnd = runStart + 1;
        while (runEnd < n && x[runEnd] == x[runStart]) {
          runEnd++;
        }
        distinct++;
        if (runEnd - runStart >= g) {
          if (groupStart < runStart) {
            groups.add(group(x, groupStart, runStart));
          }
          groups.add(group(x, runStart, runEnd));
          groupStart = runEnd;
        } else if (runEnd - groupStart >= g) {
          groups.add(group(x, groupStart, runEnd));
          groupStart = runEnd;
        }
        runStart = runEnd;
      }
      if (groupStart < n) {
        groups.add(group(x, groupStart, n));
      }
      assertThat(r.distinct()).isEqualTo(distinct);
      assertThat(r.isExact()).isEqualTo(distinct <= maxPoints);
      if (!r.isExact()) {
        assertThat(r.points()).isEqualTo(groups.stream().mapToDouble(gr -> gr[0]).toArray());
        assertThat(r.weights()).isEqualTo(groups.stream().mapToLong(gr -> (long) gr[1]).toArray());
      } else {
        assertThat(r.points()).isEqualTo(Arrays.stream(x).distinct().toArray());
        assertThat(Arrays.stream(r.weights()).sum()).isEqualTo(n);
      }
    });
  }

  private static double[] group(double[] x, int from, int to) {
    return new double[] {x[from + (to - from - 1) / 2], to - from};
  }
}
