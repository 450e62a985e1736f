package dev.churn.drift.policy;

/**
 * What the team (or the monthly job) should do about the model in production, from the least to
 * the most disruptive. Actions are ordered: a decision takes the most severe action any signal
 * asks for.
 */
public enum Action {
  /** Nothing: the month looks like the training data and the model performs as expected. */
  NONE,
  /** Keep the model, look closer: review the drifted columns and check again soon. */
  WATCH,
  /** Retrain the same model family with the same parameters on recent data, then promote it. */
  RETRAIN,
  /**
   * Back to experimentation: the data or the customers changed too much for the current setup;
   * compare all backends again and revisit features.
   */
  REEXPERIMENT;

  /** Returns the more severe of two actions. */
  public Action max(Action other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
