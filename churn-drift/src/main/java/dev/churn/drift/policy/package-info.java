/**
 * The monthly decision: {@link dev.churn.drift.policy.RetrainPolicy} turns the month's evidence
 * (data deviation, dataset drift, realized and estimated performance flags, concept-drift
 * detector states) into {@link dev.churn.drift.policy.Action#NONE}, {@code WATCH}, {@code RETRAIN}
 * or {@code REEXPERIMENT}, with the reasons.
 */
package dev.churn.drift.policy;
