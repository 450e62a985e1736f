package dev.churn.models.registry;

import dev.churn.core.storage.Sha256;
import java.util.Objects;

/**
 * A file stored with a model version: the model package or a named attachment, identified by its
 * path inside the version, its SHA-256 and its size. The registry checks the digest every time it
 * reads the artifact back.
 *
 * @param path the path inside the version: {@value ModelVersion#PACKAGE_PATH} for the model
 *     package, {@code attachments/<name>} for an attachment
 * @param sha256 the lower-case hex SHA-256 of the content
 * @param bytes the size of the content in bytes
 */
public record Artifact(String path, String sha256, long bytes) {
  /**
   * Validates the fields.
   *
   * @param path the path inside the version: {@value ModelVersion#PACKAGE_PATH} for the model
   *     package, {@code attachments/<name>} for an attachment
   * @param sha256 the lower-case hex SHA-256 of the content
   * @param bytes the size of the content in bytes
   * @throws IllegalArgumentException if the path is not a package or attachment path, the digest
   *     is not 64 hex characters or the size is negative
   */
  public Artifact {
    Objects.requireNonNull(path, "path");
    if (!isValidPath(path)) {
      throw new IllegalArgumentException("artifact path was '" + path + "' but it must be '"
          + ModelVersion.PACKAGE_PATH + "' or '" + ModelVersion.ATTACHMENTS_DIR + "/<name>'");
    }
    sha256 = Sha256.normalizeHex(sha256, "sha256");
    if (bytes < 0) {
      throw new IllegalArgumentException("bytes was " + bytes + " but it must be >= 0");
    }
  }

  /**
   * Returns the path of the attachment called {@code name}.
   *
   * @param name an attachment name (see {@link RegistryNames})
   * @return {@code attachments/<name>}
   */
  public static String attachmentPath(String name) {
    return ModelVersion.ATTACHMENTS_DIR + "/" + RegistryNames.check("attachment name", name);
  }

  /**
   * Tells whether {@code path} is the package path or a valid attachment path.
   *
   * @param path any string
   * @return true if an artifact may be stored under it
   */
  public static boolean isValidPath(String path) {
    if (path == null) {
      return false;
    }
    if (path.equals(ModelVersion.PACKAGE_PATH)) {
      return true;
    }
    String prefix = ModelVersion.ATTACHMENTS_DIR + "/";
    return path.startsWith(prefix) && RegistryNames.isValid(path.substring(prefix.length()));
  }
}
