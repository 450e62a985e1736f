package dev.churn.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TableTest {
  private BufferAllocator allocator;

  @BeforeEach
  void open() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void allocatorIsEmptyAfterUse() {
    assertThat(allocator.getAllocatedMemory()).as("Arrow memory still held").isZero();
    allocator.close(); // throws with a leak report if anything is still open
  }

  private Table sample() {
    return Table.builder(allocator)
        .id("customer", new String[] {"a", "b", "c", "d", "é"})
        .role("customer", ColumnRole.ENTITY)
        .numeric("tenure", new double[] {1, 2.5, Double.NaN, 4, 5})
        .categorical("plan", new String[] {"gold", "silver", null, "gold", "bronze"})
        .bool("churned", new Boolean[] {true, false, null, false, true})
        .date(
            "since",
            new LocalDate[] {
              LocalDate.of(2017, 1, 31), null, LocalDate.of(2016, 2, 29), LocalDate.of(2017, 3, 1),
              LocalDate.of(1970, 1, 1)
            })
        .build();
  }

  @Test
  void numericCopyTo_marksEveryMissingRow_acrossValidityBytes() {
    double[] values = new double[37];
    for (int i = 0; i < values.length; i++) {
      values[i] = i % 3 == 0 || i == 8 || i == 36 ? Double.NaN : i;
    }
    try (Table t = Table.builder(allocator).numeric("x", values).build()) {
      double[] dest = new double[40];
      java.util.Arrays.fill(dest, -1);
      assertThat(t.numeric("x").copyTo(dest)).isEqualTo(37);
      assertThat(java.util.Arrays.copyOf(dest, 37)).containsExactly(values);
      assertThat(dest[37]).isEqualTo(-1); // beyond the column: untouched
      assertThat(t.numeric("x").toArray()).containsExactly(values);
      assertThatThrownBy(() -> t.numeric("x").copyTo(new double[36]))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("dest holds 36 values but column 'x' has 37");
    }
  }

  @Test
  void builder_typedColumnsReadBack() {
    try (Table t = sample()) {
      assertThat(t.rowCount()).isEqualTo(5);
      assertThat(t.schema().names()).containsExactly("customer", "tenure", "plan", "churned", "since");
      assertThat(t.schema().column("customer").role()).isEqualTo(ColumnRole.ENTITY);
      assertThat(t.id("customer").get(4)).contains("é");
      assertThat(t.numeric("tenure").toArray()).containsExactly(1, 2.5, Double.NaN, 4, 5);
      assertThat(t.numeric("tenure").missingCount()).isEqualTo(1);
      CategoricalColumn plan = t.categorical("plan");
      assertThat(plan.dictionary().values()).containsExactly("gold", "silver", "bronze");
      assertThat(plan.codes()).containsExactly(0, 1, -1, 0, 2);
      assertThat(plan.get(2)).isEmpty();
      assertThat(plan.counts()).containsExactly(2, 1, 1);
      assertThat(t.bool("churned").get(0)).isTrue();
      assertThat(t.bool("churned").isMissing(2)).isTrue();
      assertThat(t.bool("churned").trueCount()).isEqualTo(2);
      assertThat(t.date("since").get(0)).contains(LocalDate.of(2017, 1, 31));
      assertThat(t.date("since").toEpochDays())
          .containsExactly(17197, DateColumn.MISSING, 16860, 17226, 0);
      assertThat(t.date("since").format(1)).isEmpty();
      assertThat(t.column("since").format(2)).isEqualTo("2016-02-29");
    }
  }

  @Test
  void typedAccess_wrongTypeNamesBoth() {
    try (Table t = sample()) {
      assertThatThrownBy(() -> t.numeric("plan"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("column 'plan' is CATEGORICAL, not NUMERIC");
      assertThatThrownBy(() -> t.column("nope"))
          .hasMessageContaining("no column 'nope'")
          .hasMessageContaining("customer");
    }
  }

  @Test
  void builder_unequalLengthsFailWithoutAllocating() {
    TableBuilder b =
        Table.builder(allocator).numeric("x", new double[3]).numeric("y", new double[2]);
    assertThatThrownBy(b::build).hasMessage("column 'y' has 2 values but column 'x' has 3");
  }

  @Test
  void slice_sharesAndSurvivesSourceClose() {
    Table t = sample();
    Table s = t.slice(1, 4);
    long before = allocator.getAllocatedMemory();
    Table p = t.select("plan", "tenure");
    assertThat(allocator.getAllocatedMemory()).as("projection is zero-copy").isEqualTo(before);
    t.close();
    try (s;
        p) {
      assertThat(s.rowCount()).isEqualTo(3);
      assertThat(s.id("customer").get(0)).contains("b");
      assertThat(s.numeric("tenure").toArray()).containsExactly(2.5, Double.NaN, 4);
      assertThat(s.categorical("plan").get(2)).contains("gold");
      assertThat(p.schema().names()).containsExactly("plan", "tenure");
      assertThat(p.numeric("tenure").get(4)).isEqualTo(5);
    }
  }

  @Test
  void slice_unalignedOffsetsAndEmpty() {
    try (Table t = sample();
        Table s = t.slice(3, 5);
        Table e = t.slice(2, 2)) {
      assertThat(s.bool("churned").get(0)).isFalse();
      assertThat(s.bool("churned").get(1)).isTrue();
      assertThat(s.date("since").format(1)).isEqualTo("1970-01-01");
      assertThat(e.rowCount()).isZero();
      assertThat(e.schema()).isEqualTo(t.schema());
    }
  }

  @Test
  void slice_outOfRangeThrows() {
    try (Table t = sample()) {
      assertThatThrownBy(() -> t.slice(2, 6)).isInstanceOf(IndexOutOfBoundsException.class);
    }
  }

  @Test
  void filter_keepsMaskedRowsInOrder() {
    try (Table t = sample();
        Table f = t.filter(new boolean[] {true, false, true, false, true})) {
      assertThat(f.rowCount()).isEqualTo(3);
      assertThat(f.id("customer").get(2)).contains("é");
      assertThat(f.numeric("tenure").toArray()).containsExactly(1, Double.NaN, 5);
      assertThat(f.categorical("plan").codes()).containsExactly(0, -1, 2);
      assertThat(f.bool("churned").isMissing(1)).isTrue();
    }
  }

  @Test
  void filter_wrongMaskLengthThrows() {
    try (Table t = sample()) {
      assertThatThrownBy(() -> t.filter(new boolean[4]))
          .hasMessage("row mask has 4 entries but the table has 5 rows");
      BitSet tooFar = new BitSet();
      tooFar.set(5);
      assertThatThrownBy(() -> t.filter(tooFar)).hasMessageContaining("sets row 5");
    }
  }

  @Test
  void append_mergesDictionaries() {
    try (Table a = sample();
        Table b =
            Table.builder(allocator)
                .id("customer", new String[] {"x", "y"})
                .numeric("tenure", new double[] {9, 10})
                .categorical("plan", new String[] {"platinum", "gold"})
                .bool("churned", new boolean[] {true, true})
                .date("since", new LocalDate[] {null, LocalDate.of(2020, 5, 5)})
                .build();
        Table ab = a.append(b)) {
      assertThat(ab.rowCount()).isEqualTo(7);
      assertThat(ab.categorical("plan").dictionary().values())
          .containsExactly("gold", "silver", "bronze", "platinum");
      assertThat(ab.categorical("plan").codes()).containsExactly(0, 1, -1, 0, 2, 3, 0);
      assertThat(ab.id("customer").get(6)).contains("y");
      assertThat(ab.numeric("tenure").toArray()).containsExactly(1, 2.5, Double.NaN, 4, 5, 9, 10);
      assertThat(ab.bool("churned").isMissing(2)).isTrue();
      assertThat(ab.bool("churned").get(5)).isTrue();
      assertThat(ab.date("since").format(6)).isEqualTo("2020-05-05");
      // roles come from the first table
      assertThat(ab.schema().column("customer").role()).isEqualTo(ColumnRole.ENTITY);
    }
  }

  @Test
  void concat_differentColumnsFails() {
    try (Table a = sample();
        Table b = a.select("tenure")) {
      assertThatThrownBy(() -> a.append(b))
          .hasMessageContaining("must have the same column names and types");
    }
  }

  @Test
  void concatColumns_placesTablesSideBySide() {
    try (Table t = sample();
        Table left = t.select("customer", "plan");
        Table right = t.select("tenure");
        Table both = left.concatColumns(right)) {
      assertThat(both.schema().names()).containsExactly("customer", "plan", "tenure");
      assertThat(both.numeric("tenure").get(1)).isEqualTo(2.5);
      assertThat(both.categorical("plan").get(4)).contains("bronze");
      assertThatThrownBy(() -> left.concatColumns(left))
          .hasMessageContaining("appears twice");
      try (Table shorter = right.slice(0, 2)) {
        assertThatThrownBy(() -> left.concatColumns(shorter))
            .hasMessageContaining("same row count, but 5 != 2");
      }
    }
  }

  @Test
  void withRole_sharesMemory() {
    try (Table t = sample();
        Table r = t.withRole("churned", ColumnRole.LABEL)) {
      assertThat(r.schema().single(ColumnRole.LABEL).orElseThrow().name()).isEqualTo("churned");
      assertThat(t.schema().single(ColumnRole.LABEL)).isEmpty();
      assertThat(r.bool("churned").get(0)).isTrue();
    }
  }

  @Test
  void close_isIdempotentAndBlocksUse() {
    Table t = sample();
    t.close();
    t.close();
    assertThat(t.isClosed()).isTrue();
    assertThatThrownBy(() -> t.column("tenure")).isInstanceOf(IllegalStateException.class);
    assertThat(t).hasToString("Table[closed]");
  }

  @Test
  void allocator_holdsMemoryExactlyWhileTablesAreOpen() {
    try (BufferAllocator child = allocator.newChildAllocator("job", 0, Long.MAX_VALUE)) {
      Table t = Table.builder(child).numeric("x", new double[] {1, 2, 3}).build();
      Table derived = t.slice(1, 3);
      assertThat(child.getAllocatedMemory()).isPositive();
      t.close();
      assertThat(child.getAllocatedMemory()).as("slice keeps shared buffers alive").isPositive();
      derived.close();
      assertThat(child.getAllocatedMemory()).isZero();
    }
  }

  @Test
  void wrap_rejectsMismatchedVectorAndClosesIt() {
    IntVector v = new IntVector("x", allocator);
    v.allocateNew(1);
    v.setValueCount(1);
    Schema s = Schema.builder().numeric("x").build();
    assertThatThrownBy(() -> Table.wrap(allocator, s, List.of(v), Map.of()))
        .hasMessage("column 'x' is NUMERIC and needs a Float8Vector but got a IntVector");
  }

  @Test
  void wrap_rejectsCodeOutsideDictionary() {
    IntVector v = new IntVector("c", allocator);
    v.allocateNew(1);
    v.set(0, 3);
    v.setValueCount(1);
    Schema s = Schema.builder().categorical("c").build();
    assertThatThrownBy(
            () -> Table.wrap(allocator, s, List.of(v), Map.of("c", Dictionary.of(List.of("a")))))
        .hasMessageContaining("has code 3 at row 0 but its dictionary has 1 categories");
  }

  @Test
  void arrowVector_isTheBackingVector() {
    try (Table t = sample()) {
      assertThat(t.arrowVector("tenure")).isInstanceOf(Float8Vector.class);
      assertThat(((Float8Vector) t.arrowVector("tenure")).get(1)).isEqualTo(2.5);
    }
  }

  @Test
  void toString_showsPreview() {
    try (Table t = sample()) {
      assertThat(t.toString())
          .startsWith("Table[rows=5, columns=5]\ncustomer | tenure | plan | churned | since\n")
          .contains("a | 1 | gold | true | 2017-01-31");
    }
  }

  @Test
  void empty_hasSchemaAndNoRows() {
    Schema s = Schema.builder().numeric("x").categorical("c").id("i").build();
    try (Table t = Table.empty(allocator, s)) {
      assertThat(t.rowCount()).isZero();
      assertThat(t.categorical("c").dictionary().size()).isZero();
    }
  }
}
