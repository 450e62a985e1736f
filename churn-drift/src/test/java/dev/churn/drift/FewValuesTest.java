package dev.churn.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FewValuesTest {

  @Test
  void countsEachFiniteValueOnce_ascending_withMinusZeroAsZero() {
    double[] x = {3, 1, Double.NaN, -0.0, 1, 0.0, Double.POSITIVE_INFINITY, 3, 3,
        Double.NEGATIVE_INFINITY, -2.5};
    FewValues f = FewValues.of(x, x.length, 8);
    assertThat(f).isNotNull();
    assertThat(f.values()).containsExactly(-2.5, 0.0, 1.0, 3.0);
    assertThat(f.counts()).containsExactly(1, 2, 2, 3);
    assertThat(f.total()).isEqualTo(8);
    assertThat(f.size()).isEqualTo(4);
    assertThat(Double.doubleToRawLongBits(f.values()[1])).isZero(); // +0.0, not -0.0
  }

  @Test
  void givesUpWhenThereAreMoreDistinctValuesThanTheLimit() {
    double[] x = new double[1000];
    for (int i = 0; i < x.length; i++) {
      x[i] = i % 17;
    }
    assertThat(FewValues.of(x, x.length, 17)).isNotNull();
    assertThat(FewValues.of(x, x.length, 16)).isNull();
    assertThat(FewValues.of(x, 16, 16)).isNotNull(); // only the first n entries are read
  }

  @Test
  void findsEveryValueAmongManyCollidingOnes() {
    SplittableRandom r = new SplittableRandom(7);
    double[] x = new double[100_000];
    long[] expected = new long[FewValues.LIMIT];
    for (int i = 0; i < x.length; i++) {
      int k = r.nextInt(FewValues.LIMIT);
      x[i] = k * 1024.0; // values that differ only in high bits
      expected[k]++;
    }
    FewValues f = FewValues.of(x, x.length, FewValues.LIMIT);
    assertThat(f.size()).isEqualTo(FewValues.LIMIT);
    assertThat(f.counts()).isEqualTo(expected);
    assertThat(f.total()).isEqualTo(x.length);
  }

  @Test
  void emptyAndAllMissingColumns_haveNoValues() {
    assertThat(FewValues.of(new double[0], 0, 4).size()).isZero();
    FewValues f = FewValues.of(new double[] {Double.NaN, Double.NaN}, 2, 4);
    assertThat(f.size()).isZero();
    assertThat(f.total()).isZero();
  }
}
