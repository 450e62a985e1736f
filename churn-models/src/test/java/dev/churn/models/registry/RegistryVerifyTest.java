package dev.churn.models.registry;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.churn.core.storage.StorageException;
import dev.churn.core.time.MutableClock;
import dev.churn.models.registry.IntegrityReport.Kind;
import dev.churn.models.registry.IntegrityReport.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ModelRegistry#verify()}: what it finds in a damaged registry, and that recovery fixes. */
class RegistryVerifyTest {
  @TempDir Path home;
  private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-01T00:00:00Z"));
  private FileRegistryStore store;
  private ModelRegistry registry;
  private Path modelDir;

  @BeforeEach
  void setUp() {
    store = FileRegistryStore.open(home);
    registry = ModelRegistry.builder(store).clock(clock).user("ana").open();
    modelDir = home.resolve("registry").resolve("churn");
  }

  @AfterEach
  void tearDown() {
    registry.close();
  }

  private ModelVersion register(String model, int content) {
    clock.advance(Duration.ofMinutes(1));
    return registry.register(model, new byte[] {(byte) content, 1, 2, 3}, Map.of("auc", 0.8))
        .create();
  }

  private Path versionDir(int n) {
    return modelDir.resolve("versions").resolve(Integer.toString(n));
  }

  /** Two models, a promotion that displaces, an alias and an attachment. */
  private void populate() {
    register("churn", 1);
    clock.advance(Duration.ofMinutes(1));
    registry.register("churn", new byte[] {2}, Map.of("auc", 0.9))
        .referenceProfile(new byte[] {9, 9}).create();
    registry.model("churn").version(1).promote().toProduction();
    registry.model("churn").version(2).transitionTo(Stage.STAGING).apply();
    registry.model("churn").version(2).promote().toProduction();
    registry.model("churn").version(2).alias("champion");
    register("upsell", 3);
  }

  private static List<String> messages(IntegrityReport r, Kind kind) {
    return r.problems(kind).stream().map(Problem::message).toList();
  }

  @Test
  void verify_consistentRegistry_isOkAndCountsWhatItChecked() {
    populate();
    IntegrityReport r = registry.verify();
    assertThat(r.ok()).as(r.summary()).isTrue();
    assertThat(r.models()).containsExactly("churn", "upsell");
    assertThat(r.versions()).isEqualTo(3);
    assertThat(r.artifacts()).isEqualTo(4); // three packages and one attachment
    assertThat(r.summary()).isEqualTo("2 models, 3 versions, 4 artifacts checked: OK");
    assertThat(registry.verify("upsell").models()).containsExactly("upsell");
  }

  @Test
  void verify_flippedByteInAPackage_reportsTheChecksumAndLoadFails() throws Exception {
    populate();
    Path bin = versionDir(1).resolve("model.bin");
    byte[] bytes = Files.readAllBytes(bin);
    bytes[bytes.length - 1] ^= 0x40;
    Files.write(bin, bytes);

    IntegrityReport r = registry.verify();
    assertThat(r.problems()).singleElement().satisfies(p -> {
      assertThat(p.kind()).isEqualTo(Kind.ARTIFACT);
      assertThat(p.model()).contains("churn");
      assertThat(p.version()).hasValue(1);
      assertThat(p.message()).contains("SHA-256 mismatch for " + bin);
    });
    assertThatThrownBy(() -> registry.packageBytes("churn", 1))
        .isInstanceOf(StorageException.class).hasMessageContaining("SHA-256 mismatch");
    // recovery does not touch artifacts: a damaged package needs a backup
    assertThat(store.recover(Duration.ofSeconds(5))).isEmpty();
    assertThat(registry.verify().ok()).isFalse();
  }

  @Test
  void verify_missingAttachment_isReported() throws Exception {
    populate();
    Files.delete(versionDir(2).resolve("attachments").resolve("reference-profile"));
    assertThat(registry.verify().problems()).singleElement().satisfies(p -> {
      assertThat(p.kind()).isEqualTo(Kind.ARTIFACT);
      assertThat(p.version()).hasValue(2);
      assertThat(p.message()).contains("attachments/reference-profile").contains("is missing");
    });
  }

