package dev.churn.drift;

import java.util.Arrays;
import java.util.Objects;

/**
 * The two-sample statistics behind {@link DriftDetector}, over plain arrays, each defined exactly
 * as its SciPy (or Evidently) counterpart so that numbers can be checked against Python:
 *
 * <pre>{@code
 * DriftStatistics.TestResult ks = DriftStatistics.kolmogorovSmirnov(reference, current);
 * double p = ks.pValue();                  // scipy.stats.ks_2samp(ref, cur, method="asymp")
 * double w = DriftStatistics.wasserstein(reference, current);   // scipy.stats.wasserstein_distance
 * double js = DriftStatistics.jensenShannon(refCounts, curCounts); // scipy...jensenshannon
 * }</pre>
 *
 * <table>
 *   <caption>What each method matches</caption>
 *   <tr><th>method</th><th>reference implementation</th></tr>
 *   <tr><td>{@link #kolmogorovSmirnov}</td><td>{@code scipy.stats.ks_2samp(a, b,
 *       method="asymp")}: statistic and two-sided p-value {@code kstwo.sf(d, round(n1 n2 / (n1 +
 *       n2)))}</td></tr>
 *   <tr><td>{@link #chiSquare}</td><td>{@code scipy.stats.chi2_contingency([a, b])} with its
 *       default {@code correction=True}: Yates' continuity correction when there is one degree of
 *       freedom (two categories), none otherwise</td></tr>
 *   <tr><td>{@link #zTest}</td><td>Evidently's two-proportion z-test: pooled proportion,
 *       two-sided p-value {@code 2 * norm.sf(|z|)}</td></tr>
 *   <tr><td>{@link #wasserstein}</td><td>{@code scipy.stats.wasserstein_distance(a, b)}</td></tr>
 *   <tr><td>{@link #jensenShannon}</td><td>{@code scipy.spatial.distance.jensenshannon(p, q)},
 *       natural logarithm (SciPy's default base), so within {@code [0, sqrt(ln 2)]}</td></tr>
 *   <tr><td>{@link #psi}</td><td>Evidently's population stability index: {@code sum (r - c)
 *       ln(r / c)} over shares, empty bins filled with a small share first</td></tr>
 * </table>
 *
 * <p>Inputs are never modified. Arrays of values must not hold NaN; arrays of counts must not be
 * negative. Violations throw {@link IllegalArgumentException} naming the argument.
 */
public final class DriftStatistics {

  private DriftStatistics() {}

  /**
   * A test statistic with its p-value.
   *
   * @param statistic the statistic (KS distance, chi-square, z)
   * @param pValue the p-value, within {@code [0, 1]}
   */
  public record TestResult(double statistic, double pValue) {}

  // ------------------------------------------------------------------ Kolmogorov-Smirnov

  /**
   * Returns the two-sample Kolmogorov-Smirnov statistic {@code D = sup |F_ref - F_cur|} and its
   * asymptotic two-sided p-value, as {@code scipy.stats.ks_2samp(reference, current,
   * method="asymp")}.
   *
   * @param reference the first sample, not empty, no NaN
   * @param current the second sample, not empty, no NaN
   * @return the statistic and p-value
   */
  public static TestResult kolmogorovSmirnov(double[] reference, double[] current) {
    double[] a = sortedCopy(reference, "reference");
    double[] b = sortedCopy(current, "current");
    double d = EcdfWalk.of(a, null, a.length, a.length, b, null, b.length, b.length).ks();
    return new TestResult(d, kolmogorovSmirnovPValue(d, a.length, b.length));
  }

