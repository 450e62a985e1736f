/**
 * The four tables of the KKBox churn data set (WSDM Cup 2018) in their real CSV format: explicit
 * schemas ({@link dev.churn.features.kkbox.KkboxTable}), a reader that cleans the known defects
 * of the real data and counts what it cleaned ({@link dev.churn.features.kkbox.KkboxReader},
 * {@link dev.churn.features.kkbox.CleaningRule}, {@link dev.churn.features.kkbox.CleaningReport}),
 * and batch-by-batch reading for user logs larger than memory ({@link
 * dev.churn.features.kkbox.CleanedTableStream}).
 */
package dev.churn.features.kkbox;
