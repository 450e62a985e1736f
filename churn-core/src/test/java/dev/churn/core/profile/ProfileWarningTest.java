package dev.churn.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.churn.core.profile.ProfileWarning.Kind;
import dev.churn.core.table.Table;
import dev.churn.core.table.TableBuilder;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each warning kind fires when it should and stays quiet when it should not. */
class ProfileWarningTest {
  private static final double NAN = Double.NaN;

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

  private DataProfile profile(UnaryOperator<TableBuilder> columns) {
    return profile(columns, ProfileOptions.defaults());
  }

  private DataProfile profile(UnaryOperator<TableBuilder> columns, ProfileOptions options) {
    try (Table t = columns.apply(Table.builder(allocator)).build()) {
      return DataProfile.of(t, options);
    }
  }

  private static List<Kind> kinds(DataProfile p, String column) {
    return p.warnings(column).stream().map(ProfileWarning::kind).toList();
  }

  private static double[] range(int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = i;
    }
    return v;
  }

  private static String[] labels(int n, int distinct) {
    String[] v = new String[n];
    for (int i = 0; i < n; i++) {
      v[i] = "c" + (i % distinct);
    }
    return v;
  }

  private static String[] twoValues(int n, int rare) {
    String[] v = new String[n];
    Arrays.fill(v, "no");
    Arrays.fill(v, 0, rare, "yes");
    return v;
  }

  @Test
  void constant_firesForOneValueAndForAllMissing() {
    DataProfile p =
        profile(
            b ->
                b.numeric("one", new double[] {5, 5, NAN, 5})
                    .categorical("gone", new String[] {null, null, null, null})
                    .numeric("two", new double[] {5, 6, 5, 5}));
    assertThat(kinds(p, "one")).containsExactly(Kind.CONSTANT);
    assertThat(p.warnings("one").get(0).message())
        .isEqualTo("column 'one' has one value, 5, in all 3 non-missing rows");
    assertThat(kinds(p, "gone")).containsExactly(Kind.CONSTANT, Kind.HIGH_MISSING);
    assertThat(p.warnings("gone").get(0).message())
        .isEqualTo("column 'gone' has no value: all 4 rows are missing");
    assertThat(kinds(p, "two")).doesNotContain(Kind.CONSTANT);
  }

  @Test
  void highMissing_firesAtTheThresholdAndFollowsOptions() {
    UnaryOperator<TableBuilder> cols =
        b ->
            b.numeric("half", new double[] {1, NAN, 2, NAN})
                .numeric("quarter", new double[] {1, NAN, 2, 3});
    DataProfile p = profile(cols);
    assertThat(kinds(p, "half")).containsExactly(Kind.HIGH_MISSING);
    assertThat(p.warnings("half").get(0).message())
        .isEqualTo("column 'half' is 50.0 % missing (2 of 4 rows)");
    assertThat(kinds(p, "quarter")).isEmpty();

    DataProfile strict = profile(cols, ProfileOptions.defaults().withHighMissingShare(0.25));
    assertThat(kinds(strict, "quarter")).containsExactly(Kind.HIGH_MISSING);
  }

  @Test
  void idLike_firesForNearlyDistinctCategoriesIdColumnsAndDistinctIntegers() {
    String[] sixtyOf60 = labels(60, 60);
    String[] fiftySixOf60 = labels(60, 56); // 0.933 < 0.95
    String[] fortyNineOf49 = labels(49, 49); // too few rows
    double[] continuous = range(60);
    for (int i = 0; i < continuous.length; i++) {
      continuous[i] += 0.5;
    }
    DataProfile p =
        profile(
            b ->
                b.categorical("distinct", sixtyOf60)
                    .categorical("almost", fiftySixOf60)
                    .numeric("integers", range(60))
                    .numeric("continuous", continuous)
                    .id("customer", labels(60, 3)));
    assertThat(kinds(p, "distinct")).containsExactly(Kind.ID_LIKE);
    assertThat(kinds(p, "almost")).containsExactly(Kind.HIGH_CARDINALITY);
    assertThat(kinds(p, "integers")).containsExactly(Kind.ID_LIKE);
    assertThat(kinds(p, "continuous")).isEmpty();
    assertThat(kinds(p, "customer")).containsExactly(Kind.ID_LIKE);

    DataProfile small = profile(b -> b.categorical("few", fortyNineOf49).numeric("n", range(49)));
    assertThat(small.warnings()).isEmpty();
  }

  @Test
  void highCardinality_firesAtFiftyCategories() {
    DataProfile p =
        profile(
            b -> b.categorical("fifty", labels(100, 50)).categorical("fortyNine", labels(100, 49)));
    assertThat(kinds(p, "fifty")).containsExactly(Kind.HIGH_CARDINALITY);
    assertThat(p.warnings("fifty").get(0).message()).startsWith("column 'fifty' has 50 categories");
    assertThat(kinds(p, "fortyNine")).isEmpty();
    DataProfile lower =
        profile(b -> b.categorical("k", labels(100, 10)), ProfileOptions.defaults().withHighCardinality(10));
    assertThat(kinds(lower, "k")).containsExactly(Kind.HIGH_CARDINALITY);
  }

  @Test
  void outliers_firesBeyondFarOutFencesOnlyWithPositiveIqr() {
    double[] spike = new double[21];
    for (int i = 0; i < 20; i++) {
      spike[i] = i % 5; // Q1 = 1, Q3 = 3 over the first 20; IQR 2
    }
    spike[20] = 100;
    double[] flat = new double[51];
    flat[49] = 1;
    flat[50] = 1000; // IQR 0: Q1 = Q3 = 0
    DataProfile p = profile(b -> b.numeric("spike", spike).numeric("plain", range(21)));
    assertThat(kinds(p, "spike")).containsExactly(Kind.OUTLIERS);
    assertThat(p.warnings("spike").get(0).message())
        .isEqualTo(
            "column 'spike' has 1 outlier (4.8 % of non-missing rows) outside Tukey's fences"
                + " [-5, 9] = Q1 - 3*IQR, Q3 + 3*IQR");
    assertThat(kinds(p, "plain")).isEmpty();

    DataProfile zeroIqr = profile(b -> b.numeric("flat", flat));
    assertThat(kinds(zeroIqr, "flat")).isEmpty();
    assertThat(((NumericProfile) zeroIqr.columns().get(0)).outliers()).isZero();
  }

  @Test
  void imbalanced_firesBelowFivePercentForBooleansCategoricalsAndBinaryNumbers() {
    boolean[] twoPercent = new boolean[100];
    twoPercent[0] = true;
    twoPercent[1] = true;
    boolean[] fivePercent = new boolean[100];
    Arrays.fill(fivePercent, 0, 5, true);
    double[] zeroOne = new double[100];
    zeroOne[99] = 1;
    DataProfile p =
        profile(
            b ->
                b.bool("rare", twoPercent)
                    .bool("five", fivePercent)
                    .categorical("churn", twoValues(100, 3))
                    .categorical("balanced", twoValues(100, 40))
                    .numeric("label", zeroOne));
    assertThat(kinds(p, "rare")).containsExactly(Kind.IMBALANCED);
    assertThat(p.warnings("rare").get(0).message())
        .isEqualTo(
            "column 'rare' has two values and the rarer one, true, is only 2.0 % (2 of 100"
                + " non-missing rows)");
    assertThat(kinds(p, "five")).isEmpty();
    assertThat(kinds(p, "churn")).containsExactly(Kind.IMBALANCED);
    assertThat(p.warnings("churn").get(0).message()).contains("'yes'");
    assertThat(kinds(p, "balanced")).isEmpty();
    assertThat(kinds(p, "label")).containsExactly(Kind.IMBALANCED);
  }

  @Test
  void duplicateRows_countsLikePandasDuplicated() {
    // df = pd.DataFrame({"n": [1.0, 1.0, nan, nan, 2.0, 1.0, -0.0, 0.0],
    //                    "c": ["a", "a", "b", "b", None, "a", "z", "z"]})
    // df.duplicated().sum() -> 4
    DataProfile p =
        profile(
            b ->
                b.numeric("n", new double[] {1, 1, NAN, NAN, 2, 1, -0.0, 0.0})
                    .categorical("c", new String[] {"a", "a", "b", "b", null, "a", "z", "z"}));
    assertThat(p.duplicateRows()).hasValue(4);
    assertThat(p.tableWarnings()).extracting(ProfileWarning::kind).containsExactly(Kind.DUPLICATE_ROWS);
    assertThat(p.tableWarnings().get(0).message())
        .isEqualTo("4 rows (50.0 %) repeat an earlier row exactly");
    assertThat(p.tableWarnings().get(0).column()).isEmpty();

    DataProfile unique = profile(b -> b.numeric("n", range(5)).id("id", labels(5, 5)));
    assertThat(unique.duplicateRows()).hasValue(0);
    assertThat(unique.tableWarnings()).isEmpty();

    DataProfile off =
        profile(b -> b.numeric("n", new double[] {1, 1}), ProfileOptions.defaults().withDuplicateRows(false));
    assertThat(off.duplicateRows()).isEmpty();
    assertThat(off.tableWarnings()).isEmpty();
  }

  @Test
  void empty_firesForATableWithoutRows() {
    DataProfile p = profile(b -> b.numeric("n", new double[0]).categorical("k", new String[0]));
    assertThat(p.rows()).isZero();
    assertThat(p.warnings()).extracting(ProfileWarning::kind).containsExactly(Kind.EMPTY);
    assertThat(p.columns().get(0).missingShare()).isZero();
  }

  @Test
  void options_reportEveryBrokenFieldAtOnce() {
    assertThatThrownBy(
            () ->
                ProfileOptions.defaults()
                    .withHistogramBins(0)
                    .withHighMissingShare(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("histogramBins was '0' but it must be in [1, 10000]");
    assertThatThrownBy(
            () ->
                new ProfileOptions(0, 2, 0, 1, -1, 0.6, 0, 0, 0, -1, true))
        .hasMessageContaining("highMissingShare was '0.0'")
        .hasMessageContaining("idLikeDistinctShare was '2.0'")
        .hasMessageContaining("idLikeMinRows was '0'")
        .hasMessageContaining("highCardinality was '1'")
        .hasMessageContaining("outlierFence was '-1.0'")
        .hasMessageContaining("imbalancedShare was '0.6'")
        .hasMessageContaining("topCategories was '0'")
        .hasMessageContaining("histogramBins was '0'")
        .hasMessageContaining("maxDateBins was '0'")
        .hasMessageContaining("idExamples was '-1'");
    assertThat(ProfileOptions.defaults().outlierFence()).isEqualTo(3.0);
  }
}
