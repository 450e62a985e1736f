/**
 * Streaming concept-drift detectors over a series: a per-row error bit of a model in production,
 * or a per-period metric such as monthly ROC AUC. Each reads one value at a time and answers
 * NONE, WARNING or DRIFT.
 *
 * <p>The common interface is {@link dev.churn.drift.stream.ChangeDetector}; the detectors are
 * {@link dev.churn.drift.stream.PageHinkley} (a shift of the mean), {@link
 * dev.churn.drift.stream.Adwin} (ADWIN2, an adaptive window) and {@link
 * dev.churn.drift.stream.Ddm} (DDM, a rising error rate with a warning level). All are Apache-2.0
 * implementations written from the original papers.
 */
package dev.churn.drift.stream;
