package dev.churn.drift.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlagThresholdsTest {

  @Test
  void defaults_areTheSeedPlansThresholds() {
    FlagThresholds d = FlagThresholds.defaults();
    assertThat(d.rules())
        .containsExactly(
            Map.entry(Metric.ROC_AUC, FlagRule.atLeast(0.85, 0.75)),
            Map.entry(Metric.F1, FlagRule.atLeast(0.20, 0.15)),
            Map.entry(Metric.CONVERSION_RATE, FlagRule.atLeast(0.15, 0.10)),
            Map.entry(Metric.ERROR_RATE, FlagRule.atMost(0.05, 0.10)),
            Map.entry(Metric.NEGATIVE_HITS, FlagRule.atMost(0.02, 0.05)));
    assertThat(d.rule(Metric.CAUGHT_IN_AB)).isEmpty();
    assertThat(d.flag(Metric.CAUGHT_IN_AB, 0.1)).isEqualTo(Flag.UNRATED);
  }

  @Test
  void defaults_flagThePlansExamples() {
    FlagThresholds d = FlagThresholds.defaults();
    assertThat(d.flag(Metric.ROC_AUC, 0.884)).isEqualTo(Flag.GREEN); // the plan's current AUC
    assertThat(d.flag(Metric.F1, 0.212)).isEqualTo(Flag.GREEN); // and F1
    assertThat(d.flag(Metric.ROC_AUC, 0.80)).isEqualTo(Flag.YELLOW);
    assertThat(d.flag(Metric.F1, 0.14)).isEqualTo(Flag.RED);
    assertThat(d.flag(Metric.CONVERSION_RATE, 0.12)).isEqualTo(Flag.YELLOW);
    assertThat(d.flag(Metric.ERROR_RATE, 0.11)).isEqualTo(Flag.RED);
    assertThat(d.flag(Metric.NEGATIVE_HITS, 0.03)).isEqualTo(Flag.YELLOW);
  }

  @Test
  void builder_changesOneRuleAndStaysReusable() {
    FlagThresholds.Builder b =
        FlagThresholds.defaults().toBuilder().rule(Metric.F1, FlagRule.atLeast(0.3, 0.25));
    FlagThresholds first = b.build();
    FlagThresholds second = b.remove(Metric.NEGATIVE_HITS).build();
    assertThat(first.flag(Metric.F1, 0.26)).isEqualTo(Flag.YELLOW);
    assertThat(first.rule(Metric.NEGATIVE_HITS)).isPresent();
    assertThat(second.rule(Metric.NEGATIVE_HITS)).isEmpty();
    assertThat(FlagThresholds.defaults().flag(Metric.F1, 0.26)).isEqualTo(Flag.GREEN);
  }

  @Test
  void rule_mustPointInTheMetricsDirection() {
    assertThatThrownBy(
            () -> FlagThresholds.builder().rule(Metric.ERROR_RATE, FlagRule.atLeast(0.1, 0.05)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("rule of ERROR_RATE was 'green >= 0.1, yellow >= 0.05, red below'")
        .hasMessageEndingWith("must be FlagRule.atMost(...) because lower is better");
    Map<Metric, FlagRule> wrong = new EnumMap<>(Metric.class);
    wrong.put(Metric.ROC_AUC, FlagRule.atMost(0.1, 0.2));
    assertThatThrownBy(() -> new FlagThresholds(wrong))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rule of ROC_AUC");
  }

  @Test
  void rules_areImmutable() {
    assertThatThrownBy(() -> FlagThresholds.defaults().rules().remove(Metric.F1))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(FlagThresholds.none().rules()).isEmpty();
  }
}
