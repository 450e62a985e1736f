/**
 * Data profiles: what a table holds, column by column, and what looks wrong with it, in the
 * spirit of pandas-profiling.
 *
 * <p>{@link dev.churn.core.profile.DataProfile#of(dev.churn.core.table.Table)} is the entry
 * point. It returns an immutable {@link dev.churn.core.profile.DataProfile}: one {@link
 * dev.churn.core.profile.ColumnProfile} per column (missing values, distinct values and, by type,
 * moments, quantiles, histograms or category counts) and a list of {@link
 * dev.churn.core.profile.ProfileWarning}s such as constant, mostly-missing or ID-like columns and
 * far-out outliers. Thresholds live in {@link dev.churn.core.profile.ProfileOptions}.
 *
 * <p>Statistics follow pandas and numpy conventions so the numbers can be checked against them:
 * sample standard deviation (ddof = 1), quantiles by linear interpolation (numpy's default
 * method), histograms with numpy's equal-width bin edges.
 */
package dev.churn.core.profile;
