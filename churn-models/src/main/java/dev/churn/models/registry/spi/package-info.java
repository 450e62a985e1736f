/**
 * Extension point of the model registry: {@link dev.churn.models.registry.spi.RegistryStore}, the
 * storage behind {@link dev.churn.models.registry.ModelRegistry}, and {@link
 * dev.churn.models.registry.spi.RegistryWriter}, its exclusive write session. The embedded
 * default is {@link dev.churn.models.registry.FileRegistryStore}; a JDBC-backed or remote store
 * implements these two interfaces and is handed to {@link
 * dev.churn.models.registry.ModelRegistry#builder(dev.churn.models.registry.spi.RegistryStore)}.
 */
package dev.churn.models.registry.spi;
