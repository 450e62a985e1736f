package dev.churn.models.eval;

/**
 * The 32-bit Mersenne Twister (MT19937, Matsumoto and Nishimura 1998) seeded and used as NumPy's
 * legacy {@code numpy.random.RandomState(seed)} uses it, so that a shuffle here permutes an array
 * exactly as {@code RandomState(seed).shuffle} does. {@link StratifiedKFold} relies on it to give
 * scikit-learn's folds row for row.
 *
 * <p>Seeding is {@code init_genrand} on the low 32 bits of the seed; {@link #interval(long)} is
 * NumPy's masked rejection sampling ({@code random_interval}); {@link #shuffle(int[])} is its
 * Fisher-Yates loop from the last element down. Not thread-safe.
 */
final class LegacyMt19937 {
  private static final int N = 624;
  private static final int M = 397;
  private static final int MATRIX_A = 0x9908b0df;
  private static final int UPPER_MASK = 0x80000000;
  private static final int LOWER_MASK = 0x7fffffff;

  private final int[] mt = new int[N];
  private int index;

  /** Seeds the generator like {@code RandomState(seed & 0xffffffff)}. */
  LegacyMt19937(long seed) {
    mt[0] = (int) seed;
    for (int i = 1; i < N; i++) {
      mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
    }
    index = N;
  }

  /** Returns the next 32 random bits as an unsigned value. */
  long nextUint32() {
    if (index >= N) {
      twist();
    }
    int y = mt[index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y & 0xffffffffL;
  }

  private void twist() {
    for (int i = 0; i < N; i++) {
      int y = (mt[i] & UPPER_MASK) | (mt[(i + 1) % N] & LOWER_MASK);
      mt[i] = mt[(i + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
    }
    index = 0;
  }

  /** Returns a uniform value in {@code [0, max]} for {@code 0 <= max < 2^32}. */
  long interval(long max) {
    if (max == 0) {
      return 0;
    }
    long mask = max;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    long value;
    do {
      value = nextUint32() & mask;
    } while (value > max);
    return value;
  }

  /** Permutes the array in place as {@code RandomState.shuffle} permutes a 1-d array. */
  void shuffle(int[] a) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = (int) interval(i);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
