package dev.churn.models.registry;

/**
 * What an {@link AuditEntry} records. The names are written to the audit log as they are.
 */
public enum AuditAction {
  /** A version was registered (stage NONE); the entry carries the version's full metadata. */
  REGISTER,
  /** A version moved from one stage to another, possibly displacing the production version. */
  TRANSITION,
  /** An alias was set on a version (moved from another version, if it pointed elsewhere). */
  ALIAS,
  /** An alias was removed. */
  UNALIAS,
  /** A transition was rejected by its gates; nothing changed. */
  REJECTED
}
