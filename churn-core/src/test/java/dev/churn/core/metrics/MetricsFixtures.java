package dev.churn.core.metrics;

/**
 * Fixed inputs shared by the metric tests. The generated ones come from a 64-bit LCG that the
 * Python reference script reproduces bit for bit, so no data file is needed: the script builds the
 * same arrays with the same IEEE operations and computes the expected values with scikit-learn.
 */
final class MetricsFixtures {

  private MetricsFixtures() {}

  /** One labelled sample: a score per row and a label per row. */
  record Sample(String name, double[] scores, boolean[] labels) {

    int positives() {
      int count = 0;
      for (boolean label : labels) {
        if (label) {
          count++;
        }
      }
      return count;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * 64-bit linear congruential generator with Knuth's MMIX constants; {@link #next()} returns the
   * top 53 bits as a double in [0, 1). Python: {@code x = (x * A + C) & (2**64 - 1); (x >> 11) *
   * 2.0**-53}.
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

  /** scikit-learn's documentation example for roc_auc_score and average_precision_score. */
  static Sample hand() {
    return new Sample(
        "hand", new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {false, false, true, true});
  }

  /** Probabilities at and next to 0 and 1, several of them confidently wrong. */
  static Sample extremes() {
    return new Sample(
        "extremes",
        new double[] {0.0, 1.0, 0.0, 1.0, 0.5, 0.9, 0.2, 1e-16, 0.9999999999999999, 0.3},
        new boolean[] {false, true, true, false, true, true, false, true, false, false});
  }

  /** Every score equal. */
  static Sample allTied() {
    return new Sample(
        "allTied",
        new double[] {0.5, 0.5, 0.5, 0.5, 0.5},
        new boolean[] {true, false, false, true, false});
  }

  /** Unbounded scores (logits) with negative values and both signed zeros. */
  static Sample logits() {
    return new Sample(
        "logits",
        new double[] {-1.5, -0.0, 0.0, 2.0, 0.0, -3.0, 0.7, -0.0},
        new boolean[] {false, true, false, true, true, false, false, false});
  }

  /** 60 rows, scores in {0.0, 0.1, ..., 1.0} (11 distinct values), labels loosely follow scores. */
  static Sample ties() {
    Lcg r = new Lcg(7);
    int n = 60;
    double[] s = new double[n];
    boolean[] y = new boolean[n];
    for (int i = 0; i < n; i++) {
      double score = Math.floor(r.next() * 11) / 10.0;
      s[i] = score;
      y[i] = r.next() < 0.15 + 0.7 * score;
    }
    return new Sample("ties", s, y);
  }

  /** 2,000 rows of calibrated probabilities: p uniform, label drawn with probability p. */
  static Sample random2000() {
    Lcg r = new Lcg(42);
    int n = 2000;
    double[] s = new double[n];
    boolean[] y = new boolean[n];
    for (int i = 0; i < n; i++) {
      double p = r.next();
      s[i] = p;
      y[i] = r.next() < p;
    }
    return new Sample("random2000", s, y);
  }

  /** 1,000 rows with about 3% positives: p = 0.01 + 0.08 u^2, label drawn with probability p. */
  static Sample imbalanced() {
    Lcg r = new Lcg(2026);
    int n = 1000;
    double[] s = new double[n];
    boolean[] y = new boolean[n];
    for (int i = 0; i < n; i++) {
      double u = r.next();
      double p = 0.01 + 0.08 * u * u;
      s[i] = p;
      y[i] = r.next() < p;
    }
    return new Sample("imbalanced", s, y);
  }
}