  @Test
  void verify_truncatedMetaJson_isReportedAndRecoveryRewritesIt() throws Exception {
    populate();
    Path meta = versionDir(2).resolve("meta.json");
    String whole = Files.readString(meta);
    Files.writeString(meta, whole.substring(0, whole.length() / 2));

    // readers are unaffected: the state comes from the log ...
    assertThat(registry.version("churn", 2).stage()).isEqualTo(Stage.PRODUCTION);
    // ... but the damaged file is reported, not ignored
    IntegrityReport r = registry.verify();
    assertThat(r.problems()).singleElement().satisfies(p -> {
      assertThat(p.kind()).isEqualTo(Kind.STORAGE);
      assertThat(p.model()).contains("churn");
      assertThat(p.message()).startsWith(meta + " cannot be read")
          .contains("damaged or truncated").contains("recovery rewrites it");
    });
    assertThat(store.recover(Duration.ofSeconds(5)))
        .containsExactly("rewrote " + meta + " from the audit log");
    assertThat(Files.readString(meta)).isEqualTo(whole);
    assertThat(registry.verify().ok()).isTrue();
  }

  @Test
  void verify_truncatedMetaJson_isRepairedWhenTheStoreIsOpened() throws Exception {
    populate();
    Path meta = versionDir(1).resolve("meta.json");
    String whole = Files.readString(meta);
    Files.writeString(meta, whole.substring(0, whole.length() / 2));
    try (ModelRegistry reopened = ModelRegistry.open(home)) {
      assertThat(Files.readString(meta)).isEqualTo(whole);
      assertThat(reopened.verify().ok()).isTrue();
    }
  }

  @Test
  void verify_truncatedAliasesJson_isReported() throws Exception {
    populate();
    Path aliases = modelDir.resolve("aliases.json");
    String whole = Files.readString(aliases);
    Files.writeString(aliases, whole.substring(0, whole.length() / 2));
    assertThat(messages(registry.verify(), Kind.STORAGE)).singleElement()
        .asString().startsWith(aliases + " cannot be read");
    store.recover(Duration.ofSeconds(5));
    assertThat(registry.verify().ok()).isTrue();
  }

  @Test
  void verify_stateFilesBehindTheLog_areReportedUntilRecovered() {
    register("churn", 1);
    store.afterLogAppend = () -> {
      throw new IllegalStateException("simulated crash after the log append");
    };
    assertThatThrownBy(() -> registry.model("churn").version(1).transitionTo(Stage.STAGING)
        .apply()).isInstanceOf(IllegalStateException.class);
    store.afterLogAppend = () -> { };

    List<String> found = messages(registry.verify(), Kind.STORAGE);
    assertThat(found).hasSize(2);
    assertThat(found.get(0)).contains("aliases.json reflects 1 of the 2 audit log entries");
    assertThat(found.get(1)).contains("meta.json differs from the replay of the audit log")
        .contains("it says NONE").contains("the log STAGING");
    store.recover(Duration.ofSeconds(5));
    assertThat(registry.verify().ok()).isTrue();
  }

  @Test
  void verify_leftoversOfInterruptedWrites_areReportedAndRecoveryRemovesThem() throws Exception {
    populate();
    Path orphan = versionDir(3);
    Files.createDirectories(orphan);
    Files.write(orphan.resolve("model.bin"), new byte[] {7});
    Path temp = versionDir(1).resolve(".meta.json.0123456789abcdef.tmp");
    Files.write(temp, new byte[] {7});
    Path rootTemp = home.resolve("registry").resolve(".x.fedcba9876543210.tmp");
    Files.write(rootTemp, new byte[] {7});
    Path ghost = home.resolve("registry").resolve("ghost").resolve("versions").resolve("1");
    Files.createDirectories(ghost);
    Files.write(ghost.resolve("model.bin"), new byte[] {7});
    Path torn = modelDir.resolve("log.jsonl");
    Files.writeString(torn, "{\"seq\":6,\"ti", StandardOpenOption.APPEND);

    IntegrityReport r = registry.verify();
    assertThat(r.problems()).allMatch(p -> p.kind() == Kind.STORAGE);
    assertThat(r.problems()).extracting(Problem::model).containsExactly(
        Optional.of("churn"), Optional.of("churn"), Optional.of("churn"), Optional.empty(),
        Optional.empty());
    assertThat(r.problems()).extracting(Problem::message).satisfiesExactly(
        m -> assertThat(m).contains("ends with a half-written line (12 bytes)"),
        m -> assertThat(m).contains("leftover temp file " + temp),
        m -> assertThat(m).contains(orphan + " was never registered"),
        m -> assertThat(m).contains("leftover temp file " + rootTemp),
        m -> assertThat(m).contains("ghost has no committed audit entry"));

    assertThat(store.recover(Duration.ofSeconds(5))).hasSizeGreaterThanOrEqualTo(5);
    assertThat(registry.verify().ok()).isTrue();
  }

