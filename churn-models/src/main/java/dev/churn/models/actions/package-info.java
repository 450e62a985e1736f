/**
 * From churn probabilities to retention actions: risk buckets and the retention planner.
 *
 * <ul>
 *   <li>{@link dev.churn.models.actions.RiskBuckets} puts customers into {@link
 *       dev.churn.models.actions.Bucket buckets} A (very likely to churn), B (on the fence) and C
 *       (likely to stay), by probability cuts or by shares of the scored population;</li>
 *   <li>{@link dev.churn.models.actions.RetentionPlanner} proposes an action per customer (a call,
 *       a discount level, a thank-you email, or nothing), choosing the {@link
 *       dev.churn.models.actions.Offer offer} with the highest expected retained value, and
 *       summarises the result per bucket for the weekly marketing report ({@link
 *       dev.churn.models.actions.RetentionPlan#toText()}).</li>
 * </ul>
 *
 * <pre>{@code
 * RetentionPlan plan = RetentionPlanner.builder()
 *     .buckets(RiskBuckets.byShare(0.10, 0.20))
 *     .call(8.00, 0.25)
 *     .discounts(3, ResponseCurve.saturating(0.6, 0.2), 0.10, 0.20, 0.30)
 *     .build()
 *     .plan(ids, calibratedProbabilities, monthlyPrices);
 * }</pre>
 *
 * <p>Everything here is pure, deterministic Java over arrays and records: no I/O, no randomness.
 */
package dev.churn.models.actions;
