package dev.churn.drift.monitor;

import static dev.churn.drift.monitor.MonitorFixtures.generated;
import static dev.churn.drift.monitor.MonitorFixtures.hand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.churn.core.metrics.ConfusionMatrix;
import dev.churn.core.table.Table;
import dev.churn.drift.monitor.MonitorFixtures.Cohort;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Unit tests of {@link PerformanceMonitor}.
 *
 * <p>Reference values were printed by scikit-learn 1.2.1 (scipy 1.10.1, Debian 12's
 * python3-sklearn) on the inputs of {@link MonitorFixtures}: {@code roc_auc_score(y, s)}, {@code
 * f1_score(y, rec)}, {@code precision_score(y, rec)} (conversion rate), {@code
 * confusion_matrix(y, rec)} for {@code fn / n} (error rate) and {@code fp / n} (negative hits),
 * and {@code recall_score(y, s >= 0.4)} (the share caught in A and B with cuts 0.7 and 0.4), with
 * {@code rec = s >= 0.7}.
 */
class PerformanceMonitorTest {

  private static final Offset<Double> CLOSE = within(1e-12);

  private static final PerformanceMonitor AT_07 =
      PerformanceMonitor.builder().decisionThreshold(0.7).bucketCuts(0.7, 0.4).build();

  private BufferAllocator allocator;

  @BeforeEach
  void open() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void close() {
    assertThat(allocator.getAllocatedMemory()).as("Arrow memory still held").isZero();
    allocator.close();
  }

  // ---------------------------------------------------------------------------------------------
  // Values against scikit-learn

  @Test
  void evaluate_handSample_matchesScikitLearn() {
    Cohort c = hand();
    PerformanceReport r = AT_07.evaluate(c.scores(), c.labels());

    assertThat(r.confusion()).isEqualTo(new ConfusionMatrix(4, 2, 11, 3));
    assertThat(r.rows()).isEqualTo(20);
    assertThat(r.positives()).isEqualTo(7);
    assertThat(r.recommended()).isEqualTo(6);
    assertThat(r.decision()).isEqualTo("score >= 0.7");
    assertThat(r.value(Metric.ROC_AUC).orElseThrow()).isCloseTo(0.7582417582417582, CLOSE);
    assertThat(r.value(Metric.F1).orElseThrow()).isCloseTo(0.6153846153846153, CLOSE);
    assertThat(r.value(Metric.CONVERSION_RATE).orElseThrow()).isCloseTo(0.6666666666666666, CLOSE);
    assertThat(r.value(Metric.ERROR_RATE).orElseThrow()).isCloseTo(0.15, CLOSE);
    assertThat(r.value(Metric.NEGATIVE_HITS).orElseThrow()).isCloseTo(0.1, CLOSE);
    assertThat(r.value(Metric.CAUGHT_IN_AB).orElseThrow()).isCloseTo(0.8571428571428571, CLOSE);
  }

  @Test
  void evaluate_generatedSampleWithTies_matchesScikitLearn() {
    Cohort c = generated();
    assertThat(c.scores()).startsWith(0.31, 0.98, 0.32);
    assertThat(c.labels()).startsWith(false, true, false);

    PerformanceReport r = AT_07.evaluate(c.scores(), c.labels());

    assertThat(r.confusion()).isEqualTo(new ConfusionMatrix(82, 242, 635, 41));
    assertThat(r.value(Metric.ROC_AUC).orElseThrow()).isCloseTo(0.7484078204522068, CLOSE);
    assertThat(r.value(Metric.F1).orElseThrow()).isCloseTo(0.36689038031319915, CLOSE);
    assertThat(r.value(Metric.CONVERSION_RATE).orElseThrow())
        .isCloseTo(0.25308641975308643, CLOSE);
    assertThat(r.value(Metric.ERROR_RATE).orElseThrow()).isCloseTo(0.041, CLOSE);
    assertThat(r.value(Metric.NEGATIVE_HITS).orElseThrow()).isCloseTo(0.242, CLOSE);
    assertThat(r.value(Metric.CAUGHT_IN_AB).orElseThrow()).isCloseTo(0.9024390243902439, CLOSE);
  }

  // ---------------------------------------------------------------------------------------------
  // Flags

