package dev.churn.models.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Property tests of the planner's choice: optimal, never below "no offer", monotone in value. */
class RetentionPlannerProperties {

  private static final long SEED = 20261123L;

  private static final RetentionPlanner EVERYTHING_EVERYWHERE = richPlanner();

  private static RetentionPlanner richPlanner() {
    RetentionPlanner.Builder b =
        RetentionPlanner.builder()
            .call(7.5, 0.3)
            .email(0.02, 0.01)
            .discounts(2, ResponseCurve.saturating(0.7, 0.25), 0.05, 0.1, 0.2, 0.35, 0.5)
            .discount(0.15, 6, 0.33);
    for (Bucket bucket : Bucket.values()) {
      b.actions(bucket, ActionKind.EMAIL, ActionKind.DISCOUNT, ActionKind.CALL);
    }
    return b.build();
  }

  private static Gen<Customer> customers() {
    return doubles().between(0.0, 1.0)
        .zip(doubles().between(0.0, 50.0), doubles().between(0.0, 2000.0),
            (p, price, value) -> new Customer("c", p, price, value));
  }

  private static Gen<Bucket> buckets() {
    return integers().between(0, 2).map(i -> Bucket.values()[i]);
  }

  private static Gen<RetentionPlanner> planners() {
    return integers().between(0, 1)
        .map(i -> i == 0 ? RetentionPlanner.builder().build() : EVERYTHING_EVERYWHERE);
  }

  @Test
  void planCustomer_anyCustomer_choiceIsOptimalAndNeverBelowNoOffer() {
    qt().withFixedSeed(SEED)
        .withExamples(2000)
        .forAll(planners(), customers(), buckets())
        .checkAssert(
            (planner, c, bucket) -> {
              Plan plan = planner.planCustomer(c, bucket);
              assertThat(plan.expectedGain()).isGreaterThanOrEqualTo(0.0);
              for (Offer candidate : planner.candidates(bucket)) {
                assertThat(plan.expectedGain())
                    .isGreaterThanOrEqualTo(
                        candidate.expectedGain(c.churnProbability(), c.value(), c.monthlyPrice()));
              }
              plan.offer().ifPresent(o -> {
                assertThat(planner.candidates(bucket)).contains(o);
                assertThat(plan.expectedGain()).isEqualTo(
                    o.expectedGain(c.churnProbability(), c.value(), c.monthlyPrice()));
                assertThat(plan.expectedGain())
                    .isEqualTo(plan.expectedSaved() - plan.expectedCost());
              });
            });
  }

  @Test
  void planCustomer_raisingValue_neverLowersChosenGain() {
    qt().withFixedSeed(SEED)
        .withExamples(2000)
        .forAll(planners(), customers(), doubles().between(0.0, 500.0), buckets())
        .checkAssert(
            (planner, c, raise, bucket) -> {
              Customer richer =
                  new Customer(c.id(), c.churnProbability(), c.monthlyPrice(), c.value() + raise);
              double before = planner.planCustomer(c, bucket).expectedGain();
              double after = planner.planCustomer(richer, bucket).expectedGain();
              assertThat(after).isGreaterThanOrEqualTo(before);
            });
  }

  @Test
  void plan_anyPopulation_totalsAreSumsAndNetGainNonNegative() {
    Gen<double[]> populations =
        integers().between(0, 60).zip(integers().between(0, Integer.MAX_VALUE), (n, s) -> {
          java.util.SplittableRandom r = new java.util.SplittableRandom(s);
          double[] p = new double[n];
          for (int i = 0; i < n; i++) {
            p[i] = r.nextInt(4) == 0 ? 0.5 : r.nextDouble();
          }
          return p;
        });
    qt().withFixedSeed(SEED)
        .withExamples(300)
        .forAll(planners(), populations)
        .checkAssert(
            (planner, p) -> {
              List<String> ids = java.util.stream.IntStream.range(0, p.length)
                  .mapToObj(i -> "id" + i).toList();
              RetentionPlan plan = planner.plan(ids, p);
              int customers = 0;
              for (BucketSummary s : plan.summaries()) {
                customers += s.customers();
                assertThat(s.netGain()).isGreaterThanOrEqualTo(-1e-9);
              }
              assertThat(customers).isEqualTo(p.length);
              assertThat(plan.totals().customers()).isEqualTo(p.length);
              assertThat(plan.totals().netGain()).isGreaterThanOrEqualTo(-1e-9);
              assertThat(plan.plans()).extracting(Plan::id).containsExactlyElementsOf(ids);
            });
  }
}
