package dev.churn.models;

import dev.churn.core.metrics.BinaryMetrics;

/** Fits the {@link Calibration} of a method on out-of-fold predictions; chooses thresholds. */
final class Calibrators {
  private Calibrators() {}

  static Calibration fit(Calibration.Method method, double[] outOfFold, boolean[] y) {
    return switch (method) {
      case NONE -> Calibration.none();
      case ISOTONIC, PLATT -> throw new UnsupportedOperationException("pending: " + method);
    };
  }

  static double thresholdForRecall(double[] p, boolean[] y, double recall) {
    return BinaryMetrics.bestF1Threshold(p, y).threshold();
  }
}
