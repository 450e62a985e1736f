/**
 * Experiment runs: every fit and comparison is recorded with its parameters, metrics (overall and
 * per fold), tags, artifacts (with SHA-256 checksums) and provenance, under {@code
 * <home>/runs/<run-id>/}.
 *
 * <p>Start with {@link dev.churn.models.runs.RunStore}: {@link
 * dev.churn.models.runs.RunStore#start(String, String)} gives an {@link
 * dev.churn.models.runs.ActiveRun} to log into; {@link dev.churn.models.runs.RunStore#list()},
 * {@link dev.churn.models.runs.RunStore#get(String)}, {@link
 * dev.churn.models.runs.RunStore#readArtifact(String, String)} and {@link
 * dev.churn.models.runs.RunStore#compare(java.util.List, String)} read them back.
 *
 * <pre>{@code
 * RunStore store = RunStore.open(churnHome, clock);
 * try (ActiveRun run = store.start("fit", "xgboost")) {
 *   run.logParam("eta", 0.05).logMetric("auc", auc).logArtifact("model.bin", modelBytes);
 *   run.finish();
 * }
 * }</pre>
 */
package dev.churn.models.runs;
