package dev.churn.core;

/**
 * The root of every exception the churn library throws on purpose.
 *
 * <p>All churn exceptions are unchecked. Catch {@code ChurnException} to handle any failure of the
 * library in one place, or one of its subclasses for a specific kind of problem such as
 * {@link DataFormatException} for input that does not match what was expected. The message always
 * says what went wrong and, where it can, what to do about it.
 */
public class ChurnException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message that says what went wrong and what to do.
   *
   * @param message the message shown to the user
   */
  public ChurnException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and the underlying cause.
   *
   * @param message the message shown to the user
   * @param cause the exception that caused this one
   */
  public ChurnException(String message, Throwable cause) {
    super(message, cause);
  }
}
