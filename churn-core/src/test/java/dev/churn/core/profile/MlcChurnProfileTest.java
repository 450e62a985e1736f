package dev.churn.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.churn.core.io.Csv;
import dev.churn.core.profile.ProfileWarning.Kind;
import dev.churn.core.table.ColumnType;
import dev.churn.core.table.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Profiles the real telecom churn data ({@code ../shared/data/mlc_churn.csv}) and checks numbers
 * against pandas 1.5.3 ({@code df = pd.read_csv("mlc_churn.csv")}). Skips when the file is absent.
 */
class MlcChurnProfileTest {
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

  /** The shared data folder: system property {@code churn.shared.data}, else ../shared/data. */
  static Path sharedData() {
    String configured = System.getProperty("churn.shared.data");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    // Surefire runs in the module folder; the repository root is its parent.
    Path root = Path.of("").toAbsolutePath();
    if (Files.exists(root.resolve("../pom.xml")) && !Files.exists(root.resolve("churn-core"))) {
      root = root.getParent();
    }
    return root.resolve("../shared/data").normalize();
  }

  @Test
  void of_mlcChurnMatchesPandas() {
    Path csv = sharedData().resolve("mlc_churn.csv");
    Assumptions.assumeTrue(
        Files.exists(csv), "../shared/data/mlc_churn.csv not found; skipping the real-data test");
    try (Table t = Csv.reader(csv).read(allocator)) {
      DataProfile p = DataProfile.of(t);
      // len(df), df.shape[1]; df.dtypes: 15 numeric (8 float64 + 7 int64), 5 object
      assertThat(p.rows()).isEqualTo(5000);
      assertThat(p.columnCount()).isEqualTo(20);
      assertThat(p.typeCounts())
          .isEqualTo(Map.of(ColumnType.NUMERIC, 15, ColumnType.CATEGORICAL, 5));
      // df.isna().sum().sum() -> 0; df.duplicated().sum() -> 0
      assertThat(p.missingCells()).isZero();
      assertThat(p.duplicateRows()).hasValue(0);

      NumericProfile minutes = (NumericProfile) p.column("total_day_minutes").orElseThrow();
      // x = df.total_day_minutes: x.mean(), x.std(), x.min(), x.max(), x.nunique()
      assertThat(minutes.mean()).isCloseTo(180.2889, within(1e-9));
      assertThat(minutes.std()).isCloseTo(53.8946991689322, within(1e-9));
      assertThat(minutes.min()).isEqualTo(0.0);
      assertThat(minutes.max()).isEqualTo(351.5);
      assertThat(minutes.distinct()).isEqualTo(1961);
      assertThat(minutes.zeros()).isEqualTo(2);
      // x.quantile([0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99])
      Quantiles q = minutes.quantiles();
      assertThat(q.p1()).isCloseTo(54.198, within(1e-9));
      assertThat(q.p5()).isCloseTo(91.7, within(1e-9));
      assertThat(q.p25()).isCloseTo(143.7, within(1e-9));
      assertThat(q.p50()).isCloseTo(180.1, within(1e-9));
      assertThat(q.p75()).isCloseTo(216.2, within(1e-9));
      assertThat(q.p95()).isCloseTo(271.105, within(1e-9));
      assertThat(q.p99()).isCloseTo(304.60500000000013, within(1e-9));
      // np.histogram(x, bins=20)[0]
      assertThat(minutes.histogram().counts())
          .containsExactly(
              8, 10, 31, 61, 114, 188, 285, 444, 575, 616, 645, 589, 520, 374, 212, 173, 85, 41,
              21, 8);

      // df.churn.value_counts() -> no 4293, yes 707; normalize=True -> 0.8586, 0.1414
      CategoricalProfile churn = (CategoricalProfile) p.column("churn").orElseThrow();
      assertThat(churn.top())
          .containsExactly(
              new CategoryCount("no", 4293, 0.8586), new CategoryCount("yes", 707, 0.1414));

      // df.state.nunique() -> 51 (50 states and DC): high cardinality, not an identifier
      assertThat(p.column("state").orElseThrow().distinct()).isEqualTo(51);
      assertThat(p.warnings("state")).extracting(ProfileWarning::kind)
          .containsExactly(Kind.HIGH_CARDINALITY);
      // v = df.number_customer_service_calls; q1, q3 = v.quantile(.25), v.quantile(.75)
      // ((v < q1 - 3 * (q3 - q1)) | (v > q3 + 3 * (q3 - q1))).sum() -> 51
      NumericProfile calls =
          (NumericProfile) p.column("number_customer_service_calls").orElseThrow();
      assertThat(calls.outliers()).isEqualTo(51);
      assertThat(p.warnings("number_customer_service_calls"))
          .extracting(ProfileWarning::kind)
          .containsExactly(Kind.OUTLIERS);
    }
  }
}