  /**
   * Returns the asymptotic two-sided p-value of a two-sample KS statistic, SciPy's {@code
   * ks_2samp(method="asymp")} rule: with {@code m >= n} the sample sizes, {@code en = m n / (m +
   * n)}, the p-value is {@code kstwo.sf(d, round(en))}, the exact distribution of the one-sample
   * statistic for {@code round(en)} observations (rounded half to even, as numpy does). For two
   * samples of one value each {@code en = 0.5} rounds to 0, where SciPy returns NaN; this method
   * uses {@code n = 1} instead.
   *
   * @param d the statistic, in {@code [0, 1]}
   * @param n1 the size of one sample, at least 1
   * @param n2 the size of the other sample, at least 1
   * @return the p-value
   */
  public static double kolmogorovSmirnovPValue(double d, long n1, long n2) {
    if (n1 < 1 || n2 < 1) {
      throw new IllegalArgumentException(
          "sample sizes were " + n1 + " and " + n2 + " but both must be >= 1");
    }
    double m = Math.max(n1, n2);
    double n = Math.min(n1, n2);
    double en = m * n / (m + n);
    // two single values give en = 0.5, which numpy rounds to 0 and SciPy answers NaN; use 1
    return Distributions.kolmogorovSf(Math.max(1, (int) Math.rint(en)), d);
  }

  // ------------------------------------------------------------------ chi-square

  /**
   * Returns Pearson's chi-square test of homogeneity on the {@code 2 x k} table whose rows are
   * {@code reference} and {@code current} counts per category, as {@code
   * scipy.stats.chi2_contingency([reference, current])} (default {@code correction=True}).
   * Categories empty in both rows are left out first (SciPy would refuse the zero expected
   * frequency). With one category left there are no degrees of freedom: statistic 0, p-value 1.
   * With two categories (one degree of freedom) Yates' continuity correction is applied, each
   * observed count moved by at most 0.5 toward its expected count.
   *
   * @param reference counts per category in the reference, not negative, at least one positive
   * @param current counts per category in the current data, same length, at least one positive
   * @return the statistic and p-value with {@code k - 1} degrees of freedom
   */
  public static TestResult chiSquare(long[] reference, long[] current) {
    checkCounts(reference, current);
    int k = 0;
    long rowA = 0;
    long rowB = 0;
    for (int i = 0; i < reference.length; i++) {
      if (reference[i] + current[i] > 0) {
        k++;
      }
      rowA += reference[i];
      rowB += current[i];
    }
    if (rowA == 0 || rowB == 0) {
      throw new IllegalArgumentException(
          "chi-square needs at least one count in each sample but the sums were " + rowA + " and "
              + rowB);
    }
    if (k <= 1) {
      return new TestResult(0.0, 1.0);
    }
    double[] obs = new double[2 * k];
    double[] exp = new double[2 * k];
    double total = (double) rowA + rowB;
    int j = 0;
    for (int i = 0; i < reference.length; i++) {
      long col = reference[i] + current[i];
      if (col == 0) {
        continue;
      }
      obs[j] = reference[i];
      obs[k + j] = current[i];
      exp[j] = (double) rowA * col / total;
      exp[k + j] = (double) rowB * col / total;
      j++;
    }
    int dof = k - 1;
    if (dof == 1) {
      for (int i = 0; i < obs.length; i++) {
        double diff = exp[i] - obs[i];
        obs[i] += Math.signum(diff) * Math.min(0.5, Math.abs(diff));
      }
    }
    double stat = 0;
    for (int i = 0; i < obs.length; i++) {
      double d = obs[i] - exp[i];
      stat += d * d / exp[i];
    }
    return new TestResult(stat, Distributions.chi2Sf(stat, dof));
  }

  // ------------------------------------------------------------------ z-test

