package dev.churn.models.registry;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.churn.core.storage.StorageException;
import dev.churn.core.storage.WriterLock;
import dev.churn.core.time.MutableClock;
import dev.churn.models.registry.spi.RegistryStore;
import dev.churn.models.registry.spi.RegistryWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety of the file store: every test leaves the store as a crash at some point of a write
 * would, then reopens it (or writes again) and checks that the state is complete and consistent.
 */
class RegistryCrashRecoveryTest {
  @TempDir Path home;
  private final MutableClock clock = MutableClock.at(Instant.parse("2026-02-01T00:00:00Z"));
  private Path registryDir;
  private Path modelDir;

  @BeforeEach
  void setUp() {
    registryDir = home.resolve("registry");
    modelDir = registryDir.resolve("churn");
  }

  private ModelRegistry open(FileRegistryStore store) {
    return ModelRegistry.builder(store).clock(clock).user("ana").open();
  }

  private ModelRegistry reopen() {
    return ModelRegistry.builder(home).clock(clock).user("ana").open();
  }

  private static void crashAfterLogAppend(FileRegistryStore store) {
    store.afterLogAppend = () -> {
      throw new SimulatedCrash();
    };
  }

  private static final class SimulatedCrash extends RuntimeException {
    SimulatedCrash() {
      super("simulated crash after the log append");
    }
  }

  private Path meta(int n) {
    return modelDir.resolve("versions").resolve(Integer.toString(n)).resolve("meta.json");
  }

  private ModelVersion metaOnDisk(int n) throws Exception {
    return RegistryJson.versionFromJson(Files.readString(meta(n)));
  }

  private long headOnDisk() throws Exception {
    return RegistryJson.aliasesFromJson(Files.readString(modelDir.resolve("aliases.json")))
        .logEntries();
  }

  private static void assertConsistent(ModelRegistry r, String model) {
    FileRegistryStore store = (FileRegistryStore) r.store();
    ModelState replayed = ModelState.replay(model, store.log(model));
    assertThat(store.readMaterialized(model)).isEqualTo(replayed);
    assertThat(r.state(model)).isEqualTo(replayed);
  }

  @Test
  void crashBetweenLogAppendAndStateWrite_transition_isCompletedOnOpen() throws Exception {
    FileRegistryStore store = FileRegistryStore.open(home);
    try (ModelRegistry r = open(store)) {
      r.register("churn", new byte[] {1}, Map.of("auc", 0.8)).create();
      crashAfterLogAppend(store);
      assertThatThrownBy(() -> r.model("churn").version(1).transitionTo(Stage.STAGING).apply())
          .isInstanceOf(SimulatedCrash.class);
      // committed: the log has it, so readers already see it ...
      assertThat(r.version("churn", 1).stage()).isEqualTo(Stage.STAGING);
      // ... but the state files were not written
      assertThat(metaOnDisk(1).stage()).isEqualTo(Stage.NONE);
      assertThat(headOnDisk()).isEqualTo(1);
    }
    try (ModelRegistry r = reopen()) {
      assertThat(metaOnDisk(1).stage()).isEqualTo(Stage.STAGING);
      assertThat(headOnDisk()).isEqualTo(2);
      assertConsistent(r, "churn");
    }
  }

