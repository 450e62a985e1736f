package dev.churn.drift.stream;

/**
 * What a {@link ChangeDetector} concludes after a value of the monitored series.
 */
public enum DetectorState {
  /** No evidence of change. */
  NONE,
  /**
   * The series may be changing: collect data for a new model, look closer. Only detectors with a
   * warning level (such as {@link Ddm}) report it.
   */
  WARNING,
  /** A change was detected at this value; the detector has already started on the new regime. */
  DRIFT
}
