/**
 * Data drift: is this month's data still like the data the model was trained on?
 *
 * <p>Two steps. At training time, {@link dev.churn.drift.ReferenceProfile#of
 * ReferenceProfile.of(table)} condenses the training table into compact per-column statistics
 * (exact counts and moments, a bounded summary of each numeric distribution, quantile bins,
 * category counts) that are stored with the model version ({@link
 * dev.churn.drift.ReferenceProfile#toBytes()}). Later, a {@link dev.churn.drift.DriftDetector}
 * built on that profile tests current data column by column and returns a {@link
 * dev.churn.drift.DriftResult}: per column ({@link dev.churn.drift.ColumnDrift}) the test, its
 * statistic and p-value or distance, the threshold and the verdict, plus missing-value shares, new
 * categories and the reference-versus-current histogram for charts; over all columns the share
 * of drifted columns and the dataset verdict; and separately the drift of the model's scores
 * (prediction drift) and of the label once it is known.
 *
 * <pre>{@code
 * byte[] attachment = ReferenceProfile.of(trainingSet).toBytes();   // with the model
 * ...
 * DriftResult r = DriftDetector.builder(ReferenceProfile.fromBytes(attachment))
 *     .predictionColumn("churn_probability")
 *     .build()
 *     .detect(thisMonth);
 * boolean retrainSignal = r.datasetDrift() || r.predictionDrift().map(ColumnDrift::drifted)
 *     .orElse(false);
 * }</pre>
 *
 * <p>Tests are chosen per column as Evidently does ({@link dev.churn.drift.DriftTest#AUTO}):
 * Kolmogorov-Smirnov, chi-square or a z-test for small references; the normalised Wasserstein
 * distance or the Jensen-Shannon distance for large ones; PSI on request. Every statistic and
 * p-value equals SciPy's on the same data ({@link dev.churn.drift.DriftStatistics} exposes them on
 * plain arrays); the distributions behind the p-values are implemented here. See {@code
 * docs/drift.md} for the defaults, thresholds and the accuracy of the profile.
 *
 * <p>Performance monitors, streaming detectors and label-free performance estimation live in the
 * sub-packages of this module.
 */
package dev.churn.drift;
