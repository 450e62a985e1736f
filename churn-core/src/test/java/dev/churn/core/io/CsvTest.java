package dev.churn.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.churn.core.ChurnException;
import dev.churn.core.DataFormatException;
import dev.churn.core.table.ColumnRole;
import dev.churn.core.table.ColumnType;
import dev.churn.core.table.DateFormat;
import dev.churn.core.table.Schema;
import dev.churn.core.table.Table;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

class CsvTest {
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

  private Path csv(String text) throws IOException {
    Path p = dir.resolve("in.csv");
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void read_infersTypes() throws IOException {
    Path p =
        csv(
            "id,age,plan,active,since,expiry,note\n"
                + "u1,31,gold,true,2017-01-31,20170301,x\n"
                + "u2,NA,silver,FALSE,2016-02-29,20170415,\n"
                + "u3,45.5,gold,,2015-12-01,20161231,y\n");
    try (Table t = Csv.reader(p).read(allocator)) {
      Schema s = t.schema();
      assertThat(s.column("id").type()).isEqualTo(ColumnType.CATEGORICAL); // too few rows for ID
      assertThat(s.column("age").type()).isEqualTo(ColumnType.NUMERIC);
      assertThat(s.column("plan").type()).isEqualTo(ColumnType.CATEGORICAL);
      assertThat(s.column("active").type()).isEqualTo(ColumnType.BOOLEAN);
      assertThat(s.column("since").type()).isEqualTo(ColumnType.DATE);
      assertThat(s.column("since").dateFormat()).isEqualTo(DateFormat.ISO);
      assertThat(s.column("expiry").dateFormat()).isEqualTo(DateFormat.YYYYMMDD);
      assertThat(t.numeric("age").toArray()).containsExactly(31, Double.NaN, 45.5);
      assertThat(t.bool("active").isMissing(2)).isTrue();
      assertThat(t.bool("active").get(1)).isFalse();
      assertThat(t.date("since").get(1)).contains(LocalDate.of(2016, 2, 29));
      assertThat(t.date("expiry").get(2)).contains(LocalDate.of(2016, 12, 31));
      assertThat(t.categorical("note").isMissing(1)).isTrue();
    }
  }

  @Test
  void read_infersIdForMostlyDistinctStrings() throws IOException {
    StringBuilder sb = new StringBuilder("msno,city\n");
    for (int i = 0; i < 30; i++) {
      sb.append("user").append(i).append(',').append(i % 3).append('\n');
    }
    assertThat(Csv.reader(csv(sb.toString())).inferSchema().column("msno").type())
        .isEqualTo(ColumnType.ID);
  }

  @Test
  void read_missingTokens() throws IOException {
    Path p = csv("x,c\n1,a\n\"\",NA\nNaN,null\n  ,  \nnull,b\n");
    try (Table t = Csv.reader(p).read(allocator)) {
      assertThat(t.numeric("x").toArray()).containsExactly(1, Double.NaN, Double.NaN, Double.NaN,
          Double.NaN);
      assertThat(t.categorical("c").codes()).containsExactly(0, -1, -1, -1, 1);
    }
  }

  @Test
  void read_customMissingTokens() throws IOException {
    Path p = csv("x\n1\n?\n");
    try (Table t = Csv.reader(p).missingValues(List.of("?")).read(allocator)) {
      assertThat(t.numeric("x").toArray()).containsExactly(1, Double.NaN);
    }
  }

  @Test
  void read_explicitSchemaSelectsAndOrdersColumns() throws IOException {
    Path p = csv("msno,date,total_secs,extra\nA,20170301,12.5,zzz\nB,20170302,NA,zzz\n");
    Schema schema =
        Schema.builder()
            .numeric("total_secs")
            .id("msno")
            .role("msno", ColumnRole.ENTITY)
            .date("date", DateFormat.YYYYMMDD)
            .role("date", ColumnRole.TIMESTAMP)
            .build();
    try (Table t = Csv.reader(p).schema(schema).read(allocator)) {
      assertThat(t.schema()).isEqualTo(schema);
      assertThat(t.id("msno").get(1)).contains("B");
      assertThat(t.date("date").get(0)).contains(LocalDate.of(2017, 3, 1));
      assertThat(t.numeric("total_secs").toArray()).containsExactly(12.5, Double.NaN);
    }
  }

  @Test
  void read_quotedFieldsCrlfAndBom() throws IOException {
    Path p = dir.resolve("q.csv");
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body =
        "name,comment\r\n\"Smith, J\",\"said \"\"hi\"\"\r\nover two lines\"\r\nDoe,plain\r\n"
            .getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, all, 0, bom.length);
    System.arraycopy(body, 0, all, bom.length, body.length);
    Files.write(p, all);
    try (Table t = Csv.reader(p).read(allocator)) {
      assertThat(t.schema().names()).containsExactly("name", "comment");
      assertThat(t.column("name").format(0)).isEqualTo("Smith, J");
      assertThat(t.column("comment").format(0)).isEqualTo("said \"hi\"\r\nover two lines");
      assertThat(t.column("name").format(1)).isEqualTo("Doe");
    }
  }

