package dev.churn.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.churn.core.table.Schema;
import dev.churn.core.table.Table;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;

/**
 * Property tests: any table survives CSV and Arrow IPC round trips, and reading is independent
 * of batch size and thread count.
 */
class CsvProperties {
  private static final long SEED = 20261123L;
  private static final String[] WORDS = {"a", "b,c", "d\"e", "f\ng", "h i", "ü", "NAx", "0"};

  @TempDir Path dir;
  private BufferAllocator allocator;

  @BeforeEach
  void open() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void allocatorIsEmptyAfterUse() {
    assertThat(allocator.getAllocatedMemory()).isZero();
    allocator.close();
  }

  /** A row: [numeric choice, word index or -1, bool 0/1/-1, day offset or -1]. */
  private static Gen<List<List<Integer>>> rows() {
    Gen<List<Integer>> row =
        lists().of(integers().between(-1, 2000)).ofSize(4);
    return lists().of(row).ofSizeBetween(0, 300);
  }

  private Table tableOf(List<List<Integer>> rows) {
    int n = rows.size();
    double[] x = new double[n];
    String[] c = new String[n];
    Boolean[] b = new Boolean[n];
    LocalDate[] d = new LocalDate[n];
    String[] id = new String[n];
    for (int i = 0; i < n; i++) {
      List<Integer> r = rows.get(i);
      x[i] = r.get(0) < 0 ? Double.NaN : (r.get(0) - 1000) / 7.0;
      c[i] = r.get(1) < 0 ? null : WORDS[r.get(1) % WORDS.length];
      b[i] = r.get(2) < 0 ? null : r.get(2) % 2 == 0;
      d[i] = r.get(3) < 0 ? null : LocalDate.of(2015, 1, 1).plusDays(r.get(3));
      id[i] = r.get(0) % 3 == 0 ? null : "id-" + i + WORDS[Math.floorMod(r.get(3), WORDS.length)];
    }
    return Table.builder(allocator)
        .numeric("x", x)
        .categorical("c", c)
        .bool("b", b)
        .date("d", d)
        .id("id", id)
        .build();
  }

  private Path writeCsv(Table t) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Csv.write(t, out);
      Path p = Files.createTempFile(dir, "t", ".csv");
      Files.write(p, out.toByteArray());
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void assertSameCells(Table a, Table b) {
    assertThat(b.rowCount()).isEqualTo(a.rowCount());
    for (int c = 0; c < a.columnCount(); c++) {
      for (int r = 0; r < a.rowCount(); r++) {
        assertThat(b.column(c).format(r)).as("column %s row %s", c, r)
            .isEqualTo(a.column(c).format(r));
      }
    }
  }

  @Test
  void csvRoundTrip_anyBatchSizeAndThreads() {
    qt().withFixedSeed(SEED)
        .withExamples(60)
        .forAll(rows(), integers().between(1, 50), integers().between(1, 3))
        .checkAssert(
            (rows, batch, threads) -> {
              try (Table t = tableOf(rows)) {
                Path p = writeCsv(t);
                Schema schema = t.schema();
                try (Table back =
                    Csv.reader(p).schema(schema).batchSize(batch).threads(threads)
                        .read(allocator)) {
                  assertSameCells(t, back);
                }
              }
            });
  }

  @Test
  void arrowRoundTrip_isExact() {
    qt().withFixedSeed(SEED)
        .withExamples(60)
        .forAll(rows())
        .checkAssert(
            rows -> {
              try (Table t = tableOf(rows)) {
                Path p = dir.resolve("t.arrow");
                ArrowIpc.write(t, p);
                try (Table back = ArrowIpc.read(p, allocator)) {
                  assertThat(back.schema()).isEqualTo(t.schema());
                  assertSameCells(t, back);
                }
              }
            });
  }

  @Test
  void sliceThenConcat_givesBackTheTable() {
    qt().withFixedSeed(SEED)
        .withExamples(100)
        .forAll(rows(), integers().between(0, 1000))
        .checkAssert(
            (rows, cut) -> {
              try (Table t = tableOf(rows)) {
                int k = Math.min(cut, t.rowCount());
                try (Table left = t.slice(0, k);
                    Table right = t.slice(k, t.rowCount());
                    Table joined = left.append(right)) {
                  assertSameCells(t, joined);
                }
              }
            });
  }

  @Test
  void filter_keepsExactlyTheMaskedRows() {
    qt().withFixedSeed(SEED)
        .withExamples(100)
        .forAll(rows(), integers().between(1, 5))
        .checkAssert(
            (rows, every) -> {
              try (Table t = tableOf(rows)) {
                boolean[] keep = new boolean[t.rowCount()];
                for (int i = 0; i < keep.length; i++) {
                  keep[i] = i % every == 0;
                }
                try (Table f = t.filter(keep)) {
                  int j = 0;
                  for (int i = 0; i < keep.length; i++) {
                    if (keep[i]) {
                      for (int c = 0; c < t.columnCount(); c++) {
                        assertThat(f.column(c).format(j)).isEqualTo(t.column(c).format(i));
                      }
                      j++;
                    }
                  }
                  assertThat(f.rowCount()).isEqualTo(j);
                }
              }
            });
  }
}