  @Test
  void evaluate_flagsEveryMetricAndTakesTheWorstOverall() {
    Cohort c = hand();
    PerformanceReport r = AT_07.evaluate(c.scores(), c.labels());

    assertThat(r.flag(Metric.ROC_AUC)).isEqualTo(Flag.YELLOW); // 0.758
    assertThat(r.flag(Metric.F1)).isEqualTo(Flag.GREEN); // 0.615
    assertThat(r.flag(Metric.CONVERSION_RATE)).isEqualTo(Flag.GREEN); // 0.667
    assertThat(r.flag(Metric.ERROR_RATE)).isEqualTo(Flag.RED); // 0.15
    assertThat(r.flag(Metric.NEGATIVE_HITS)).isEqualTo(Flag.RED); // 0.10
    assertThat(r.flag(Metric.CAUGHT_IN_AB)).isEqualTo(Flag.UNRATED); // no default rule
    assertThat(r.overall()).isEqualTo(Flag.RED);
    assertThat(r.metric(Metric.ROC_AUC).orElseThrow().rule())
        .isEqualTo("green >= 0.85, yellow >= 0.75, red below");
    assertThat(r.metric(Metric.CAUGHT_IN_AB).orElseThrow().rule()).isEqualTo("unrated");
  }

  @Test
  void evaluate_customRulesChangeTheFlags() {
    PerformanceMonitor lenient =
        PerformanceMonitor.builder()
            .decisionThreshold(0.7)
            .bucketCuts(0.7, 0.4)
            .rule(Metric.ERROR_RATE, FlagRule.atMost(0.2, 0.3))
            .rule(Metric.NEGATIVE_HITS, FlagRule.atMost(0.05, 0.15))
            .rule(Metric.CAUGHT_IN_AB, FlagRule.atLeast(0.9, 0.8))
            .build();
    Cohort c = hand();
    PerformanceReport r = lenient.evaluate(c.scores(), c.labels());

    assertThat(r.flag(Metric.ERROR_RATE)).isEqualTo(Flag.GREEN);
    assertThat(r.flag(Metric.NEGATIVE_HITS)).isEqualTo(Flag.YELLOW);
    assertThat(r.flag(Metric.CAUGHT_IN_AB)).isEqualTo(Flag.YELLOW); // 0.857
    assertThat(r.overall()).isEqualTo(Flag.YELLOW); // AUC yellow too
  }

  @Test
  void evaluate_withoutThresholds_everythingUnrated() {
    PerformanceMonitor plain =
        PerformanceMonitor.builder()
            .decisionThreshold(0.7)
            .thresholds(FlagThresholds.none())
            .build();
    Cohort c = hand();
    PerformanceReport r = plain.evaluate(c.scores(), c.labels());
    assertThat(r.metrics()).extracting(MetricResult::flag).containsOnly(Flag.UNRATED);
    assertThat(r.overall()).isEqualTo(Flag.UNRATED);
  }

  // ---------------------------------------------------------------------------------------------
  // Decisions and buckets

  @Test
  void evaluate_decisionPerRow_overridesTheThreshold() {
    Cohort c = hand();
    boolean[] bucketA = c.recommendedAt(0.8); // only the top four were called
    PerformanceReport r = AT_07.evaluate(c.scores(), bucketA, c.labels());
    assertThat(r.confusion()).isEqualTo(new ConfusionMatrix(3, 1, 12, 4));
    assertThat(r.decision()).isEqualTo("given per row");
    assertThat(r.value(Metric.CONVERSION_RATE).orElseThrow()).isCloseTo(0.75, CLOSE);
  }

  @Test
  void evaluate_bucketsPerRow_giveTheBreakdown() {
    Cohort c = hand();
    String[] buckets = new String[20];
    for (int i = 0; i < 20; i++) {
      buckets[i] = i < 4 ? "A" : i < 10 ? "B" : "C";
    }
    PerformanceReport r =
        AT_07.evaluate(c.scores(), c.recommendedAt(0.7), c.labels(), buckets);
    assertThat(r.buckets())
        .containsExactly(
            new BucketCount("A", 4, 3), new BucketCount("B", 6, 2), new BucketCount("C", 10, 2));
    assertThat(r.value(Metric.CAUGHT_IN_AB).orElseThrow()).isCloseTo(5.0 / 7.0, CLOSE);
  }

  @Test
  void evaluate_bucketCuts_matchRiskBucketsConvention() {
    // A: s >= 0.7 (6 rows), B: 0.4 <= s < 0.7 (7 rows), C below (7 rows).
    Cohort c = hand();
    PerformanceReport r = AT_07.evaluate(c.scores(), c.labels());
    assertThat(r.buckets())
        .containsExactly(
            new BucketCount("A", 6, 4), new BucketCount("B", 7, 2), new BucketCount("C", 7, 1));
  }

