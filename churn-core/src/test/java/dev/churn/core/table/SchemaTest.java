package dev.churn.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaTest {
  @Test
  void builder_keepsOrderTypesAndRoles() {
    Schema s =
        Schema.builder()
            .id("msno")
            .role("msno", ColumnRole.ENTITY)
            .numeric("bd")
            .date("expiry", DateFormat.YYYYMMDD)
            .bool("is_churn")
            .role("is_churn", ColumnRole.LABEL)
            .build();
    assertThat(s.names()).containsExactly("msno", "bd", "expiry", "is_churn");
    assertThat(s.column("expiry").dateFormat()).isEqualTo(DateFormat.YYYYMMDD);
    assertThat(s.single(ColumnRole.LABEL).orElseThrow().name()).isEqualTo("is_churn");
    assertThat(s.namesWithRole(ColumnRole.FEATURE)).containsExactly("bd", "expiry");
    assertThat(s.toString()).isEqualTo(
        "Schema[msno:ID/ENTITY, bd:NUMERIC, expiry:DATE, is_churn:BOOLEAN/LABEL]");
  }

  @Test
  void of_duplicateNameFails() {
    assertThatThrownBy(
            () -> Schema.of(
                ColumnSpec.of("a", ColumnType.NUMERIC), ColumnSpec.of("a", ColumnType.ID)))
        .hasMessage("column 'a' appears twice but column names must be unique");
  }

  @Test
  void role_unknownColumnFails() {
    assertThatThrownBy(() -> Schema.builder().numeric("a").role("b", ColumnRole.LABEL))
        .hasMessageContaining("no column 'b' was added before");
  }

  @Test
  void select_andWith() {
    Schema s = Schema.builder().numeric("a").categorical("b").id("c").build();
    assertThat(s.select(List.of("c", "a")).names()).containsExactly("c", "a");
    assertThat(s.withType("b", ColumnType.ID).column("b").type()).isEqualTo(ColumnType.ID);
    assertThat(s.find("z")).isEmpty();
    assertThatThrownBy(() -> s.indexOf("z")).hasMessage("no column 'z'; the columns are [a, b, c]");
  }

  @Test
  void columnSpec_emptyNameFails() {
    assertThatThrownBy(() -> ColumnSpec.of("", ColumnType.NUMERIC))
        .hasMessageContaining("must not be empty");
  }

  @Test
  void dictionary_snapshotsStayValidWhileBuilderGrows() {
    Dictionary.Builder b = new Dictionary.Builder();
    b.codeOf("x");
    Dictionary first = b.snapshot();
    for (int i = 0; i < 100; i++) {
      b.codeOf("v" + i);
    }
    Dictionary later = b.snapshot();
    assertThat(first.size()).isEqualTo(1);
    assertThat(first.get(0)).isEqualTo("x");
    assertThat(later.extendsDictionary(first)).isTrue();
    assertThat(first.extendsDictionary(later)).isFalse();
    assertThat(later.codeOf("v99")).hasValue(100);
    assertThat(first.codeOf("v99")).isEmpty();
    assertThatThrownBy(() -> Dictionary.of(List.of("a", "a"))).hasMessageContaining("twice");
  }
}
