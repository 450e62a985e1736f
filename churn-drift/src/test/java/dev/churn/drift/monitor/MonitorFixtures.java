package dev.churn.drift.monitor;

/**
 * Inputs of the monitor tests. The generated sample comes from a 64-bit LCG that a Python script
 * reproduced bit for bit to compute the reference values with scikit-learn, so no data file is
 * needed (only the numbers are kept, in {@link PerformanceMonitorTest}).
 */
final class MonitorFixtures {

  private MonitorFixtures() {}

  /** A scored cohort: score, label and, where used, the decision threshold 0.7. */
  record Cohort(double[] scores, boolean[] labels) {

    boolean[] recommendedAt(double threshold) {
      boolean[] r = new boolean[scores.length];
      for (int i = 0; i < scores.length; i++) {
        r[i] = scores[i] >= threshold;
      }
      return r;
    }
  }

  /**
   * 64-bit LCG with Knuth's MMIX constants; {@link #next()} returns the top 53 bits as a double
   * in [0, 1). Python: {@code x = (x * A + C) & (2**64 - 1); (x >> 11) * 2.0**-53}.
   */
  static final class Lcg {
    private long x;

    Lcg(long seed) {
      this.x = seed;
    }

    double next() {
      x = x * 6364136223846793005L + 1442695040888963407L;
      return (x >>> 11) * 0x1p-53;
    }
  }

  /** 20 hand-written rows, scores descending, 7 positives. */
  static Cohort hand() {
    double[] s = {
      0.95, 0.91, 0.85, 0.80, 0.74, 0.70, 0.66, 0.61, 0.55, 0.50,
      0.47, 0.44, 0.40, 0.35, 0.30, 0.25, 0.20, 0.15, 0.10, 0.05
    };
    int[] y = {1, 1, 0, 1, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0};
    boolean[] labels = new boolean[y.length];
    for (int i = 0; i < y.length; i++) {
      labels[i] = y[i] == 1;
    }
    return new Cohort(s, labels);
  }

  /**
   * 1000 rows: {@code u, v} from the LCG seeded 20240611; score {@code floor(u * 100) / 100}
   * (many ties), label {@code v < 0.02 + 0.3 * u * u}. Python builds the same with the same IEEE
   * operations.
   */
  static Cohort generated() {
    Lcg lcg = new Lcg(20240611L);
    int n = 1000;
    double[] s = new double[n];
    boolean[] y = new boolean[n];
    for (int i = 0; i < n; i++) {
      double u = lcg.next();
      double v = lcg.next();
      s[i] = Math.floor(u * 100.0) / 100.0;
      y[i] = v < 0.02 + 0.3 * u * u;
    }
    return new Cohort(s, y);
  }
}