  @Test
  void stream_batchesShareDictionaryAndLineNumbersStayRight() throws IOException {
    StringBuilder sb = new StringBuilder("k,v\n");
    for (int i = 0; i < 1000; i++) {
      sb.append("\"cat\n").append(i % 7).append("\",").append(i).append('\n');
    }
    sb.append("oops,notanumber\n");
    Path p = csv(sb.toString());
    Schema schema = Schema.builder().categorical("k").numeric("v").build();
    // the bad value is on physical line 2 + 2 * 1000 = 2002
    assertThatThrownBy(
            () -> {
              try (TableStream s =
                  Csv.reader(p).schema(schema).batchSize(64).threads(2).stream(allocator)) {
                while (s.hasNext()) {
                  s.next().close();
                }
              }
            })
        .isInstanceOf(DataFormatException.class)
        .hasMessage(p + ", line 2002, column 'v': expected NUMERIC but found 'notanumber'");
  }

  @Test
  void stream_codesMeanTheSameInEveryBatch() throws IOException {
    StringBuilder sb = new StringBuilder("c\n");
    for (int i = 0; i < 500; i++) {
      sb.append("v").append((i * 7919) % 13).append('\n');
    }
    Path p = csv(sb.toString());
    try (TableStream s = Csv.reader(p).batchSize(50).threads(2).stream(allocator)) {
      int row = 0;
      while (s.hasNext()) {
        try (Table b = s.next()) {
          for (int r = 0; r < b.rowCount(); r++, row++) {
            int code = b.categorical("c").code(r);
            assertThat(b.categorical("c").dictionary().get(code)).isEqualTo("v" + (row * 7919) % 13);
          }
        }
      }
      assertThat(row).isEqualTo(500);
      assertThat(s.rowsRead()).isEqualTo(500);
      assertThat(s.bytesRead()).isEqualTo(s.totalBytes());
    }
  }

  @Test
  void read_parallelEqualsSerial() throws IOException {
    StringBuilder sb = new StringBuilder("a,b,c,d\n");
    for (int i = 0; i < 20_000; i++) {
      sb.append(i * 0.25).append(',').append("k").append(i % 101).append(',')
          .append(i % 2 == 0).append(',').append(i % 5 == 0 ? "" : "id" + i).append('\n');
    }
    Path p = csv(sb.toString());
    try (Table serial = Csv.reader(p).threads(1).read(allocator);
        Table parallel = Csv.reader(p).threads(2).batchSize(1000).read(allocator)) {
      assertThat(parallel.rowCount()).isEqualTo(20_000);
      assertThat(parallel.schema()).isEqualTo(serial.schema());
      for (int c = 0; c < 4; c++) {
        for (int r = 0; r < 20_000; r += 7) {
          assertThat(parallel.column(c).format(r)).isEqualTo(serial.column(c).format(r));
        }
      }
      assertThat(parallel.categorical("b").dictionary())
          .isEqualTo(serial.categorical("b").dictionary());
    }
  }

  @Test
  void read_raggedRowNamesLine() throws IOException {
    Path p = csv("a,b\n1,2\n3\n");
    assertThatThrownBy(() -> Csv.reader(p).schema(Schema.builder().numeric("a").numeric("b").build())
            .read(allocator))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("line 3")
        .hasMessageContaining("the row has 1 fields but the header has 2");
  }

  @Test
  void read_raggedRowDuringInference() throws IOException {
    Path p = csv("a,b\n1,2\n3,4,5\n");
    assertThatThrownBy(() -> Csv.reader(p).read(allocator))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("line 3")
        .hasMessageContaining("3 fields but the header has 2");
  }

