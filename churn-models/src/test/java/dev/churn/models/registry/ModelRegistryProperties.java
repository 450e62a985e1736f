package dev.churn.models.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.churn.core.time.MutableClock;
import dev.churn.models.registry.spi.RegistryStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;

/**
 * Random sequences of register / transition / promote-with-gate / alias / unalias / archive
 * operations, checked step by step against a simple in-memory reference model. After every step:
 * the registry's stages and aliases equal the reference's, at most one version per model is in
 * production, version numbers are dense, the audit log has exactly one entry per state change or
 * rejection (seq dense) and replays to the current state, and the file store's state files equal
 * that replay.
 */
class ModelRegistryProperties {
  private static final long SEED = 20261123L;
  private static final String[] MODELS = {"churn", "upsell"};
  private static final String[] ALIASES = {"champion", "challenger"};

  @TempDir Path base;

  enum Kind { REGISTER, TRANSITION, PROMOTE, ALIAS, UNALIAS, ARCHIVE }

  /** One operation; fields not used by a kind are ignored. */
  record Op(Kind kind, int model, int version, int param, boolean flag, boolean force) {
    String modelName() {
      return MODELS[model];
    }

    Stage stage() {
      return Stage.values()[param % 4];
    }

    String alias() {
      return ALIASES[param % 2];
    }

    double auc() {
      return 0.5 + (param % 50) / 100.0;
    }

    double threshold() {
      return 0.5 + ((param * 7) % 50) / 100.0;
    }

    @Override
    public String toString() {
      return switch (kind) {
        case REGISTER -> "register(" + modelName() + ", auc " + auc() + ")";
        case TRANSITION -> modelName() + " v" + version + " -> " + stage()
            + (flag && stage() == Stage.PRODUCTION ? " keepExisting" : "");
        case PROMOTE -> modelName() + " v" + version + " promote(auc >= " + threshold() + ")"
            + (flag ? " keepExisting" : "") + (force ? " force" : "");
        case ALIAS -> modelName() + " v" + version + " alias " + alias();
        case UNALIAS -> modelName() + " unalias " + alias();
        case ARCHIVE -> modelName() + " v" + version + " archive";
      };
    }
  }

  private static Gen<Op> ops() {
    Gen<Kind> kinds = integers().between(0, 9).map(i -> switch (i) {
      case 0, 1, 2 -> Kind.REGISTER;
      case 3, 4 -> Kind.TRANSITION;
      case 5, 6 -> Kind.PROMOTE;
      case 7 -> Kind.ALIAS;
      case 8 -> Kind.UNALIAS;
      default -> Kind.ARCHIVE;
    });
    Gen<Integer> flags = integers().between(0, 3);
    return kinds.zip(integers().between(0, 1), integers().between(1, 5), integers().between(0, 99),
        flags, (k, m, v, p, f) -> new Op(k, m, v, p, (f & 1) != 0, (f & 2) != 0));
  }

  private static Gen<List<Op>> programs() {
    return lists().of(ops()).ofSizeBetween(1, 30).describedAs(List::toString);
  }

