package dev.churn.drift;

/**
 * One merged pass over two sorted samples that yields both the Kolmogorov-Smirnov statistic and
 * the Wasserstein distance between their empirical distribution functions. Either sample may be
 * weighted (a reference sketch, or the distinct values of a column with their counts) or a plain
 * sorted array. At every distinct value {@code v} of either sample the walk evaluates {@code
 * F_a(v) - F_b(v)} exactly as SciPy does ({@code searchsorted(side="right") / n}), so on
 * unweighted inputs the results equal {@code ks_2samp} and {@code wasserstein_distance}.
 */
final class EcdfWalk {
  private final double maxDiff;
  private final double minDiff;
  private final double wasserstein;

  private EcdfWalk(double maxDiff, double minDiff, double wasserstein) {
    this.maxDiff = maxDiff;
    this.minDiff = minDiff;
    this.wasserstein = wasserstein;
  }

  /**
   * Walks two samples.
   *
   * @param av the first sample's values, ascending (distinct when weighted)
   * @param aw the weight of each value of {@code av}, or null for weight 1 each
   * @param an how many entries of {@code av} to use
   * @param aTotal the sum of the weights (the first sample's size)
   * @param b the second sample, ascending (distinct when weighted)
   * @param bw the weight of each value of {@code b}, or null for weight 1 each
   * @param bn how many entries of {@code b} to use
   * @param bTotal the sum of the weights of the second sample
   */
  static EcdfWalk of(double[] av, long[] aw, int an, long aTotal, double[] b, long[] bw, int bn,
      long bTotal) {
    int i = 0;
    int j = 0;
    long ca = 0;
    long cb = 0;
    double na = aTotal;
    double nb = bTotal;
    double max = Double.NEGATIVE_INFINITY;
    double min = Double.POSITIVE_INFINITY;
    double w = 0;
    while (i < an || j < bn) {
      if (j >= bn || (i < an && av[i] <= b[j])) {
        // the next value is a point of the first sample (perhaps also of the second)
        double v = av[i];
        ca += aw == null ? 1 : aw[i];
        i++;
        while (i < an && av[i] == v) { // equal values of an unweighted sample
          ca += aw == null ? 1 : aw[i];
          i++;
        }
        while (j < bn && b[j] == v) {
          cb += bw == null ? 1 : bw[j];
          j++;
        }
        double diff = ca / na - cb / nb;
        max = Math.max(max, diff);
        min = Math.min(min, diff);
        if (i < an || j < bn) {
          double next = j >= bn ? av[i] : (i >= an ? b[j] : Math.min(av[i], b[j]));
          w += Math.abs(diff) * (next - v);
        }
      } else {
        // a stretch of second-sample values below the next first-sample point: F_a is constant
        double limit = i < an ? av[i] : Double.POSITIVE_INFINITY;
        double fa = ca / na;
        do {
          double v = b[j];
          do {
            cb += bw == null ? 1 : bw[j];
            j++;
          } while (j < bn && b[j] == v);
          double diff = fa - cb / nb;
          max = Math.max(max, diff);
          min = Math.min(min, diff);
          if (j < bn) {
            w += Math.abs(diff) * (Math.min(b[j], limit) - v);
          } else if (i < an) {
            w += Math.abs(diff) * (limit - v);
          }
        } while (j < bn && b[j] < limit);
      }
    }
    return new EcdfWalk(max, min, w);
  }

  /** Returns the two-sided statistic {@code max(max diff, clip(-min diff, 0, 1))}. */
  double ks() {
    double minS = Math.min(1.0, Math.max(0.0, -minDiff));
    return minS > maxDiff ? minS : maxDiff;
  }

  /** Returns the Wasserstein distance {@code sum |F_a - F_b| * gap}. */
  double wasserstein() {
    return wasserstein;
  }
}
