/**
 * Metrics for binary classifiers over primitive arrays, exact against scikit-learn: ROC AUC,
 * average precision, log loss, Brier score, confusion matrices at a threshold, the F1-maximising
 * threshold, precision and lift in the top fraction of rows, and calibration (ECE and reliability
 * bins).
 *
 * <p>Start with {@link dev.churn.core.metrics.BinaryMetrics}.
 */
package dev.churn.core.metrics;
