package dev.churn.models.registry;

import com.google.common.collect.ImmutableSortedMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The state of one model in the registry at one point of its audit log: its versions (with
 * stages and aliases) and its alias table. Immutable, and always consistent: versions are numbered
 * 1..n, every alias points at an existing version, and at most one version is in {@link
 * Stage#PRODUCTION} — a state breaking these rules cannot be constructed.
 *
 * <p>A state is a pure function of the audit log: {@link #replay(String, List)} folds {@link
 * #apply(AuditEntry)} over the entries. The registry reads states this way, and {@link
 * dev.churn.models.registry.spi.RegistryStore stores} use it to rebuild their materialized state
 * after a crash.
 *
 * <pre>{@code
 * ModelState now = registry.state("churn");
 * ModelState march = registry.stateAt("churn", Instant.parse("2026-03-31T23:59:59Z"));
 * Optional<ModelVersion> servedInMarch = march.production();
 * }</pre>
 *
 * @param model the model name
 * @param versions every version, in number order ({@code versions.get(i).number() == i + 1})
 * @param aliases alias to version number, sorted by alias
 * @param logEntries how many audit log entries this state reflects
 * @param updatedAt the time of the last of those entries; empty when there is none
 * @see dev.churn.models.registry.spi.RegistryStore
 */
public record ModelState(
    String model,
    List<ModelVersion> versions,
    Map<String, Integer> aliases,
    long logEntries,
    Optional<Instant> updatedAt) {

  /**
   * Validates the invariants and copies the collections.
   *
   * @param model the model name
   * @param versions every version, in number order ({@code versions.get(i).number() == i + 1})
   * @param aliases alias to version number, sorted by alias
   * @param logEntries how many audit log entries this state reflects
   * @param updatedAt the time of the last of those entries; empty when there is none
   * @throws IllegalArgumentException if versions are not numbered 1..n, belong to another model,
   *     an alias points nowhere or disagrees with the versions' alias lists, or more than one
   *     version is in production
   */
  public ModelState {
    RegistryNames.check("model name", model);
    versions = List.copyOf(Objects.requireNonNull(versions, "versions"));
    aliases = ImmutableSortedMap.copyOf(Objects.requireNonNull(aliases, "aliases"));
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (logEntries < 0) {
      throw new IllegalArgumentException("logEntries was " + logEntries + " but must be >= 0");
    }
    int production = 0;
    for (int i = 0; i < versions.size(); i++) {
      ModelVersion v = versions.get(i);
      if (v.number() != i + 1 || !v.model().equals(model)) {
        throw new IllegalArgumentException("version at position " + (i + 1) + " is " + v.model()
            + " v" + v.number() + "; versions of '" + model + "' must be numbered 1.." 
            + versions.size() + " in order");
      }
      if (v.stage() == Stage.PRODUCTION) {
        production++;
      }
      for (String a : v.aliases()) {
        if (!Integer.valueOf(v.number()).equals(aliases.get(a))) {
          throw new IllegalArgumentException("version " + v.number() + " lists alias '" + a
              + "' but the alias table maps it to " + aliases.get(a));
        }
      }
    }
    if (production > 1) {
      throw new IllegalArgumentException(
          "model '" + model + "' would have " + production + " versions in PRODUCTION; at most one"
              + " is allowed");
    }
    for (Map.Entry<String, Integer> e : aliases.entrySet()) {
      RegistryNames.check("alias", e.getKey());
      int n = e.getValue();
      if (n < 1 || n > versions.size() || !versions.get(n - 1).hasAlias(e.getKey())) {
        throw new IllegalArgumentException("alias '" + e.getKey() + "' points at version " + n
            + " which does not exist or does not list the alias");
      }
    }
  }

  /**
   * The state of a model with no entries.
   *
   * @param model the model name
   * @return an empty state
   */
  public static ModelState empty(String model) {
    return new ModelState(model, List.of(), Map.of(), 0, Optional.empty());
  }

  /**
   * Replays a model's audit log from the start.
   *
   * @param model the model name
   * @param entries its entries, in log order
   * @return the state after the last entry
   * @throws IllegalArgumentException if an entry does not fit the state before it (the log is
   *     damaged or was written by something else)
   */
  public static ModelState replay(String model, List<AuditEntry> entries) {
    ModelState s = empty(model);
    for (AuditEntry e : entries) {
      s = s.apply(e);
    }
    return s;
  }

  /**
   * Replays a model's audit log up to and including the last entry recorded at or before {@code
   * time}. Entry times never decrease along the log, so this is the state the model had at that
   * moment.
   *
   * @param model the model name
   * @param entries its entries, in log order
   * @param time the moment
   * @return the state at {@code time}
   */
  public static ModelState replayUntil(String model, List<AuditEntry> entries, Instant time) {
    Objects.requireNonNull(time, "time");
    ModelState s = empty(model);
    for (AuditEntry e : entries) {
      if (e.time().isAfter(time)) {
        break;
      }
      s = s.apply(e);
    }
    return s;
  }

  /**
   * Returns the state after one more audit entry.
   *
   * @param e the next entry; its {@code seq} must be {@code logEntries() + 1}
   * @return the new state ({@code this} is unchanged)
   * @throws IllegalArgumentException if the entry does not fit this state, e.g. a transition
   *     whose {@code from} is not the version's stage, with a message saying why
   */
  public ModelState apply(AuditEntry e) {
    Objects.requireNonNull(e, "entry");
    if (!e.model().equals(model)) {
      throw misfit(e, "it belongs to model '" + e.model() + "'");
    }
    if (e.seq() != logEntries + 1) {
      throw misfit(e, "the log has " + logEntries + " entries before it, so its seq must be "
          + (logEntries + 1));
    }
    if (updatedAt.isPresent() && e.time().isBefore(updatedAt.get())) {
      throw misfit(e, "its time is before the previous entry's time " + updatedAt.get());
    }
    List<ModelVersion> vs = new ArrayList<>(versions);
    Map<String, Integer> as = new TreeMap<>(aliases);
    switch (e.action()) {
      case REGISTER -> {
        if (e.version() != versions.size() + 1) {
          throw misfit(e, "the next version number is " + (versions.size() + 1));
        }
        vs.add(e.registered().orElseThrow());
      }
      case TRANSITION -> {
        ModelVersion v = existing(e, e.version());
        if (v.stage() != e.from().orElseThrow()) {
          throw misfit(e, "version " + v.number() + " is in " + v.stage());
        }
        if (e.displaced().isPresent()) {
          AuditEntry.Displacement d = e.displaced().get();
          ModelVersion old = existing(e, d.version());
          if (old.stage() != Stage.PRODUCTION || d.from() != Stage.PRODUCTION) {
            throw misfit(e, "the displaced version " + d.version() + " is in " + old.stage());
          }
          vs.set(d.version() - 1, old.withStage(d.to(), e.time()));
        }
        vs.set(v.number() - 1, v.withStage(e.to().orElseThrow(), e.time()));
      }
      case ALIAS -> {
        existing(e, e.version());
        String a = e.alias().orElseThrow();
        Integer before = as.get(a);
        boolean matches = e.previousVersion().isPresent()
            ? before != null && before == e.previousVersion().getAsInt()
            : before == null;
        if (!matches) {
          throw misfit(e, "alias '" + a + "' points at " + (before == null ? "nothing" : "version "
              + before));
        }
        as.put(a, e.version());
      }
      case UNALIAS -> {
        String a = e.alias().orElseThrow();
        Integer before = as.get(a);
        if (before == null || before != e.version()) {
          throw misfit(e, "alias '" + a + "' points at " + (before == null ? "nothing" : "version "
              + before));
        }
        as.remove(a);
      }
      case REJECTED -> {
        ModelVersion v = existing(e, e.version());
        if (v.stage() != e.from().orElseThrow()) {
          throw misfit(e, "version " + v.number() + " is in " + v.stage());
        }
      }
      default -> throw misfit(e, "unknown action");
    }
    if (e.action() == AuditAction.ALIAS || e.action() == AuditAction.UNALIAS) {
      for (int i = 0; i < vs.size(); i++) {
        int n = i + 1;
        List<String> mine = as.entrySet().stream().filter(x -> x.getValue() == n)
            .map(Map.Entry::getKey).toList();
        if (!mine.equals(vs.get(i).aliases())) {
          vs.set(i, vs.get(i).withAliases(mine));
        }
      }
    }
    try {
      return new ModelState(model, vs, as, e.seq(), Optional.of(e.time()));
    } catch (IllegalArgumentException ex) {
      throw misfit(e, ex.getMessage());
    }
  }

  private ModelVersion existing(AuditEntry e, int n) {
    if (n < 1 || n > versions.size()) {
      throw misfit(e, "version " + n + " does not exist (versions 1.." + versions.size() + ")");
    }
    return versions.get(n - 1);
  }

  private IllegalArgumentException misfit(AuditEntry e, String why) {
    return new IllegalArgumentException("audit entry " + e.seq() + " (" + e.action() + " v"
        + e.version() + ") of model '" + model + "' does not fit the state before it: " + why);
  }

  /**
   * Tells whether the model has no versions.
   *
   * @return true if nothing was ever registered
   */
  public boolean isEmpty() {
    return versions.isEmpty();
  }

  /**
   * Returns a version.
   *
   * @param number the version number
   * @return the version, or empty if there is no such version
   */
  public Optional<ModelVersion> version(int number) {
    return number >= 1 && number <= versions.size()
        ? Optional.of(versions.get(number - 1))
        : Optional.empty();
  }

  /**
   * Returns the version in production.
   *
   * @return the production version, or empty if none
   */
  public Optional<ModelVersion> production() {
    return versions.stream().filter(v -> v.stage() == Stage.PRODUCTION).findFirst();
  }

  /**
   * Returns the versions in a stage.
   *
   * @param stage the stage
   * @return those versions in number order
   */
  public List<ModelVersion> inStage(Stage stage) {
    Objects.requireNonNull(stage, "stage");
    return versions.stream().filter(v -> v.stage() == stage).toList();
  }

  /**
   * Returns the version an alias points at.
   *
   * @param alias the alias
   * @return the version, or empty if there is no such alias
   */
  public Optional<ModelVersion> aliased(String alias) {
    Integer n = aliases.get(alias);
    return n == null ? Optional.empty() : version(n);
  }

  /**
   * Returns the most recently registered version.
   *
   * @return the version with the highest number, or empty
   */
  public Optional<ModelVersion> latest() {
    return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
  }
}
