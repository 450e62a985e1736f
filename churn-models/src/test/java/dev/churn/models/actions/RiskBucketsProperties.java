package dev.churn.models.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.churn.models.actions.RiskBuckets.Ties;
import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Property tests of bucket assignment: counts, requested shares, monotonicity, tie policies. */
class RiskBucketsProperties {

  private static final long SEED = 20261123L;

  /**
   * Populations of 0 to 300 probabilities; half of them drawn from a handful of values so that
   * cuts often fall inside ties.
   */
  private static Gen<double[]> populations() {
    return integers().between(0, 300).zip(integers().between(0, Integer.MAX_VALUE), (n, seed) -> {
      SplittableRandom random = new SplittableRandom(seed);
      boolean coarse = random.nextBoolean();
      double[] p = new double[n];
      for (int i = 0; i < n; i++) {
        p[i] = coarse ? random.nextInt(5) / 4.0 : random.nextDouble();
      }
      return p;
    });
  }

  /** Shares as whole percentages, aShare + bShare < 100 %. */
  private static Gen<int[]> sharePercents() {
    return integers().between(1, 98)
        .zip(integers().between(0, 10_000), (a, k) -> new int[] {a, 1 + k % (99 - a)});
  }

  private static RiskBuckets shares(int[] percents, Ties ties) {
    return RiskBuckets.builder()
        .shares(percents[0] / 100.0, percents[1] / 100.0)
        .ties(ties)
        .build();
  }

  private static int requested(int percent, int n) {
    return new BigDecimal(percent).multiply(BigDecimal.valueOf(n))
        .divide(BigDecimal.valueOf(100)).setScale(0, java.math.RoundingMode.HALF_UP).intValueExact();
  }

  @Test
  void assign_anyCuts_countsSumToPopulation() {
    qt().withFixedSeed(SEED)
        .withExamples(500)
        .forAll(populations(), sharePercents(), integers().between(0, 2))
        .checkAssert(
            (p, percents, mode) -> {
              RiskBuckets buckets = switch (mode) {
                case 0 -> RiskBuckets.byProbability(0.5, 0.25);
                case 1 -> shares(percents, Ties.ROW_ORDER);
                default -> shares(percents, Ties.HIGHER_BUCKET);
              };
              BucketAssignment result = buckets.assign(p);
              assertThat(result.count(Bucket.A) + result.count(Bucket.B) + result.count(Bucket.C))
                  .isEqualTo(p.length);
              assertThat(result.size()).isEqualTo(p.length);
            });
  }

  @Test
  void assign_sharesRowOrder_hitsRequestedCountsExactly() {
    qt().withFixedSeed(SEED)
        .withExamples(500)
        .forAll(populations(), sharePercents())
        .checkAssert(
            (p, percents) -> {
              BucketAssignment result = shares(percents, Ties.ROW_ORDER).assign(p);
              int n = p.length;
              int wantA = requested(percents[0], n);
              int wantAb = requested(percents[0] + percents[1], n);
              assertThat(result.count(Bucket.A)).isEqualTo(wantA);
              assertThat(result.count(Bucket.B)).isEqualTo(wantAb - wantA);
              assertThat(result.count(Bucket.C)).isEqualTo(n - wantAb);
            });
  }

  @Test
  void assign_anyCuts_riskierNeverInSaferBucket() {
    qt().withFixedSeed(SEED)
        .withExamples(300)
        .forAll(populations(), sharePercents(), integers().between(0, 2))
        .checkAssert(
            (p, percents, mode) -> {
              RiskBuckets buckets = switch (mode) {
                case 0 -> RiskBuckets.byProbability(0.5, 0.25);
                case 1 -> shares(percents, Ties.ROW_ORDER);
                default -> shares(percents, Ties.HIGHER_BUCKET);
              };
              BucketAssignment result = buckets.assign(p);
              for (int i = 0; i < p.length; i++) {
                for (int j = 0; j < p.length; j++) {
                  if (p[i] > p[j]) {
                    assertThat(result.bucket(i).ordinal())
                        .isLessThanOrEqualTo(result.bucket(j).ordinal());
                  }
                }
              }
              // Realized cuts are consistent with the buckets.
              for (int i = 0; i < p.length; i++) {
                Bucket b = result.bucket(i);
                if (b == Bucket.A) {
                  assertThat(p[i]).isGreaterThanOrEqualTo(result.cutA().orElseThrow());
                } else if (b == Bucket.B) {
                  assertThat(p[i]).isGreaterThanOrEqualTo(result.cutB().orElseThrow());
                }
              }
            });
  }

  @Test
  void assign_sharesHigherBucket_equalProbabilitiesEqualBucketsAndAtLeastRequestedA() {
    qt().withFixedSeed(SEED)
        .withExamples(300)
        .forAll(populations(), sharePercents())
        .checkAssert(
            (p, percents) -> {
              BucketAssignment result = shares(percents, Ties.HIGHER_BUCKET).assign(p);
              for (int i = 0; i < p.length; i++) {
                for (int j = i + 1; j < p.length; j++) {
                  if (p[i] == p[j]) {
                    assertThat(result.bucket(i)).isEqualTo(result.bucket(j));
                  }
                }
              }
              int n = p.length;
              assertThat(result.count(Bucket.A)).isGreaterThanOrEqualTo(requested(percents[0], n));
              assertThat(result.count(Bucket.A) + result.count(Bucket.B))
                  .isGreaterThanOrEqualTo(requested(percents[0] + percents[1], n));
              assertThat(result.tiesSplit()).isFalse();
            });
  }

  @Test
  void assign_sharesRowOrder_sameAsStableSortByProbabilityDescending() {
    qt().withFixedSeed(SEED)
        .withExamples(300)
        .forAll(populations(), sharePercents())
        .checkAssert(
            (p, percents) -> {
              BucketAssignment result = shares(percents, Ties.ROW_ORDER).assign(p);
              Integer[] order = new Integer[p.length];
              for (int i = 0; i < p.length; i++) {
                order[i] = i;
              }
              java.util.Arrays.sort(order, (x, y) -> Double.compare(p[y], p[x])); // stable
              int wantA = requested(percents[0], p.length);
              int wantAb = requested(percents[0] + percents[1], p.length);
              for (int rank = 0; rank < order.length; rank++) {
                Bucket expected = rank < wantA ? Bucket.A : rank < wantAb ? Bucket.B : Bucket.C;
                assertThat(result.bucket(order[rank])).isEqualTo(expected);
              }
            });
  }
}
