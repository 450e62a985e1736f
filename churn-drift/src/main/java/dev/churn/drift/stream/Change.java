package dev.churn.drift.stream;

import java.util.Objects;

/**
 * A warning or drift found by {@link ChangeDetector#detect(double[])}: where in the series it was
 * raised and which state.
 *
 * @param index position of the value at which the state was reported, 0-based in the series given
 * @param state {@link DetectorState#WARNING} (the start of a warning period) or {@link
 *     DetectorState#DRIFT}
 */
public record Change(int index, DetectorState state) {

  /**
   * Checks the fields.
   *
   * @throws NullPointerException if {@code state} is null
   * @throws IllegalArgumentException if {@code index} is negative or {@code state} is NONE
   */
  public Change {
    Objects.requireNonNull(state, "state");
    if (index < 0) {
      throw new IllegalArgumentException("index was '" + index + "' but it must be >= 0");
    }
    if (state == DetectorState.NONE) {
      throw new IllegalArgumentException("state was 'NONE' but it must be WARNING or DRIFT");
    }
  }
}
