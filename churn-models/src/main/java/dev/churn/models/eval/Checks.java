package dev.churn.models.eval;

/** Argument checks shared by the classes of this package; messages name the argument and rule. */
final class Checks {

  private Checks() {}

  /** Checks non-null, equal, non-zero lengths and, optionally, finite values. */
  static void scoresAndLabels(double[] scores, boolean[] labels, boolean finite) {
    if (scores == null) {
      throw new IllegalArgumentException("scores must not be null");
    }
    if (labels == null) {
      throw new IllegalArgumentException("labels must not be null");
    }
    if (scores.length != labels.length) {
      throw new IllegalArgumentException(
          "scores and labels must have the same length (scores.length="
              + scores.length
              + ", labels.length="
              + labels.length
              + ")");
    }
    if (scores.length == 0) {
      throw new IllegalArgumentException("scores and labels must not be empty");
    }
    for (int i = 0; i < scores.length; i++) {
      double s = scores[i];
      if (finite ? !Double.isFinite(s) : Double.isNaN(s)) {
        throw new IllegalArgumentException(
            "scores[" + i + "] was " + s + " but it must be " + (finite ? "finite" : "a number"));
      }
    }
  }

  /** Checks probabilities within [0, 1]. */
  static void probabilities(double[] p) {
    for (int i = 0; i < p.length; i++) {
      if (!(p[i] >= 0 && p[i] <= 1)) {
        throw new IllegalArgumentException(
            "probabilities[" + i + "] was " + p[i] + " but it must be within [0, 1]");
      }
    }
  }

  /** Checks finite, non-negative weights of the right length with a positive total. */
  static void weights(double[] weights, int n) {
    if (weights.length != n) {
      throw new IllegalArgumentException(
          "weights must have one value per row (weights.length="
              + weights.length
              + ", rows="
              + n
              + ")");
    }
    boolean anyPositive = false;
    for (int i = 0; i < n; i++) {
      double w = weights[i];
      if (!(w >= 0) || !Double.isFinite(w)) {
        throw new IllegalArgumentException(
            "weights[" + i + "] was " + w + " but it must be finite and >= 0");
      }
      anyPositive |= w > 0;
    }
    if (!anyPositive) {
      throw new IllegalArgumentException("weights must not all be 0");
    }
  }
}