  @Test
  void evaluate_withoutBuckets_leavesCaughtOutWithANote() {
    PerformanceMonitor noBuckets = PerformanceMonitor.builder().decisionThreshold(0.7).build();
    Cohort c = hand();
    PerformanceReport r = noBuckets.evaluate(c.scores(), c.labels());
    assertThat(r.metric(Metric.CAUGHT_IN_AB)).isEmpty();
    assertThat(r.buckets()).isEmpty();
    assertThat(r.notes()).singleElement().asString().startsWith("CAUGHT_IN_AB was not computed");
  }

  // ---------------------------------------------------------------------------------------------
  // Undefined metrics

  @Test
  void evaluate_singleClass_leavesAucOutWithANote() {
    double[] s = {0.9, 0.2, 0.8};
    boolean[] y = {false, false, false};
    PerformanceReport r = AT_07.evaluate(s, y);
    assertThat(r.metric(Metric.ROC_AUC)).isEmpty();
    assertThat(r.metric(Metric.CAUGHT_IN_AB)).isEmpty();
    assertThat(r.notes())
        .containsExactly(
            "ROC_AUC is undefined: the labels contain only one class (positives=0, negatives=3)",
            "CAUGHT_IN_AB is undefined: no row is positive");
    assertThat(r.value(Metric.F1).orElseThrow()).isZero();
    assertThat(r.value(Metric.NEGATIVE_HITS).orElseThrow()).isCloseTo(2.0 / 3.0, CLOSE);
  }

  @Test
  void evaluate_nothingRecommended_leavesConversionOut() {
    double[] s = {0.1, 0.2, 0.3};
    boolean[] y = {true, false, false};
    PerformanceReport r = AT_07.evaluate(s, y);
    assertThat(r.metric(Metric.CONVERSION_RATE)).isEmpty();
    assertThat(r.notes()).contains("CONVERSION_RATE is undefined: no row was recommended");
    assertThat(r.value(Metric.ERROR_RATE).orElseThrow()).isCloseTo(1.0 / 3.0, CLOSE);
    assertThat(r.value(Metric.F1).orElseThrow()).isZero();
  }

  // ---------------------------------------------------------------------------------------------
  // Tables

  @Test
  void evaluate_table_readsNamedColumns() {
    Cohort c = hand();
    double[] churned = new double[20];
    String[] buckets = new String[20];
    for (int i = 0; i < 20; i++) {
      churned[i] = c.labels()[i] ? 1 : 0;
      buckets[i] = i < 4 ? "A" : i < 10 ? "B" : "C";
    }
    try (Table t =
        Table.builder(allocator)
            .numeric("probability", c.scores())
            .numeric("churned", churned)
            .bool("called", c.recommendedAt(0.8))
            .categorical("bucket", buckets)
            .build()) {
      PerformanceReport fromThreshold =
          AT_07.evaluate(t, CohortColumns.of("probability", "churned"));
      assertThat(fromThreshold).isEqualTo(AT_07.evaluate(c.scores(), c.labels()));

      PerformanceReport full =
          AT_07.evaluate(
              t,
              CohortColumns.of("probability", "churned")
                  .withRecommended("called")
                  .withBucket("bucket"));
      assertThat(full.decision()).isEqualTo("column 'called'");
      assertThat(full.confusion()).isEqualTo(new ConfusionMatrix(3, 1, 12, 4));
      assertThat(full.buckets().get(0)).isEqualTo(new BucketCount("A", 4, 3));
    }
  }