  @Test
  void logLineWrittenWithoutTheStateWrite_isCompletedOnOpen() throws Exception {
    try (ModelRegistry r = reopen()) {
      r.register("churn", new byte[] {1}, Map.of("auc", 0.8)).create();
      r.register("churn", new byte[] {2}, Map.of("auc", 0.9)).create();
      r.model("churn").version(1).alias("champion");
      r.model("churn").version(1).promote().toProduction();
    }
    // What a writer that died right after its log append leaves: one more line, old state files.
    AuditEntry promote2 = AuditEntry.transition(5, Instant.parse("2026-02-02T00:00:00Z"), "bob",
        "churn", 2, Stage.NONE, Stage.PRODUCTION, Optional.of("crash test"), false, List.of(),
        List.of(), Optional.of(new AuditEntry.Displacement(1, Stage.PRODUCTION, Stage.ARCHIVED)));
    Files.writeString(modelDir.resolve("log.jsonl"), promote2.toJson() + "\n", UTF_8,
        StandardOpenOption.APPEND);
    AuditEntry alias2 = AuditEntry.alias(6, Instant.parse("2026-02-02T00:00:01Z"), "bob", "churn",
        2, "champion", java.util.OptionalInt.of(1), Optional.empty());
    Files.writeString(modelDir.resolve("log.jsonl"), alias2.toJson() + "\n", UTF_8,
        StandardOpenOption.APPEND);
    assertThat(metaOnDisk(1).stage()).isEqualTo(Stage.PRODUCTION);
    assertThat(metaOnDisk(2).stage()).isEqualTo(Stage.NONE);

    try (ModelRegistry r = reopen()) {
      assertThat(metaOnDisk(1).stage()).isEqualTo(Stage.ARCHIVED);
      assertThat(metaOnDisk(1).aliases()).isEmpty();
      assertThat(metaOnDisk(2).stage()).isEqualTo(Stage.PRODUCTION);
      assertThat(metaOnDisk(2).aliases()).containsExactly("champion");
      assertThat(headOnDisk()).isEqualTo(6);
      assertConsistent(r, "churn");
    }
  }

  @Test
  void crashAfterLogAppend_registration_writesMetaOnOpen() throws Exception {
    FileRegistryStore store = FileRegistryStore.open(home);
    try (ModelRegistry r = open(store)) {
      r.register("churn", new byte[] {1}, Map.of("auc", 0.8)).create();
      crashAfterLogAppend(store);
      assertThatThrownBy(() -> r.register("churn", new byte[] {2}, Map.of("auc", 0.9))
          .referenceProfile(new byte[] {7}).create()).isInstanceOf(SimulatedCrash.class);
      assertThat(Files.exists(meta(2))).isFalse();
      assertThat(r.versions("churn")).hasSize(2); // committed by the log line
      assertThat(r.packageBytes("churn", 2)).containsExactly(2); // artifacts came first
    }
    try (ModelRegistry r = reopen()) {
      assertThat(metaOnDisk(2)).isEqualTo(r.version("churn", 2));
      assertThat(r.attachment("churn", 2, "reference-profile")).containsExactly(7);
      assertConsistent(r, "churn");
    }
  }

  @Test
  void nextWriter_completesTheStateLeftBehind_withoutReopening() throws Exception {
    FileRegistryStore store = FileRegistryStore.open(home);
    try (ModelRegistry r = open(store)) {
      r.register("churn", new byte[] {1}, Map.of()).create();
      crashAfterLogAppend(store);
      assertThatThrownBy(() -> r.model("churn").version(1).transitionTo(Stage.STAGING).apply())
          .isInstanceOf(SimulatedCrash.class);
      store.afterLogAppend = () -> { };
      r.register("churn", new byte[] {2}, Map.of()).create();
      assertThat(metaOnDisk(1).stage()).isEqualTo(Stage.STAGING);
      assertConsistent(r, "churn");
    }
  }

  @Test
  void registrationInterruptedBeforeItsCommit_leavesNoVersionAndIsCleanedOnOpen() throws Exception {
    try (ModelRegistry r = reopen()) {
      r.register("churn", new byte[] {1}, Map.of()).create();
    }
    // artifacts of version 2 and of a first version of "ghost" were written, the log never was
    Path orphan = modelDir.resolve("versions/2");
    Files.createDirectories(orphan.resolve("attachments"));
    Files.write(orphan.resolve("model.bin"), new byte[] {9});
    Files.write(orphan.resolve("attachments/reference-profile"), new byte[] {9});
    Path ghost = registryDir.resolve("ghost/versions/1");
    Files.createDirectories(ghost);
    Files.write(ghost.resolve("model.bin"), new byte[] {9});

    FileRegistryStore store = FileRegistryStore.open(home);
    try (ModelRegistry r = open(store)) {
      assertThat(Files.exists(orphan)).isFalse();
      assertThat(Files.exists(registryDir.resolve("ghost"))).isFalse();
      assertThat(r.models()).containsExactly("churn");
      assertThat(r.versions("churn")).hasSize(1);
      assertThat(r.register("churn", new byte[] {2}, Map.of()).create().number()).isEqualTo(2);
    }
  }

