package dev.churn.drift;

/**
 * Inputs shared by the drift tests, generated without data files: a 64-bit linear congruential
 * generator that the Python reference scripts reproduce bit for bit, and generators built only
 * from IEEE additions, subtractions, multiplications and floors, which Python's floats round the
 * same way. The Python side is:
 *
 * <pre>
 * class Lcg:
 *     def __init__(s, seed): s.x = seed % 2**64
 *     def next(s):
 *         s.x = (s.x * 6364136223846793005 + 1442695040888963407) % 2**64
 *         return (s.x &gt;&gt; 11) * 2.0**-53
 * def normals(seed, n, loc=0.0, scale=1.0):   # Irwin-Hall: 12 uniforms - 6
 *     g = Lcg(seed); out = []
 *     for _ in range(n):
 *         s = 0.0
 *         for _ in range(12): s += g.next()
 *         out.append((s - 6.0) * scale + loc)
 *     return out
 * def ints(seed, n, k): g = Lcg(seed); return [float(int(g.next() * k)) for _ in range(n)]
 * def uniforms(seed, n): g = Lcg(seed); return [g.next() for _ in range(n)]
 * def with_missing(values, seed, share):
 *     g = Lcg(seed); return [float('nan') if g.next() &lt; share else v for v in values]
 * def bools(seed, n, p): g = Lcg(seed); return [g.next() &lt; p for _ in range(n)]
 * def cats(seed, n, k): g = Lcg(seed); return ["abcdefghij"[int(g.next() * k)] for _ in range(n)]
 * </pre>
 */
final class DriftFixtures {
  private DriftFixtures() {}

  /** Knuth's MMIX LCG; {@link #next()} is the top 53 bits as a double in [0, 1). */
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

  static double[] normals(long seed, int n) {
    return normals(seed, n, 0.0, 1.0);
  }

  static double[] normals(long seed, int n, double loc) {
    return normals(seed, n, loc, 1.0);
  }

  static double[] normals(long seed, int n, double loc, double scale) {
    Lcg g = new Lcg(seed);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0.0;
      for (int k = 0; k < 12; k++) {
        s += g.next();
      }
      out[i] = (s - 6.0) * scale + loc;
    }
    return out;
  }

  static double[] ints(long seed, int n, int k) {
    Lcg g = new Lcg(seed);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = (int) (g.next() * k);
    }
    return out;
  }

  static double[] uniforms(long seed, int n) {
    Lcg g = new Lcg(seed);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = g.next();
    }
    return out;
  }

  static double[] withMissing(double[] values, long seed, double share) {
    Lcg g = new Lcg(seed);
    double[] out = values.clone();
    for (int i = 0; i < out.length; i++) {
      if (g.next() < share) {
        out[i] = Double.NaN;
      }
    }
    return out;
  }

  static boolean[] bools(long seed, int n, double p) {
    Lcg g = new Lcg(seed);
    boolean[] out = new boolean[n];
    for (int i = 0; i < n; i++) {
      out[i] = g.next() < p;
    }
    return out;
  }

  static String[] cats(long seed, int n, int k) {
    Lcg g = new Lcg(seed);
    String[] out = new String[n];
    for (int i = 0; i < n; i++) {
      out[i] = String.valueOf("abcdefghij".charAt((int) (g.next() * k)));
    }
    return out;
  }
}
