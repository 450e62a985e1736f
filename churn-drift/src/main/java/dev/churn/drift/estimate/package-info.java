/**
 * Label-free performance estimation: from a model's calibrated probabilities on the current
 * cohort, the ROC AUC, F1 and business metrics to expect once the labels arrive, each with an
 * interval (confidence-based performance estimation, as NannyML's CBPE).
 *
 * <p>Start with {@link dev.churn.drift.estimate.PerformanceEstimator}.
 */
package dev.churn.drift.estimate;
