package dev.churn.models.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two registry instances, each with its own file store, write to the same directory from two
 * threads while a third instance reads; the writer lock keeps the state consistent and readers
 * never see a half-written version.
 */
class RegistryConcurrencyTest {
  private static final int ROUNDS = 12;

  @TempDir Path home;

  @Test
  void twoWritersOnOneDirectory_neverCorruptTheState() throws Exception {
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch start = new CountDownLatch(1);
    AtomicBoolean writing = new AtomicBoolean(true);
    List<Thread> writers = new ArrayList<>();
    for (int w = 0; w < 2; w++) {
      int writer = w;
      writers.add(new Thread(() -> {
        try (ModelRegistry r = ModelRegistry.builder(home).user("writer-" + writer).open()) {
          start.await();
          for (int i = 0; i < ROUNDS; i++) {
            byte[] pkg = ByteBuffer.allocate(8).putInt(writer).putInt(i).array();
            ModelVersion v = r.register("churn", pkg, Map.of("auc", 0.7 + i * 0.01))
                .tag("writer", Integer.toString(writer)).create();
            VersionHandle h = r.model("churn").version(v.number());
            h.transitionTo(Stage.STAGING).because("round " + i).apply();
            if (i % 2 == 0) {
              h.promote().because("round " + i).toProduction();
            } else {
              h.promote().keepExisting().toProduction();
            }
            h.alias(writer == 0 ? "champion" : "challenger");
          }
        } catch (Throwable t) {
          failures.add(t);
        }
      }, "writer-" + w));
    }
    Thread reader = new Thread(() -> {
      try (ModelRegistry r = ModelRegistry.open(home)) {
        start.await();
        while (writing.get()) {
          if (!r.exists("churn")) {
            continue;
          }
          ModelState s = r.state("churn");
          assertThat(s.inStage(Stage.PRODUCTION)).hasSizeLessThanOrEqualTo(1);
          for (ModelVersion v : s.versions()) {
            r.packageBytes("churn", v.number()); // complete and checksum-valid
          }
        }
      } catch (Throwable t) {
        failures.add(t);
      }
    }, "reader");
    writers.forEach(Thread::start);
    reader.start();
    start.countDown();
    for (Thread t : writers) {
      t.join(120_000);
    }
    writing.set(false);
    reader.join(60_000);
    assertThat(failures).isEmpty();

    try (ModelRegistry r = ModelRegistry.open(home)) {
      ModelState s = r.state("churn");
      assertThat(s.versions()).hasSize(2 * ROUNDS);
      assertThat(s.versions()).extracting(ModelVersion::number)
          .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 2 * ROUNDS)
              .boxed().toList());
      assertThat(s.inStage(Stage.PRODUCTION)).hasSize(1);
      assertThat(s.aliases()).containsOnlyKeys("champion", "challenger");
      assertThat(s.logEntries()).isEqualTo(2 * ROUNDS * 4L);
      FileRegistryStore store = (FileRegistryStore) r.store();
      assertThat(store.readMaterialized("churn")).isEqualTo(s);
      for (ModelVersion v : s.versions()) {
        assertThat(r.history("churn", v.number()))
            .filteredOn(e -> e.version() == v.number())
            .extracting(AuditEntry::action)
            .containsExactly(AuditAction.REGISTER, AuditAction.TRANSITION, AuditAction.TRANSITION,
                AuditAction.ALIAS);
        int writer = Integer.parseInt(v.tags().get("writer"));
        assertThat(ByteBuffer.wrap(r.packageBytes("churn", v.number())).getInt())
            .isEqualTo(writer);
      }
    }
  }
}