  @Test
  void evaluate_table_rejectsBadColumns() {
    try (Table t =
        Table.builder(allocator)
            .numeric("p", new double[] {0.2, Double.NaN})
            .numeric("q", new double[] {0.2, 0.3})
            .numeric("y", new double[] {0, 2})
            .categorical("bucket", new String[] {"A", "D"})
            .bool("ok", new boolean[] {true, false})
            .build()) {
      assertThatThrownBy(() -> AT_07.evaluate(t, CohortColumns.of("p", "ok")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("column 'p' has a missing value at row 1 but every row needs a score");
      assertThatThrownBy(() -> AT_07.evaluate(t, CohortColumns.of("q", "y")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("column 'y' was '2' at row 1 but it must be 0 or 1");
      assertThatThrownBy(() -> AT_07.evaluate(t, CohortColumns.of("bucket", "ok")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("column 'bucket' is CATEGORICAL but the score column must be NUMERIC");
      assertThatThrownBy(() -> AT_07.evaluate(t, CohortColumns.of("q", "ok").withBucket("bucket")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("column 'bucket' was 'D' at row 1 but it must be \"A\", \"B\" or \"C\"");
      assertThatThrownBy(() -> AT_07.evaluate(t, CohortColumns.of("q", "nope")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("nope");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Validation

  @Test
  void evaluate_rejectsBadArrays() {
    boolean[] y = {true, false};
    assertThatThrownBy(() -> AT_07.evaluate(null, y))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("scores must not be null");
    assertThatThrownBy(() -> AT_07.evaluate(new double[] {0.1}, y))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("labels.length was '2' but it must equal scores.length (1)");
    assertThatThrownBy(() -> AT_07.evaluate(new double[] {0.1, Double.NaN}, y))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("scores[1] was 'NaN' but it must be a number");
    assertThatThrownBy(() -> AT_07.evaluate(new double[0], new boolean[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("scores has 0 rows but it must have at least one");
    assertThatThrownBy(
            () -> AT_07.evaluate(new double[] {0.1, 0.2}, y, y, new String[] {"A", "a"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("buckets[1] was 'a' but it must be \"A\", \"B\" or \"C\"");
  }

  @Test
  void evaluate_withoutThreshold_saysWhatToDo() {
    PerformanceMonitor m = PerformanceMonitor.builder().build();
    assertThatThrownBy(() -> m.evaluate(new double[] {0.1}, new boolean[] {true}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("decisionThreshold(t)");
  }

  @Test
  void builder_validatesEarlyAndStaysReusable() {
    assertThatThrownBy(() -> PerformanceMonitor.builder().decisionThreshold(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("decisionThreshold was 'NaN' but it must be finite");
    assertThatThrownBy(() -> PerformanceMonitor.builder().bucketCuts(0.2, 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("aCut was '0.2' but it must be > bCut (0.5)");
    assertThatThrownBy(
            () -> PerformanceMonitor.builder().rule(Metric.F1, FlagRule.atMost(0.1, 0.2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rule of F1");

    PerformanceMonitor.Builder b = PerformanceMonitor.builder().decisionThreshold(0.5);
    PerformanceMonitor first = b.build();
    PerformanceMonitor second = b.decisionThreshold(0.6).build();
    assertThat(first.decisionThreshold()).hasValue(0.5);
    assertThat(second.decisionThreshold()).hasValue(0.6);
    assertThat(first.bucketCutA()).isEmpty();
  }

  @Test
  void evaluate_doesNotModifyInputs() {
    Cohort c = generated();
    double[] scores = c.scores().clone();
    boolean[] labels = c.labels().clone();
    AT_07.evaluate(scores, labels);
    assertThat(scores).isEqualTo(c.scores());
    assertThat(Arrays.equals(labels, c.labels())).isTrue();
  }

  // ---------------------------------------------------------------------------------------------
  // Results

  @Test
  void report_serializesToJson() throws Exception {
    Cohort c = hand();
    PerformanceReport r = AT_07.evaluate(c.scores(), c.labels());
    JsonNode json = new ObjectMapper().valueToTree(r);

    assertThat(json.get("overall").asText()).isEqualTo("RED");
    assertThat(json.get("rows").asLong()).isEqualTo(20);
    assertThat(json.get("confusion").get("tp").asLong()).isEqualTo(4);
    JsonNode auc = json.get("metrics").get(0);
    assertThat(auc.get("metric").asText()).isEqualTo("ROC_AUC");
    assertThat(auc.get("value").asDouble()).isCloseTo(0.7582417582417582, CLOSE);
    assertThat(auc.get("flag").asText()).isEqualTo("YELLOW");
    assertThat(json.get("buckets").get(2).get("bucket").asText()).isEqualTo("C");
    assertThat(json.get("notes").isArray()).isTrue();
  }

  @Test
  void report_rejectsInconsistentParts() {
    ConfusionMatrix m = new ConfusionMatrix(1, 1, 1, 1);
    MetricResult red = new MetricResult(Metric.F1, 0.1, Flag.RED, "x");
    assertThatThrownBy(
            () -> new PerformanceReport(4, 2, 2, "d", m, List.of(red), List.of(), Flag.GREEN,
                List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("overall was 'GREEN' but it must be the worst metric flag, RED");
    assertThatThrownBy(
            () -> new PerformanceReport(5, 2, 2, "d", m, List.of(), List.of(), Flag.UNRATED,
                List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MetricResult(Metric.F1, Double.NaN, Flag.RED, "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
