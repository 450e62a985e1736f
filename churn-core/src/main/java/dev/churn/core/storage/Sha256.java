package dev.churn.core.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * SHA-256 digests as 64-character lower-case hex strings: of bytes, strings, files and streams, and
 * verification of a file against a recorded digest.
 *
 * <p>The store records the digest of every artifact it writes and checks it when reading back, so
 * that a truncated or altered file is reported instead of silently used.
 *
 * <p>Usage:
 *
 * <pre>{@code
 * String sha = Sha256.ofFile(path);          // streams the file, 64 KiB at a time
 * Sha256.verify(path, manifest.sha256());    // throws StorageException on mismatch
 * Sha256.ofBytes("abc".getBytes(UTF_8));     // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
 * }</pre>
 *
 * <p>To hash while writing, see {@link Sha256OutputStream} and {@link AtomicFiles#writeHashed}.
 */
public final class Sha256 {

  /** Number of hex characters in a SHA-256 digest. */
  public static final int HEX_LENGTH = 64;

  private static final int BUFFER_SIZE = 64 * 1024;
  private static final HexFormat HEX = HexFormat.of();

  private Sha256() {}

  /**
   * Returns a fresh SHA-256 {@link MessageDigest}.
   *
   * @return a new digest instance, not shared
   */
  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform is required to provide SHA-256.
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }

  /**
   * Hashes bytes.
   *
   * @param bytes the data
   * @return lower-case hex SHA-256 of {@code bytes}
   */
  public static String ofBytes(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    return toHex(newDigest().digest(bytes));
  }

  /**
   * Hashes the UTF-8 encoding of a string.
   *
   * @param text the text
   * @return lower-case hex SHA-256 of {@code text} encoded as UTF-8
   */
  public static String ofString(String text) {
    Objects.requireNonNull(text, "text");
    return ofBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Hashes a file's content, reading it in 64 KiB chunks.
   *
   * @param file the file
   * @return lower-case hex SHA-256 of the file's content
   * @throws StorageException if the file cannot be read
   */
  public static String ofFile(Path file) {
    Objects.requireNonNull(file, "file");
    try (InputStream in = Files.newInputStream(file)) {
      return digestStream(in);
    } catch (IOException e) {
      throw new StorageException("Cannot read " + file + " to compute its SHA-256: " + e, e);
    }
  }

  /**
   * Hashes everything remaining in a stream. The stream is read to its end but not closed.
   *
   * @param in the stream
   * @return lower-case hex SHA-256 of the bytes read
   * @throws StorageException if the stream cannot be read
   */
  public static String ofStream(InputStream in) {
    Objects.requireNonNull(in, "in");
    try {
      return digestStream(in);
    } catch (IOException e) {
      throw new StorageException("Cannot read stream to compute its SHA-256: " + e, e);
    }
  }

  /**
   * Checks that a file's SHA-256 equals the expected one (hex compared case-insensitively).
   *
   * @param file the file to check
   * @param expectedHex the recorded digest, 64 hex characters
   * @throws IllegalArgumentException if {@code expectedHex} is not 64 hex characters
   * @throws StorageException if the file cannot be read or its digest differs; the message names
   *     the file, the expected and the actual digest
   */
  public static void verify(Path file, String expectedHex) {
    Objects.requireNonNull(file, "file");
    String expected = normalizeHex(expectedHex, "expectedHex");
    String actual = ofFile(file);
    if (!actual.equals(expected)) {
      throw new StorageException(
          "SHA-256 mismatch for "
              + file
              + ": expected "
              + expected
              + " but the file has "
              + actual
              + " (the file is truncated, altered or not the one recorded)");
    }
  }

  /**
   * Tells whether a string is a SHA-256 hex digest: exactly 64 characters {@code 0-9a-fA-F}.
   *
   * @param hex any string, may be null
   * @return true if {@code hex} is a well-formed digest
   */
  public static boolean isValidHex(String hex) {
    if (hex == null || hex.length() != HEX_LENGTH) {
      return false;
    }
    for (int i = 0; i < HEX_LENGTH; i++) {
      char c = hex.charAt(i);
      boolean hexDigit = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!hexDigit) {
        return false;
      }
    }
    return true;
  }

  /**
   * Validates a hex digest and returns it in lower case.
   *
   * @param hex the digest to check
   * @param argumentName the argument name used in the exception message
   * @return {@code hex} in lower case
   * @throws IllegalArgumentException if {@code hex} is not 64 hex characters
   */
  public static String normalizeHex(String hex, String argumentName) {
    Objects.requireNonNull(hex, argumentName);
    if (!isValidHex(hex)) {
      throw new IllegalArgumentException(
          argumentName + " must be 64 hex characters (a SHA-256 digest), but was '" + hex + "'");
    }
    return hex.toLowerCase(Locale.ROOT);
  }

  /**
   * Formats raw digest bytes as lower-case hex.
   *
   * @param digest raw bytes, usually the 32 bytes of a SHA-256 digest
   * @return lower-case hex string, two characters per byte
   */
  public static String toHex(byte[] digest) {
    Objects.requireNonNull(digest, "digest");
    return HEX.formatHex(digest);
  }

  private static String digestStream(InputStream in) throws IOException {
    MessageDigest digest = newDigest();
    byte[] buffer = new byte[BUFFER_SIZE];
    int n;
    while ((n = in.read(buffer)) != -1) {
      digest.update(buffer, 0, n);
    }
    return toHex(digest.digest());
  }
}
