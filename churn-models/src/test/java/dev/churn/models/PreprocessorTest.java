package dev.churn.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.churn.core.DataFormatException;
import dev.churn.core.table.Table;
import dev.churn.models.spi.FeatureMatrix;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PreprocessorTest {
  private BufferAllocator allocator;
  private Table table;
  private final boolean[] y = {true, false, true, false, false, true};

  @BeforeEach
  void setUp() {
    allocator = new RootAllocator();
    String[] many = new String[6];
    for (int i = 0; i < 6; i++) {
      many[i] = "s" + (i % 3);
    }
    table = Table.builder(allocator)
        .numeric("x", new double[] {1, 2, Double.NaN, 4, 5, 6})
        .categorical("plan", new String[] {"a", "b", "a", null, "b", "a"})
        .categorical("state", many)
        .bool("flag", new Boolean[] {true, false, null, true, true, false})
        .build();
  }

  @AfterEach
  void tearDown() {
    table.close();
    assertThat(allocator.getAllocatedMemory()).isZero();
    allocator.close();
  }

  @Test
  void fit_passesNumbersThroughForTreeBackends() {
    Preprocessor.Fitted f = Preprocessor.fit(table, null, List.of("x", "plan", "flag"), y,
        Preprocessor.Options.forBackend(true, false), 1);
    assertThat(f.preprocessor().outputs()).containsExactly("x", "plan=a", "plan=b", "flag");
    FeatureMatrix x = f.train();
    assertThat(x.column(0)).containsExactly(1, 2, Double.NaN, 4, 5, 6);
    assertThat(x.column(1)).containsExactly(1, 0, 1, 0, 0, 1);
    assertThat(x.column(2)).containsExactly(0, 1, 0, 0, 1, 0); // missing plan: all zeros
    assertThat(x.column(3)).containsExactly(1, 0, Double.NaN, 1, 1, 0);
  }

  @Test
  void fit_imputesAndStandardizesForLinearBackends() {
    Preprocessor.Fitted f = Preprocessor.fit(table, null, List.of("x"), y,
        Preprocessor.Options.forBackend(false, true), 1);
    assertThat(f.preprocessor().outputs()).containsExactly("x", "x__missing");
    double[] col = f.train().column(0);
    // median of 1,2,4,5,6 is 4; values 1,2,4,4,5,6: mean 11/3, population sd
    double mean = 22.0 / 6;
    double sd = Math.sqrt((Math.pow(1 - mean, 2) + Math.pow(2 - mean, 2) + 2 * Math.pow(4 - mean, 2)
        + Math.pow(5 - mean, 2) + Math.pow(6 - mean, 2)) / 6);
    assertThat(col[2]).isCloseTo((4 - mean) / sd, within(1e-12));
    assertThat(col[0]).isCloseTo((1 - mean) / sd, within(1e-12));
    assertThat(f.train().column(1)).containsExactly(0, 0, 1, 0, 0, 0);
  }

  @Test
  void fit_targetEncodesManyCategoriesOutOfFold() {
    Preprocessor.Options o = new Preprocessor.Options(false, false, 2, 1.0);
    Preprocessor.Fitted f = Preprocessor.fit(table, null, List.of("state"), y, o, 7);
    assertThat(f.preprocessor().outputs()).containsExactly("state");
    // scoring uses the full-data encoding: s0 rows 0,3 -> labels true,false; prior 0.5, m = 1
    double[] scored = f.preprocessor().transform(table).column(0);
    assertThat(scored[0]).isCloseTo((1 + 0.5) / (2 + 1), within(1e-12));
    // unseen and missing categories get the prior
    assertThat(f.preprocessor().transformRow(Map.of("state", "zz"))).containsExactly(0.5);
    assertThat(f.preprocessor().transformRow(new HashMap<>())).containsExactly(0.5);
  }

  @Test
  void transformRow_equalsTransform() {
    Preprocessor p = Preprocessor.fit(table, null, List.of("x", "plan", "flag"), y,
        Preprocessor.Options.forBackend(false, true), 1).preprocessor();
    FeatureMatrix all = p.transform(table);
    Map<String, Object> row = new HashMap<>();
    row.put("x", null);
    row.put("plan", "a");
    row.put("flag", null);
    assertThat(p.transformRow(row)).containsExactly(all.row(2));
  }

  @Test
  void json_roundTrips() {
    Preprocessor p = Preprocessor.fit(table, null, List.of("x", "plan", "state", "flag"), y,
        new Preprocessor.Options(true, true, 2, 5), 3).preprocessor();
    Preprocessor back = Preprocessor.fromJson(p.toJson());
    assertThat(back.outputs()).isEqualTo(p.outputs());
    assertThat(back.transform(table).values()).containsExactly(p.transform(table).values());
    assertThat(back.groups().keySet()).containsExactly("x", "plan", "state", "flag");
  }

  @Test
  void transform_missingColumnIsAClearError() {
    Preprocessor p = Preprocessor.fit(table, null, List.of("x", "plan"), y,
        Preprocessor.Options.forBackend(true, false), 1).preprocessor();
    try (Table partial = table.select("plan")) {
      assertThatThrownBy(() -> p.transform(partial))
          .isInstanceOf(DataFormatException.class)
          .hasMessageContaining("column 'x'")
          .hasMessageContaining("the column is missing");
    }
  }
}
