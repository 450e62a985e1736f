/**
 * Training, comparing, explaining and scoring churn models: the fluent {@code Trainer}, model
 * backends found with {@link java.util.ServiceLoader} (see {@code dev.churn.models.spi}),
 * calibration, risk buckets and retention actions, model packages and experiment runs.
 */
package dev.churn.models;
