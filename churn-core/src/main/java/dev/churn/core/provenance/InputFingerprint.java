package dev.churn.core.provenance;

import dev.churn.core.storage.Sha256;
import dev.churn.core.storage.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * Identity of one input of a computation: a name, the SHA-256 of its content and its size.
 *
 * <p>Two inputs with the same digest and size are treated as the same data, whatever their path.
 *
 * <p>Usage:
 *
 * <pre>{@code
 * InputFingerprint train = InputFingerprint.ofFile("train.csv", Path.of("data/train.csv"));
 * InputFingerprint known = new InputFingerprint("members", "ab12...", 1_048_576);
 * }</pre>
 *
 * @param name what the input is to the producer, e.g. "train.csv" or "members"; not blank
 * @param sha256 lower-case hex SHA-256 of the content (upper case is accepted and lower-cased)
 * @param bytes size of the content in bytes, not negative
 */
public record InputFingerprint(String name, String sha256, long bytes) {

  /**
   * Validates and normalises the fields.
   *
   * @throws IllegalArgumentException if {@code name} is blank, {@code sha256} is not 64 hex
   *     characters, or {@code bytes} is negative
   * @param name the input's name
   * @param sha256 hex SHA-256 of its content
   * @param bytes its size in bytes
   */
  public InputFingerprint {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank, but was '" + name + "'");
    }
    sha256 = Sha256.normalizeHex(sha256, "sha256");
    if (bytes < 0) {
      throw new IllegalArgumentException("bytes must not be negative, but was " + bytes);
    }
  }

  /**
   * Fingerprints a file by reading it once (digest and size from the same read).
   *
   * @param name the input's name
   * @param file the file to hash
   * @return the fingerprint
   * @throws StorageException if the file cannot be read
   */
  public static InputFingerprint ofFile(String name, Path file) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(file, "file");
    MessageDigest digest = Sha256.newDigest();
    long size = 0;
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      int n;
      while ((n = in.read(buffer)) != -1) {
        digest.update(buffer, 0, n);
        size += n;
      }
    } catch (IOException e) {
      throw new StorageException("Cannot read input '" + name + "' from " + file + ": " + e, e);
    }
    return new InputFingerprint(name, Sha256.toHex(digest.digest()), size);
  }
}
