/** Extension point of the feature store: materialization engines found with ServiceLoader. */
package dev.churn.features.spi;
