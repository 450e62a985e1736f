package dev.churn.drift.stream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Seeded synthetic series with a known change point, and the bookkeeping of detection delays
 * and false alarms over many of them.
 */
final class SyntheticSeries {

  private SyntheticSeries() {}

  /** Error bits: Bernoulli({@code before}) up to {@code changeAt}, then Bernoulli({@code after}). */
  static double[] errorBits(long seed, int length, double before, int changeAt, double after) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] x = new double[length];
    for (int i = 0; i < length; i++) {
      x[i] = random.nextDouble() < (i < changeAt ? before : after) ? 1.0 : 0.0;
    }
    return x;
  }

  /** Gaussian values: mean {@code before} up to {@code changeAt}, then {@code after}. */
  static double[] gaussian(
      long seed, int length, double before, int changeAt, double after, double sd) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] x = new double[length];
    for (int i = 0; i < length; i++) {
      x[i] = (i < changeAt ? before : after) + sd * random.nextGaussian();
    }
    return x;
  }

  /** The outcome of running a detector over many series with one change point each. */
  record Outcome(
      String name, int series, int detected, int[] delays, int falseAlarms, long valuesBefore) {

    double detectionRate() {
      return (double) detected / series;
    }

    double medianDelay() {
      return percentile(0.5);
    }

    double percentile(double q) {
      if (delays.length == 0) {
        return Double.NaN;
      }
      int[] sorted = delays.clone();
      Arrays.sort(sorted);
      return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }

    double meanDelay() {
      return Arrays.stream(delays).average().orElse(Double.NaN);
    }

    /** False alarms per 10,000 values before the change. */
    double falseAlarmsPer10k() {
      return falseAlarms * 10_000.0 / valuesBefore;
    }

    String describe() {
      return String.format(
          Locale.ROOT,
          "%-38s detected %3d/%d, delay mean %7.1f median %6.0f p90 %6.0f max %6.0f; "
              + "false alarms before the change %d (%.2f per 10k values)",
          name, detected, series, meanDelay(), medianDelay(), percentile(0.9),
          delays.length == 0 ? Double.NaN : Arrays.stream(delays).max().getAsInt(),
          falseAlarms, falseAlarmsPer10k());
    }
  }

  /** Generates one series per seed. */
  interface SeriesMaker {
    double[] make(long seed);
  }

  /**
   * Runs a fresh detector over one series per seed. A detection is the first DRIFT at or after
   * {@code changeAt} and within {@code horizon} values of it; DRIFTs before {@code changeAt} are
   * false alarms.
   */
  static Outcome run(
      String name, Supplier<ChangeDetector> detectors, SeriesMaker maker, int seriesCount,
      long firstSeed, int changeAt, int horizon) {
    List<Integer> delays = new ArrayList<>();
    int falseAlarms = 0;
    long valuesBefore = 0;
    for (int k = 0; k < seriesCount; k++) {
      double[] x = maker.make(firstSeed + k);
      ChangeDetector detector = detectors.get();
      int found = -1;
      for (int i = 0; i < x.length && i < changeAt + horizon; i++) {
        DetectorState s = detector.update(x[i]);
        if (s == DetectorState.DRIFT) {
          if (i < changeAt) {
            falseAlarms++;
          } else if (found < 0) {
            found = i;
            break;
          }
        }
      }
      valuesBefore += Math.min(changeAt, x.length);
      if (found >= 0) {
        delays.add(found - changeAt);
      }
    }
    return new Outcome(
        name, seriesCount, delays.size(), delays.stream().mapToInt(Integer::intValue).toArray(),
        falseAlarms, valuesBefore);
  }

  /** The outcome on stationary series: how many drifts and how many series had any. */
  record Stationary(String name, int series, long values, int alarms, int seriesWithAlarm) {

    double alarmsPer10k() {
      return alarms * 10_000.0 / values;
    }

    double seriesWithAlarmRate() {
      return (double) seriesWithAlarm / series;
    }

    String describe() {
      return String.format(
          Locale.ROOT,
          "%-38s %d stationary series of %d values: %d false alarms (%.3f per 10k values), "
              + "%d series (%.1f %%) with at least one",
          name, series, values / series, alarms, alarmsPer10k(), seriesWithAlarm,
          100.0 * seriesWithAlarmRate());
    }
  }

  static Stationary stationary(
      String name, Supplier<ChangeDetector> detectors, SeriesMaker maker, int seriesCount,
      long firstSeed) {
    int alarms = 0;
    int withAlarm = 0;
    long values = 0;
    for (int k = 0; k < seriesCount; k++) {
      double[] x = maker.make(firstSeed + k);
      List<Change> changes = detectors.get().detect(x);
      long drifts = changes.stream().filter(c -> c.state() == DetectorState.DRIFT).count();
      alarms += (int) drifts;
      if (drifts > 0) {
        withAlarm++;
      }
      values += x.length;
    }
    return new Stationary(name, seriesCount, values, alarms, withAlarm);
  }
}
