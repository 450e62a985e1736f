package dev.churn.drift;

/**
 * The probability distributions behind the drift tests, implemented here so that p-values agree
 * with SciPy 1.10 without a native dependency:
 *
 * <ul>
 *   <li>{@link #kolmogorovSf(int, double)}: the survival function of the two-sided one-sample
 *       Kolmogorov-Smirnov statistic {@code D_n}, SciPy's {@code kstwo.sf(d, n)}, with the same
 *       choice of method by region (Simard and L'Ecuyer 2011): Ruben-Gambino closed forms at the
 *       ends, the Durbin matrix algorithm as simplified by Marsaglia, Tsang and Wang, the
 *       Pomeranz recursion, the Pelz-Good asymptotic series and twice the one-sided tail;
 *   <li>{@link #smirnovSf(int, double)}: the one-sided tail {@code P(D_n+ >= d)} by the
 *       Birnbaum-Tingey sum, SciPy's {@code scipy.special.smirnov};
 *   <li>{@link #chi2Sf(double, double)}: the chi-square survival function through the
 *       regularized upper incomplete gamma function (series below {@code a + 1}, Lentz's
 *       continued fraction above);
 *   <li>{@link #normalSf(double)} through {@link #erfc(double)}, accurate to a few ulps over the
 *       whole double range.
 * </ul>
 *
 * <p>Where SciPy computes in extended or double-double precision, these methods use plain doubles
 * with the same formulas; the difference stays far below the 1e-6 that p-values are compared at
 * (see the tests).
 */
final class Distributions {
  /** Below this, {@code exp} underflows to zero: cephes' MINLOG. */
  private static final double MIN_LOG = -7.08396418532264106224e2;

