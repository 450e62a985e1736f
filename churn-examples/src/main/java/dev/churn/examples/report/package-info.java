/**
 * Self-contained HTML reports with charts (XChart, embedded as PNG data URIs), starting with the
 * data profile page of {@link dev.churn.examples.report.ProfileHtml}.
 */
package dev.churn.examples.report;
