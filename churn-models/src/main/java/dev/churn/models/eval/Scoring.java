package dev.churn.models.eval;

import dev.churn.core.metrics.BinaryMetrics;
import java.util.Objects;

/**
 * A model quality score where <em>higher is better</em>, computed from predictions and labels, as
 * scikit-learn's scorers ({@code "roc_auc"}, {@code "neg_log_loss"}, ...). Used by {@link
 * PermutationImportance}, where importance is the score lost when a feature is shuffled.
 *
 * <p>Losses are negated so that the direction is always the same: use {@link #negLogLoss()}, not
 * the log loss.
 *
 * <pre>{@code
 * Scoring auc = Scoring.rocAuc();
 * Scoring liftTop10 = Scoring.of("lift@10%", (p, y) -> BinaryMetrics.liftAtTop(p, y, 0.10));
 * }</pre>
 */
@FunctionalInterface
public interface Scoring {

  /**
   * Scores predictions against labels.
   *
   * @param predictions the model's output per row (a probability for the probability metrics)
   * @param labels the outcome per row
   * @return the score; higher is better
   */
  double score(double[] predictions, boolean[] labels);

  /**
   * Returns a named scoring, whose {@code toString()} is the name (shown in reports).
   *
   * @param name the name, e.g. {@code "roc_auc"}
   * @param scoring the function
   * @return the named scoring
   */
  static Scoring of(String name, Scoring scoring) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(scoring, "scoring");
    return new NamedScoring(name, scoring);
  }

  /**
   * Returns ROC AUC ({@link BinaryMetrics#rocAuc(double[], boolean[])}), scikit-learn's {@code
   * "roc_auc"}.
   *
   * @return the scoring, named {@code roc_auc}
   */
  static Scoring rocAuc() {
    return of("roc_auc", BinaryMetrics::rocAuc);
  }

  /**
   * Returns average precision ({@link BinaryMetrics#averagePrecision(double[], boolean[])}),
   * scikit-learn's {@code "average_precision"}.
   *
   * @return the scoring, named {@code average_precision}
   */
  static Scoring averagePrecision() {
    return of("average_precision", BinaryMetrics::averagePrecision);
  }

  /**
   * Returns the negated log loss ({@link BinaryMetrics#logLoss(double[], boolean[])}),
   * scikit-learn's {@code "neg_log_loss"}.
   *
   * @return the scoring, named {@code neg_log_loss}
   */
  static Scoring negLogLoss() {
    return of("neg_log_loss", (p, y) -> -BinaryMetrics.logLoss(p, y));
  }

  /**
   * Returns the negated Brier score ({@link BinaryMetrics#brier(double[], boolean[])}),
   * scikit-learn's {@code "neg_brier_score"}.
   *
   * @return the scoring, named {@code neg_brier_score}
   */
  static Scoring negBrier() {
    return of("neg_brier_score", (p, y) -> -BinaryMetrics.brier(p, y));
  }
}
