/**
 * Churn labels: which members are in a month's cohort and whether each one churned, with the
 * KKBox subscription rule ({@link dev.churn.features.labels.SubscriptionChurnLabeler}).
 */
package dev.churn.features.labels;
