package dev.churn.models.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.churn.core.storage.Sha256;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two writer processes on one registry: two child JVMs ({@link RegistryChild} in mode {@code
 * promoter}) each register, stage and promote {@value #ROUNDS} versions of the same model, as
 * different users, starting together (both report READY, then both get "GO" on stdin). The
 * cross-process writer lock must serialize them: afterwards the registry passes {@link
 * ModelRegistry#verify()}, at most one version is in production (the one the log promoted last),
 * the audit log holds every step of both processes, each process's entries in the order it
 * performed them and matching what it reported, and replaying the log gives the registry's state
 * and its state files. {@link RegistryConcurrencyTest} does the same with two threads.
 */
class RegistryMultiProcessTest {
  static final int ROUNDS = 12;
  private static final String MODEL = RegistryChild.MODEL;
  private static final String[] WRITERS = {"proc-a", "proc-b"};

  @TempDir Path tmp;

  private static String step(AuditEntry e) {
    return switch (e.action()) {
      case REGISTER -> "REGISTER " + e.version();
      case TRANSITION -> (e.to().orElseThrow() == Stage.PRODUCTION ? "PROMOTE " : "STAGE ")
          + e.version();
      default -> e.action() + " " + e.version();
    };
  }

  @Test
  void twoProcessesPromotingAtOnce_keepOneProductionAndEveryEntryInOrder() throws Exception {
    Path home = tmp.resolve("home");
    try (ModelRegistry r = ModelRegistry.open(home)) {
      r.register(MODEL, new byte[] {0}, Map.of("auc", 0.5)).create(); // the model exists
    }
    long start = System.nanoTime();
    List<ChildJvm> children = new ArrayList<>();
    Map<String, List<String>> reported = new TreeMap<>();
    try {
      for (int i = 0; i < WRITERS.length; i++) {
        children.add(ChildJvm.start(tmp.resolve("stderr"), "promoter", home.toString(),
            WRITERS[i], Integer.toString(ROUNDS), Long.toString(77L + i)));
      }
      for (ChildJvm c : children) {
        c.awaitReady(60);
      }
      for (ChildJvm c : children) {
        c.send("GO");
      }
      for (int i = 0; i < WRITERS.length; i++) {
        ChildJvm c = children.get(i);
        assertThat(c.awaitExit(60)).as("exit status of %s %s", WRITERS[i], c.describe())
            .isZero();
        List<String> steps = new ArrayList<>();
        for (String line : c.lines()) {
          String[] f = line.split(" ");
          switch (f[0]) {
            case "CREATED" -> steps.add("REGISTER " + f[1]);
            case "STAGED" -> steps.add("STAGE " + f[1]);
            case "PROMOTED" -> steps.add("PROMOTE " + f[1]);
            default -> { }
          }
        }
        assertThat(c.lines()).last().isEqualTo("DONE");
        reported.put(WRITERS[i], steps);
      }
    } finally {
      children.forEach(ChildJvm::close);
    }
    double seconds = (System.nanoTime() - start) / 1e9;

    try (ModelRegistry r = ModelRegistry.open(home)) {
      IntegrityReport report = r.verify();
      assertThat(report.ok()).as(report.summary()).isTrue();
      List<AuditEntry> log = r.auditLog(MODEL);
      assertThat(log).hasSize(1 + WRITERS.length * ROUNDS * 3);

      // every step of each process is in the log, in the order the process did them
      int switches = 0;
      for (int i = 2; i < log.size(); i++) {
        if (!log.get(i).user().equals(log.get(i - 1).user())) {
          switches++;
        }
      }
      for (String w : WRITERS) {
        List<String> mine = log.stream().filter(e -> e.user().equals(w))
            .map(RegistryMultiProcessTest::step).toList();
        assertThat(mine).as("entries of %s", w).hasSize(ROUNDS * 3)
            .containsExactlyElementsOf(reported.get(w));
      }

      // the versions each process registered are its own, whole
      ModelState s = r.state(MODEL);
      assertThat(s.versions()).hasSize(1 + WRITERS.length * ROUNDS);
      for (ModelVersion v : s.versions().subList(1, s.versions().size())) {
        String w = v.tags().get("writer");
        byte[] expected = (w + " round " + v.tags().get("round"))
            .getBytes(StandardCharsets.UTF_8);
        assertThat(v.modelPackage().sha256()).isEqualTo(Sha256.ofBytes(expected));
        assertThat(r.packageBytes(MODEL, v.number())).isEqualTo(expected);
      }

      // one production version: the one the log promoted last
      AuditEntry lastPromotion = log.stream()
          .filter(e -> e.action() == AuditAction.TRANSITION
              && e.to().orElseThrow() == Stage.PRODUCTION)
          .reduce((a, b) -> b).orElseThrow();
      assertThat(s.inStage(Stage.PRODUCTION)).extracting(ModelVersion::number)
          .containsExactly(lastPromotion.version());

      // replaying the log gives the state, and the state files agree
      FileRegistryStore store = (FileRegistryStore) r.store();
      assertThat(ModelState.replay(MODEL, log)).isEqualTo(s);
      assertThat(store.readMaterialized(MODEL)).isEqualTo(s);

      System.out.printf("RegistryMultiProcessTest: 2 processes x %d rounds in %.1f s;"
          + " %d log entries, the writer changes %d times along the log%n", ROUNDS, seconds,
          log.size(), switches);
      assertThat(switches).as("the two processes' writes interleave").isPositive();
    }
  }
}
