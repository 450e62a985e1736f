package dev.churn.models.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.churn.models.actions.RiskBuckets.Ties;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RiskBucketsTest {

  private static final Bucket A = Bucket.A;
  private static final Bucket B = Bucket.B;
  private static final Bucket C = Bucket.C;

  @Test
  void bucketOf_probabilityCuts_cutsAreInclusiveFromAbove() {
    RiskBuckets buckets = RiskBuckets.byProbability(0.5, 0.2);

    assertThat(buckets.bucketOf(1.0)).isEqualTo(A);
    assertThat(buckets.bucketOf(0.5)).isEqualTo(A);
    assertThat(buckets.bucketOf(Math.nextDown(0.5))).isEqualTo(B);
    assertThat(buckets.bucketOf(0.2)).isEqualTo(B);
    assertThat(buckets.bucketOf(Math.nextDown(0.2))).isEqualTo(C);
    assertThat(buckets.bucketOf(0.0)).isEqualTo(C);
  }

  @Test
  void assign_probabilityCuts_bucketsCountsAndConfiguredCuts() {
    BucketAssignment result =
        RiskBuckets.byProbability(0.5, 0.2).assign(new double[] {0.9, 0.1, 0.3, 0.5, 0.2, 0.05});

    assertThat(result.buckets()).containsExactly(A, C, B, A, B, C);
    assertThat(result.counts()).containsExactly(Map.entry(A, 2), Map.entry(B, 2), Map.entry(C, 2));
    assertThat(result.cutA()).hasValue(0.5);
    assertThat(result.cutB()).hasValue(0.2);
    assertThat(result.shareBased()).isFalse();
    assertThat(result.tiesSplit()).isFalse();
  }

  @Test
  void builder_nothingConfigured_defaultsToProbabilityCutsHalfAndFifth() {
    RiskBuckets buckets = RiskBuckets.builder().build();

    assertThat(buckets.isShareBased()).isFalse();
    assertThat(buckets.assign(new double[] {0.5, 0.49, 0.2, 0.19}).buckets())
        .containsExactly(A, B, B, C);
  }

  @Test
  void assign_shares_topTenPercentAThenTwentyPercentB() {
    double[] p = {0.05, 0.91, 0.40, 0.12, 0.66, 0.08, 0.33, 0.27, 0.02, 0.15};

    BucketAssignment result = RiskBuckets.byShare(0.10, 0.20).assign(p);

    assertThat(result.buckets()).containsExactly(C, A, B, C, B, C, C, C, C, C);
    assertThat(result.count(A)).isEqualTo(1);
    assertThat(result.count(B)).isEqualTo(2);
    assertThat(result.count(C)).isEqualTo(7);
    assertThat(result.cutA()).hasValue(0.91);
    assertThat(result.cutB()).hasValue(0.40);
    assertThat(result.shareBased()).isTrue();
    assertThat(result.tiesSplit()).isFalse();
  }

  @Test
  void assign_sharesWithTiesAtCut_rowOrderGivesExactCountsEarlierRowsRiskier() {
    double[] p = {0.9, 0.5, 0.5, 0.5, 0.1};

    // nA = round(0.4 * 5) = 2, nA + nB = round(0.6 * 5) = 3.
    BucketAssignment result = RiskBuckets.byShare(0.4, 0.2).assign(p);

    assertThat(result.buckets()).containsExactly(A, A, B, C, C);
    assertThat(result.cutA()).hasValue(0.5);
    assertThat(result.cutB()).hasValue(0.5);
    assertThat(result.tiesSplit()).isTrue();
  }

  @Test
  void assign_sharesWithTiesAtCut_higherBucketKeepsTiesTogether() {
    double[] p = {0.9, 0.5, 0.5, 0.5, 0.1};
    RiskBuckets buckets =
        RiskBuckets.builder().shares(0.4, 0.2).ties(Ties.HIGHER_BUCKET).build();

    BucketAssignment result = buckets.assign(p);

    assertThat(result.buckets()).containsExactly(A, A, A, A, C);
    assertThat(result.count(B)).isZero();
    assertThat(result.cutA()).hasValue(0.5);
    assertThat(result.tiesSplit()).isFalse();
  }

  @Test
  void assign_sharesTieOnlyAtBCut_rowOrderSplitsBAndC() {
    double[] p = {0.3, 0.9, 0.3, 0.3, 0.3};

    // nA = round(0.2 * 5) = 1, nA + nB = round(0.4 * 5) = 2: one of the four 0.3 rows is B.
    BucketAssignment rows = RiskBuckets.byShare(0.2, 0.2).assign(p);
    BucketAssignment together =
        RiskBuckets.builder().shares(0.2, 0.2).ties(Ties.HIGHER_BUCKET).build().assign(p);

    assertThat(rows.buckets()).containsExactly(B, A, C, C, C);
    assertThat(rows.tiesSplit()).isTrue();
    assertThat(together.buckets()).containsExactly(B, A, B, B, B);
  }

  @Test
  void assign_sharesAllEqualProbabilities_rowOrderVersusHigherBucket() {
    double[] p = new double[10];
    java.util.Arrays.fill(p, 0.3);

    BucketAssignment rows = RiskBuckets.byShare(0.1, 0.2).assign(p);
    BucketAssignment together =
        RiskBuckets.builder().shares(0.1, 0.2).ties(Ties.HIGHER_BUCKET).build().assign(p);

    assertThat(rows.buckets()).containsExactly(A, B, B, C, C, C, C, C, C, C);
    assertThat(rows.cutA()).hasValue(0.3);
    assertThat(together.buckets()).containsOnly(A);
    assertThat(together.count(A)).isEqualTo(10);
  }

  @Test
  void assign_sharesEmptyPopulation_noRowsAndNoRealizedCuts() {
    BucketAssignment result = RiskBuckets.byShare(0.1, 0.2).assign(new double[0]);

    assertThat(result.size()).isZero();
    assertThat(result.buckets()).isEmpty();
    assertThat(result.counts()).containsExactly(Map.entry(A, 0), Map.entry(B, 0), Map.entry(C, 0));
    assertThat(result.cutA()).isEmpty();
    assertThat(result.cutB()).isEmpty();
  }

  @Test
  void assign_sharesTinyPopulations_countsRoundHalfUp() {
    // One customer: 10 % of 1 rounds to 0, 30 % of 1 rounds to 0 -> C, no cuts realized.
    BucketAssignment one = RiskBuckets.byShare(0.1, 0.2).assign(new double[] {0.99});
    assertThat(one.buckets()).containsExactly(C);
    assertThat(one.cutA()).isEmpty();
    assertThat(one.cutB()).isEmpty();

    // 50 % of 1 rounds up to 1 -> A.
    assertThat(RiskBuckets.byShare(0.5, 0.2).assign(new double[] {0.01}).buckets())
        .containsExactly(A);

    // Two customers, 25 % + 25 %: nA = round(0.5) = 1, nA + nB = round(1.0) = 1 -> B is empty.
    BucketAssignment two = RiskBuckets.byShare(0.25, 0.25).assign(new double[] {0.2, 0.7});
    assertThat(two.buckets()).containsExactly(C, A);
    assertThat(two.cutA()).hasValue(0.7);
    assertThat(two.cutB()).hasValue(0.7);
  }

  @Test
  void requestedCount_decimalShares_exactNotBinaryFloatingPoint() {
    // In binary floating point 0.1 + 0.2 is 0.30000000000000004 and 0.15 * 10 is 1.5 exactly
    // only by luck; the decimal computation is exact for shares written as decimals.
    assertThat(RiskBuckets.byShare(0.1, 0.2).assign(new double[10]).count(C)).isEqualTo(7);
    assertThat(RiskBuckets.byShare(0.15, 0.15).assign(new double[10]).count(A)).isEqualTo(2);
    assertThat(RiskBuckets.byShare(0.15, 0.15).assign(new double[10]).count(B)).isEqualTo(1);
  }

  @Test
  void bucketOf_shareCuts_throwsExplaining() {
    assertThatThrownBy(() -> RiskBuckets.byShare(0.1, 0.2).bucketOf(0.5))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("assign(probabilities)");
  }

  @Test
  void assign_probabilityOutOfRange_namesRowAndValue() {
    RiskBuckets buckets = RiskBuckets.byProbability(0.5, 0.2);

    assertThatThrownBy(() -> buckets.assign(new double[] {0.1, Double.NaN}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("probabilities[1] was 'NaN' but it must be a probability in [0, 1]");
    assertThatThrownBy(() -> buckets.assign(new double[] {1.2}))
        .hasMessage("probabilities[0] was '1.2' but it must be a probability in [0, 1]");
    assertThatThrownBy(() -> buckets.bucketOf(-0.1))
        .hasMessage("probability was '-0.1' but it must be a probability in [0, 1]");
  }

  @Test
  void setters_outOfRange_failAtOnceNamingFieldValueAndRule() {
    assertThatThrownBy(() -> RiskBuckets.builder().aCut(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("aCut was '1.5' but it must be a probability in [0, 1]");
    assertThatThrownBy(() -> RiskBuckets.builder().bCut(Double.NaN))
        .hasMessage("bCut was 'NaN' but it must be a probability in [0, 1]");
    assertThatThrownBy(() -> RiskBuckets.builder().aShare(0.0))
        .hasMessage("aShare was '0.0' but it must be a share in (0, 1)");
    assertThatThrownBy(() -> RiskBuckets.builder().bShare(1.0))
        .hasMessage("bShare was '1.0' but it must be a share in (0, 1)");
  }

  @Test
  void build_aCutNotAboveBCut_fails() {
    assertThatThrownBy(() -> RiskBuckets.byProbability(0.2, 0.2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("aCut was '0.2' but it must be greater than bCut (0.2)");
  }

  @Test
  void build_sharesSummingToOne_fails() {
    assertThatThrownBy(() -> RiskBuckets.byShare(0.6, 0.4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("aShare + bShare was '1.0' but it must be less than 1");
  }

  @Test
  void build_severalProblems_reportsAllAtOnce() {
    RiskBuckets.Builder builder = RiskBuckets.builder().aCut(0.3).aShare(0.1);

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("they must be one kind")
        .hasMessageContaining("bShare was 'unset' but it must be set when aShare is set");
  }

  @Test
  void build_onlyOneCut_fails() {
    assertThatThrownBy(() -> RiskBuckets.builder().aCut(0.6).build())
        .hasMessageContaining("bCut was 'unset' but it must be set when aCut is set");
  }

  @Test
  void build_calledTwice_builderReusableAndResultsIndependent() {
    RiskBuckets.Builder builder = RiskBuckets.builder().probabilityCuts(0.6, 0.3);
    RiskBuckets first = builder.build();
    RiskBuckets second = builder.aCut(0.9).build();

    assertThat(first.bucketOf(0.7)).isEqualTo(A);
    assertThat(second.bucketOf(0.7)).isEqualTo(B);
  }

  @Test
  void buckets_view_isUnmodifiable() {
    List<Bucket> view = RiskBuckets.byProbability(0.5, 0.2).assign(new double[] {0.1}).buckets();

    assertThatThrownBy(() -> view.set(0, A)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void bucket_description_saysWhoIsInIt() {
    assertThat(A.description()).isEqualTo("very likely to churn");
    assertThat(B.description()).isEqualTo("on the fence");
    assertThat(C.description()).isEqualTo("likely to stay");
  }
}
