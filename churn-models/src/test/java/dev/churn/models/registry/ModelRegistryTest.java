package dev.churn.models.registry;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.churn.core.ChurnException;
import dev.churn.core.storage.Sha256;
import dev.churn.core.storage.StorageException;
import dev.churn.core.table.Table;
import dev.churn.core.time.MutableClock;
import dev.churn.models.ChurnModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {
  @TempDir Path home;
  private MutableClock clock;
  private ModelRegistry registry;

  @BeforeEach
  void setUp() {
    clock = MutableClock.at(Instant.parse("2026-01-05T06:00:00Z"));
    registry = ModelRegistry.builder(home).clock(clock).user("ana")
        .backends(TestModels.BACKENDS).open();
  }

  @AfterEach
  void tearDown() {
    registry.close();
  }

  private ModelVersion registerRaw(String model, double auc) {
    clock.advance(Duration.ofMinutes(1));
    return registry.register(model, ("package of " + model + " auc " + auc).getBytes(UTF_8),
        Map.of("auc", auc)).create();
  }

  private Path versionDir(String model, int n) {
    return home.resolve("registry").resolve(model).resolve("versions").resolve(Integer.toString(n));
  }

  // ---------------------------------------------------------------- registration

  @Test
  void register_rawBytes_firstVersionIsOneInStageNoneWithLineage() throws Exception {
    byte[] pkg = "not a real package".getBytes(UTF_8);
    ModelVersion v = registry.register("churn", pkg, Map.of("auc", 0.83))
        .fromRun("run-42").tag("trigger", "drift").featureGroups(Map.of("usage", "3f9c"))
        .dataFingerprint("ab12").referenceProfile("profile".getBytes(UTF_8))
        .attachment("notes.txt", "hello".getBytes(UTF_8)).description("first")
        .by("bob").because("initial model").create();

    assertThat(v.number()).isEqualTo(1);
    assertThat(v.stage()).isEqualTo(Stage.NONE);
    assertThat(v.createdAt()).isEqualTo(Instant.parse("2026-01-05T06:00:00Z"));
    assertThat(v.createdBy()).isEqualTo("bob");
    assertThat(v.runId()).contains("run-42");
    assertThat(v.tags()).containsEntry("trigger", "drift");
    assertThat(v.featureGroups()).containsEntry("usage", "3f9c");
    assertThat(v.dataFingerprint()).contains("ab12");
    assertThat(v.metrics()).containsEntry("auc", 0.83);
    assertThat(v.modelPackage().sha256()).isEqualTo(Sha256.ofBytes(pkg));
    assertThat(v.attachments()).containsOnlyKeys("notes.txt", ModelVersion.REFERENCE_PROFILE);
    assertThat(registry.attachment("churn", 1, ModelVersion.REFERENCE_PROFILE))
        .isEqualTo("profile".getBytes(UTF_8));
    assertThat(registry.packageBytes("churn", 1)).isEqualTo(pkg);

    assertThat(Files.readAllBytes(versionDir("churn", 1).resolve("model.bin"))).isEqualTo(pkg);
    String meta = Files.readString(versionDir("churn", 1).resolve("meta.json"));
    assertThat(meta).contains("\"sha256\" : \"" + Sha256.ofBytes(pkg) + "\"")
        .contains("\"stage\" : \"NONE\"").contains("\"runId\" : \"run-42\"");
    assertThat(registry.history("churn", 1)).singleElement().satisfies(e -> {
      assertThat(e.action()).isEqualTo(AuditAction.REGISTER);
      assertThat(e.user()).isEqualTo("bob");
      assertThat(e.reason()).contains("initial model");
    });
  }

  @Test
  void register_versionsAreDensePerModel() {
    registerRaw("churn", 0.8);
    registerRaw("upsell", 0.7);
    registerRaw("churn", 0.81);
    ModelVersion v3 = registerRaw("churn", 0.82);
    assertThat(v3.number()).isEqualTo(3);
    assertThat(registry.versions("churn")).extracting(ModelVersion::number)
        .containsExactly(1, 2, 3);
    assertThat(registry.versions("upsell")).extracting(ModelVersion::number).containsExactly(1);
    assertThat(registry.models()).containsExactly("churn", "upsell");
  }

  @Test
  void register_churnModel_recordsItsLineageAndLoadsBack() {
    try (TestModels models = new TestModels()) {
      ChurnModel trained = models.train(300);
      ModelVersion v = registry.register("churn", trained).fromRun("run-7").create();
      assertThat(v.metrics()).containsKey("auc");
      assertThat(v.metric("auc").getAsDouble()).isEqualTo(trained.metrics().get("auc"));
      assertThat(v.backend()).contains("test-logistic");
      assertThat(v.params()).containsEntry("steps", "300");
      assertThat(v.signature()).containsExactly(Map.entry("calls", "NUMERIC"),
          Map.entry("plan", "CATEGORICAL"));
      assertThat(v.provenance()).contains(trained.provenance());
      assertThat(v.dataFingerprint()).isPresent();
      assertThat(v.dataFingerprint().get()).isEqualTo(trained.provenance().inputs().stream()
          .filter(i -> i.name().equals("training-table")).findFirst().orElseThrow().sha256());

      registry.model("churn").version(1).alias("champion");
      registry.model("churn").version(1).promote().toProduction();
      double[] expected = trained.predict(models.table);
      assertThat(registry.load("churn", 1).predict(models.table)).containsExactly(expected);
      assertThat(registry.load("churn", Stage.PRODUCTION).predict(models.table))
          .containsExactly(expected);
      LoadedModel byAlias = registry.load("churn", "champion");
      assertThat(byAlias.version().number()).isEqualTo(1);
      assertThat(byAlias.predict(models.table)).containsExactly(expected);
    }
  }

  // ---------------------------------------------------------------- transitions

  @Test
  void transitionTo_recordsWhoWhyWhenInTheAuditLog() {
    registerRaw("churn", 0.8);
    clock.set(Instant.parse("2026-01-06T07:00:00Z"));
    ModelVersion v = registry.model("churn").version(1).transitionTo(Stage.STAGING)
        .because("nightly retrain").by("scheduler").apply();
    assertThat(v.stage()).isEqualTo(Stage.STAGING);
    assertThat(v.stageSince()).isEqualTo(Instant.parse("2026-01-06T07:00:00Z"));
    AuditEntry e = registry.history("churn", 1).get(1);
    assertThat(e.action()).isEqualTo(AuditAction.TRANSITION);
    assertThat(e.from()).contains(Stage.NONE);
    assertThat(e.to()).contains(Stage.STAGING);
    assertThat(e.user()).isEqualTo("scheduler");
    assertThat(e.reason()).contains("nightly retrain");
    assertThat(e.time()).isEqualTo(Instant.parse("2026-01-06T07:00:00Z"));
    assertThat(e.forced()).isFalse();
  }

  @Test
  void transitionTo_sameStage_isRejectedAndChangesNothing() {
    registerRaw("churn", 0.8);
    List<AuditEntry> before = registry.auditLog("churn");
    assertThatThrownBy(() -> registry.model("churn").version(1).transitionTo(Stage.NONE).apply())
        .isInstanceOf(RegistryException.class).hasMessageContaining("already in NONE");
    assertThat(registry.auditLog("churn")).isEqualTo(before);
  }

  @Test
  void promote_archivesThePreviousProductionVersionByDefault() {
    registerRaw("churn", 0.8);
    registerRaw("churn", 0.82);
    registry.model("churn").version(1).promote().toProduction();
    ModelVersion v2 = registry.model("churn").version(2).promote().because("better").toProduction();
    assertThat(v2.stage()).isEqualTo(Stage.PRODUCTION);
    assertThat(registry.version("churn", 1).stage()).isEqualTo(Stage.ARCHIVED);
    assertThat(registry.model("churn").state().inStage(Stage.PRODUCTION)).hasSize(1);
    AuditEntry last = registry.auditLog("churn").get(3);
    assertThat(last.displaced()).contains(
        new AuditEntry.Displacement(1, Stage.PRODUCTION, Stage.ARCHIVED));
    assertThat(registry.history("churn", 1)).contains(last);
  }

  @Test
  void promote_keepExisting_movesThePreviousProductionVersionToStaging() {
    registerRaw("churn", 0.8);
    registerRaw("churn", 0.82);
    registry.model("churn").version(1).promote().toProduction();
    registry.model("churn").version(2).promote().keepExisting().toProduction();
    assertThat(registry.version("churn", 1).stage()).isEqualTo(Stage.STAGING);
    assertThat(registry.version("churn", 2).stage()).isEqualTo(Stage.PRODUCTION);
    assertThat(registry.state("churn").inStage(Stage.PRODUCTION)).hasSize(1);
    // transitionTo(PRODUCTION) follows the same rule
    registry.model("churn").version(1).transitionTo(Stage.PRODUCTION).apply();
    assertThat(registry.version("churn", 2).stage()).isEqualTo(Stage.ARCHIVED);
    assertThat(registry.state("churn").inStage(Stage.PRODUCTION))
        .extracting(ModelVersion::number).containsExactly(1);
  }

  @Test
  void keepExisting_onANonProductionTransition_failsAtOnce() {
    registerRaw("churn", 0.8);
    Transition t = registry.model("churn").version(1).transitionTo(Stage.STAGING);
    assertThatThrownBy(t::keepExisting).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("only to transitions to PRODUCTION");
  }

  @Test
  void archivedVersion_canBePromotedAgainToRollBack() {
    registerRaw("churn", 0.8);
    registerRaw("churn", 0.82);
    registry.model("churn").version(1).promote().toProduction();
    registry.model("churn").version(2).promote().toProduction();
    registry.model("churn").version(1).promote().because("roll back").toProduction();
    assertThat(registry.state("churn").production().orElseThrow().number()).isEqualTo(1);
    assertThat(registry.version("churn", 2).stage()).isEqualTo(Stage.ARCHIVED);
  }

  // ---------------------------------------------------------------- gates

  @Test
  void gates_passing_areRecordedWithTheirNumbers() {
    registerRaw("churn", 0.84);
    registry.model("churn").version(1).promote().gate(Gates.metricAtLeast("auc", 0.8))
        .toProduction();
    AuditEntry e = registry.auditLog("churn").get(1);
    assertThat(e.gates()).singleElement().satisfies(g -> {
      assertThat(g.passed()).isTrue();
      assertThat(g.name()).isEqualTo("metricAtLeast(auc, 0.8)");
      assertThat(g.detail()).isEqualTo("auc 0.8400 >= 0.8000");
      assertThat(g.values()).containsEntry("auc", 0.84).containsEntry("min", 0.8);
    });
  }

  @Test
  void gates_failing_throwNamingTheGateAndLeaveTheStateUnchanged() throws Exception {
    registerRaw("churn", 0.84);
    registerRaw("churn", 0.78);
    registry.model("churn").version(1).promote().toProduction();
    ModelState before = registry.state("churn");
    String meta1 = Files.readString(versionDir("churn", 1).resolve("meta.json"));
    String meta2 = Files.readString(versionDir("churn", 2).resolve("meta.json"));

    assertThatThrownBy(() -> registry.model("churn").version(2).promote()
        .gate(Gates.metricAtLeast("auc", 0.7))
        .gate(Gates.notWorseThanProduction("auc", 0.005))
        .because("try").toProduction())
        .isInstanceOfSatisfying(GateFailedException.class, e -> {
          assertThat(e).isInstanceOf(ChurnException.class);
          assertThat(e.getMessage()).contains("notWorseThanProduction(auc, 0.005)")
              .contains("auc 0.7800 vs 0.8400 of production v1")
              .contains("worse by 0.0600, more than the tolerance 0.0050")
              .contains("registry is unchanged");
          assertThat(e.results()).hasSize(2);
          assertThat(e.failed()).singleElement()
              .satisfies(r -> assertThat(r.values()).containsEntry("worseBy", 0.84 - 0.78));
          assertThat(e.version()).isEqualTo(2);
          assertThat(e.target()).isEqualTo(Stage.PRODUCTION);
        });

    ModelState after = registry.state("churn");
    assertThat(after.versions()).isEqualTo(before.versions());
    assertThat(after.aliases()).isEqualTo(before.aliases());
    assertThat(Files.readString(versionDir("churn", 1).resolve("meta.json"))).isEqualTo(meta1);
    assertThat(Files.readString(versionDir("churn", 2).resolve("meta.json"))).isEqualTo(meta2);
    AuditEntry rejected = registry.auditLog("churn").get(after.versions().size() + 1);
    assertThat(rejected.action()).isEqualTo(AuditAction.REJECTED);
    assertThat(rejected.reason()).contains("try");
    assertThat(rejected.gates()).extracting(GateResult::passed).containsExactly(true, false);
  }

  @Test
  void notWorseThanProduction_withoutProduction_passesAndSaysSo() {
    registerRaw("churn", 0.5);
    registry.model("churn").version(1).promote()
        .gate(Gates.notWorseThanProduction("auc", 0.0)).toProduction();
    GateResult r = registry.auditLog("churn").get(1).gates().get(0);
    assertThat(r.passed()).isTrue();
    assertThat(r.detail()).contains("nothing to compare with");
  }

  @Test
  void notWorseThanProduction_withinTolerance_passes_andLowerIsBetterForLogloss() {
    clock.advance(Duration.ofMinutes(1));
    registry.register("churn", new byte[] {1}, Map.of("auc", 0.80, "logloss", 0.40)).create();
    registry.register("churn", new byte[] {2}, Map.of("auc", 0.797, "logloss", 0.45)).create();
    registry.model("churn").version(1).promote().toProduction();
    assertThatThrownBy(() -> registry.model("churn").version(2).promote()
        .gate(Gates.notWorseThanProduction("logloss", 0.01)).toProduction())
        .isInstanceOf(GateFailedException.class).hasMessageContaining("lower is better");
    ModelVersion v = registry.model("churn").version(2).promote()
        .gate(Gates.notWorseThanProduction("auc", 0.005)).toProduction();
    assertThat(v.stage()).isEqualTo(Stage.PRODUCTION);
  }

  @Test
  void metricGates_missingMetric_fail() {
    registerRaw("churn", 0.9);
    assertThatThrownBy(() -> registry.model("churn").version(1).transitionTo(Stage.STAGING)
        .gate(Gates.metricAtMost("logloss", 0.3)).apply())
        .isInstanceOf(GateFailedException.class)
        .hasMessageContaining("the candidate has no metric 'logloss' (it has [auc])");
  }

  @Test
  void acceptanceGate_comparesTheCandidatesPredictionsOnAFixedSample() {
    try (TestModels models = new TestModels(); Table sample = models.table.head(40)) {
      ChurnModel m = models.train(300);
      double[] expected = m.predict(sample);
      registry.register("churn", m).create();
      registry.register("churn", models.train(20)).create();
      ModelVersion ok = registry.model("churn").version(1).promote()
          .gate(Gates.acceptance(sample, expected, 1e-9)).toProduction();
      assertThat(ok.stage()).isEqualTo(Stage.PRODUCTION);
      assertThat(registry.auditLog("churn").get(2).gates().get(0).detail())
          .startsWith("all 40 predictions are within");

      assertThatThrownBy(() -> registry.model("churn").version(2).promote()
          .gate(Gates.acceptance(sample, expected, 1e-9)).toProduction())
          .isInstanceOfSatisfying(GateFailedException.class, e -> {
            assertThat(e.getMessage()).contains("acceptance(40 rows, tolerance 1.0E-9)")
                .contains("predictions differ from the expected scores");
            assertThat(e.failed().get(0).values()).containsKeys("maxAbsDiff", "mismatches",
                "worstRow");
          });
      assertThat(registry.state("churn").production().orElseThrow().number()).isEqualTo(1);
    }
  }

  @Test
  void signatureCompatibleWithProduction_failsWhenTheCandidateNeedsNewColumns() {
    try (TestModels models = new TestModels()) {
      registry.register("churn", models.trainCallsOnly()).create();
      registry.register("churn", models.train(300)).create();
      registry.register("churn", models.trainCallsOnly()).create();
      registry.model("churn").version(1).promote()
          .gate(Gates.signatureCompatibleWithProduction()).toProduction();
      assertThatThrownBy(() -> registry.model("churn").version(2).promote()
          .gate(Gates.signatureCompatibleWithProduction()).toProduction())
          .isInstanceOf(GateFailedException.class)
          .hasMessageContaining("new columns: [plan (CATEGORICAL)]");
      ModelVersion v3 = registry.model("churn").version(3).promote()
          .gates(Gates.defaults(Stage.PRODUCTION)).toProduction();
      assertThat(v3.stage()).isEqualTo(Stage.PRODUCTION);
      assertThat(registry.auditLog("churn").get(5).gates()).extracting(GateResult::name)
          .containsExactly("signatureCompatibleWithProduction",
              "notWorseThanProduction(auc, 0.005)");
    }
  }

  @Test
  void gateThatThrows_countsAsAFailure() {
    registerRaw("churn", 0.9);
    Gate broken = Gate.named("broken", ctx -> {
      throw new IllegalStateException("boom");
    });
    assertThatThrownBy(() -> registry.model("churn").version(1).transitionTo(Stage.STAGING)
        .gate(broken).gate(ctx -> null).apply())
        .isInstanceOfSatisfying(GateFailedException.class, e -> assertThat(e.failed())
            .extracting(GateResult::name, GateResult::detail)
            .containsExactly(
                tuple("broken", "the gate threw IllegalStateException: boom"),
                tuple("custom gate #2", "the gate returned no result")));
    assertThat(registry.version("churn", 1).stage()).isEqualTo(Stage.NONE);
  }

  @Test
  void force_skipsTheGatesAndSaysSoInTheAuditLog() {
    registerRaw("churn", 0.5);
    ModelVersion v = registry.model("churn").version(1).promote()
        .gate(Gates.metricAtLeast("auc", 0.8)).force().because("hotfix").toProduction();
    assertThat(v.stage()).isEqualTo(Stage.PRODUCTION);
    AuditEntry e = registry.auditLog("churn").get(1);
    assertThat(e.forced()).isTrue();
    assertThat(e.gates()).isEmpty();
    assertThat(e.skippedGates()).containsExactly("metricAtLeast(auc, 0.8)");
    assertThat(e.summary()).contains("FORCED").contains("metricAtLeast(auc, 0.8)");
  }

  @Test
  void gates_defaults_areDocumentedOnesForProductionOnly() {
    assertThat(Gates.defaults(Stage.PRODUCTION)).extracting(Gate::name).containsExactly(
        "signatureCompatibleWithProduction", "notWorseThanProduction(auc, 0.005)");
    assertThat(Gates.defaults(Stage.STAGING)).isEmpty();
    assertThatThrownBy(() -> Gates.notWorseThanProduction("auc", -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tolerance");
    assertThatThrownBy(() -> Gates.metricAtLeast(" ", 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ---------------------------------------------------------------- queries

  @Test
  void productionAt_returnsTheVersionThatServedAtThatTime() {
    clock.set(Instant.parse("2026-01-01T00:00:00Z"));
    registry.register("churn", new byte[] {1}, Map.of("auc", 0.8)).create();
    registry.register("churn", new byte[] {2}, Map.of("auc", 0.81)).create();
    clock.set(Instant.parse("2026-01-15T00:00:00Z"));
    registry.model("churn").version(1).promote().toProduction();
    clock.set(Instant.parse("2026-03-01T00:00:00Z"));
    registry.model("churn").version(2).promote().toProduction();
    clock.set(Instant.parse("2026-04-10T00:00:00Z"));
    registry.model("churn").version(2).archive().because("retired").apply();

    assertThat(registry.productionAt("churn", Instant.parse("2026-01-10T00:00:00Z"))).isEmpty();
    assertThat(registry.productionAt("churn", Instant.parse("2026-01-15T00:00:00Z")))
        .map(ModelVersion::number).contains(1);
    assertThat(registry.productionAt("churn", Instant.parse("2026-02-28T23:59:59Z")))
        .map(ModelVersion::number).contains(1);
    assertThat(registry.productionAt("churn", Instant.parse("2026-03-31T00:00:00Z")))
        .get().satisfies(v -> {
          assertThat(v.number()).isEqualTo(2);
          assertThat(v.stage()).isEqualTo(Stage.PRODUCTION);
        });
    assertThat(registry.productionAt("churn", Instant.parse("2026-05-01T00:00:00Z"))).isEmpty();
    assertThat(registry.model("churn").productionAt(Instant.parse("2025-01-01T00:00:00Z")))
        .isEmpty();
  }

  @Test
  void auditTimes_neverGoBackwardsWhenTheClockDoes() {
    clock.set(Instant.parse("2026-02-01T00:00:00Z"));
    registry.register("churn", new byte[] {1}, Map.of()).create();
    clock.set(Instant.parse("2026-01-01T00:00:00Z"));
    registry.model("churn").version(1).transitionTo(Stage.STAGING).apply();
    assertThat(registry.auditLog("churn")).extracting(AuditEntry::time)
        .containsExactly(Instant.parse("2026-02-01T00:00:00Z"),
            Instant.parse("2026-02-01T00:00:00Z"));
  }

  @Test
  void history_listsEverythingThatConcernsOneVersion() {
    registerRaw("churn", 0.8);
    registerRaw("churn", 0.81);
    registry.model("churn").version(1).alias("champion");
    registry.model("churn").version(1).promote().toProduction();
    registry.model("churn").version(2).alias("champion");
    registry.model("churn").version(2).promote().toProduction();
    assertThat(registry.history("churn", 1)).extracting(AuditEntry::action).containsExactly(
        AuditAction.REGISTER, AuditAction.ALIAS, AuditAction.TRANSITION, AuditAction.ALIAS,
        AuditAction.TRANSITION);
    assertThat(registry.history("churn", 2)).extracting(AuditEntry::action).containsExactly(
        AuditAction.REGISTER, AuditAction.ALIAS, AuditAction.TRANSITION);
    assertThat(registry.history("churn", 2).get(1).summary())
        .contains("ALIAS v2 alias 'champion' (moved from v1)");
  }

  // ---------------------------------------------------------------- aliases

  @Test
  void alias_isUniquePerModelAndMovesBetweenVersions() {
    registerRaw("churn", 0.8);
    registerRaw("churn", 0.81);
    registerRaw("upsell", 0.7);
    registry.model("churn").version(1).alias("champion");
    registry.model("churn").version(2).alias("challenger", "ana", "A/B test");
    registry.model("upsell").version(1).alias("champion");
    assertThat(registry.model("churn").aliases()).containsExactly(Map.entry("challenger", 2),
        Map.entry("champion", 1));

    ModelVersion v2 = registry.model("churn").version(2).alias("champion");
    assertThat(v2.aliases()).containsExactly("challenger", "champion");
    assertThat(registry.version("churn", 1).aliases()).isEmpty();
    assertThat(registry.model("churn").aliased("champion").number()).isEqualTo(2);
    assertThat(registry.model("upsell").aliased("champion").number()).isEqualTo(1);

    int entries = registry.auditLog("churn").size();
    registry.model("churn").version(2).alias("champion"); // already there: no-op
    assertThat(registry.auditLog("churn")).hasSize(entries);

    registry.model("churn").removeAlias("challenger");
    assertThat(registry.version("churn", 2).aliases()).containsExactly("champion");
    assertThatThrownBy(() -> registry.load("churn", "challenger"))
        .isInstanceOf(VersionNotFoundException.class)
        .hasMessageContaining("has no alias 'challenger'; aliases: {champion=2}");
    assertThatThrownBy(() -> registry.model("churn").removeAlias("challenger"))
        .isInstanceOf(VersionNotFoundException.class);
    assertThatThrownBy(() -> registry.model("churn").version(1).alias("bad/alias"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ---------------------------------------------------------------- storage

  @Test
  void load_tamperedModelBin_failsWithAClearStorageException() throws Exception {
    registerRaw("churn", 0.8);
    Path bin = versionDir("churn", 1).resolve("model.bin");
    byte[] bytes = Files.readAllBytes(bin);
    bytes[0] ^= 1;
    Files.write(bin, bytes);
    assertThatThrownBy(() -> registry.load("churn", 1))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("SHA-256 mismatch for " + bin)
        .hasMessageContaining("the registry recorded " + registry.version("churn", 1)
            .modelPackage().sha256())
        .hasMessageContaining("altered or damaged");
    assertThatThrownBy(() -> registry.packageBytes("churn", 1))
        .isInstanceOf(StorageException.class);
    Files.delete(bin);
    assertThatThrownBy(() -> registry.load("churn", 1)).isInstanceOf(StorageException.class)
        .hasMessageContaining("is missing");
  }

  @Test
  void attachment_tampered_failsTheChecksum() throws Exception {
    clock.advance(Duration.ofMinutes(1));
    registry.register("churn", new byte[] {1}, Map.of()).referenceProfile(new byte[] {1, 2, 3})
        .create();
    Files.write(versionDir("churn", 1).resolve("attachments").resolve("reference-profile"),
        new byte[] {1, 2, 4});
    assertThatThrownBy(() -> registry.attachment("churn", 1, "reference-profile"))
        .isInstanceOf(StorageException.class).hasMessageContaining("SHA-256 mismatch");
    assertThatThrownBy(() -> registry.attachment("churn", 1, "other"))
        .isInstanceOf(VersionNotFoundException.class)
        .hasMessageContaining("has no attachment 'other'; it has [reference-profile]");
  }

  @Test
  void replayingTheAuditLog_reproducesTheStateAndTheStateFiles() {
    registerRaw("churn", 0.8);
    registerRaw("churn", 0.81);
    registry.model("churn").version(1).alias("champion");
    registry.model("churn").version(1).promote().toProduction();
    registry.model("churn").version(2).transitionTo(Stage.STAGING).apply();
    assertThatThrownBy(() -> registry.model("churn").version(2).promote()
        .gate(Gates.metricAtLeast("auc", 0.9)).toProduction())
        .isInstanceOf(GateFailedException.class);
    registry.model("churn").version(2).promote().keepExisting().toProduction();
    registry.model("churn").version(2).alias("champion");

    FileRegistryStore store = (FileRegistryStore) registry.store();
    ModelState replayed = ModelState.replay("churn", store.log("churn"));
    assertThat(replayed).isEqualTo(registry.state("churn"));
    assertThat(store.readMaterialized("churn")).isEqualTo(replayed);
    try (ModelRegistry reopened = ModelRegistry.open(home)) {
      assertThat(reopened.state("churn")).isEqualTo(replayed);
    }
  }

  @Test
  void auditEntries_roundTripThroughJson() {
    try (TestModels models = new TestModels()) {
      registry.register("churn", models.train(50)).fromRun("r").tag("k", "v\n\"quoted\"")
          .referenceProfile(new byte[] {9}).create();
    }
    registerRaw("churn", 0.8);
    registry.model("churn").version(1).alias("champion");
    registry.model("churn").version(2).alias("champion");
    registry.model("churn").version(1).promote().gate(Gates.metricAtLeast("auc", 0.0))
        .toProduction();
    registry.model("churn").version(2).promote().force().because("why\nnot").toProduction();
    assertThatThrownBy(() -> registry.model("churn").version(1).transitionTo(Stage.STAGING)
        .gate(Gates.metricAtLeast("auc", 2)).apply()).isInstanceOf(GateFailedException.class);
    registry.model("churn").removeAlias("champion");
    List<AuditEntry> log = registry.auditLog("churn");
    assertThat(log).extracting(AuditEntry::action).contains(AuditAction.values());
    for (AuditEntry e : log) {
      String json = e.toJson();
      assertThat(json).doesNotContain("\n");
      assertThat(AuditEntry.fromJson(json)).isEqualTo(e);
    }
  }

  // ---------------------------------------------------------------- names and errors

  @Test
  void names_areValidated() {
    for (String bad : List.of("", "../etc", "a/b", "a\\b", "..", "a..b", ".hidden", "-x", "a b",
        "x".repeat(65), "trailing.", "con", "NUL.txt", "com1", "é")) {
      assertThatThrownBy(() -> registry.register(bad, new byte[] {1}, Map.of()))
          .as("model name '%s'", bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("model name was");
      assertThat(RegistryNames.isValid(bad)).as(bad).isFalse();
    }
    for (String good : List.of("churn", "Churn_2", "a", "x".repeat(64), "kkbox.v1-b", "0")) {
      assertThat(RegistryNames.isValid(good)).as(good).isTrue();
    }
    assertThatThrownBy(() -> registry.register("churn", new byte[] {1}, Map.of())
        .attachment("../x", new byte[0])).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("attachment name was '../x'");
    assertThatThrownBy(() -> registry.register("churn", new byte[] {1},
        Map.of("auc", Double.NaN))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("metric 'auc' was NaN");
    assertThatThrownBy(() -> registry.register("churn", new byte[] {1}, Map.of()).fromRun(" "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> registry.version("../x", 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void newModelDifferingOnlyInCase_isRejected() {
    registerRaw("churn", 0.8);
    assertThatThrownBy(() -> registerRaw("Churn", 0.8)).isInstanceOf(RegistryException.class)
        .hasMessageContaining("differs from it only in case");
    assertThat(registry.models()).containsExactly("churn");
  }

  @Test
  void missingModelOrVersion_givesAClearError() {
    registerRaw("churn", 0.8);
    assertThatThrownBy(() -> registry.model("churm"))
        .isInstanceOfSatisfying(ModelNotFoundException.class,
            e -> assertThat(e.model()).isEqualTo("churm"))
        .hasMessageContaining("no model 'churm' in the registry at")
        .hasMessageContaining("models: [churn]");
    assertThatThrownBy(() -> registry.versions("nope")).isInstanceOf(ModelNotFoundException.class);
    assertThatThrownBy(() -> registry.load("nope", Stage.PRODUCTION))
        .isInstanceOf(ModelNotFoundException.class);
    assertThatThrownBy(() -> registry.model("churn").version(7))
        .isInstanceOf(VersionNotFoundException.class)
        .hasMessage("model 'churn' has no version 7; its versions are 1..1");
    assertThatThrownBy(() -> registry.load("churn", 0))
        .isInstanceOf(VersionNotFoundException.class);
    assertThatThrownBy(() -> registry.history("churn", 2))
        .isInstanceOf(VersionNotFoundException.class);
    assertThatThrownBy(() -> registry.load("churn", Stage.PRODUCTION))
        .isInstanceOf(VersionNotFoundException.class)
        .hasMessage("model 'churn' has no version in PRODUCTION; stages: v1 NONE");
    assertThat(registry.exists("churn")).isTrue();
    assertThat(registry.exists("other")).isFalse();
    assertThat(registry.productionAt("churn", Instant.now())).isEmpty();
    assertThatThrownBy(() -> registry.productionAt("other", Instant.now()))
        .isInstanceOf(ModelNotFoundException.class);
  }

  @Test
  void loadByStage_picksTheMostRecentVersionInThatStage() {
    registerRaw("churn", 0.8);
    registerRaw("churn", 0.81);
    registry.model("churn").version(1).transitionTo(Stage.STAGING).apply();
    registry.model("churn").version(2).transitionTo(Stage.STAGING).apply();
    assertThat(registry.versionIn("churn", Stage.STAGING).number()).isEqualTo(2);
  }

  @Test
  void inMemoryStore_worksThroughTheSpiAlone() {
    InMemoryRegistryStore store = new InMemoryRegistryStore();
    try (ModelRegistry mem = ModelRegistry.builder(store).clock(clock).user("ana").open()) {
      mem.register("churn", new byte[] {1}, Map.of("auc", 0.8)).create();
      mem.register("churn", new byte[] {2}, Map.of("auc", 0.9)).create();
      mem.model("churn").version(1).promote().toProduction();
      mem.model("churn").version(2).promote().gate(Gates.notWorseThanProduction("auc", 0))
          .toProduction();
      assertThat(mem.state("churn").production().map(ModelVersion::number)).contains(2);
      assertThat(store.materialized("churn")).isEqualTo(mem.state("churn"));
      assertThat(mem.packageBytes("churn", 2)).containsExactly(2);
      assertThat(mem.models()).containsExactly("churn");
      assertThat(Optional.of(mem.store())).containsSame(store);
    }
  }
}
