package dev.churn.core.storage;

import java.io.IOException;

/**
 * A consumer that may throw {@link IOException}, so that code writing to a stream can be passed as a
 * lambda without wrapping every checked exception.
 *
 * <p>Used by {@link AtomicFiles#write(java.nio.file.Path, IoConsumer)}:
 *
 * <pre>{@code
 * AtomicFiles.write(path, out -> {
 *   out.write(header);
 *   body.writeTo(out);
 * });
 * }</pre>
 *
 * @param <T> the type of the value consumed
 */
@FunctionalInterface
public interface IoConsumer<T> {

  /**
   * Consumes the value.
   *
   * @param value the value, for example an output stream to write to
   * @throws IOException if an I/O operation fails
   */
  void accept(T value) throws IOException;
}
