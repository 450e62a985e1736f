/**
 * The feature store: sources ({@link dev.churn.features.EventSource}, {@link
 * dev.churn.features.SnapshotSource}), feature groups declared as data ({@link
 * dev.churn.features.FeatureGroup}), materialization into Arrow IPC partitions with statistics,
 * point-in-time training sets and the online view. Start at {@link
 * dev.churn.features.FeatureStore}. The KKBox tables, their cleaning rules and default feature set
 * are in {@code dev.churn.features.kkbox}; the subscription churn labeler in {@code
 * dev.churn.features.labels}; the engine extension point in {@code dev.churn.features.spi}.
 */
package dev.churn.features;
