/**
 * Provenance: a record of what produced an artifact (a feature table, a trained model, a score
 * file) from which inputs, with which parameters and seed, in which environment and when.
 *
 * <p>{@link dev.churn.core.provenance.Provenance} is stored as JSON next to the artifact and its
 * {@link dev.churn.core.provenance.Provenance#fingerprint() fingerprint} identifies "the same
 * computation" across runs, for caching and versioning.
 */
package dev.churn.core.provenance;
