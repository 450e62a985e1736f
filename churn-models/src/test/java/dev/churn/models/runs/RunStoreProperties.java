package dev.churn.models.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.churn.core.time.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;

/** Property tests: whatever is logged (any text, any double) reads back equal. */
class RunStoreProperties {

  private static final long SEED = 20261123L;

  /** Letters, JSON metacharacters, non-ASCII and a surrogate pair; no control characters. */
  private static final String[] PIECES = {
    "a", "Z", "0", " ", "_", "-", ".", "/", "\\", "\"", "'", "{", "}", ":", ",", "ü", "中", "€",
    "\uD83D\uDE00"
  };

  @TempDir Path home;

  private static Gen<String> keys() {
    return lists().of(integers().between(0, PIECES.length - 1)).ofSizeBetween(1, 8)
        .map(indexes -> {
          StringBuilder s = new StringBuilder("k");
          indexes.forEach(i -> s.append(PIECES[i]));
          return s.toString();
        });
  }

  private static Gen<Double> values() {
    return integers().between(0, 9).zip(doubles().any(), (choice, d) -> switch (choice) {
      case 0 -> Double.NaN;
      case 1 -> Double.POSITIVE_INFINITY;
      case 2 -> -0.0;
      case 3 -> Double.MIN_VALUE;
      default -> d;
    });
  }

  @Test
  void getAfterFinish_anyParametersMetricsAndTags_equalToWhatWasLogged() {
    MutableClock clock = MutableClock.at(Instant.parse("2026-11-23T10:15:00Z"));
    RunStore store = RunStore.open(home, clock);
    qt().withFixedSeed(SEED)
        .withExamples(50)
        .forAll(lists().of(keys()).ofSizeBetween(0, 6), lists().of(values()).ofSizeBetween(0, 6),
            keys())
        .checkAssert(
            (names, numbers, text) -> {
              Map<String, String> params = new LinkedHashMap<>();
              Map<String, Double> metrics = new LinkedHashMap<>();
              for (int i = 0; i < names.size(); i++) {
                params.put(names.get(i), text + i);
                metrics.put(names.get(i), numbers.isEmpty() ? 0.0 : numbers.get(i % numbers.size()));
              }
              clock.advance(Duration.ofNanos(1_234_567));
              Run finished;
              try (ActiveRun run = store.start("fit", text)) {
                run.logParams(params).logMetrics(metrics).logFoldMetrics(metrics);
                params.forEach(run::setTag);
                run.logArtifact("a.txt", text);
                finished = run.finish();
              }
              Run read = store.get(finished.id()).orElseThrow();
              assertThat(read).isEqualTo(finished);
              assertThat(read.parameters()).isEqualTo(params);
              assertThat(read.tags()).isEqualTo(params);
              assertThat(read.foldMetrics()).isEqualTo(List.of(read.metrics()));
              metrics.forEach((k, v) ->
                  assertThat(Double.doubleToLongBits(read.metrics().get(k)))
                      .as(k).isEqualTo(Double.doubleToLongBits(v)));
              assertThat(store.readArtifact(read.id(), "a.txt"))
                  .isEqualTo(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            });
  }
}
