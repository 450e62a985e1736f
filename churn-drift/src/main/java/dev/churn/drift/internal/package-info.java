/**
 * Helpers shared by the packages of churn-drift. Not part of the API: anything here may change
 * without notice.
 */
package dev.churn.drift.internal;
