package dev.churn.drift.monitor;

/**
 * The metrics a {@link PerformanceMonitor} computes on a labelled cohort, with the direction in
 * which each one is better.
 *
 * <p>Notation: every scored row is <em>recommended</em> (flagged for action: a retention call, a
 * discount, a product offer) or not, and its realized label is <em>positive</em> (the customer
 * churned, or bought the product) or not. With {@code tp} recommended and positive, {@code fp}
 * recommended and negative, {@code fn} positive but not recommended, {@code tn} the rest and
 * {@code n} all rows:
 *
 * <table>
 *   <caption>Definitions</caption>
 *   <tr><th>metric</th><th>definition</th><th>better</th></tr>
 *   <tr><td>{@link #ROC_AUC}</td><td>area under the ROC curve of the scores (ties count
 *       one half), as scikit-learn's {@code roc_auc_score}</td><td>higher</td></tr>
 *   <tr><td>{@link #F1}</td><td>F1 of the recommendation itself: {@code 2 tp / (2 tp + fp +
 *       fn)}, as {@code f1_score(labels, recommended)}</td><td>higher</td></tr>
 *   <tr><td>{@link #CONVERSION_RATE}</td><td>share of the recommended rows that turned out
 *       positive: {@code tp / (tp + fp)} (precision of the recommendation)</td>
 *       <td>higher</td></tr>
 *   <tr><td>{@link #ERROR_RATE}</td><td>share of <em>all</em> rows that were positive but not
 *       recommended (missed opportunities): {@code fn / n}</td><td>lower</td></tr>
 *   <tr><td>{@link #NEGATIVE_HITS}</td><td>share of <em>all</em> rows that were recommended but
 *       turned out negative (customers bothered for nothing): {@code fp / n}</td>
 *       <td>lower</td></tr>
 *   <tr><td>{@link #CAUGHT_IN_AB}</td><td>share of the positive rows (churners) that were in
 *       risk bucket A or B</td><td>higher</td></tr>
 * </table>
 *
 * <p>Error rate and negative hits are shares of all scored rows (customer, or customer-product
 * pairs), not of the positives or of the recommended: that is the only reading under which the
 * seed plan's thresholds (error at most 5 %, negative hits at most 2 %, next to conversion at
 * least 15 % and F1 at least 0.20) can hold together. The confusion counts are part of every
 * {@link PerformanceReport}, so other shares (for example the miss rate {@code fn / (tp + fn)})
 * can be derived from it.
 */
public enum Metric {
  /** Area under the ROC curve of the scores. */
  ROC_AUC(true),
  /** F1 of the recommendation against the realized labels. */
  F1(true),
  /** Recommended rows that turned out positive, as a share of the recommended rows. */
  CONVERSION_RATE(true),
  /** Positive rows that were not recommended, as a share of all rows. */
  ERROR_RATE(false),
  /** Recommended rows that turned out negative, as a share of all rows. */
  NEGATIVE_HITS(false),
  /** Positive rows (churners) in risk bucket A or B, as a share of all positive rows. */
  CAUGHT_IN_AB(true);

  private final boolean higherIsBetter;

  Metric(boolean higherIsBetter) {
    this.higherIsBetter = higherIsBetter;
  }

  /**
   * Tells in which direction the metric improves, which fixes the kind of {@link FlagRule} it
   * takes: {@link FlagRule#atLeast(double, double)} when higher is better, {@link
   * FlagRule#atMost(double, double)} otherwise.
   *
   * @return true if higher values are better
   */
  public boolean higherIsBetter() {
    return higherIsBetter;
  }
}