  /**
   * Returns the two-proportion z-test of Evidently's {@code z_stat_test}: with {@code p1 =
   * referenceHits / referenceTotal}, {@code p2 = currentHits / currentTotal} and the pooled
   * {@code P}, {@code z = (p1 - p2) / sqrt(P (1 - P) (1/n1 + 1/n2))} and the two-sided p-value
   * {@code 2 * norm.sf(|z|)}. When both samples hold only hits or only misses ({@code P} is 0 or
   * 1) the samples agree: {@code z = 0}, p-value 1.
   *
   * @param referenceHits values of the tested kind in the reference
   * @param referenceTotal all reference values, at least 1
   * @param currentHits values of the tested kind in the current data
   * @param currentTotal all current values, at least 1
   * @return the signed z statistic (positive when the share fell) and p-value
   */
  public static TestResult zTest(
      long referenceHits, long referenceTotal, long currentHits, long currentTotal) {
    if (referenceTotal < 1 || currentTotal < 1) {
      throw new IllegalArgumentException("totals were " + referenceTotal + " and " + currentTotal
          + " but both must be >= 1");
    }
    if (referenceHits < 0 || referenceHits > referenceTotal || currentHits < 0
        || currentHits > currentTotal) {
      throw new IllegalArgumentException("hits must be within [0, total] but were "
          + referenceHits + "/" + referenceTotal + " and " + currentHits + "/" + currentTotal);
    }
    double n1 = referenceTotal;
    double n2 = currentTotal;
    double p1 = referenceHits / n1;
    double p2 = currentHits / n2;
    double pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
    double var = pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2);
    if (!(var > 0)) {
      return new TestResult(0.0, 1.0);
    }
    double z = (p1 - p2) / Math.sqrt(var);
    return new TestResult(z, Math.min(1.0, 2 * Distributions.normalSf(Math.abs(z))));
  }

  // ------------------------------------------------------------------ distances

  /**
   * Returns the first Wasserstein (earth mover's) distance between two samples, {@code integral
   * |F_ref(x) - F_cur(x)| dx}, as {@code scipy.stats.wasserstein_distance(reference, current)}.
   *
   * @param reference the first sample, not empty, no NaN or infinity
   * @param current the second sample, not empty, no NaN or infinity
   * @return the distance, in the unit of the values
   */
  public static double wasserstein(double[] reference, double[] current) {
    double[] a = sortedCopy(reference, "reference");
    double[] b = sortedCopy(current, "current");
    checkFinite(a, "reference");
    checkFinite(b, "current");
    return EcdfWalk.of(a, null, a.length, a.length, b, null, b.length, b.length).wasserstein();
  }

  /**
   * Returns the Jensen-Shannon distance between two discrete distributions, as {@code
   * scipy.spatial.distance.jensenshannon(p, q)} with its default natural logarithm: the square
   * root of the mean Kullback-Leibler divergence of {@code p} and {@code q} from their midpoint.
   * Both are normalised to sum 1 first, so counts may be passed. The result is symmetric and lies
   * within {@code [0, sqrt(ln 2)]} (about 0.8326); divide by {@code sqrt(ln 2)} for base 2.
   *
   * @param p weights per category, not negative, not all zero
   * @param q weights per category, same length, not negative, not all zero
   * @return the distance
   */
  public static double jensenShannon(double[] p, double[] q) {
    checkWeights(p, q);
    double sp = 0;
    double sq = 0;
    for (int i = 0; i < p.length; i++) {
      sp += p[i];
      sq += q[i];
    }
    double left = 0;
    double right = 0;
    for (int i = 0; i < p.length; i++) {
      double a = p[i] / sp;
      double b = q[i] / sq;
      double m = (a + b) / 2.0;
      if (a > 0) {
        left += a * Math.log(a / m);
      }
      if (b > 0) {
        right += b * Math.log(b / m);
      }
    }
    double js = left + right;
    return Math.sqrt(Math.max(0.0, js / 2.0));
  }

  /**
   * Returns the population stability index of Evidently's {@code psi_stat_test}: shares {@code
   * r_i} and {@code c_i} per bin (weights divided by their sum); in each of the two, empty bins
   * get the share {@code min / 10^6} where {@code min} is the smallest non-zero share of that
   * sample if it is at most {@code 10^-4}, and {@code 10^-4} otherwise; then {@code PSI = sum (r_i -
   * c_i) ln(r_i / c_i)}. Symmetric and never negative.
   *
   * @param reference weights per bin in the reference, not negative, not all zero
   * @param current weights per bin in the current data, same length, not negative, not all zero
   * @return the index
   */
  public static double psi(double[] reference, double[] current) {
    checkWeights(reference, current);
    double[] r = filledShares(reference);
    double[] c = filledShares(current);
    double psi = 0;
    for (int i = 0; i < r.length; i++) {
      psi += (r[i] - c[i]) * Math.log(r[i] / c[i]);
    }
    return psi;
  }

  private static double[] filledShares(double[] w) {
    double sum = 0;
    for (double x : w) {
      sum += x;
    }
    double[] s = new double[w.length];
    double min = Double.POSITIVE_INFINITY;
    for (int i = 0; i < w.length; i++) {
      s[i] = w[i] / sum;
      if (s[i] != 0) {
        min = Math.min(min, s[i]);
      }
    }
    double fill = min <= 0.0001 ? min / 1e6 : 0.0001;
    for (int i = 0; i < s.length; i++) {
      if (s[i] == 0) {
        s[i] = fill;
      }
    }
    return s;
  }

  // ------------------------------------------------------------------ distributions

  /**
   * Returns the survival function of the two-sided one-sample Kolmogorov-Smirnov statistic for
   * {@code n} observations, {@code P(D_n >= d)}, as {@code scipy.stats.kstwo.sf(d, n)}.
   *
   * @param d the statistic
   * @param n the number of observations, at least 1
   * @return the probability
   */
  public static double kolmogorovSf(double d, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n was " + n + " but it must be >= 1");
    }
    return Distributions.kolmogorovSf(n, d);
  }

  /**
   * Returns the chi-square survival function {@code P(X >= x)}, as {@code
   * scipy.stats.chi2.sf(x, dof)}.
   *
   * @param x the statistic
   * @param dof the degrees of freedom, {@code > 0}
   * @return the probability
   */
  public static double chiSquareSf(double x, double dof) {
    if (!(dof > 0)) {
      throw new IllegalArgumentException("dof was " + dof + " but it must be > 0");
    }
    return Distributions.chi2Sf(x, dof);
  }

  /**
   * Returns the standard normal survival function {@code P(Z >= z)}, as {@code
   * scipy.stats.norm.sf(z)}, with full relative accuracy in the upper tail.
   *
   * @param z the value
   * @return the probability
   */
  public static double normalSf(double z) {
    return Distributions.normalSf(z);
  }

  // ------------------------------------------------------------------ checks

  private static double[] sortedCopy(double[] values, String name) {
    Objects.requireNonNull(values, name);
    if (values.length == 0) {
      throw new IllegalArgumentException(name + " was empty but it must hold at least one value");
    }
    double[] a = values.clone();
    for (int i = 0; i < a.length; i++) {
      if (Double.isNaN(a[i])) {
        throw new IllegalArgumentException(name + "[" + i + "] was NaN but values must not be NaN");
      }
      a[i] += 0.0; // -0.0 becomes 0.0
    }
    RadixSort.sort(a, a.length);
    return a;
  }

  private static void checkFinite(double[] sorted, String name) {
    if (Double.isInfinite(sorted[0]) || Double.isInfinite(sorted[sorted.length - 1])) {
      throw new IllegalArgumentException(name + " holds an infinite value but values must be"
          + " finite for the Wasserstein distance");
    }
  }

  private static void checkCounts(long[] a, long[] b) {
    Objects.requireNonNull(a, "reference");
    Objects.requireNonNull(b, "current");
    if (a.length != b.length) {
      throw new IllegalArgumentException("reference has " + a.length + " categories but current"
          + " has " + b.length + "; they must have the same length");
    }
    for (int i = 0; i < a.length; i++) {
      if (a[i] < 0 || b[i] < 0) {
        throw new IllegalArgumentException(
            "counts at " + i + " were " + a[i] + " and " + b[i] + " but counts must be >= 0");
      }
    }
  }

  private static void checkWeights(double[] p, double[] q) {
    Objects.requireNonNull(p, "reference");
    Objects.requireNonNull(q, "current");
    if (p.length != q.length || p.length == 0) {
      throw new IllegalArgumentException("the two distributions have " + p.length + " and "
          + q.length + " bins; they must have the same, non-zero length");
    }
    for (double[] w : new double[][] {p, q}) {
      boolean positive = false;
      for (double x : w) {
        if (!(x >= 0) || Double.isInfinite(x)) {
          throw new IllegalArgumentException(
              "weights must be finite and >= 0 but one was " + x + " in " + Arrays.toString(w));
        }
        positive |= x > 0;
      }
      if (!positive) {
        throw new IllegalArgumentException("weights must not all be zero: " + Arrays.toString(w));
      }
    }
  }
}
