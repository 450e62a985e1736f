/**
 * Reports a person reads: {@link dev.churn.drift.report.DriftReport} (one month's data drift
 * against the reference) and {@link dev.churn.drift.report.MonitoringReport} (performance flags,
 * the label-free estimate, the decision and metric trends over months). Each renders to one JSON
 * document and to one self-contained HTML file with its charts embedded as PNG images.
 */
package dev.churn.drift.report;
