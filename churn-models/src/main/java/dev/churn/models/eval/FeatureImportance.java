package dev.churn.models.eval;

import java.util.Arrays;
import java.util.Objects;

/**
 * The permutation importance of one feature (one column, or a group of columns shuffled together):
 * how much the score drops when the feature's values are shuffled across rows, over several
 * shuffles. Part of an {@link ImportanceReport}.
 *
 * <p>As in scikit-learn's {@code permutation_importance}: each drop is the baseline score minus the
 * score with the feature shuffled; {@link #mean()} is their mean ({@code importances_mean}) and
 * {@link #std()} their population standard deviation ({@code importances_std}, NumPy's default
 * {@code ddof=0}). A drop near 0 means the model does not use the feature (or has a substitute for
 * it); a negative drop means shuffling happened to help, which is noise.
 *
 * @param name the column name, or the group name
 * @param columns the column indices shuffled together, in the order given
 * @param mean mean drop over the repeats
 * @param std population standard deviation of the drops
 * @param drops the drop of each repeat, in repeat order ({@code importances})
 */
public record FeatureImportance(
    String name, int[] columns, double mean, double std, double[] drops) {

  /**
   * Copies the arrays.
   *
   * @param name the column name, or the group name
   * @param columns the column indices shuffled together, in the order given
   * @param mean mean drop over the repeats
   * @param std population standard deviation of the drops
   * @param drops the drop of each repeat, in repeat order ({@code importances})
   */
  public FeatureImportance {
    Objects.requireNonNull(name, "name");
    columns = columns.clone();
    drops = drops.clone();
  }

  /**
   * Returns the column indices shuffled together.
   *
   * @return a copy
   */
  @Override
  public int[] columns() {
    return columns.clone();
  }

  /**
   * Returns the drop of each repeat.
   *
   * @return a copy
   */
  @Override
  public double[] drops() {
    return drops.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FeatureImportance other
        && name.equals(other.name)
        && Arrays.equals(columns, other.columns)
        && Double.compare(mean, other.mean) == 0
        && Double.compare(std, other.std) == 0
        && Arrays.equals(drops, other.drops);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, Arrays.hashCode(columns), mean, std, Arrays.hashCode(drops));
  }

  @Override
  public String toString() {
    return name + ": " + mean + " +/- " + std;
  }
}
