/**
 * Realized performance of a model in production, once the labels of a scored cohort arrive: ROC
 * AUC, F1 and the business metrics of the monitoring plan (conversion rate, error rate, negative
 * hits, share of churners caught in buckets A and B), each with a green, yellow or red flag, and
 * an overall flag.
 *
 * <p>Start with {@link dev.churn.drift.monitor.PerformanceMonitor}; {@link
 * dev.churn.drift.monitor.Metric} defines every metric and {@link
 * dev.churn.drift.monitor.FlagThresholds} holds the thresholds.
 */
package dev.churn.drift.monitor;