  private static final double TWO_128 = 0x1p128;
  private static final double TWO_M128 = 0x1p-128;
  private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);
  private static final double LOG_2PI = Math.log(2 * Math.PI);
  private static final double PI_SQUARED = Math.PI * Math.PI;
  private static final double PI_FOUR = PI_SQUARED * PI_SQUARED;
  private static final double PI_SIX = PI_FOUR * PI_SQUARED;
  private static final double SQRT3 = Math.sqrt(3);
  private static final double EPS = Math.ulp(1.0);
  private static final double LN2 = Math.log(2);

  /** Bernoulli-number coefficients {@code B_2j / (2j (2j - 1))}, j = 8 down to 1. */
  private static final double[] STIRLING = {
    -2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3,
    8.4175084175084175084e-4, -5.952380952380952381e-4, 7.9365079365079365079e-4,
    -2.7777777777777777778e-3, 8.3333333333333333333e-2
  };

  private Distributions() {}

  private static double clip(double p) {
    return p < 0 ? 0 : Math.min(p, 1);
  }

  // ------------------------------------------------------------------ Kolmogorov-Smirnov

  /**
   * Returns {@code P(D_n >= x)} for the two-sided one-sample Kolmogorov-Smirnov statistic of a
   * sample of size {@code n}, as SciPy's {@code kstwo.sf(x, n)}.
   */
  static double kolmogorovSf(int n, double x) {
    if (Double.isNaN(x) || n <= 0) {
      return Double.NaN;
    }
    if (x >= 1.0) {
      return 0.0;
    }
    if (x <= 0.0) {
      return 1.0;
    }
    double t = n * x;
    if (t <= 1.0) { // Ruben-Gambino: 1/2n <= x <= 1/n
      if (t <= 0.5) {
        return 1.0;
      }
      double prob;
      if (n <= 140) {
        prob = 1.0;
        double invN = 1.0 / n;
        double f = 2 * t - 1;
        for (int i = 1; i <= n; i++) {
          prob *= i * invN * f;
        }
      } else {
        prob = Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
      }
      return clip(1.0 - prob);
    }
    if (t >= n - 1) { // Ruben-Gambino
      return clip(2 * Math.pow(1.0 - x, n));
    }
    if (x >= 0.5) { // exact: twice the one-sided tail
      return clip(2 * smirnovSf(n, x));
    }
    double nxSquared = t * x;
    if (n <= 140) {
      if (nxSquared <= 0.754693) {
        return clip(1.0 - durbinCdf(n, x));
      }
      if (nxSquared <= 4) {
        return clip(1.0 - pomeranzCdf(n, x));
      }
      return clip(2 * smirnovSf(n, x));
    }
    if (nxSquared >= 370.0) {
      return 0.0;
    }
    if (nxSquared >= 2.2) {
      return clip(2 * smirnovSf(n, x));
    }
    double cdf;
    if (n <= 100000 && n * Math.pow(x, 1.5) <= 1.4) {
      cdf = durbinCdf(n, x);
    } else {
      cdf = pelzGoodCdf(n, x);
    }
    return clip(1.0 - clip(cdf));
  }

  /** Returns {@code log(n! / n^n)} by Stirling's series, with {@code n log n} removed up front. */
  private static double logFactorialOverPower(int n) {
    double rn = 1.0 / n;
    double x = rn / n;
    double poly = 0;
    for (double c : STIRLING) {
      poly = poly * x + c;
    }
    return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * poly;
  }

  /** {@code P(D_n <= d)} by the Durbin matrix algorithm (Marsaglia, Tsang and Wang 2003). */
  static double durbinCdf(int n, double d) {
    if (d >= 1.0) {
      return 1.0;
    }
    double nd = n * d;
    if (nd <= 0.5) {
      return 0.0;
    }
    int k = (int) Math.ceil(nd);
    double h = k - nd;
    int m = 2 * k - 1;

    double[] v = new double[m];
    double[] w = new double[m];
    double fac = 1.0;
    for (int j = 1; j <= m; j++) {
      v[j - 1] = 1.0 - Math.pow(h, j);
      w[j - 1] = fac;
      fac /= j;
      v[j - 1] *= fac;
    }
    double tt = Math.pow(Math.max(2 * h - 1.0, 0), m) - 2 * Math.pow(h, m);
    v[m - 1] = (1.0 + tt) * fac;

    double[][] hm = new double[m][m];
    for (int i = 1; i < m; i++) {
      for (int r = i - 1; r < m; r++) {
        hm[r][i] = w[r - (i - 1)];
      }
    }
    for (int r = 0; r < m; r++) {
      hm[r][0] = v[r];
    }
    for (int c = 0; c < m; c++) {
      hm[m - 1][c] = v[m - 1 - c];
    }

    double[][] power = new double[m][m];
    for (int i = 0; i < m; i++) {
      power[i][i] = 1.0;
    }
    int nn = n;
    int exponent = 0;
    int hExponent = 0;
    while (nn > 0) {
      if (nn % 2 == 1) {
        power = multiply(power, hm);
        exponent += hExponent;
      }
      hm = multiply(hm, hm);
      hExponent *= 2;
      if (Math.abs(hm[k - 1][k - 1]) > TWO_128) {
        for (double[] row : hm) {
          for (int c = 0; c < m; c++) {
            row[c] /= TWO_128;
          }
        }
        hExponent += 128;
      }
      nn /= 2;
    }
    double p = power[k - 1][k - 1];
    for (int i = 1; i <= n; i++) {
      p = i * p / n;
      if (Math.abs(p) < TWO_M128) {
        p *= TWO_128;
        exponent -= 128;
      }
    }
    if (exponent != 0) {
      p = Math.scalb(p, exponent);
    }
    return clip(p);
  }

  private static double[][] multiply(double[][] a, double[][] b) {
    int m = a.length;
    double[][] out = new double[m][m];
    for (int i = 0; i < m; i++) {
      double[] ai = a[i];
      double[] oi = out[i];
      for (int l = 0; l < m; l++) {
        double x = ai[l];
        if (x == 0) {
          continue;
        }
        double[] bl = b[l];
        for (int j = 0; j < m; j++) {
          oi[j] += x * bl[j];
        }
      }
    }
    return out;
  }

  /** {@code P(D_n <= x)} by the Pomeranz (1974) recursion. */
  static double pomeranzCdf(int n, double x) {
    double t = n * x;
    int ll = (int) Math.floor(t);
    double f = t - ll;
    double g = Math.min(f, 1.0 - f);
    int ceilf = f > 0 ? 1 : 0;
    int roundf = f > 0.5 ? 1 : 0;
    int npwrs = 2 * (ll + 1);
    double[] gpower = new double[npwrs];
    double[] twogpower = new double[npwrs];
    double[] onem2gpower = new double[npwrs];
    gpower[0] = 1.0;
    twogpower[0] = 1.0;
    onem2gpower[0] = 1.0;
    int exponent = 0;
    double gOverN = g / n;
    double twoGOverN = 2 * g / n;
    double oneMinusTwoGOverN = (1 - 2 * g) / n;
    for (int m = 1; m < npwrs; m++) {
      gpower[m] = gpower[m - 1] * gOverN / m;
      twogpower[m] = twogpower[m - 1] * twoGOverN / m;
      onem2gpower[m] = onem2gpower[m - 1] * oneMinusTwoGOverN / m;
    }
    double[] v0 = new double[npwrs];
    double[] v1 = new double[npwrs];
    v1[0] = 1;
    int v0s = 0;
    int v1s = 0;
    int[] j12 = pomeranzBounds(0, n, ll, ceilf, roundf);
    int j1 = j12[0];
    for (int i = 1; i < 2 * n + 2; i++) {
      int k1 = j1;
      double[] swap = v0;
      v0 = v1;
      v1 = swap;
      int swapS = v0s;
      v0s = v1s;
      v1s = swapS;
      java.util.Arrays.fill(v1, 0.0);
      j12 = pomeranzBounds(i, n, ll, ceilf, roundf);
      j1 = j12[0];
      int j2 = j12[1];
      double[] pwrs =
          (i == 1 || i == 2 * n + 1) ? gpower : (i % 2 == 1 ? twogpower : onem2gpower);
      int ln2 = j2 - k1 + 1;
      if (ln2 > 0) {
        int from = k1 - v0s;
        int aLen = Math.max(0, Math.min(ln2, npwrs - from));
        int bLen = Math.min(ln2, npwrs);
        int convStart = j1 - k1;
        int convLen = j2 - j1 + 1;
        double max = 0;
        for (int q = 0; q < convLen; q++) {
          int kk = convStart + q; // index into the full convolution
          double s = 0;
          int lo = Math.max(0, kk - (bLen - 1));
          int hi = Math.min(aLen - 1, kk);
          for (int a = lo; a <= hi; a++) {
            s += v0[from + a] * pwrs[kk - a];
          }
          v1[q] = s;
          max = Math.max(max, s);
        }
        if (max > 0 && max < TWO_M128) {
          for (int q = 0; q < npwrs; q++) {
            v1[q] *= TWO_128;
          }
          exponent -= 128;
        }
        v1s = v0s + j1 - k1;
      }
    }
    double ans = v1[n - v1s];
    for (int m = 1; m <= n; m++) {
      if (Math.abs(ans) > TWO_128) {
        ans *= TWO_M128;
        exponent += 128;
      }
      ans *= m;
    }
    if (exponent != 0) {
      ans = Math.scalb(ans, exponent);
    }
    return clip(ans);
  }

  private static int[] pomeranzBounds(int i, int n, int ll, int ceilf, int roundf) {
    int j1;
    int j2;
    if (i == 0) {
      j1 = -ll - ceilf - 1;
      j2 = ll + ceilf - 1;
    } else {
      int ip1div2 = (i + 1) / 2;
      int ip1mod2 = (i + 1) % 2;
      if (ip1mod2 == 0) { // i is odd
        if (ip1div2 == n + 1) {
          j1 = n - ll - ceilf - 1;
          j2 = n + ll + ceilf - 1;
        } else {
          j1 = ip1div2 - 1 - ll - roundf - 1;
          j2 = ip1div2 + ll - 1 + ceilf - 1;
        }
      } else {
        j1 = ip1div2 - 1 - ll - 1;
        j2 = ip1div2 + ll + roundf - 1;
      }
    }
    return new int[] {Math.max(j1 + 2, 0), Math.min(j2, n)};
  }

  /** The Pelz-Good (1976) approximation to {@code P(D_n <= x)}. */
  static double pelzGoodCdf(int n, double x) {
    if (x <= 0.0) {
      return 0.0;
    }
    if (x >= 1.0) {
      return 1.0;
    }
    double z = Math.sqrt(n) * x;
    double z2 = z * z;
    double z3 = z2 * z;
    double z4 = z2 * z2;
    double z6 = z4 * z2;
    double qlog = -PI_SQUARED / 8 / z2;
    if (qlog < -708) {
      return 0.0;
    }
    double q = Math.exp(qlog);

    double k1a = -z2;
    double k1b = PI_SQUARED / 4;
    double k2a = 6 * z6 + 2 * z4;
    double k2b = (2 * z4 - 5 * z2) * PI_SQUARED / 4;
    double k2c = PI_FOUR * (1 - 2 * z2) / 16;
    double k3d = PI_SIX * (5 - 30 * z2) / 64;
    double k3c = PI_FOUR * (-60 * z2 + 212 * z4) / 16;
    double k3b = PI_SQUARED * (135 * z4 - 96 * z6) / 4;
    double k3a = -30 * z6 - 90 * Math.pow(z, 8);

    double[] kk = new double[4];
    int maxk = (int) Math.ceil(16 * z / Math.PI);
    for (int k = maxk; k > 0; k--) {
      double m = 2 * k - 1;
      double m2 = m * m;
      double m4 = m2 * m2;
      double m6 = m4 * m2;
      double qpower = Math.pow(q, 8 * k);
      kk[0] = kk[0] * qpower + 1.0;
      kk[1] = kk[1] * qpower + (k1a + k1b * m2);
      kk[2] = kk[2] * qpower + (k2a + k2b * m2 + k2c * m4);
      kk[3] = kk[3] * qpower + (k3a + k3b * m2 + k3c * m4 + k3d * m6);
    }
    double[] div = {z, 6 * z4, 72 * Math.pow(z, 7), 6480 * Math.pow(z, 10)};
    for (int i = 0; i < 4; i++) {
      kk[i] = kk[i] * q * SQRT_2PI / div[i];
    }
    double q2 = Math.exp(-PI_SQUARED / 2 / z2);
    double sqrt3z = SQRT3 * z;
    double k2extra = 0;
    double k3extra = 0;
    for (int k = maxk; k > 0; k--) {
      double ksq = (double) k * k;
      double qp = Math.pow(q2, ksq);
      double kpi = Math.PI * k;
      k2extra += ksq * qp;
      k3extra += (sqrt3z + kpi) * (sqrt3z - kpi) * ksq * qp;
    }
    kk[2] += k2extra * (PI_SQUARED * SQRT_2PI / (-36 * z3));
    kk[3] += k3extra * (PI_SQUARED * SQRT_2PI / (216 * z6));
    double sum = 0;
    for (int i = 0; i < 4; i++) {
      sum += kk[i] / Math.pow(n, i / 2.0);
    }
    return sum;
  }

  /**
   * Returns {@code P(D_n+ >= x)}, the survival function of the one-sided Kolmogorov-Smirnov
   * statistic, as SciPy's {@code scipy.special.smirnov(n, x)}: exact closed forms for {@code x
   * <= 1/n} and {@code x >= 1 - 1/n}, the Birnbaum-Tingey sum (evaluated in logarithms) between,
   * and SciPy's exponential approximation above a million observations.
   */
  static double smirnovSf(int n, double x) {
    if (!(n > 0 && x >= 0.0 && x <= 1.0)) {
      return Double.NaN;
    }
    if (n == 1) {
      return 1 - x;
    }
    if (x == 0.0) {
      return 1.0;
    }
    if (x == 1.0) {
      return 0.0;
    }
    // n * x = nxHi + nxLo exactly, then its floor and fractional part alpha
    double nxHi = n * x;
    double nxLo = Math.fma(n, x, -nxHi);
    double fl = Math.floor(nxHi);
    if (fl == nxHi && nxLo < 0) {
      fl -= 1;
    }
    double alpha = (nxHi - fl) + nxLo;
    int nxfl = (int) fl;
    if (alpha >= 1) {
      nxfl += 1;
      alpha = 0;
    }
    int n1mxfl = n - nxfl - (alpha == 0 ? 0 : 1);
    if (alpha == 0) {
      n1mxfl -= 1;
    }
    if (nxfl == 0 || (nxfl == 1 && alpha == 0)) {
      double cdf = x * Math.pow(1 + x, n - 1);
      return clip(1 - cdf);
    }
    if (-2 * n * x * x < MIN_LOG) {
      return 0.0;
    }
    if (nxfl >= n - 1) {
      return clip(Math.pow(1 - x, n));
    }
    if (n > 1_000_000) {
      double logp = -Math.pow(6 * n * x + 1.0, 2) / 18.0 / n;
      return clip(Math.exp(logp));
    }
    // Lower Birnbaum-Tingey sum: x * sum_v C(n, v) (1 - x - v/n)^(n - v) (x + v/n)^(v - 1)
    int terms = n1mxfl + 1;
    // C(n, v) kept as mantissa * 2^exponent, updated by exact-ish ratios
    double binomialMantissa = 1;
    int binomialExponent = 0;
    double sum = 0;
    int vmid = n / 2;
    for (int v = 0; v < terms; v++) {
      double y = (v + nxHi + nxLo) / n; // x + v/n; 1 - y = 1 - x - v/n
      double logTerm = (Math.log(binomialMantissa) + binomialExponent * LN2)
          + ((n - v) * Math.log1p(-y) + (v - 1) * Math.log(y));
      double a = logTerm < MIN_LOG - 40 ? 0.0 : Math.exp(logTerm);
      sum += a;
      if (a != 0) {
        if (4.0 * (terms - v) * a < EPS * sum && v != terms - 1 && v > 0) {
          break;
        }
      } else if (v > vmid) {
        break;
      }
      binomialMantissa = binomialMantissa * (n - v) / (v + 1);
      int e = Math.getExponent(binomialMantissa);
      binomialMantissa = Math.scalb(binomialMantissa, -e);
      binomialExponent += e;
    }
    return clip(x * sum);
  }

  // ------------------------------------------------------------------ gamma and chi-square

  /** Returns {@code log Gamma(x)} for {@code x > 0}, to about 1e-15 relative accuracy. */
  static double logGamma(double x) {
    if (!(x > 0)) {
      return Double.NaN;
    }
    if (x == 1 || x == 2) {
      return 0.0;
    }
    // Shift to x >= 15 with Gamma(x) = Gamma(x + k) / (x (x + 1) ... (x + k - 1)).
    double shift = 0;
    double product = 1;
    while (x < 15) {
      product *= x;
      x += 1;
      if (product > 1e280) {
        shift += Math.log(product);
        product = 1;
      }
    }
    shift += Math.log(product);
    double r = 1.0 / x;
    double r2 = r * r;
    double poly = 0;
    for (double c : STIRLING) {
      poly = poly * r2 + c;
    }
    return (x - 0.5) * Math.log(x) - x + LOG_2PI / 2 + r * poly - shift;
  }

  /**
   * Returns the regularized upper incomplete gamma function {@code Q(a, x) = Gamma(a, x) /
   * Gamma(a)}, SciPy's {@code gammaincc(a, x)}.
   */
  static double gammaQ(double a, double x) {
    if (Double.isNaN(a) || Double.isNaN(x) || a <= 0 || x < 0) {
      return Double.NaN;
    }
    if (x == 0) {
      return 1.0;
    }
    if (Double.isInfinite(x)) {
      return 0.0;
    }
    double logPrefactor = -x + a * Math.log(x) - logGamma(a);
    if (x < a + 1) {
      // Series for P(a, x) = e^-x x^a / Gamma(a + 1) * sum x^k / ((a + 1) ... (a + k))
      double term = 1.0 / a;
      double sum = term;
      for (int k = 1; k < 100_000; k++) {
        term *= x / (a + k);
        sum += term;
        if (Math.abs(term) < Math.abs(sum) * 1e-17) {
          break;
        }
      }
      double p = Math.exp(logPrefactor) * sum;
      return clip(1.0 - p);
    }
    // Continued fraction for Q (modified Lentz).
    double tiny = 1e-300;
    double b = x + 1 - a;
    double c = 1 / tiny;
    double d = 1 / b;
    double h = d;
    for (int i = 1; i < 100_000; i++) {
      double an = -i * (i - a);
      b += 2;
      d = an * d + b;
      if (Math.abs(d) < tiny) {
        d = tiny;
      }
      c = b + an / c;
      if (Math.abs(c) < tiny) {
        c = tiny;
      }
      d = 1 / d;
      double delta = d * c;
      h *= delta;
      if (Math.abs(delta - 1) < 1e-17) {
        break;
      }
    }
    if (logPrefactor < MIN_LOG - 40) {
      return 0.0;
    }
    return clip(Math.exp(logPrefactor) * h);
  }

  /** Returns the chi-square survival function {@code P(X >= x)} with {@code dof} degrees. */
  static double chi2Sf(double x, double dof) {
    if (Double.isNaN(x) || !(dof > 0)) {
      return Double.NaN;
    }
    if (x <= 0) {
      return 1.0;
    }
    return gammaQ(dof / 2, x / 2);
  }

  // ------------------------------------------------------------------ normal

  /**
   * Returns the complementary error function. Below 2 it sums the everywhere-positive series
   * {@code erf(x) = 2/sqrt(pi) e^(-x^2) sum 2^k x^(2k+1) / (1 * 3 * ... * (2k+1))}; from 2 on it
   * evaluates Laplace's continued fraction, which converges quickly there and keeps full relative
   * accuracy in the far tail.
   */
  static double erfc(double x) {
    if (Double.isNaN(x)) {
      return Double.NaN;
    }
    if (x < 0) {
      return 2.0 - erfc(-x);
    }
    if (x < 2) {
      double x2 = x * x;
      double term = x;
      double sum = x;
      for (int k = 1; k < 200; k++) {
        term *= 2 * x2 / (2 * k + 1);
        sum += term;
        if (term < sum * 1e-17) {
          break;
        }
      }
      double erf = 2 / Math.sqrt(Math.PI) * Math.exp(-x2) * sum;
      return 1.0 - erf;
    }
    if (x > 27.3) {
      return 0.0;
    }
    // erfc(x) = e^(-x^2)/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...))))
    double tiny = 1e-300;
    double f = x;
    double c = x;
    double d = 0;
    for (int i = 1; i < 5000; i++) {
      double an = i / 2.0;
      d = x + an * d;
      if (d == 0) {
        d = tiny;
      }
      c = x + an / c;
      if (c == 0) {
        c = tiny;
      }
      d = 1 / d;
      double delta = c * d;
      f *= delta;
      if (Math.abs(delta - 1) < 1e-17) {
        break;
      }
    }
    // e^(-x^2) with x^2 split exactly into hi + lo for full accuracy
    double x2 = x * x;
    double x2lo = Math.fma(x, x, -x2);
    return Math.exp(-x2) * Math.exp(-x2lo) / (Math.sqrt(Math.PI) * f);
  }

  /** Returns the standard normal survival function {@code P(Z >= z)}, SciPy's {@code norm.sf}. */
  static double normalSf(double z) {
    return 0.5 * erfc(z / Math.sqrt(2));
  }
}
