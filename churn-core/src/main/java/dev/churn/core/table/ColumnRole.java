package dev.churn.core.table;

/**
 * What a column means to the pipeline. Roles let the trainer, the feature store and the monitors
 * find the entity key, the event time and the label without being told column names each time.
 */
public enum ColumnRole {
  /** The key of the thing being predicted for, e.g. a customer id. */
  ENTITY,
  /** The time an event happened or a snapshot was taken. */
  TIMESTAMP,
  /** The outcome a model learns to predict. */
  LABEL,
  /** An input to models; the default role. */
  FEATURE
}
