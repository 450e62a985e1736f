package dev.churn.models.runs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.churn.core.provenance.Environment;
import dev.churn.core.provenance.Provenance;
import dev.churn.core.storage.AtomicFiles;
import dev.churn.core.storage.Sha256;
import dev.churn.core.storage.StorageException;
import dev.churn.core.time.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStoreTest {

  private static final Instant T0 = Instant.parse("2026-11-23T10:15:00Z");

  @TempDir Path home;
  private MutableClock clock;
  private RunStore store;

  @BeforeEach
  void openStore() {
    clock = MutableClock.at(T0);
    store = RunStore.open(home, clock);
  }

  @Test
  void start_newRun_idFromClockAndRunningRecordOnDisk() {
    ActiveRun run = store.start("fit", "xgboost eta=0.05");

    assertThat(run.id()).matches("20261123T101500Z-[0-9a-f]{6}");
    assertThat(home.resolve("runs").resolve(run.id()).resolve("run.json")).isRegularFile();
    Run stored = store.get(run.id()).orElseThrow();
    assertThat(stored.status()).isEqualTo(RunStatus.RUNNING);
    assertThat(stored.startedAt()).isEqualTo(T0);
    assertThat(stored.endedAt()).isEmpty();
    assertThat(stored.kind()).isEqualTo("fit");
    assertThat(stored.name()).isEqualTo("xgboost eta=0.05");
  }

  @Test
  void roundTrip_everythingLogged_readBackEqual() throws IOException {
    Provenance provenance =
        Provenance.builder("Trainer.fit")
            .input("train.csv", Sha256.ofString("train"), 5)
            .parameter("eta", "0.05")
            .seed(42)
            .clock(clock)
            .environment(new Environment("1.0", "17", "Vendor", "Linux", "amd64", "6.1", 4))
            .build();
    Path importance = home.resolve("importance.csv");
    Files.writeString(importance, "feature,gain\nlogins,0.4\n");
    Run finished;
    try (ActiveRun run = store.start("fit", "xgboost \"quoted\" ünïcode")) {
      run.logParam("eta", 0.05).logParam("rounds", 200).logParam("backend", "xgboost");
      run.logParams(Map.of("depth", "6", "eta", "0.05"));
      run.logFoldMetrics(Map.of("auc", 0.86, "logloss", 0.31));
      run.logFoldMetrics(Map.of("auc", 0.88, "logloss", 0.29));
      run.logMetric("auc", 0.87).logMetric("auc", 0.871);
      run.logMetrics(Map.of("logloss", 0.30, "undefined", Double.NaN, "inf", Double.NEGATIVE_INFINITY));
      run.setTag("model", "churn").setTag("stage", "dev").setTag("stage", "test");
      run.setProvenance(provenance);
      run.logArtifact("model.bin", new byte[] {0, 1, 2, (byte) 255});
      run.logArtifact("leaderboard.json", "{\"best\":\"xgboost\"}");
      run.logArtifactFile("importance.csv", importance);
      run.logArtifact("empty.txt", out -> { });
      clock.advance(Duration.ofSeconds(162).plusMillis(500));
      finished = run.finish();
    }

    Run read = store.get(finished.id()).orElseThrow();

    assertThat(read).isEqualTo(finished);
    assertThat(read.status()).isEqualTo(RunStatus.FINISHED);
    assertThat(read.error()).isEmpty();
    assertThat(read.endedAt()).hasValue(T0.plusMillis(162_500));
    assertThat(read.duration()).hasValue(Duration.ofMillis(162_500));
    assertThat(read.parameters())
        .containsExactly(Map.entry("backend", "xgboost"), Map.entry("depth", "6"),
            Map.entry("eta", "0.05"), Map.entry("rounds", "200"));
    assertThat(read.metric("auc")).hasValue(0.871);
    assertThat(read.metrics().get("undefined")).isNaN();
    assertThat(read.metrics().get("inf")).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(read.foldMetrics()).containsExactly(
        Map.of("auc", 0.86, "logloss", 0.31), Map.of("auc", 0.88, "logloss", 0.29));
    assertThat(read.tags()).containsExactly(Map.entry("model", "churn"), Map.entry("stage", "test"));
    assertThat(read.provenance()).hasValue(provenance);
    assertThat(read.artifacts()).extracting(ArtifactRef::name)
        .containsExactly("empty.txt", "importance.csv", "leaderboard.json", "model.bin");
    assertThat(read.artifact("model.bin").orElseThrow().sha256())
        .isEqualTo(Sha256.ofBytes(new byte[] {0, 1, 2, (byte) 255}));
    assertThat(read.artifact("model.bin").orElseThrow().bytes()).isEqualTo(4);
    assertThat(store.readArtifact(read.id(), "model.bin")).containsExactly(0, 1, 2, 255);
    assertThat(new String(store.readArtifact(read.id(), "leaderboard.json"), UTF_8))
        .isEqualTo("{\"best\":\"xgboost\"}");
    assertThat(new String(store.readArtifact(read.id(), "importance.csv"), UTF_8))
        .isEqualTo("feature,gain\nlogins,0.4\n");
    assertThat(store.readArtifact(read.id(), "empty.txt")).isEmpty();
    assertThat(home.resolve("runs").resolve(read.id()).resolve("artifacts").resolve("model.bin"))
        .isRegularFile();
  }

  @Test
  void runJson_fixedFieldOrderAndSchemaVersion() throws IOException {
    String id;
    try (ActiveRun run = store.start("compare", "five backends")) {
      run.logParam("folds", 5).logMetric("auc", 0.9).setTag("t", "v");
      id = run.id();
      run.finish();
    }

    String json = Files.readString(home.resolve("runs").resolve(id).resolve("run.json"));

    assertThat(json).startsWith("{\n  \"schemaVersion\" : 1,\n  \"id\" : \"" + id + "\",\n");
    assertThat(json).doesNotContain("\r").endsWith("}\n");
    List<String> fields = List.of("\"schemaVersion\"", "\"id\"", "\"kind\"", "\"name\"",
        "\"status\"", "\"error\"", "\"startedAt\"", "\"endedAt\"", "\"parameters\"",
        "\"metrics\"", "\"foldMetrics\"", "\"tags\"", "\"artifacts\"", "\"provenance\"");
    int previous = -1;
    for (String field : fields) {
      int at = json.indexOf(field);
      assertThat(at).as(field).isGreaterThan(previous);
      previous = at;
    }
    assertThat(json).contains("\"startedAt\" : \"2026-11-23T10:15:00Z\"")
        .contains("\"error\" : null").contains("\"provenance\" : null");
  }

  @Test
  void logArtifact_writerFailsHalfway_runReadableWithoutArtifactAndNoFileLeft() throws IOException {
    ActiveRun run = store.start("fit", "boom");
    run.logArtifact("kept.txt", "kept");

    assertThatThrownBy(
            () ->
                run.logArtifact(
                    "model.bin",
                    out -> {
                      out.write(new byte[1000]);
                      throw new IOException("disk on fire");
                    }))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("disk on fire");
    assertThatThrownBy(
            () ->
                run.logArtifact(
                    "model2.bin",
                    out -> {
                      out.write(1);
                      throw new IllegalStateException("serializer bug");
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("serializer bug");

    Run stored = store.get(run.id()).orElseThrow();
    assertThat(stored.artifacts()).extracting(ArtifactRef::name).containsExactly("kept.txt");
    assertThat(stored.status()).isEqualTo(RunStatus.RUNNING);
    try (Stream<Path> files = Files.list(home.resolve("runs").resolve(run.id()).resolve("artifacts"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("kept.txt");
    }
    // The run goes on and can store the artifact after all.
    run.logArtifact("model.bin", new byte[] {7});
    assertThat(store.readArtifact(run.id(), "model.bin")).containsExactly(7);
    run.finish();
  }

  @Test
  void crashedRun_leftRunning_isListedAsRunning() {
    ActiveRun crashed = store.start("fit", "killed mid-way");
    crashed.logParam("eta", "0.1").logFoldMetrics(Map.of("auc", 0.8));
    // The process "dies": the recorder is never finished or closed. A new process opens the store.
    RunStore reopened = RunStore.open(home, clock);

    List<Run> running = reopened.list(RunFilter.all().status(RunStatus.RUNNING));

    assertThat(running).hasSize(1);
    Run run = running.get(0);
    assertThat(run.id()).isEqualTo(crashed.id());
    assertThat(run.status()).isEqualTo(RunStatus.RUNNING);
    assertThat(run.endedAt()).isEmpty();
    assertThat(run.parameters()).containsEntry("eta", "0.1");
    assertThat(run.foldMetrics()).hasSize(1);
  }

  @Test
  void list_leftoversOfInterruptedWrites_skippedAndStoreStillReadable() throws IOException {
    ActiveRun good = store.start("fit", "good");
    good.finish();
    Path runs = home.resolve("runs");
    Files.createDirectories(runs.resolve("20261123T101501Z-abcdef"));                 // no run.json
    Files.writeString(runs.resolve(good.id()).resolve(".run.json.0123456789abcdef.tmp"), "{ torn");
    Files.createDirectories(runs.resolve("not-a-run"));
    Files.writeString(runs.resolve("README"), "hello");
    Path corrupt = runs.resolve("20261123T101502Z-000001");
    Files.createDirectories(corrupt);
    Files.writeString(corrupt.resolve("run.json"), "{ \"schemaVersion\" : 1, \"id\" : ");

    List<Run> all = store.list();

    assertThat(all).extracting(Run::id).containsExactly(good.id());
    assertThat(store.get("20261123T101501Z-abcdef")).isEmpty();
    assertThatThrownBy(() -> store.get("20261123T101502Z-000001"))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("is not a valid run record")
        .hasMessageContaining("20261123T101502Z-000001");
  }

  @Test
  void list_newestFirstAndFilteredByKindTagAndStatus() {
    ActiveRun first = store.start("fit", "first");
    first.setTag("model", "churn").finish();
    clock.advance(Duration.ofMinutes(1));
    ActiveRun second = store.start("compare", "second");
    second.setTag("model", "churn").finish();
    clock.advance(Duration.ofMinutes(1));
    ActiveRun third = store.start("fit", "third");
    third.setTag("model", "products").setTag("owner", "ana");
    third.close();

    assertThat(store.list()).extracting(Run::name).containsExactly("third", "second", "first");
    assertThat(store.list(RunFilter.all().kind("fit")))
        .extracting(Run::name).containsExactly("third", "first");
    assertThat(store.list(RunFilter.all().tag("model", "churn")))
        .extracting(Run::name).containsExactly("second", "first");
    assertThat(store.list(RunFilter.all().kind("fit").tag("model", "churn")))
        .extracting(Run::name).containsExactly("first");
    assertThat(store.list(RunFilter.all().tag("model", "products").tag("owner", "ana")))
        .extracting(Run::name).containsExactly("third");
    assertThat(store.list(RunFilter.all().status(RunStatus.FAILED)))
        .extracting(Run::name).containsExactly("third");
    assertThat(store.list(RunFilter.all().kind("evaluate"))).isEmpty();
  }

  @Test
  void list_sameSecond_stillOrderedByStartInstant() {
    ActiveRun a = store.start("fit", "a");
    clock.advance(Duration.ofMillis(1));
    ActiveRun b = store.start("fit", "b");
    clock.advance(Duration.ofMillis(1));
    ActiveRun c = store.start("fit", "c");

    assertThat(store.list()).extracting(Run::name).containsExactly("c", "b", "a");
    assertThat(a.id().substring(0, 16)).isEqualTo(c.id().substring(0, 16));
    assertThat(b.id()).isNotEqualTo(a.id()).isNotEqualTo(c.id());
  }

  @Test
  void readArtifact_tamperedFile_clearStorageException() throws IOException {
    ActiveRun run = store.start("fit", "x");
    run.logArtifact("model.bin", "the real model");
    run.finish();
    Path file = home.resolve("runs").resolve(run.id()).resolve("artifacts").resolve("model.bin");
    Files.writeString(file, "the real modeL");

    assertThatThrownBy(() -> store.readArtifact(run.id(), "model.bin"))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("SHA-256 mismatch for artifact model.bin of run " + run.id())
        .hasMessageContaining(Sha256.ofString("the real model"))
        .hasMessageContaining(Sha256.ofString("the real modeL"))
        .hasMessageContaining("truncated, altered or not the one recorded");
  }

  @Test
  void readArtifact_truncatedOrMissingFile_storageException() throws IOException {
    ActiveRun run = store.start("fit", "x");
    run.logArtifact("a.bin", new byte[100]);
    run.logArtifact("b.bin", new byte[100]);
    run.finish();
    Path artifacts = home.resolve("runs").resolve(run.id()).resolve("artifacts");
    Files.write(artifacts.resolve("a.bin"), new byte[50]);
    Files.delete(artifacts.resolve("b.bin"));

    assertThatThrownBy(() -> store.readArtifact(run.id(), "a.bin"))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("(100 bytes) but the file has")
        .hasMessageContaining("(50 bytes)");
    assertThatThrownBy(() -> store.readArtifact(run.id(), "b.bin"))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("is recorded but its file")
        .hasMessageContaining("is missing");
  }

  @Test
  void readArtifact_unknownRunOrArtifact_illegalArgumentNamingWhatExists() {
    ActiveRun run = store.start("fit", "x");
    run.logArtifact("model.bin", "m");

    assertThatThrownBy(() -> store.readArtifact(run.id(), "other.bin"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has only [model.bin]");
    assertThatThrownBy(() -> store.readArtifact("20200101T000000Z-000000", "model.bin"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("there is no such run");
    assertThat(store.get("20200101T000000Z-000000")).isEmpty();
  }

  @Test
  void names_pathSeparatorsDotsAndHiddenNames_rejected() {
    ActiveRun run = store.start("fit", "x");

    for (String bad : List.of("../x", "a/b", "a\\b", "..", ".", ".hidden", "", "x\u0000y",
        "/etc/passwd", "c:model", "a b")) {
      assertThatThrownBy(() -> run.logArtifact(bad, "x"))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("artifact name was '" + bad + "' but it must be a plain file name");
    }
    assertThatThrownBy(() -> store.get("../../etc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("run id was '../../etc' but it must look like");
    assertThatThrownBy(() -> store.readArtifact(run.id(), "../run.json"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.start("fi/t", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kind was 'fi/t'");
    assertThatThrownBy(() -> store.start("fit", " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name was ' '");
    assertThatThrownBy(() -> run.logParam(" ", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("parameter name was ' '");
    assertThat(store.get(run.id()).orElseThrow().artifacts()).isEmpty();
  }

  @Test
  void close_withoutFinish_marksFailedNotFinished() {
    ActiveRun run = store.start("fit", "x");
    clock.advance(Duration.ofSeconds(3));

    run.close();

    Run stored = store.get(run.id()).orElseThrow();
    assertThat(stored.status()).isEqualTo(RunStatus.FAILED);
    assertThat(stored.error()).hasValue("not finished");
    assertThat(stored.endedAt()).hasValue(T0.plusSeconds(3));
  }

  @Test
  void fail_withThrowable_recordsClassAndMessage() {
    ActiveRun run = store.start("fit", "x");

    Run failed = run.fail(new IllegalStateException("no positive labels in fold 3"));
    run.close();

    assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
    assertThat(store.get(run.id()).orElseThrow().error())
        .hasValue("java.lang.IllegalStateException: no positive labels in fold 3");
  }

  @Test
  void endedRun_furtherChanges_rejectedAndCloseIsNoOp() {
    ActiveRun run = store.start("fit", "x");
    run.finish();

    assertThatThrownBy(() -> run.logMetric("auc", 0.5))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is FINISHED; it cannot be changed");
    assertThatThrownBy(() -> run.logArtifact("m.bin", "x")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(run::finish).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> run.fail("late")).isInstanceOf(IllegalStateException.class);
    run.close();
    assertThat(store.get(run.id()).orElseThrow().status()).isEqualTo(RunStatus.FINISHED);
  }

  @Test
  void paramsAndArtifacts_writeOnce() {
    ActiveRun run = store.start("fit", "x");
    run.logParam("eta", "0.05").logParam("eta", "0.05");
    run.logArtifact("model.bin", "m");

    assertThatThrownBy(() -> run.logParam("eta", "0.1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("parameter 'eta' was already logged as '0.05'");
    assertThatThrownBy(() -> run.logParams(Map.of("eta", "0.2")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> run.logArtifact("model.bin", "other"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("artifact 'model.bin' was already logged");
    assertThat(new String(store.readArtifact(run.id(), "model.bin"), UTF_8)).isEqualTo("m");
  }

  @Test
  void run_bodyReturns_finished() {
    String result = store.run("fit", "ok", r -> {
      r.logMetric("auc", 0.8);
      return "model";
    });

    assertThat(result).isEqualTo("model");
    Run run = store.list().get(0);
    assertThat(run.status()).isEqualTo(RunStatus.FINISHED);
    assertThat(run.metric("auc")).hasValue(0.8);
  }

  @Test
  void run_bodyThrows_failedWithThatErrorAndRethrown() {
    IllegalArgumentException boom = new IllegalArgumentException("label column missing");

    assertThatThrownBy(() -> store.run("fit", "bad", r -> {
      throw boom;
    })).isSameAs(boom);

    Run run = store.list().get(0);
    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.error()).hasValue("java.lang.IllegalArgumentException: label column missing");
  }

  @Test
  void compare_sortsByMetricWithParamsAndMissingLast() {
    String low = fit("logistic", Map.of("c", "1.0"), Map.of("auc", 0.81, "logloss", 0.40));
    String none = fit("broken", Map.of("c", "9"), Map.of("logloss", 0.90));
    String high = fit("xgboost", Map.of("eta", "0.05"), Map.of("auc", 0.87, "logloss", 0.35));
    String nan = fit("degenerate", Map.of(), Map.of("auc", Double.NaN));

    RunComparison byAuc = store.compare(List.of(low, none, high, nan), "auc");
    RunComparison byLoss =
        store.compare(List.of(low, none, high), "logloss", RunComparison.Order.LOWER_FIRST);

    assertThat(byAuc.rows()).extracting(RunComparison.Row::runId)
        .containsExactly(high, low, none, nan);
    assertThat(byAuc.rows().get(0).value()).hasValue(0.87);
    assertThat(byAuc.rows().get(2).value()).isEmpty();
    assertThat(byAuc.rows().get(3).value()).isEmpty();
    assertThat(byAuc.parameterNames()).containsExactly("c", "eta");
    assertThat(byAuc.rows().get(0).parameters()).containsExactly(Map.entry("eta", "0.05"));
    assertThat(byLoss.rows()).extracting(RunComparison.Row::name)
        .containsExactly("xgboost", "logistic", "broken");

    List<String> lines = byAuc.toText().lines().toList();
    assertThat(lines.get(0)).startsWith("run").contains("name", "status", "auc", "c", "eta");
    assertThat(lines.get(1)).startsWith(high).contains("xgboost", "FINISHED", "0.870000", "0.05");
    assertThat(lines.get(3)).contains("broken").contains(" - ");
  }

  @Test
  void compare_unknownOrRepeatedRun_fails() {
    String id = fit("a", Map.of(), Map.of("auc", 0.5));

    assertThatThrownBy(() -> store.compare(List.of(id, "20200101T000000Z-000000"), "auc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no such run");
    assertThatThrownBy(() -> store.compare(List.of(id, id), "auc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("twice");
  }

  @Test
  void get_newerSchemaVersion_refusedWithUpgradeHint() throws IOException {
    ActiveRun run = store.start("fit", "x");
    run.finish();
    Path file = home.resolve("runs").resolve(run.id()).resolve("run.json");
    AtomicFiles.writeString(file,
        Files.readString(file).replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 2"));

    assertThatThrownBy(() -> store.get(run.id()))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("schemaVersion was '2'")
        .hasMessageContaining("upgrade churn");
  }

  @Test
  void get_unknownFieldsFromANewerMinorWriter_ignored() throws IOException {
    ActiveRun run = store.start("fit", "x");
    run.finish();
    Path file = home.resolve("runs").resolve(run.id()).resolve("run.json");
    AtomicFiles.writeString(file,
        Files.readString(file).replace("\"kind\" :", "\"note\" : \"extra\",\n  \"kind\" :"));

    assertThat(store.get(run.id()).orElseThrow().status()).isEqualTo(RunStatus.FINISHED);
  }

  @Test
  void get_recordInWrongDirectory_storageException() throws IOException {
    ActiveRun run = store.start("fit", "x");
    run.finish();
    Path runs = home.resolve("runs");
    Path copy = runs.resolve("20300101T000000Z-000000");
    Files.createDirectories(copy);
    Files.copy(runs.resolve(run.id()).resolve("run.json"), copy.resolve("run.json"));

    assertThatThrownBy(() -> store.get("20300101T000000Z-000000"))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("records id " + run.id());
  }

  private String fit(String name, Map<String, String> params, Map<String, Double> metrics) {
    clock.advance(Duration.ofSeconds(1));
    ActiveRun run = store.start("fit", name);
    run.logParams(new LinkedHashMap<>(params)).logMetrics(metrics);
    run.finish();
    return run.id();
  }
}
