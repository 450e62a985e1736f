package dev.churn.models.registry;

/**
 * The lifecycle stage of a registered model version.
 *
 * <p>A version is {@link #NONE} when registered, is moved to {@link #STAGING} for acceptance
 * tests, to {@link #PRODUCTION} for inference, and to {@link #ARCHIVED} when retired. Any stage
 * can be reached from any other (an archived version can be promoted again to roll back), but a
 * model never has more than one version in {@link #PRODUCTION}: promoting a version moves the
 * previous one out (see {@link Transition#archiveExisting()} and {@link
 * Transition#keepExisting()}).
 *
 * <p>Aliases ({@code champion}, {@code challenger}, ...) are a more flexible layer on top of the
 * stages; see {@link VersionHandle#alias(String)}.
 */
public enum Stage {
  /** Registered, not yet in any stage. */
  NONE,
  /** Under acceptance tests. */
  STAGING,
  /** Serving; at most one version per model. */
  PRODUCTION,
  /** Retired; kept for lineage, audits and roll-back. */
  ARCHIVED;

  /**
   * Parses a stage name case-insensitively ("production", "Staging", "NONE").
   *
   * @param text the stage name
   * @return the stage
   * @throws IllegalArgumentException naming the allowed values if {@code text} is not a stage
   */
  public static Stage parse(String text) {
    java.util.Objects.requireNonNull(text, "text");
    for (Stage s : values()) {
      if (s.name().equalsIgnoreCase(text.trim())) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "stage was '" + text + "' but it must be one of none, staging, production, archived");
  }
}
