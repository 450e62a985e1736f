package dev.churn.models;

import dev.churn.models.spi.Params;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The result of {@link Trainer#compare()}: every candidate (a backend with parameters) scored
 * under the same cross-validation folds, best first by mean ROC AUC.
 *
 * @param rows the rows compared on
 * @param positives the positive rows
 * @param folds the number of folds
 * @param entries one entry per candidate, best first
 */
public record Leaderboard(int rows, int positives, int folds, List<Entry> entries) {

  /** Checks and sorts the entries. */
  public Leaderboard {
    entries = entries.stream()
        .sorted(Comparator.comparingDouble(Entry::auc).reversed()
            .thenComparing(Entry::backend))
        .toList();
  }

  /** Returns the best entry. */
  public Entry best() {
    return entries.get(0);
  }

  /** Returns the best entry of each backend, best first. */
  public List<Entry> bestPerBackend() {
    java.util.LinkedHashMap<String, Entry> m = new java.util.LinkedHashMap<>();
    for (Entry e : entries) {
      m.putIfAbsent(e.backend(), e);
    }
    return List.copyOf(m.values());
  }

  /**
   * One candidate's cross-validated scores, computed on out-of-fold predictions.
   *
   * @param backend the backend id
   * @param params the parameters
   * @param auc mean ROC AUC over folds
   * @param aucSd standard deviation of the fold AUCs (n - 1)
   * @param foldAuc the AUC of each fold
   * @param prAuc average precision of the out-of-fold predictions
   * @param logLoss log loss of the out-of-fold predictions
   * @param brier Brier score of the out-of-fold predictions
   * @param f1 F1 at the best threshold on the out-of-fold predictions
   * @param trainSeconds total fitting time over the folds
   * @param outOfFold the out-of-fold probability of every row
   */
  public record Entry(String backend, Params params, double auc, double aucSd, double[] foldAuc,
      double prAuc, double logLoss, double brier, double f1, double trainSeconds,
      double[] outOfFold) {
    /** Checks the fields. */
    public Entry {
      Objects.requireNonNull(backend, "backend");
      Objects.requireNonNull(params, "params");
      foldAuc = foldAuc.clone();
    }
  }
}
