package dev.churn.models.registry;

import dev.churn.core.ChurnException;

/**
 * A model registry operation that cannot be carried out as asked, for example a transition to
 * the stage the version is already in or the removal of an alias that does not exist. The
 * registry is unchanged when it is thrown.
 *
 * <p>Subclasses say more precisely what went wrong: {@link ModelNotFoundException}, {@link
 * VersionNotFoundException}, {@link GateFailedException}. Storage failures (an unreadable file,
 * a checksum mismatch, a busy writer lock) are {@link dev.churn.core.storage.StorageException}s.
 */
public class RegistryException extends ChurnException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what went wrong and what to do about it
   */
  public RegistryException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a cause.
   *
   * @param message what went wrong and what to do about it
   * @param cause the underlying failure
   */
  public RegistryException(String message, Throwable cause) {
    super(message, cause);
  }
}
