package dev.churn.models.eval;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of {@link PermutationImportance}: the model's score on the unshuffled data and the
 * importance of each feature or group, in the order the features were given.
 *
 * @param scoring the name of the score (e.g. {@code roc_auc})
 * @param baseline the score on the unshuffled data
 * @param repeats how many shuffles each feature got
 * @param seed the seed of the shuffles
 * @param features the importance of each feature or group, in input order
 */
public record ImportanceReport(
    String scoring, double baseline, int repeats, long seed, List<FeatureImportance> features) {

  /**
   * Copies the list.
   *
   * @param scoring the name of the score (e.g. {@code roc_auc})
   * @param baseline the score on the unshuffled data
   * @param repeats how many shuffles each feature got
   * @param seed the seed of the shuffles
   * @param features the importance of each feature or group, in input order
   */
  public ImportanceReport {
    Objects.requireNonNull(scoring, "scoring");
    features = List.copyOf(features);
  }

  /**
   * Returns the features from most to least important (by mean drop; ties keep input order).
   *
   * @return a new unmodifiable list
   */
  public List<FeatureImportance> sortedByMean() {
    return features.stream()
        .sorted(Comparator.comparingDouble(FeatureImportance::mean).reversed())
        .toList();
  }

  /**
   * Returns the importance of one feature or group.
   *
   * @param name the column or group name
   * @return its importance, or empty if it was not computed
   */
  public Optional<FeatureImportance> get(String name) {
    return features.stream().filter(f -> f.name().equals(name)).findFirst();
  }
}