  @Test
  void orphanVersionDirectory_isReplacedByTheNextRegistrationEvenWithoutRecovery()
      throws Exception {
    FileRegistryStore store = FileRegistryStore.open(home);
    try (ModelRegistry r = open(store)) {
      r.register("churn", new byte[] {1}, Map.of()).create();
      Path orphan = modelDir.resolve("versions/2");
      Files.createDirectories(orphan);
      Files.write(orphan.resolve("stale.txt"), new byte[] {9});
      r.register("churn", new byte[] {2}, Map.of()).create();
      assertThat(Files.exists(orphan.resolve("stale.txt"))).isFalse();
      assertThat(r.packageBytes("churn", 2)).containsExactly(2);
    }
  }

  @Test
  void halfWrittenLastLogLine_isIgnoredByReadersAndTruncated() throws Exception {
    try (ModelRegistry r = reopen()) {
      r.register("churn", new byte[] {1}, Map.of()).create();
      r.model("churn").version(1).transitionTo(Stage.STAGING).apply();
    }
    Path log = modelDir.resolve("log.jsonl");
    long size = Files.size(log);
    Files.writeString(log, "{\"seq\":3,\"time\":\"2026-02-0", StandardOpenOption.APPEND);

    FileRegistryStore busy = FileRegistryStore.open(home);
    try (ModelRegistry r = open(busy)) {
      assertThat(Files.size(log)).isEqualTo(size); // truncated on open
      assertThat(r.auditLog("churn")).hasSize(2);
    }
    // the same while a writer holds the lock: readers skip the torn tail, the next append cuts it
    try (ModelRegistry r = reopen()) {
      Files.writeString(log, "{\"seq\":3,\"ti", StandardOpenOption.APPEND);
      assertThat(r.auditLog("churn")).hasSize(2);
      r.model("churn").version(1).promote().toProduction();
      assertThat(r.auditLog("churn")).hasSize(3);
      assertThat(Files.readString(log)).endsWith("\n").doesNotContain("\"ti{");
      assertConsistent(r, "churn");
    }
  }

  @Test
  void leftoverTempFiles_areDeletedOnOpen() throws Exception {
    try (ModelRegistry r = reopen()) {
      r.register("churn", new byte[] {1}, Map.of()).create();
    }
    Path t1 = modelDir.resolve(".aliases.json.0123456789abcdef.tmp");
    Path t2 = modelDir.resolve("versions/1/.meta.json.fedcba9876543210.tmp");
    Path keep = modelDir.resolve("versions/1/notes.txt");
    Files.write(t1, new byte[] {1});
    Files.write(t2, new byte[] {1});
    Files.write(keep, new byte[] {1});
    FileRegistryStore store = FileRegistryStore.open(home);
    assertThat(t1).doesNotExist();
    assertThat(t2).doesNotExist();
    Files.write(t1, new byte[] {1});
    Files.write(t2, new byte[] {1});
    List<String> actions = store.recover(Duration.ofSeconds(5));
    assertThat(actions).anyMatch(a -> a.contains(t1.getFileName().toString()))
        .anyMatch(a -> a.contains(t2.getFileName().toString()));
    assertThat(t1).doesNotExist();
    assertThat(t2).doesNotExist();
    assertThat(keep).exists();
  }

