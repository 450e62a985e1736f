package dev.churn.examples.sim;

/**
 * A small, fast pseudo-random generator (SplitMix64) whose output depends only on its seed, never
 * on the JDK version: the simulator's files must be byte-identical for the same configuration.
 *
 * <p>Each member (and each member-month of listening) gets its own generator seeded from the
 * simulation seed and the member number, so members can be generated in any order and on any
 * number of threads without changing a single byte of output.
 */
final class Rng {

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private long state;
  private boolean hasSpare;
  private double spare;

  Rng(long seed) {
    reseed(seed);
  }

  /** Restarts the generator from a seed. */
  void reseed(long seed) {
    state = seed;
    hasSpare = false;
  }

  /** The SplitMix64 finalizer: a bijection of 64-bit values with good avalanche. */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Derives an independent seed from a parent seed and a stream or member number. */
  static long seed(long parent, long child) {
    return mix64(mix64(parent + GOLDEN) ^ mix64(child * GOLDEN + 0x632BE59BD9B4E019L));
  }

  long nextLong() {
    state += GOLDEN;
    return mix64(state);
  }

  /** Uniform in [0, 1). */
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform in [0, bound), for {@code 0 < bound <= 2^31 - 1} (multiply-shift; the bias is negligible). */
  int nextInt(int bound) {
    return (int) (((nextLong() >>> 33) * bound) >>> 31);
  }

  /** Standard normal (Marsaglia's polar method, with StrictMath so results do not depend on the CPU). */
  double nextGaussian() {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    double u;
    double v;
    double s;
    do {
      u = 2 * nextDouble() - 1;
      v = 2 * nextDouble() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    double m = Math.sqrt(-2 * StrictMath.log(s) / s);
    spare = v * m;
    hasSpare = true;
    return u * m;
  }

  /** Exponential with the given mean. */
  double nextExponential(double mean) {
    return -mean * StrictMath.log1p(-nextDouble());
  }

  /** Picks an index with probability proportional to the cumulative weights {@code cum} (last = 1). */
  int pick(double[] cum) {
    double u = nextDouble();
    for (int i = 0; i < cum.length - 1; i++) {
      if (u < cum[i]) {
        return i;
      }
    }
    return cum.length - 1;
  }

  /** Turns weights into cumulative probabilities ending at exactly 1. */
  static double[] cumulative(double... weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double[] cum = new double[weights.length];
    double run = 0;
    for (int i = 0; i < weights.length; i++) {
      run += weights[i];
      cum[i] = run / total;
    }
    cum[cum.length - 1] = 1.0;
    return cum;
  }
}
