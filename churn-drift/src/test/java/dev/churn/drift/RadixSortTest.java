package dev.churn.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The radix sort on arrays large enough for its 16-bit digits, and on values that share their
 * leading bits (the insertion pass and its hand-over to the JDK's sort). Small arrays are covered
 * by the property tests.
 */
class RadixSortTest {
  private static final int N = 200_000;

  private static double[] fill(IntToDoubleFunction f) {
    double[] a = new double[N];
    for (int i = 0; i < N; i++) {
      a[i] = f.applyAsDouble(i);
    }
    return a;
  }

  /** Checks {@code sort} against the JDK's sort, and {@code sortFinite} against a filter. */
  static void assertSortsLikeTheJdk(double[] a) {
    double[] expected = a.clone();
    Arrays.sort(expected);
    double[] actual = a.clone();
    RadixSort.sort(actual, actual.length);
    assertThat(actual).isEqualTo(expected);

    double[] finite = Arrays.stream(a).filter(Double::isFinite).map(v -> v + 0.0).sorted()
        .toArray();
    double[] x = a.clone();
    int m = RadixSort.sortFinite(x, x.length, new Scratch());
    assertThat(Arrays.copyOf(x, m)).isEqualTo(finite);
  }

  @Test
  void continuousValuesOfBothSigns() {
    SplittableRandom r = new SplittableRandom(1);
    assertSortsLikeTheJdk(fill(i -> r.nextGaussian() * 1e3));
  }

  @Test
  void specialValuesAmongContinuousOnes() {
    SplittableRandom r = new SplittableRandom(2);
    double[] specials = {-0.0, 0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, Double.NaN};
    double[] a = fill(i -> i % 97 == 0 ? specials[r.nextInt(specials.length)] : r.nextDouble());
    double[] noNaN = Arrays.stream(a).map(v -> Double.isNaN(v) ? 0.5 : v).toArray();
    assertSortsLikeTheJdk(noNaN); // sort() takes no NaN
    double[] x = a.clone();
    int m = RadixSort.sortFinite(x, x.length, new Scratch());
    assertThat(Arrays.copyOf(x, m))
        .isEqualTo(Arrays.stream(a).filter(Double::isFinite).map(v -> v + 0.0).sorted().toArray());
  }

  @Test
  void valuesSharingTheirLeadingBits_areOrderedByTheInsertionPass() {
    // 0 and values near 1 span 2^62 keys, so a prefix stands for 2^30 keys; the values near 1
    // span 2^48 keys: about 1.5 values per prefix, put in order by the insertion pass
    SplittableRandom r = new SplittableRandom(3);
    assertSortsLikeTheJdk(fill(i -> i == 0 ? 0.0 : 1.0 + r.nextLong(1L << 48) * Math.ulp(1.0)));
  }

  @Test
  void crowdedValuesInAWideRange_areHandedOverToTheJdkSort() {
    // one tiny outlier widens the range so much that the crowd around 1 shares a few prefixes
    SplittableRandom r = new SplittableRandom(4);
    assertSortsLikeTheJdk(fill(i -> i == 0 ? 1e-300 : 1.0 + r.nextInt(1 << 20) * 1e-15));
  }

  @Test
  void fewDistinctValuesAndAllEqualValues() {
    SplittableRandom r = new SplittableRandom(5);
    assertSortsLikeTheJdk(fill(i -> r.nextInt(10)));
    assertSortsLikeTheJdk(fill(i -> 42.0));
    assertSortsLikeTheJdk(fill(i -> -(double) i)); // descending
  }
}
