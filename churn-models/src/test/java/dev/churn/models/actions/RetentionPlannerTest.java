package dev.churn.models.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class RetentionPlannerTest {

  private static final Offset<Double> EXACT = within(1e-12);

  @Test
  void plan_defaults_callForADiscountForBEmailForC() {
    RetentionPlan plan =
        RetentionPlanner.builder().build().plan(List.of("a", "b", "c"), new double[] {0.8, 0.3, 0.1});

    assertThat(plan.plans()).extracting(Plan::bucket).containsExactly(Bucket.A, Bucket.B, Bucket.C);
    assertThat(plan.plans())
        .extracting(Plan::action)
        .containsExactly(ActionKind.CALL, ActionKind.DISCOUNT, ActionKind.EMAIL);
  }

  @Test
  void plan_defaults_expectedValuesByHand() {
    // Defaults: price 10, 12 months -> value 120; call 5.00 keeping 25 %;
    // discounts 10/20/30 % x 3 months keeping 15/30/40 %; free email, no response.
    RetentionPlan plan =
        RetentionPlanner.builder().build().plan(List.of("a", "b", "c"), new double[] {0.8, 0.3, 0.1});
    Plan a = plan.plans().get(0);
    Plan b = plan.plans().get(1);
    Plan c = plan.plans().get(2);

    // A, call: saved 0.8 * 0.25 * 120 = 24, cost 5 (paid per call) -> +19.
    assertThat(a.offer()).hasValue(Offer.call(5.0, 0.25));
    assertThat(a.value()).isEqualTo(120.0);
    assertThat(a.expectedSaved()).isCloseTo(24.0, EXACT);
    assertThat(a.expectedCost()).isCloseTo(5.0, EXACT);
    assertThat(a.expectedGain()).isCloseTo(19.0, EXACT);
    assertThat(a.reason())
        .isEqualTo("call: expected +19.00 = 0.80 churn x 0.25 response x 120.00 value - 5.00 cost");

    // B, p = 0.3. 10 %: 0.3*0.15*120 - 3*(0.7 + 0.045) = 5.4 - 2.235 = 3.165
    //            20 %: 0.3*0.30*120 - 6*(0.7 + 0.090) = 10.8 - 4.74 = 6.06
    //            30 %: 0.3*0.40*120 - 9*(0.7 + 0.120) = 14.4 - 7.38 = 7.02  <- best
    assertThat(b.offer().map(Offer::name)).hasValue("30% discount x 3 months");
    assertThat(b.expectedSaved()).isCloseTo(14.4, EXACT);
    assertThat(b.expectedCost()).isCloseTo(7.38, EXACT);
    assertThat(b.expectedGain()).isCloseTo(7.02, EXACT);
    assertThat(b.reason())
        .isEqualTo(
            "30% discount x 3 months: expected +7.02 = 0.30 churn x 0.40 response x 120.00 value"
                + " - 7.38 cost");

    // C, free email with no response: gains exactly 0 and is still sent.
    assertThat(c.action()).isEqualTo(ActionKind.EMAIL);
    assertThat(c.expectedGain()).isZero();
    assertThat(c.expectedCost()).isZero();

    // Totals: churners 0.8 + 0.3 + 0.1, kept 0.8*0.25 + 0.3*0.4, saved 24 + 14.4, cost 5 + 7.38.
    PlanTotals t = plan.totals();
    assertThat(t.customers()).isEqualTo(3);
    assertThat(t.expectedChurners()).isCloseTo(1.2, EXACT);
    assertThat(t.expectedChurnersKept()).isCloseTo(0.32, EXACT);
    assertThat(t.expectedValueSaved()).isCloseTo(38.4, EXACT);
    assertThat(t.totalCost()).isCloseTo(12.38, EXACT);
    assertThat(t.netGain()).isCloseTo(26.02, EXACT);
    assertThat(t.count(ActionKind.CALL)).isEqualTo(1);
    assertThat(t.count(ActionKind.NONE)).isZero();
  }

  @Test
  void plan_briefExample_reasonLineShowsTheArithmetic() {
    // 0.62 churn, value 95, 20 % discount for 3 months at 15.50 per month keeping 30 %:
    // saved 0.62 * 0.30 * 95 = 17.67; cost 0.2 * 3 * 15.5 = 9.30 paid with probability
    // 0.38 + 0.62 * 0.30 = 0.566 -> 5.2638; gain 12.4062.
    RetentionPlanner planner = RetentionPlanner.builder().discount(0.20, 3, 0.30).build();

    Plan plan = planner.planCustomer(new Customer("m1", 0.62, 15.50, 95.00), Bucket.B);

    assertThat(plan.expectedSaved()).isCloseTo(17.67, EXACT);
    assertThat(plan.expectedCost()).isCloseTo(5.2638, EXACT);
    assertThat(plan.expectedGain()).isCloseTo(12.4062, EXACT);
    assertThat(plan.reason())
        .isEqualTo(
            "20% discount x 3 months: expected +12.41 = 0.62 churn x 0.30 response x 95.00 value"
                + " - 5.26 cost");
  }

  @Test
  void planCustomer_sameResponseCheaperLevel_picksCheaper() {
    RetentionPlanner planner =
        RetentionPlanner.builder().discount(0.30, 3, 0.30).discount(0.10, 3, 0.30).build();

    Plan plan = planner.planCustomer(new Customer("x", 0.4, 10, 120), Bucket.B);

    assertThat(plan.offer().map(Offer::discountLevel)).hasValue(0.10);
  }

  @Test
  void planCustomer_muchBetterResponse_picksDearerLevel() {
    // 10 %: 0.5*0.05*200 - 1*(0.5 + 0.025) = 5 - 0.525 = 4.475
    // 50 %: 0.5*0.60*200 - 5*(0.5 + 0.300) = 60 - 4 = 56
    RetentionPlanner planner =
        RetentionPlanner.builder().discount(0.10, 1, 0.05).discount(0.50, 1, 0.60).build();

    Plan plan = planner.planCustomer(new Customer("x", 0.5, 10, 200), Bucket.B);

    assertThat(plan.offer().map(Offer::discountLevel)).hasValue(0.50);
    assertThat(plan.expectedGain()).isCloseTo(56.0, EXACT);
  }

  @Test
  void planCustomer_everyOfferLosesMoney_noOfferWithReason() {
    // p = 0.2, value 10, price 10: 20 % x 3 months saves 0.2*0.3*10 = 0.6 and costs
    // 6 * (0.8 + 0.06) = 5.16 -> -4.56; the other default levels lose more or less but all lose.
    RetentionPlanner planner = RetentionPlanner.builder().build();

    Plan plan = planner.planCustomer(new Customer("x", 0.2, 10, 10), Bucket.B);

    assertThat(plan.action()).isEqualTo(ActionKind.NONE);
    assertThat(plan.offer()).isEmpty();
    assertThat(plan.expectedGain()).isZero();
    assertThat(plan.expectedCost()).isZero();
    assertThat(plan.expectedSaved()).isZero();
    // Best candidate is 10 %: 0.2*0.15*10 - 3*(0.8 + 0.03) = 0.3 - 2.49 = -2.19.
    assertThat(plan.reason())
        .isEqualTo(
            "no offer: best candidate 10% discount x 3 months: expected -2.19 = 0.20 churn x 0.15"
                + " response x 10.00 value - 2.49 cost");
  }

  @Test
  void planCustomer_callCostsMoreThanItSaves_noCall() {
    // 0.5 * 0.25 * 10 = 1.25 saved for a 5.00 call.
    Plan plan =
        RetentionPlanner.builder().build().planCustomer(new Customer("x", 0.5, 1, 10), Bucket.A);

    assertThat(plan.action()).isEqualTo(ActionKind.NONE);
    assertThat(plan.reason()).startsWith("no offer: best candidate call: expected -3.75 =");
  }

  @Test
  void planCustomer_exactTie_lowerExpectedCostWinsOverListOrder() {
    // p = 0.5, value 64, price 8 (all exact in binary).
    // call: 0.5*0.375*64 - 6.5 = 12 - 6.5 = 5.5, expected cost 6.5
    // 50 % x 1 month: 0.5*0.25*64 - 4*(0.5 + 0.125) = 8 - 2.5 = 5.5, expected cost 2.5
    RetentionPlanner planner =
        RetentionPlanner.builder()
            .call(6.5, 0.375)
            .discount(0.5, 1, 0.25)
            .actions(Bucket.B, ActionKind.CALL, ActionKind.DISCOUNT)
            .build();

    Plan plan = planner.planCustomer(new Customer("x", 0.5, 8, 64), Bucket.B);

    assertThat(plan.expectedGain()).isEqualTo(5.5);
    assertThat(plan.action()).isEqualTo(ActionKind.DISCOUNT);
    assertThat(plan.expectedCost()).isEqualTo(2.5);
  }

  @Test
  void planCustomer_zeroGainButCostly_prefersNoOffer() {
    // A call with success rate 0.5 costing exactly what it saves: 0.5*0.5*16 - 4 = 0.
    RetentionPlanner planner = RetentionPlanner.builder().call(4, 0.5).build();

    Plan plan = planner.planCustomer(new Customer("x", 0.5, 1, 16), Bucket.A);

    assertThat(plan.action()).isEqualTo(ActionKind.NONE);
  }

  @Test
  void planCustomer_costlyEmailWithoutResponse_notSent() {
    RetentionPlanner planner = RetentionPlanner.builder().email(0.05, 0.0).build();

    Plan plan = planner.planCustomer(new Customer("x", 0.05, 10, 120), Bucket.C);

    assertThat(plan.action()).isEqualTo(ActionKind.NONE);
  }

  @Test
  void planCustomer_zeroValueCustomer_onlyFreeActions() {
    RetentionPlanner planner = RetentionPlanner.builder().build();
    Customer worthless = new Customer("x", 0.9, 10, 0);

    assertThat(planner.planCustomer(worthless, Bucket.A).action()).isEqualTo(ActionKind.NONE);
    assertThat(planner.planCustomer(worthless, Bucket.B).action()).isEqualTo(ActionKind.NONE);
    assertThat(planner.planCustomer(worthless, Bucket.C).action()).isEqualTo(ActionKind.EMAIL);
  }

  @Test
  void planCustomer_bucketWithoutActions_noOfferSaysSo() {
    RetentionPlanner planner = RetentionPlanner.builder().actions(Bucket.C).build();

    Plan plan = planner.planCustomer(new Customer("x", 0.01, 10, 120), Bucket.C);

    assertThat(plan.action()).isEqualTo(ActionKind.NONE);
    assertThat(plan.reason()).isEqualTo("no offer: no action is configured for bucket C");
    assertThat(planner.candidates(Bucket.C)).isEmpty();
  }

  @Test
  void plan_customMapping_aMayGetDiscountInsteadOfCall() {
    // p = 0.9, value 120, price 10. Call (5.00, 25 %): 27 - 5 = 22.
    // 30 % x 3 months keeping 40 %: 0.9*0.4*120 - 9*(0.1 + 0.36) = 43.2 - 4.14 = 39.06.
    RetentionPlanner planner =
        RetentionPlanner.builder().actions(Bucket.A, ActionKind.CALL, ActionKind.DISCOUNT).build();

    Plan plan = planner.plan(List.of("x"), new double[] {0.9}).plans().get(0);

    assertThat(plan.bucket()).isEqualTo(Bucket.A);
    assertThat(plan.offer().map(Offer::name)).hasValue("30% discount x 3 months");
    assertThat(plan.expectedGain()).isCloseTo(39.06, EXACT);
  }

  @Test
  void plan_perCustomerPrices_valueIsPriceTimesRemainingMonths() {
    RetentionPlanner planner = RetentionPlanner.builder().expectedRemainingMonths(6).build();

    RetentionPlan plan =
        planner.plan(List.of("x", "y"), new double[] {0.8, 0.8}, new double[] {10, 20});

    assertThat(plan.plans()).extracting(Plan::value).containsExactly(60.0, 120.0);
  }

  @Test
  void plan_responseCurve_levelsGetResponsesFromCurve() {
    RetentionPlanner planner =
        RetentionPlanner.builder()
            .discounts(3, ResponseCurve.saturating(0.6, 0.2), 0.1, 0.2, 0.6)
            .build();

    assertThat(planner.candidates(Bucket.B))
        .extracting(Offer::response)
        .containsExactly(0.6 * 0.1 / (0.1 + 0.2), 0.6 * 0.2 / (0.2 + 0.2), 0.6 * 0.6 / (0.6 + 0.2));
    assertThat(ResponseCurve.saturating(0.6, 0.2).response(0.2)).isCloseTo(0.3, EXACT);
  }

  @Test
  void plan_summaries_perBucketCountsMeansAndActionCounts() {
    RetentionPlan plan =
        RetentionPlanner.builder()
            .build()
            .plan(List.of("a1", "a2", "b1", "c1", "c2", "c3"),
                new double[] {0.9, 0.7, 0.25, 0.1, 0.05, 0.15});

    BucketSummary a = plan.summary(Bucket.A);
    assertThat(a.customers()).isEqualTo(2);
    assertThat(a.meanProbability()).isCloseTo(0.8, EXACT);
    assertThat(a.expectedChurners()).isCloseTo(1.6, EXACT);
    assertThat(a.expectedChurnersKept()).isCloseTo(0.4, EXACT);
    assertThat(a.expectedValueSaved()).isCloseTo(48.0, EXACT);
    assertThat(a.totalCost()).isCloseTo(10.0, EXACT);
    assertThat(a.netGain()).isCloseTo(38.0, EXACT);
    assertThat(a.count(ActionKind.CALL)).isEqualTo(2);
    assertThat(plan.summary(Bucket.C).count(ActionKind.EMAIL)).isEqualTo(3);
    assertThat(plan.summaries()).extracting(BucketSummary::bucket)
        .containsExactly(Bucket.A, Bucket.B, Bucket.C);
    assertThat(plan.assignment().counts().values()).containsExactly(2, 1, 3);
  }

  @Test
  void plan_emptyBucket_summaryWithZeros() {
    RetentionPlan plan = RetentionPlanner.builder().build().plan(List.of("c"), new double[] {0.1});

    BucketSummary a = plan.summary(Bucket.A);
    assertThat(a.customers()).isZero();
    assertThat(a.meanProbability()).isZero();
    assertThat(a.actions()).isEmpty();
  }

  @Test
  void plan_noCustomers_emptyPlan() {
    RetentionPlan plan = RetentionPlanner.builder().build().plan(List.of(), new double[0]);

    assertThat(plan.plans()).isEmpty();
    assertThat(plan.totals().customers()).isZero();
    assertThat(plan.toText()).contains("total");
  }

  @Test
  void toText_weeklyReportTable_oneLinePerBucketAndTotal() {
    RetentionPlan plan =
        RetentionPlanner.builder().build().plan(List.of("a", "b", "c"), new double[] {0.8, 0.3, 0.1});

    List<String> lines = plan.toText().lines().toList();

    assertThat(lines).hasSize(5);
    assertThat(lines.get(0)).startsWith("bucket").contains("exp. churners", "value saved", "cost");
    assertThat(lines.get(1)).startsWith("A (very likely to churn)").endsWith("call 1");
    assertThat(lines.get(2)).startsWith("B (on the fence)").endsWith("discount 1");
    assertThat(lines.get(3)).startsWith("C (likely to stay)").endsWith("thank-you email 1");
    assertThat(lines.get(4)).startsWith("total").contains("38.40", "12.38", "26.02");
  }

  @Test
  void plan_shareBuckets_plannerUsesThem() {
    RetentionPlanner planner =
        RetentionPlanner.builder().buckets(RiskBuckets.byShare(0.25, 0.25)).build();

    RetentionPlan plan =
        planner.plan(List.of("w", "x", "y", "z"), new double[] {0.02, 0.04, 0.03, 0.01});

    assertThat(plan.plans()).extracting(Plan::bucket)
        .containsExactly(Bucket.C, Bucket.A, Bucket.B, Bucket.C);
    assertThat(plan.assignment().cutA()).hasValue(0.04);
  }

  @Test
  void plan_duplicateIds_failsNamingBoth() {
    RetentionPlanner planner = RetentionPlanner.builder().build();

    assertThatThrownBy(() -> planner.plan(List.of("x", "y", "x"), new double[] {0.1, 0.2, 0.3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ids[2] was 'x' but it must be unique; it repeats ids[0]");
  }

  @Test
  void plan_lengthMismatch_fails() {
    RetentionPlanner planner = RetentionPlanner.builder().build();

    assertThatThrownBy(() -> planner.plan(List.of("x", "y"), new double[] {0.1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must have one per id (2)");
  }

  @Test
  void plan_badProbability_fails() {
    RetentionPlanner planner = RetentionPlanner.builder().build();

    assertThatThrownBy(() -> planner.plan(List.of("x"), new double[] {1.5}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("churnProbability was '1.5' but it must be a probability in [0, 1]");
  }

  @Test
  void builder_badArguments_failAtOnce() {
    RetentionPlanner.Builder b = RetentionPlanner.builder();

    assertThatThrownBy(() -> b.call(5, 1.5))
        .hasMessage("response was '1.5' but it must be a share in [0, 1]");
    assertThatThrownBy(() -> b.call(-1, 0.5))
        .hasMessage("fixedCost was '-1.0' but it must be a finite amount of at least 0");
    assertThatThrownBy(() -> b.discount(0, 3, 0.2))
        .hasMessage("discountLevel was '0.0' but it must be in (0, 1] for a discount");
    assertThatThrownBy(() -> b.discount(0.1, 0, 0.2))
        .hasMessage("months was '0' but it must be at least 1 for a discount");
    assertThatThrownBy(() -> b.defaultMonthlyPrice(Double.POSITIVE_INFINITY))
        .hasMessage("defaultMonthlyPrice was 'Infinity' but it must be a finite amount of at least 0");
    assertThatThrownBy(() -> b.expectedRemainingMonths(0))
        .hasMessage("expectedRemainingMonths was '0.0' but it must be a finite number greater than 0");
    assertThatThrownBy(() -> b.actions(Bucket.A, ActionKind.NONE))
        .hasMessageContaining("must not contain NONE");
    assertThatThrownBy(() -> b.actions(Bucket.A, ActionKind.CALL, ActionKind.CALL))
        .hasMessageContaining("must not repeat CALL");
    assertThatThrownBy(() -> b.discounts(3, level -> 2 * level, 0.2, 0.6))
        .hasMessage("response at discount level 0.6 was '1.2' but it must be a share in [0, 1];"
            + " check the response curve");
  }

  @Test
  void build_duplicateDiscounts_reportedInBuild() {
    RetentionPlanner.Builder b =
        RetentionPlanner.builder().discount(0.2, 3, 0.3).discount(0.2, 3, 0.4).discount(0.1, 1, 0.1)
            .discount(0.1, 1, 0.2);

    assertThatThrownBy(b::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'20% discount x 3 months' twice")
        .hasMessageContaining("'10% discount x 1 month' twice");
  }

  @Test
  void offer_costAndUsage_discountPaidByStayersCallPaidPerContact() {
    Offer discount = Offer.discount(0.25, 2, 0.5);
    Offer call = Offer.call(3, 0.5);

    assertThat(discount.cost(8)).isEqualTo(4.0);
    assertThat(discount.usageProbability(0.5)).isEqualTo(0.75);
    assertThat(discount.expectedCost(0.5, 8)).isEqualTo(3.0);
    assertThat(call.usageProbability(0.5)).isEqualTo(1.0);
    assertThat(call.expectedGain(0.5, 16, 8)).isEqualTo(1.0);
    assertThat(Offer.discount(0.075, 1, 0.1).name()).isEqualTo("7.5% discount x 1 month");
  }

  @Test
  void offer_invalidCombinations_rejected() {
    assertThatThrownBy(() -> new Offer("x", ActionKind.NONE, 0, 0, 0, 0))
        .hasMessageContaining("kind was 'NONE'");
    assertThatThrownBy(() -> new Offer("x", ActionKind.CALL, 0.1, 0, 0, 0))
        .hasMessage("discountLevel was '0.1' but it must be 0 for a call");
  }

  @Test
  void plan_recordRejectsOfferThatDisagreesWithAction() {
    assertThatThrownBy(
            () -> new Plan("x", 0.5, Bucket.A, 1, ActionKind.NONE, Optional.of(Offer.call(1, 0.1)),
                0, 0, 0, "r"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
