package dev.churn.drift.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;

/**
 * Property tests of {@link Adwin}: whatever the series, the window is the most recent suffix of
 * it, its statistics are those of that suffix, and the histogram stays logarithmic. The seed is
 * fixed so that every run checks the same examples.
 */
class AdwinProperties {

  private static final long SEED = 20260612L;

  private static QuickTheory qt() {
    return QuickTheory.qt().withFixedSeed(SEED).withExamples(200);
  }

  /**
   * Series of 1 to 1500 values on a grid of eleven levels in [0, 1], made of up to four segments
   * with different levels so that the window is sometimes cut.
   */
  private static Gen<double[]> series() {
    Gen<List<Integer>> segments = lists().of(integers().between(0, 10)).ofSizeBetween(1, 4);
    return segments.zip(integers().between(1, 1500), integers().between(0, 1_000_000),
        AdwinProperties::toSeries);
  }

  private static double[] toSeries(List<Integer> levels, int length, int noiseSeed) {
    java.util.SplittableRandom random = new java.util.SplittableRandom(noiseSeed);
    double[] x = new double[length];
    for (int i = 0; i < length; i++) {
      int segment = (int) ((long) i * levels.size() / length);
      double level = levels.get(segment) / 10.0;
      x[i] = random.nextDouble() < 0.3 ? random.nextInt(11) / 10.0 : level; // noisy level
    }
    return x;
  }

  @Test
  void windowIsTheSuffixOfTheSeries() {
    qt().forAll(series())
        .checkAssert(
            x -> {
              Adwin adwin = Adwin.builder().maxBuckets(3).minSubWindow(3).build();
              for (int i = 0; i < x.length; i++) {
                adwin.update(x[i]);
                long w = adwin.width();
                assertThat(w + adwin.dropped()).isEqualTo(i + 1);
                double sum = 0;
                for (int k = i + 1 - (int) w; k <= i; k++) {
                  sum += x[k];
                }
                double mean = sum / w;
                double ss = 0;
                for (int k = i + 1 - (int) w; k <= i; k++) {
                  ss += (x[k] - mean) * (x[k] - mean);
                }
                assertThat(adwin.mean()).isCloseTo(mean, within(1e-9));
                assertThat(adwin.variance()).isCloseTo(ss / w, within(1e-9));
                int sizes = 64 - Long.numberOfLeadingZeros(w); // floor(log2 w) + 1
                assertThat(adwin.buckets()).isLessThanOrEqualTo(3 * sizes + 1);
              }
            });
  }

  @Test
  void driftsAreExactlyTheUpdatesThatShrinkTheWindow() {
    qt().forAll(series())
        .checkAssert(
            x -> {
              Adwin adwin = Adwin.builder().build();
              for (double v : x) {
                long before = adwin.width();
                DetectorState s = adwin.update(v);
                assertThat(s == DetectorState.DRIFT).isEqualTo(adwin.width() < before + 1);
              }
            });
  }
}
