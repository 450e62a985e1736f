package dev.churn.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.churn.core.table.NumericColumn;
import dev.churn.core.table.Table;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/** Checks that the drift benchmark runs and reports consistent figures; never asserts speed. */
class DriftBenchTest {

  @Test
  void run_smallDataGivesAConsistentReport() {
    List<String> progress = new ArrayList<>();
    DriftBench.Report r = DriftBench.run(5000, 8, 1, progress::add);
    assertThat(progress).isNotEmpty();
    assertThat(r.rows()).isEqualTo(5000);
    assertThat(r.columns()).isEqualTo(8);
    assertThat(r.baselineSeconds()).isPositive();
    assertThat(r.profileSeconds()).isPositive();
    assertThat(r.detectSeconds()).isPositive();
    assertThat(r.totalSeconds()).isEqualTo(r.profileSeconds() + r.detectSeconds());
    assertThat(r.profileBytes()).isPositive();
    // columns 0 and 4 are shifted by 0.2 standard deviations: Wasserstein finds them
    assertThat(r.driftedColumns()).isEqualTo(2);
    assertThat(r.tests()).containsEntry("wasserstein", 8);
    assertThat(r.lines()).hasSize(5);
  }

  @Test
  void generate_isReproducibleWithMissingValues() {
    try (BufferAllocator allocator = new RootAllocator();
        Table a = DriftBench.generate(allocator, 2000, 5, 1L, false, 2);
        Table b = DriftBench.generate(allocator, 2000, 5, 1L, false, 1)) {
      assertThat(a.schema().names()).containsExactly("x000", "x001", "x002", "x003", "x004");
      for (int j = 0; j < 5; j++) {
        assertThat(((NumericColumn) a.column(j)).toArray())
            .isEqualTo(((NumericColumn) b.column(j)).toArray());
      }
      assertThat(a.column("x004").missingCount()).isPositive();
      assertThat(a.column("x000").missingCount()).isZero();
      assertThat(DriftBench.baseline(a, b, 2)).isFinite();
    }
  }

  @Test
  void run_rejectsTooFewRows() {
    assertThatThrownBy(() -> DriftBench.run(10, 3, 1, s -> { }))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rows");
  }
}
