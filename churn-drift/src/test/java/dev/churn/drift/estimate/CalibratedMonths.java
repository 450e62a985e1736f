package dev.churn.drift.estimate;

import java.util.SplittableRandom;

/**
 * Simulated months of a calibrated model: probabilities drawn from a Beta distribution and
 * labels drawn from them, {@code y ~ Bernoulli(p)}, all from one seed.
 */
final class CalibratedMonths {

  private CalibratedMonths() {}

  /** One month: the model's probabilities and what then happened. */
  record Month(double[] probabilities, boolean[] labels) {}

  static Month month(long seed, int rows, double a, double b) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] p = new double[rows];
    boolean[] y = new boolean[rows];
    for (int i = 0; i < rows; i++) {
      p[i] = beta(random, a, b);
      y[i] = random.nextDouble() < p[i];
    }
    return new Month(p, y);
  }

  static double beta(SplittableRandom random, double a, double b) {
    double x = gamma(random, a);
    double y = gamma(random, b);
    return x / (x + y);
  }

  /** Marsaglia and Tsang's method; shapes below 1 through {@code G(a) = G(a + 1) U^(1/a)}. */
  static double gamma(SplittableRandom random, double shape) {
    if (shape < 1.0) {
      return gamma(random, shape + 1.0) * Math.pow(random.nextDouble(), 1.0 / shape);
    }
    double d = shape - 1.0 / 3.0;
    double c = 1.0 / Math.sqrt(9.0 * d);
    while (true) {
      double x = random.nextGaussian();
      double v = 1.0 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = random.nextDouble();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
        return d * v;
      }
    }
  }
}
