/** Implementation of the feature store; not an API, may change in any release. */
package dev.churn.features.internal;
