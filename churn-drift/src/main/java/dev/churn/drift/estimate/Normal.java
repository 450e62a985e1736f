package dev.churn.drift.estimate;

/**
 * The standard normal quantile, for the two-sided intervals of the estimator. Computed without
 * tabulated coefficients: the CDF by composite Simpson integration of the density, then the
 * quantile by bisection. Called once per estimator configuration, so speed does not matter.
 */
final class Normal {

  private static final int INTERVALS = 4096; // even; error far below 1e-12 on [0, 9]

  private Normal() {}

  /** Returns {@code Phi(z) - 1/2} for {@code z >= 0}. */
  static double halfCdf(double z) {
    double h = z / INTERVALS;
    double sum = density(0.0) + density(z);
    for (int k = 1; k < INTERVALS; k++) {
      sum += (k % 2 == 1 ? 4.0 : 2.0) * density(k * h);
    }
    return sum * h / 3.0;
  }

  /**
   * Returns the {@code z} with {@code P(|Z| <= z) = confidence} for a standard normal {@code Z}.
   *
   * @param confidence in {@code (0, 1)}, at most {@code 1 - 1e-12}
   */
  static double twoSidedQuantile(double confidence) {
    double target = confidence / 2.0;
    double lo = 0.0;
    double hi = 9.0;
    for (int i = 0; i < 200 && hi - lo > 1e-15; i++) {
      double mid = 0.5 * (lo + hi);
      if (halfCdf(mid) < target) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return 0.5 * (lo + hi);
  }

  private static double density(double x) {
    return Math.exp(-0.5 * x * x) / Math.sqrt(2.0 * Math.PI);
  }
}
