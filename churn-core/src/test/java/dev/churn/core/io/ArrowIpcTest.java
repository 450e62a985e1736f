package dev.churn.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.churn.core.DataFormatException;
import dev.churn.core.table.ColumnRole;
import dev.churn.core.table.ColumnType;
import dev.churn.core.table.Table;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArrowIpcTest {
  @TempDir Path dir;
  private BufferAllocator allocator;

  @BeforeEach
  void open() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void allocatorIsEmptyAfterUse() {
    assertThat(allocator.getAllocatedMemory()).as("Arrow memory still held").isZero();
    allocator.close();
  }

  private Table sample() {
    return Table.builder(allocator)
        .id("msno", new String[] {"a", "b", null, "ü"})
        .role("msno", ColumnRole.ENTITY)
        .numeric("secs", new double[] {1.5, Double.NaN, -2, 1e300})
        .categorical("city", new String[] {"1", "13", null, "1"})
        .bool("is_churn", new Boolean[] {true, false, null, true})
        .role("is_churn", ColumnRole.LABEL)
        .date("expiry", new LocalDate[] {LocalDate.of(2017, 3, 31), null, LocalDate.EPOCH,
            LocalDate.of(2016, 2, 29)})
        .build();
  }

  @Test
  void write_thenReadRoundTripsEverything() {
    Path p = dir.resolve("part-0.arrow");
    try (Table t = sample()) {
      ArrowIpc.write(t, p);
      try (Table back = ArrowIpc.read(p, allocator)) {
        assertThat(back.schema()).isEqualTo(t.schema());
        assertThat(back.rowCount()).isEqualTo(4);
        assertThat(back.categorical("city").dictionary()).isEqualTo(t.categorical("city").dictionary());
        for (int c = 0; c < t.columnCount(); c++) {
          for (int r = 0; r < 4; r++) {
            assertThat(back.column(c).format(r)).isEqualTo(t.column(c).format(r));
          }
        }
      }
    }
  }

  @Test
  void write_sliceAndEmptyTable() {
    Path p = dir.resolve("s.arrow");
    try (Table t = sample();
        Table s = t.slice(1, 3)) {
      ArrowIpc.write(s, p);
      try (Table back = ArrowIpc.read(p, allocator)) {
        assertThat(back.rowCount()).isEqualTo(2);
        assertThat(back.numeric("secs").get(1)).isEqualTo(-2);
        assertThat(back.id("msno").get(0)).contains("b");
      }
      try (Table e = t.slice(0, 0)) {
        ArrowIpc.write(e, p);
        try (Table back = ArrowIpc.read(p, allocator)) {
          assertThat(back.rowCount()).isZero();
          assertThat(back.schema()).isEqualTo(t.schema());
        }
      }
    }
  }

  @Test
  void write_toStreamLeavesItOpen() throws IOException {
    class Tracking extends ByteArrayOutputStream {
      boolean closed;

      @Override
      public void close() {
        closed = true;
      }
    }
    Tracking out = new Tracking();
    try (Table t = sample()) {
      ArrowIpc.write(t, (OutputStream) out);
    }
    assertThat(out.closed).isFalse();
    assertThat(out.size()).isPositive();
    Path p = dir.resolve("stream.arrow");
    Files.write(p, out.toByteArray());
    try (Table back = ArrowIpc.read(p, allocator)) {
      assertThat(back.rowCount()).isEqualTo(4);
    }
  }

  @Test
  void read_foreignFileMapsArrowTypes() throws IOException {
    Path p = dir.resolve("foreign.arrow");
    try (BigIntVector n = new BigIntVector("n", allocator);
        VarCharVector s = new VarCharVector("s", allocator)) {
      n.allocateNew(2);
      n.set(0, 7);
      n.setNull(1);
      n.setValueCount(2);
      s.allocateNew(2);
      s.setSafe(0, "x".getBytes());
      s.setSafe(1, "y".getBytes());
      s.setValueCount(2);
      VectorSchemaRoot root = new VectorSchemaRoot(List.<FieldVector>of(n, s));
      try (FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          ArrowFileWriter w = new ArrowFileWriter(root, null, ch)) {
        w.start();
        w.writeBatch();
        w.end();
      }
    }
    try (Table t = ArrowIpc.read(p, allocator)) {
      assertThat(t.schema().column("n").type()).isEqualTo(ColumnType.NUMERIC);
      assertThat(t.schema().column("s").type()).isEqualTo(ColumnType.ID);
      assertThat(t.numeric("n").toArray()).containsExactly(7, Double.NaN);
      assertThat(t.id("s").get(1)).contains("y");
    }
  }

  @Test
  void read_notArrowFails() throws IOException {
    Path p = dir.resolve("bad.arrow");
    Files.writeString(p, "this is not arrow");
    assertThatThrownBy(() -> ArrowIpc.read(p, allocator))
        .isInstanceOf(DataFormatException.class)
        .hasMessageStartingWith(p + ": expected an Arrow IPC file but it could not be opened");
  }
}
