package dev.churn.models.runs;

/**
 * Where a {@link Run} is in its life.
 *
 * <p>A run is {@link #RUNNING} from {@link RunStore#start(String, String)} until its {@link
 * ActiveRun} is finished, failed or closed. A run still {@code RUNNING} when nobody is recording it
 * any more belongs to a process that crashed or was killed; it is listed as such.
 */
public enum RunStatus {
  /** Started and not ended (or its process died before ending it). */
  RUNNING,
  /** Ended successfully with {@link ActiveRun#finish()}. */
  FINISHED,
  /**
   * Ended with {@link ActiveRun#fail(Throwable)}, or closed without being finished; {@link
   * Run#error()} says why.
   */
  FAILED
}