  @Test
  void verify_twoVersionsInProduction_isReported() throws Exception {
    register("churn", 1);
    register("churn", 2);
    registry.model("churn").version(1).promote().toProduction();
    // a forged entry that promotes v2 without displacing v1
    AuditEntry forged = AuditEntry.transition(4, Instant.parse("2026-03-02T00:00:00Z"), "mallory",
        "churn", 2, Stage.NONE, Stage.PRODUCTION, Optional.empty(), false, List.of(), List.of(),
        Optional.empty());
    Files.writeString(modelDir.resolve("log.jsonl"), forged.toJson() + "\n", UTF_8,
        StandardOpenOption.APPEND);

    IntegrityReport r = registry.verify();
    assertThat(messages(r, Kind.PRODUCTION)).containsExactly(
        "after audit entry 4 versions [1, 2] are all in PRODUCTION; restore the log from a backup");
    assertThat(messages(r, Kind.AUDIT_LOG)).singleElement().asString()
        .contains("does not replay").contains("2 versions in PRODUCTION");
    assertThat(r.versions()).isEqualTo(2); // artifacts are still checked
    assertThat(r.problems(Kind.ARTIFACT)).isEmpty();
  }

  @Test
  void verify_versionRegisteredTwice_isANumberingProblem() throws Exception {
    register("churn", 1);
    register("churn", 2);
    Path log = modelDir.resolve("log.jsonl");
    String second = Files.readAllLines(log).get(1);
    assertThat(second).contains("\"seq\":2,");
    Files.writeString(log, second.replace("\"seq\":2,", "\"seq\":3,") + "\n", UTF_8,
        StandardOpenOption.APPEND);

    IntegrityReport r = registry.verify();
    assertThat(r.problems(Kind.NUMBERING)).singleElement().satisfies(p -> {
      assertThat(p.version()).hasValue(2);
      assertThat(p.message()).startsWith(
          "audit entry 3 registers version 2 but the next version number is 3");
    });
    assertThat(r.problems(Kind.AUDIT_LOG)).hasSize(1);
  }

  @Test
  void verify_damagedLogLine_isReportedAndOtherModelsAreStillChecked() throws Exception {
    populate();
    Files.writeString(modelDir.resolve("log.jsonl"), "not json\n", StandardOpenOption.APPEND);
    IntegrityReport r = registry.verify();
    assertThat(r.problems()).singleElement().satisfies(p -> {
      assertThat(p.kind()).isEqualTo(Kind.AUDIT_LOG);
      assertThat(p.version()).isEqualTo(OptionalInt.empty());
      assertThat(p.message()).contains("line 7 is damaged");
    });
    assertThat(r.versions()).isEqualTo(1); // upsell's
  }

  @Test
  void verify_unknownModel_throwsNamingTheModels() {
    register("churn", 1);
    assertThatThrownBy(() -> registry.verify("chrun"))
        .isInstanceOf(ModelNotFoundException.class).hasMessageContaining("models: [churn]");
  }

  @Test
  void verify_storeWithoutStateFiles_checksThroughTheSpiAlone() {
    try (ModelRegistry memory = ModelRegistry.builder(new InMemoryRegistryStore()).clock(clock)
        .open()) {
      memory.register("churn", new byte[] {1}, Map.of()).create();
      memory.model("churn").version(1).promote().toProduction();
      IntegrityReport r = memory.verify();
      assertThat(r.ok()).isTrue();
      assertThat(r.artifacts()).isEqualTo(1);
    }
  }
}
