package dev.churn.core.storage;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * An output stream that passes bytes through to another stream and computes their SHA-256 and
 * count on the way, so an artifact's digest is known as soon as it is written.
 *
 * <p>Usage with {@link AtomicFiles} (or simply {@link AtomicFiles#writeHashed}):
 *
 * <pre>{@code
 * AtomicFiles.write(path, out -> {
 *   Sha256OutputStream hashing = new Sha256OutputStream(out);
 *   table.writeTo(hashing);
 *   manifest.record(path, hashing.hexDigest(), hashing.bytesWritten());
 * });
 * }</pre>
 *
 * <p>Not thread-safe. Closing closes the wrapped stream.
 */
public final class Sha256OutputStream extends FilterOutputStream {

  private final MessageDigest digest = Sha256.newDigest();
  private long bytesWritten;

  /**
   * Wraps a stream.
   *
   * @param out the stream that receives the bytes
   */
  public Sha256OutputStream(OutputStream out) {
    super(Objects.requireNonNull(out, "out"));
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
    digest.update((byte) b);
    bytesWritten++;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    out.write(b, off, len);
    digest.update(b, off, len);
    bytesWritten += len;
  }

  /**
   * Returns the SHA-256 of all bytes written so far. Can be called repeatedly; writing may continue.
   *
   * @return lower-case hex SHA-256 of the bytes written so far
   */
  public String hexDigest() {
    try {
      MessageDigest copy = (MessageDigest) digest.clone();
      return Sha256.toHex(copy.digest());
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("SHA-256 digest of this JVM cannot be cloned", e);
    }
  }

  /**
   * Returns how many bytes have been written through this stream.
   *
   * @return the byte count
   */
  public long bytesWritten() {
    return bytesWritten;
  }
}