  @Test
  void read_badNumberAfterInferenceSampleNamesLineColumnAndHint() throws IOException {
    Path p = csv("x\n1\n2\nabc\n");
    DataFormatException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            DataFormatException.class, () -> Csv.reader(p).inferenceRows(2).read(allocator));
    assertThat(e.line()).hasValue(4);
    assertThat(e.column()).contains("x");
    assertThat(e.expected()).contains("NUMERIC");
    assertThat(e.getMessage()).contains("found 'abc'").contains("inferred from the first 2 rows");
  }

  @Test
  void read_badDateNamesFormat() throws IOException {
    Path p = csv("d\n20170230\n");
    assertThatThrownBy(
            () -> Csv.reader(p).schema(Schema.builder().date("d", DateFormat.YYYYMMDD).build())
                .read(allocator))
        .hasMessage(p + ", line 2, column 'd': expected DATE as yyyyMMdd but found '20170230'");
  }

  @Test
  void read_badBoolean() throws IOException {
    Path p = csv("b\nmaybe\n");
    assertThatThrownBy(
            () -> Csv.reader(p).schema(Schema.builder().bool("b").build()).read(allocator))
        .hasMessageContaining("line 2, column 'b': expected BOOLEAN");
  }

  @Test
  void read_unknownSchemaColumn() throws IOException {
    Path p = csv("a,b\n1,2\n");
    assertThatThrownBy(
            () -> Csv.reader(p).schema(Schema.builder().numeric("c").build()).read(allocator))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(p + ", line 1, column 'c': the schema names column 'c' but the header has no"
            + " such column; the header is [a, b]");
  }

  @Test
  void read_emptyFile() throws IOException {
    Path p = csv("");
    assertThatThrownBy(() -> Csv.reader(p).read(allocator))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(p + ": the file is empty; a CSV file needs a header line");
  }

  @Test
  void read_headerOnlyGivesEmptyTable() throws IOException {
    Path p = csv("a,b\n");
    try (Table t = Csv.reader(p).read(allocator)) {
      assertThat(t.rowCount()).isZero();
      assertThat(t.schema().names()).containsExactly("a", "b");
    }
  }

  @Test
  void read_duplicateHeader() throws IOException {
    Path p = csv("a,b,a\n1,2,3\n");
    assertThatThrownBy(() -> Csv.reader(p).read(allocator))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(p + ", line 1, column 'a': expected unique column names but the header names"
            + " 'a' twice (fields 1 and 3)");
  }

  @Test
  void read_noSuchFile() {
    Path p = dir.resolve("nope.csv");
    assertThatThrownBy(() -> Csv.reader(p).read(allocator))
        .isInstanceOf(ChurnException.class)
        .hasMessage("no such file: " + p);
  }

  @Test
  void reader_settingsValidateAtOnce() {
    Csv.Reader r = Csv.reader(dir.resolve("x.csv"));
    assertThatThrownBy(() -> r.batchSize(0)).hasMessage("batchSize was 0 but it must be >= 1");
    assertThatThrownBy(() -> r.threads(0)).hasMessage("threads was 0 but it must be in [1, 256]");
    assertThatThrownBy(() -> r.delimiter('"')).hasMessageContaining("must not be a quote");
    assertThatThrownBy(() -> r.missingValues(List.of(" ")))
        .hasMessageContaining("blank cells are always missing");
  }

  @Test
  void write_thenReadRoundTrips() throws IOException {
    try (Table t =
        Table.builder(allocator)
            .id("id", new String[] {"a,1", "b\"2", null})
            .numeric("x", new double[] {0.1, -3, Double.NaN})
            .categorical("c", new String[] {"p", null, "q"})
            .date("d", new LocalDate[] {LocalDate.of(2017, 3, 1), null, LocalDate.of(1999, 12, 31)})
            .bool("b", new Boolean[] {true, null, false})
            .build()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Csv.write(t, out);
      Path p = csv(out.toString(StandardCharsets.UTF_8));
      try (Table back = Csv.reader(p).schema(t.schema()).read(allocator)) {
        for (int c = 0; c < t.columnCount(); c++) {
          for (int r = 0; r < 3; r++) {
            assertThat(back.column(c).format(r)).isEqualTo(t.column(c).format(r));
          }
        }
      }
    }
  }
}
