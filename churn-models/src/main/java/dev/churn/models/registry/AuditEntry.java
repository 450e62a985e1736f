package dev.churn.models.registry;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * One line of a model's append-only audit log: who did what to which version, when and why, with
 * the gate results. Replaying a model's entries in order ({@link ModelState#replay}) gives its
 * current state; that is how the registry reads its state and repairs it after a crash.
 *
 * <pre>{@code
 * for (AuditEntry e : registry.history("churn", 3)) {
 *   log.info("{}", e.summary());
 *   // 2026-11-02T06:00:00Z ana TRANSITION v3 STAGING -> PRODUCTION (v2 PRODUCTION -> ARCHIVED):
 *   //   nightly retrain [PASS metricAtLeast(auc, 0.8): auc 0.8412 >= 0.8]
 * }
 * }</pre>
 *
 * <p>Which optional fields are present depends on the {@link #action()}:
 *
 * <ul>
 *   <li>{@code REGISTER}: {@code to} = NONE and {@code registered} (the version as created);
 *   <li>{@code TRANSITION}: {@code from}, {@code to}, {@code gates} (possibly empty), {@code
 *       forced} and {@code skippedGates} when forced, {@code displaced} when it moved the
 *       previous production version out;
 *   <li>{@code REJECTED}: {@code from}, {@code to}, {@code gates} (at least one failed);
 *   <li>{@code ALIAS}: {@code alias}, {@code previousVersion} if the alias moved;
 *   <li>{@code UNALIAS}: {@code alias} ({@code version} is the version it pointed at).
 * </ul>
 *
 * @param seq the entry's position in the log, 1 for the first entry, dense
 * @param time when it happened (never earlier than the previous entry's time)
 * @param user who did it
 * @param action what was done
 * @param model the model
 * @param version the version concerned
 * @param from the stage before a transition
 * @param to the stage after a transition (NONE for a registration)
 * @param alias the alias set or removed
 * @param previousVersion the version an alias pointed at before it moved
 * @param reason why, as given by the user
 * @param forced whether the gates were skipped on purpose
 * @param gates the gate results, in the order the gates were given
 * @param skippedGates the names of the gates a forced transition skipped
 * @param displaced the previous production version moved out by a promotion
 * @param registered the version as registered (REGISTER entries only)
 */
public record AuditEntry(
    long seq,
    Instant time,
    String user,
    AuditAction action,
    String model,
    int version,
    Optional<Stage> from,
    Optional<Stage> to,
    Optional<String> alias,
    OptionalInt previousVersion,
    Optional<String> reason,
    boolean forced,
    List<GateResult> gates,
    List<String> skippedGates,
    Optional<Displacement> displaced,
    Optional<ModelVersion> registered) {

  /**
   * The production version that a promotion moved out of production.
   *
   * @param version its number
   * @param from its stage before (always PRODUCTION)
   * @param to its stage after: ARCHIVED, or STAGING when the promotion kept it
   */
  public record Displacement(int version, Stage from, Stage to) {
    /**
     * Validates the fields.
     *
     * @param version its number
     * @param from its stage before (always PRODUCTION)
     * @param to its stage after: ARCHIVED, or STAGING when the promotion kept it
     */
    public Displacement {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }
  }

  /**
   * Validates the fields against the action (see the class documentation).
   *
   * @param seq the entry's position in the log, 1 for the first entry, dense
   * @param time when it happened (never earlier than the previous entry's time)
   * @param user who did it
   * @param action what was done
   * @param model the model
   * @param version the version concerned
   * @param from the stage before a transition
   * @param to the stage after a transition (NONE for a registration)
   * @param alias the alias set or removed
   * @param previousVersion the version an alias pointed at before it moved
   * @param reason why, as given by the user
   * @param forced whether the gates were skipped on purpose
   * @param gates the gate results, in the order the gates were given
   * @param skippedGates the names of the gates a forced transition skipped
   * @param displaced the previous production version moved out by a promotion
   * @param registered the version as registered (REGISTER entries only)
   * @throws IllegalArgumentException if a field required by the action is missing or invalid
   */
  public AuditEntry {
    if (seq < 1) {
      throw new IllegalArgumentException("seq was " + seq + " but it must be >= 1");
    }
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(action, "action");
    RegistryNames.check("model name", model);
    if (version < 1) {
      throw new IllegalArgumentException("version was " + version + " but it must be >= 1");
    }
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(alias, "alias");
    Objects.requireNonNull(previousVersion, "previousVersion");
    Objects.requireNonNull(reason, "reason");
    gates = List.copyOf(Objects.requireNonNull(gates, "gates"));
    skippedGates = List.copyOf(Objects.requireNonNull(skippedGates, "skippedGates"));
    Objects.requireNonNull(displaced, "displaced");
    Objects.requireNonNull(registered, "registered");
    switch (action) {
      case REGISTER -> {
        ModelVersion r = registered.orElseThrow(
            () -> new IllegalArgumentException("a REGISTER entry needs the registered version"));
        if (r.number() != version || !r.model().equals(model) || r.stage() != Stage.NONE) {
          throw new IllegalArgumentException("the registered version " + r.model() + " v"
              + r.number() + " (" + r.stage() + ") does not match the entry " + model + " v"
              + version + " (NONE)");
        }
        if (to.orElse(null) != Stage.NONE) {
          throw new IllegalArgumentException("a REGISTER entry must have to = NONE");
        }
      }
      case TRANSITION, REJECTED -> {
        if (from.isEmpty() || to.isEmpty()) {
          throw new IllegalArgumentException("a " + action + " entry needs from and to stages");
        }
        if (from.get() == to.get()) {
          throw new IllegalArgumentException("a " + action + " entry must change the stage, but"
              + " from and to are both " + from.get());
        }
        if (action == AuditAction.REJECTED && gates.stream().allMatch(GateResult::passed)) {
          throw new IllegalArgumentException("a REJECTED entry needs at least one failed gate");
        }
        if (displaced.isPresent() && (to.get() != Stage.PRODUCTION
            || displaced.get().version() == version)) {
          throw new IllegalArgumentException(
              "only a transition to PRODUCTION displaces another version");
        }
      }
      case ALIAS, UNALIAS -> {
        String a = alias.orElseThrow(
            () -> new IllegalArgumentException("an " + action + " entry needs the alias"));
        RegistryNames.check("alias", a);
      }
      default -> throw new IllegalArgumentException("unknown action " + action);
    }
  }

  /**
   * Tells whether this entry concerns version {@code n}: as the version acted on, as the
   * production version a promotion displaced, or as the version an alias moved away from.
   *
   * @param n a version number
   * @return true if the entry belongs in the history of version {@code n}
   */
  public boolean concerns(int n) {
    return version == n
        || displaced.map(d -> d.version() == n).orElse(false)
        || (previousVersion.isPresent() && previousVersion.getAsInt() == n);
  }

  /**
   * Writes this entry as one line of JSON (without the line end), in the audit log format.
   *
   * @return the JSON text, on one line
   */
  public String toJson() {
    return RegistryJson.entryToJson(this);
  }

  /**
   * Reads an entry from the JSON written by {@link #toJson()}.
   *
   * @param json one audit log line
   * @return the entry
   * @throws IllegalArgumentException if the text is not a valid audit entry
   */
  public static AuditEntry fromJson(String json) {
    return RegistryJson.entryFromJson(json);
  }

  /**
   * Describes the entry on one line for people.
   *
   * @return e.g. "2026-11-02T06:00:00Z ana TRANSITION v3 STAGING -> PRODUCTION: nightly retrain"
   */
  public String summary() {
    StringBuilder b = new StringBuilder();
    b.append(time).append(' ').append(user).append(' ').append(action).append(" v").append(version);
    if (action == AuditAction.TRANSITION || action == AuditAction.REJECTED) {
      b.append(' ').append(from.orElseThrow()).append(" -> ").append(to.orElseThrow());
    }
    displaced.ifPresent(d -> b.append(" (v").append(d.version()).append(' ').append(d.from())
        .append(" -> ").append(d.to()).append(')'));
    alias.ifPresent(a -> b.append(" alias '").append(a).append('\''));
    previousVersion.ifPresent(p -> b.append(" (moved from v").append(p).append(')'));
    if (forced) {
      b.append(" FORCED");
      if (!skippedGates.isEmpty()) {
        b.append(" (skipped gates ").append(skippedGates).append(')');
      }
    }
    reason.ifPresent(r -> b.append(": ").append(r));
    if (!gates.isEmpty()) {
      b.append(gates.stream().map(GateResult::toString)
          .collect(Collectors.joining("; ", " [", "]")));
    }
    return b.toString();
  }

  static AuditEntry register(long seq, Instant time, String user, ModelVersion v,
      Optional<String> reason) {
    return new AuditEntry(seq, time, user, AuditAction.REGISTER, v.model(), v.number(),
        Optional.empty(), Optional.of(Stage.NONE), Optional.empty(), OptionalInt.empty(), reason,
        false, List.of(), List.of(), Optional.empty(), Optional.of(v));
  }

  static AuditEntry transition(long seq, Instant time, String user, String model, int version,
      Stage from, Stage to, Optional<String> reason, boolean forced, List<GateResult> gates,
      List<String> skipped, Optional<Displacement> displaced) {
    return new AuditEntry(seq, time, user, AuditAction.TRANSITION, model, version,
        Optional.of(from), Optional.of(to), Optional.empty(), OptionalInt.empty(), reason, forced,
        gates, skipped, displaced, Optional.empty());
  }

  static AuditEntry rejected(long seq, Instant time, String user, String model, int version,
      Stage from, Stage to, Optional<String> reason, List<GateResult> gates) {
    return new AuditEntry(seq, time, user, AuditAction.REJECTED, model, version,
        Optional.of(from), Optional.of(to), Optional.empty(), OptionalInt.empty(), reason, false,
        gates, List.of(), Optional.empty(), Optional.empty());
  }

  static AuditEntry alias(long seq, Instant time, String user, String model, int version,
      String alias, OptionalInt previous, Optional<String> reason) {
    return new AuditEntry(seq, time, user, AuditAction.ALIAS, model, version, Optional.empty(),
        Optional.empty(), Optional.of(alias), previous, reason, false, List.of(), List.of(),
        Optional.empty(), Optional.empty());
  }

  static AuditEntry unalias(long seq, Instant time, String user, String model, int version,
      String alias, Optional<String> reason) {
    return new AuditEntry(seq, time, user, AuditAction.UNALIAS, model, version, Optional.empty(),
        Optional.empty(), Optional.of(alias), OptionalInt.empty(), reason, false, List.of(),
        List.of(), Optional.empty(), Optional.empty());
  }
}
