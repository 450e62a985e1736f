package dev.churn.core.storage;

import dev.churn.core.ChurnException;

/**
 * Unchecked exception for failures of the embedded store: a file that cannot be read or written, a
 * digest that does not match, a directory locked by another writer.
 *
 * <p>Messages name the path involved and, where relevant, the other party (for example the process
 * holding a {@link WriterLock}). I/O failures keep the original {@link java.io.IOException} as the
 * cause.
 *
 * <p>Callers that want to handle every churn failure in one place catch {@link ChurnException}, the
 * library's root exception.
 */
public class StorageException extends ChurnException {

  /**
   * Creates an exception with a message and no cause.
   *
   * @param message what went wrong, naming the path involved
   */
  public StorageException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and the underlying cause.
   *
   * @param message what went wrong, naming the path involved
   * @param cause the underlying failure, usually an {@link java.io.IOException}
   */
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
