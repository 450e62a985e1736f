package dev.churn.examples.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * One large run, 1,000,000 members x 2 months, to measure time, file sizes and heap. Disabled
 * unless {@code -Dchurn.sim.scale=true}; writes to {@code -Dchurn.sim.dir} (default: a temporary
 * directory, deleted afterwards). Not a benchmark: it prints what it measured.
 *
 * <pre>
 * mvn -o verify -pl churn-examples -Dtest=KkboxSimulatorScaleTest -Dchurn.sim.scale=true
 * </pre>
 */
@EnabledIfSystemProperty(named = "churn.sim.scale", matches = "true")
class KkboxSimulatorScaleTest {

  @Test
  void simulate_oneMillionMembersTwoMonths() throws IOException {
    String configured = System.getProperty("churn.sim.dir");
    Path dir = configured != null ? Path.of(configured) : Files.createTempDirectory("kkbox-1m");
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long[] maxHeap = {0};
    long t0 = System.nanoTime();
    SimulationResult r =
        KkboxSimulator.builder()
            .members(1_000_000)
            .months(2)
            .seed(42)
            .progress(
                line -> {
                  maxHeap[0] = Math.max(maxHeap[0], memory.getHeapMemoryUsage().getUsed());
                  System.out.printf(
                      Locale.ROOT, "%7.2f s  %s%n", (System.nanoTime() - t0) / 1e9, line);
                })
            .build()
            .simulate(dir);
    System.out.printf(
        Locale.ROOT,
        "threads %d, %.1f s, max heap used %.0f MB (of %.0f MB)%n",
        Runtime.getRuntime().availableProcessors(),
        r.seconds(),
        maxHeap[0] / 1e6,
        Runtime.getRuntime().maxMemory() / 1e6);
    try (var files = Files.list(dir)) {
      files.sorted().forEach(p -> {
        try {
          System.out.printf(Locale.ROOT, "%-22s %,15d bytes%n", p.getFileName(), Files.size(p));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    }
    assertThat(r.months()).allSatisfy(m -> assertThat(m.churnRate()).isBetween(0.04, 0.14));
    assertThat(r.userLogRows()).isGreaterThan(30_000_000L);
    if (configured == null) {
      try (var files = Files.list(dir)) {
        for (Path p : (Iterable<Path>) files::iterator) {
          Files.delete(p);
        }
      }
      Files.delete(dir);
    }
  }
}
