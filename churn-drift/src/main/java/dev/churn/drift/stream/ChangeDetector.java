package dev.churn.drift.stream;

import java.util.ArrayList;
import java.util.List;

/**
 * A streaming concept-drift detector: it reads a series one value at a time (a per-row error bit,
 * 1 for a wrong prediction and 0 for a right one, or a per-period metric such as monthly ROC AUC)
 * and says whether the series has changed.
 *
 * <p>Implementations: {@link PageHinkley} (a shift in the mean of any series), {@link Adwin} (an
 * adaptive window over values in {@code [0, 1]}), {@link Ddm} (a rise in an error rate, with a
 * warning level). Each is configured with a builder whose defaults are documented there.
 *
 * <pre>{@code
 * ChangeDetector detector = Ddm.builder().build();
 * for (int row = 0; row < predicted.length; row++) {
 *   boolean wrong = predicted[row] != churned[row];
 *   DetectorState state = detector.update(wrong ? 1 : 0);
 *   if (state == DetectorState.DRIFT) {
 *     log.warn("concept drift at row {}", row);
 *   }
 * }
 *
 * // or over a whole series at once
 * List<Change> changes = PageHinkley.builder().lambda(0.3).build().detect(monthlyAuc);
 * }</pre>
 *
 * <p><b>After a drift.</b> When {@link #update(double)} returns {@link DetectorState#DRIFT} the
 * detector has already adapted: {@link PageHinkley} and {@link Ddm} restart from scratch, {@link
 * Adwin} has dropped the part of its window from before the change. The next value is the first
 * evidence about the new regime; there is no need to call {@link #reset()}.
 *
 * <p>Detectors are mutable and not thread-safe: use one per series, from one thread at a time.
 */
public interface ChangeDetector {

  /**
   * Adds the next value of the series and returns the detector's conclusion.
   *
   * @param value the next value; its allowed range depends on the detector
   * @return NONE, WARNING or DRIFT after this value
   * @throws IllegalArgumentException if the value is NaN or outside the detector's range
   */
  DetectorState update(double value);

  /**
   * Returns the state returned by the last {@link #update(double)}, or NONE before the first one
   * and after {@link #reset()}.
   *
   * @return the current state
   */
  DetectorState state();

  /**
   * Forgets everything seen so far, as if freshly built with the same parameters.
   */
  void reset();

  /**
   * Returns how many values the detector's current statistics are based on: the values since
   * the last reset or drift for {@link PageHinkley} and {@link Ddm}, the window width for {@link
   * Adwin}.
   *
   * @return the number of values in the current statistics
   */
  long observations();

  /**
   * Feeds a whole series through {@link #update(double)} and returns where it drifted and where
   * warning periods began. The detector keeps its state afterwards, so a series can be fed in
   * parts.
   *
   * @param series the values, in order
   * @return the changes in order of index: a {@link DetectorState#WARNING} entry at each value
   *     where a warning period starts (the state goes from NONE to WARNING) and a {@link
   *     DetectorState#DRIFT} entry at each drift
   * @throws IllegalArgumentException if {@code series} is null or a value is not allowed; values
   *     before it have been consumed
   */
  default List<Change> detect(double[] series) {
    if (series == null) {
      throw new IllegalArgumentException("series must not be null");
    }
    List<Change> changes = new ArrayList<>();
    DetectorState previous = state();
    for (int i = 0; i < series.length; i++) {
      DetectorState s = update(series[i]);
      if (s == DetectorState.DRIFT
          || (s == DetectorState.WARNING && previous != DetectorState.WARNING)) {
        changes.add(new Change(i, s));
      }
      previous = s;
    }
    return List.copyOf(changes);
  }
}
