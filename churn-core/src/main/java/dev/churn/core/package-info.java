/**
 * The foundation of churn: the library's exceptions. Tables and schemas live in {@code
 * dev.churn.core.table}, CSV and Arrow IPC in {@code dev.churn.core.io}, months and clocks in
 * {@code dev.churn.core.time}, classification metrics in {@code dev.churn.core.metrics}, data
 * profiles in {@code dev.churn.core.profile}, provenance records in {@code
 * dev.churn.core.provenance} and the storage primitives the stores build on in {@code
 * dev.churn.core.storage}.
 */
package dev.churn.core;
