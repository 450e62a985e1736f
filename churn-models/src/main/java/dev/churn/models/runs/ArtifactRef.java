package dev.churn.models.runs;

import dev.churn.core.storage.Sha256;

/**
 * A file recorded in a {@link Run}: its name, the SHA-256 of its content and its size. The content
 * is read with {@link RunStore#readArtifact(String, String)}, which checks both.
 *
 * @param name the artifact's file name inside the run's {@code artifacts/} directory, e.g. {@code
 *     model.bin} or {@code leaderboard.json}
 * @param sha256 lower-case hex SHA-256 of the content
 * @param bytes the content's size in bytes
 */
public record ArtifactRef(String name, String sha256, long bytes) {

  /**
   * Validates the fields.
   *
   * @param name the file name
   * @param sha256 the content's SHA-256
   * @param bytes the content's size
   * @throws IllegalArgumentException if the name is not a plain file name, the digest is not 64
   *     hex characters or the size is negative
   */
  public ArtifactRef {
    Names.checkArtifactName(name);
    sha256 = Sha256.normalizeHex(sha256, "sha256");
    if (bytes < 0) {
      throw new IllegalArgumentException("bytes was '" + bytes + "' but it must be at least 0");
    }
  }
}
