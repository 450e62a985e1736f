package dev.churn.examples.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.churn.core.time.Period;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Property tests over many small configurations: whatever the size, start month, drift and seed,
 * the labels follow the reference rule, every id resolves, and each member's transactions are in
 * strictly increasing date order (duplicates aside).
 */
class KkboxSimulatorProperties {

  private static final long SEED = 2018_02_01L;

  @Test
  void simulate_anySmallConfiguration_writesConsistentFiles() throws IOException {
    Path root = Files.createTempDirectory("kkbox-props");
    try {
      qt().withFixedSeed(SEED)
          .withExamples(25)
          .forAll(
              integers().between(20, 400),
              integers().between(1, 5),
              integers().between(0, 47),
              longs().all())
          .checkAssert(
              (members, months, startOffset, seed) -> {
                Period start = Period.of(2015, 1).plusMonths(startOffset);
                KkboxSimulator.Builder b =
                    KkboxSimulator.builder()
                        .members(members)
                        .months(months)
                        .startMonth(start)
                        .seed(seed)
                        .duplicateTransactionRate(0.05)
                        .threads(2);
                if (seed % 3 == 0) {
                  b.dataDriftAt(1 + (int) Math.floorMod(seed, (long) months));
                }
                if (seed % 5 == 0) {
                  b.conceptDriftAt(1 + (int) Math.floorMod(seed / 5, (long) months));
                }
                Path dir = root.resolve("run-" + members + "-" + months + "-" + seed);
                SimulationResult r = b.build().simulate(dir);
                check(r, start, months);
                deleteRecursively(dir);
              });
    } finally {
      deleteRecursively(root);
    }
  }

  private static void check(SimulationResult r, Period start, int months) {
    Map<String, SimFiles.Member> members = SimFiles.members(r.members());
    List<SimFiles.Tx> txs = SimFiles.transactions(r.transactions());
    assertThat(r.months()).hasSize(months);
    for (SimulationResult.Month m : r.months()) {
      assertThat(SimFiles.labels(m.labels()))
          .as(m.month().toString())
          .isEqualTo(SimFiles.referenceLabels(txs, m.month()));
    }
    Set<String> ids = members.keySet();
    Map<String, SimFiles.Tx> previous = new HashMap<>();
    for (SimFiles.Tx t : txs) {
      assertThat(ids).contains(t.msno());
      SimFiles.Tx p = previous.put(t.msno(), t);
      if (p != null && !p.line().equals(t.line())) {
        assertThat(t.date()).isAfter(p.date());
      }
    }
    long first = Long.parseLong(start.firstDay().toString().replace("-", ""));
    long last =
        Long.parseLong(start.plusMonths(months - 1L).lastDay().toString().replace("-", ""));
    SimFiles.forEachRow(
        r.userLogs().get(0),
        f -> {
          assertThat(ids).contains(f[0]);
          assertThat(Long.parseLong(f[1])).isBetween(first, last);
        });
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      walk.sorted((a, b) -> b.getNameCount() - a.getNameCount())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
