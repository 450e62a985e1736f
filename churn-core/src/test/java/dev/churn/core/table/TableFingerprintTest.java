package dev.churn.core.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

class TableFingerprintTest {
  @Test
  void of_dependsOnContentNotLayout() {
    try (BufferAllocator a = new RootAllocator();
        Table t1 = Table.builder(a).numeric("x", new double[] {1, Double.NaN, 3})
            .categorical("c", new String[] {"p", "q", null}).build();
        Table t2 = Table.builder(a).numeric("x", new double[] {1, Double.NaN, 3})
            .categorical("c", new int[] {1, 0, -1}, Dictionary.of(List.of("q", "p"))).build();
        Table head = t1.slice(0, 2);
        Table tail = t1.slice(2, 3);
        Table joined = head.append(tail);
        Table other = Table.builder(a).numeric("x", new double[] {1, Double.NaN, 4})
            .categorical("c", new String[] {"p", "q", null}).build()) {
      String f = TableFingerprint.of(t1);
      assertThat(f).hasSize(64);
      assertThat(TableFingerprint.of(t2)).isEqualTo(f);
      assertThat(TableFingerprint.of(joined)).isEqualTo(f);
      assertThat(TableFingerprint.of(other)).isNotEqualTo(f);
      try (Table renamed = t1.select("c", "x")) {
        assertThat(TableFingerprint.of(renamed)).isNotEqualTo(f);
      }
    }
  }
}