  @Test
  void randomOperations_keepTheInvariants_fileStore() {
    qt().withFixedSeed(SEED).withExamples(60).forAll(programs()).checkAssert(ops -> {
      Path home;
      try {
        home = Files.createTempDirectory(base, "home");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      run(ops, () -> FileRegistryStore.open(home));
    });
  }

  @Test
  void randomOperations_keepTheInvariants_inMemoryStore() {
    qt().withFixedSeed(SEED).withExamples(60).forAll(programs())
        .checkAssert(ops -> run(ops, InMemoryRegistryStore::new));
  }

  @Test
  void gatesPassOrFailAsTheReferenceSays() {
    // a focused property: a promotion behind metricAtLeast passes iff auc >= threshold
    qt().withFixedSeed(SEED).withExamples(40)
        .forAll(integers().between(0, 99), integers().between(0, 99), booleans().all())
        .checkAssert((a, t, keep) -> {
          Op reg = new Op(Kind.REGISTER, 0, 1, a, false, false);
          Op promote = new Op(Kind.PROMOTE, 0, 1, t, keep, false);
          run(List.of(reg, promote), InMemoryRegistryStore::new);
        });
  }

  // ---------------------------------------------------------------- the reference model

  private static final class Reference {
    final Map<String, List<Stage>> stages = new HashMap<>();
    final Map<String, List<Double>> aucs = new HashMap<>();
    final Map<String, Map<String, Integer>> aliases = new HashMap<>();
    final Map<String, Integer> logEntries = new HashMap<>();

    /** Applies an op; returns the exception class the registry must throw, or null. */
    Class<? extends Throwable> apply(Op op) {
      String m = op.modelName();
      if (op.kind() == Kind.REGISTER) {
        stages.computeIfAbsent(m, k -> new ArrayList<>()).add(Stage.NONE);
        aucs.computeIfAbsent(m, k -> new ArrayList<>()).add(op.auc());
        aliases.computeIfAbsent(m, k -> new TreeMap<>());
        logged(m);
        return null;
      }
      if (!stages.containsKey(m)) {
        return ModelNotFoundException.class;
      }
      List<Stage> vs = stages.get(m);
      if (op.kind() == Kind.UNALIAS) {
        if (aliases.get(m).remove(op.alias()) == null) {
          return VersionNotFoundException.class;
        }
        logged(m);
        return null;
      }
      if (op.version() > vs.size()) {
        return VersionNotFoundException.class;
      }
      int i = op.version() - 1;
      switch (op.kind()) {
        case ALIAS -> {
          Integer before = aliases.get(m).put(op.alias(), op.version());
          if (before == null || before != op.version()) {
            logged(m);
          }
          return null;
        }
        case TRANSITION, ARCHIVE -> {
          Stage target = op.kind() == Kind.ARCHIVE ? Stage.ARCHIVED : op.stage();
          if (vs.get(i) == target) {
            return RegistryException.class;
          }
          move(m, i, target, op.flag() && target == Stage.PRODUCTION);
          return null;
        }
        case PROMOTE -> {
          if (vs.get(i) == Stage.PRODUCTION) {
            return RegistryException.class;
          }
          if (!op.force() && aucs.get(m).get(i) < op.threshold()) {
            logged(m); // the rejection is recorded
            return GateFailedException.class;
          }
          move(m, i, Stage.PRODUCTION, op.flag());
          return null;
        }
        default -> throw new AssertionError(op);
      }
    }

    private void move(String m, int i, Stage target, boolean keep) {
      List<Stage> vs = stages.get(m);
      if (target == Stage.PRODUCTION) {
        for (int j = 0; j < vs.size(); j++) {
          if (vs.get(j) == Stage.PRODUCTION) {
            vs.set(j, keep ? Stage.STAGING : Stage.ARCHIVED);
          }
        }
      }
      vs.set(i, target);
      logged(m);
    }

    private void logged(String m) {
      logEntries.merge(m, 1, Integer::sum);
    }
  }

  // ---------------------------------------------------------------- running a program

  private static void run(List<Op> ops, Supplier<? extends RegistryStore> stores) {
    MutableClock clock = MutableClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    Reference ref = new Reference();
    var store = stores.get();
    try (ModelRegistry r = ModelRegistry.builder(store).clock(clock).user("qt").open()) {
      for (int step = 0; step < ops.size(); step++) {
        Op op = ops.get(step);
        clock.advance(Duration.ofMinutes(1));
        Class<? extends Throwable> expected = ref.apply(op);
        Throwable thrown = catchThrowable(() -> execute(r, op));
        String where = "step " + step + " " + op + " of " + ops;
        if (expected == null) {
          assertThat(thrown).as(where).isNull();
        } else {
          assertThat(thrown).as(where).isExactlyInstanceOf(expected);
        }
        checkInvariants(r, store, ref, where);
      }
    } finally {
      store.close();
    }
  }

  private static void execute(ModelRegistry r, Op op) {
    switch (op.kind()) {
      case REGISTER -> r.register(op.modelName(), ("pkg " + op).getBytes(),
          Map.of("auc", op.auc())).create();
      case TRANSITION -> {
        Transition t = r.model(op.modelName()).version(op.version()).transitionTo(op.stage());
        if (op.flag() && op.stage() == Stage.PRODUCTION) {
          t.keepExisting();
        }
        t.because("qt").apply();
      }
      case PROMOTE -> {
        Promotion p = r.model(op.modelName()).version(op.version()).promote()
            .gate(Gates.metricAtLeast("auc", op.threshold()));
        if (op.flag()) {
          p.keepExisting();
        }
        if (op.force()) {
          p.force();
        }
        p.toProduction();
      }
      case ALIAS -> r.model(op.modelName()).version(op.version()).alias(op.alias());
      case UNALIAS -> r.model(op.modelName()).removeAlias(op.alias());
      case ARCHIVE -> r.model(op.modelName()).version(op.version()).archive().apply();
      default -> throw new AssertionError(op);
    }
  }

  private static void checkInvariants(ModelRegistry r, RegistryStore store, Reference ref,
      String where) {
    assertThat(r.models()).as(where).containsExactlyInAnyOrderElementsOf(ref.stages.keySet());
    for (String m : ref.stages.keySet()) {
      ModelState s = r.state(m);
      List<Stage> expectedStages = ref.stages.get(m);
      assertThat(s.versions()).as(where).extracting(ModelVersion::stage)
          .containsExactlyElementsOf(expectedStages);
      for (int i = 0; i < s.versions().size(); i++) {
        assertThat(s.versions().get(i).number()).as(where + ": dense numbers").isEqualTo(i + 1);
      }
      assertThat(s.inStage(Stage.PRODUCTION)).as(where + ": one production at most")
          .hasSizeLessThanOrEqualTo(1);
      assertThat(s.aliases()).as(where).isEqualTo(ref.aliases.get(m));

      List<AuditEntry> log = store.log(m);
      assertThat(log).as(where + ": one entry per change or rejection")
          .hasSize(ref.logEntries.get(m));
      for (int i = 0; i < log.size(); i++) {
        assertThat(log.get(i).seq()).as(where + ": dense seq").isEqualTo(i + 1L);
      }
      ModelState replayed = ModelState.replay(m, log);
      assertThat(replayed).as(where + ": the log replays to the state").isEqualTo(s);
      if (store instanceof FileRegistryStore files) {
        assertThat(files.readMaterialized(m)).as(where + ": state files").isEqualTo(replayed);
      } else if (store instanceof InMemoryRegistryStore mem) {
        assertThat(mem.materialized(m)).as(where + ": materialized").isEqualTo(replayed);
      }
    }
  }
}