  @Test
  void openWhileAnotherWriterHoldsTheLock_skipsRecoveryWithoutFailing() throws Exception {
    FileRegistryStore store = FileRegistryStore.open(home);
    try (ModelRegistry r = open(store)) {
      r.register("churn", new byte[] {1}, Map.of()).create();
      crashAfterLogAppend(store);
      assertThatThrownBy(() -> r.model("churn").version(1).transitionTo(Stage.STAGING).apply())
          .isInstanceOf(SimulatedCrash.class);
    }
    try (WriterLock lock = WriterLock.acquire(registryDir, Duration.ofSeconds(5))) {
      assertThat(lock.isHeld()).isTrue();
      try (ModelRegistry r = reopen()) {
        assertThat(r.version("churn", 1).stage()).isEqualTo(Stage.STAGING);
        assertThat(metaOnDisk(1).stage()).isEqualTo(Stage.NONE);
      }
    }
    assertThat(FileRegistryStore.open(home).recover(Duration.ofSeconds(5))).isEmpty();
    assertThat(metaOnDisk(1).stage()).isEqualTo(Stage.STAGING);
  }

  @Test
  void damagedLogLine_givesAClearStorageException() throws Exception {
    try (ModelRegistry r = reopen()) {
      r.register("churn", new byte[] {1}, Map.of()).create();
      r.register("upsell", new byte[] {1}, Map.of()).create();
    }
    Path log = modelDir.resolve("log.jsonl");
    Files.writeString(log, "this is not json\n", StandardOpenOption.APPEND);
    try (ModelRegistry r = reopen()) {
      assertThatThrownBy(() -> r.versions("churn")).isInstanceOf(StorageException.class)
          .hasMessageContaining(log + " line 2 is damaged");
      assertThatThrownBy(() -> r.model("churn").version(1).alias("x"))
          .isInstanceOf(StorageException.class);
      // the other model is unaffected
      assertThat(r.models()).containsExactly("churn", "upsell");
      r.model("upsell").version(1).transitionTo(Stage.STAGING).apply();
      assertThat(r.version("upsell", 1).stage()).isEqualTo(Stage.STAGING);
    }
  }

  @Test
  void writeFailure_beforeTheCommit_leavesNothingBehind() {
    FileRegistryStore files = FileRegistryStore.open(home);
    RegistryStore failing = new RegistryStore() {
      @Override
      public String location() {
        return files.location();
      }

      @Override
      public List<String> models() {
        return files.models();
      }

      @Override
      public List<AuditEntry> log(String model) {
        return files.log(model);
      }

      @Override
      public byte[] readArtifact(String model, int version, String path, String sha) {
        return files.readArtifact(model, version, path, sha);
      }

      @Override
      public RegistryWriter beginWrite(Duration timeout) {
        RegistryWriter w = files.beginWrite(timeout);
        return new RegistryWriter() {
          @Override
          public List<AuditEntry> log(String model) {
            return w.log(model);
          }

          @Override
          public String writeArtifact(String model, int version, String path, byte[] content) {
            if (path.startsWith("attachments/")) {
              throw new StorageException("disk full (simulated)");
            }
            return w.writeArtifact(model, version, path, content);
          }

          @Override
          public void discardArtifacts(String model, int version) {
            w.discardArtifacts(model, version);
          }

          @Override
          public void commit(String model, AuditEntry e, ModelState after, Set<Integer> changed) {
            w.commit(model, e, after, changed);
          }

          @Override
          public void close() {
            w.close();
          }
        };
      }

      @Override
      public void close() {}
    };
    try (ModelRegistry r = ModelRegistry.builder(failing).clock(clock).open()) {
      r.register("churn", new byte[] {1}, Map.of()).create();
      assertThatThrownBy(() -> r.register("churn", new byte[] {2}, Map.of())
          .referenceProfile(new byte[] {3}).create())
          .isInstanceOf(StorageException.class).hasMessageContaining("disk full");
      assertThat(modelDir.resolve("versions/2")).doesNotExist();
      assertThat(r.versions("churn")).hasSize(1);
      assertThat(r.auditLog("churn")).hasSize(1);
      assertThatThrownBy(() -> r.register("fresh", new byte[] {2}, Map.of())
          .referenceProfile(new byte[] {3}).create()).isInstanceOf(StorageException.class);
      assertThat(registryDir.resolve("fresh")).doesNotExist();
      assertThat(r.models()).containsExactly("churn");
    }
  }
}
