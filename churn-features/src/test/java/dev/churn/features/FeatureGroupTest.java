package dev.churn.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FeatureGroupTest {
  private static FeatureGroup listening() {
    return FeatureGroup.named("listening")
        .from("user_logs")
        .window(Duration.ofDays(30), w -> w.sum("total_secs").mean("num_unq").count()
            .distinctDays().as("days_active_30d"))
        .window(Duration.ofDays(7), w -> w.sum("num_100"))
        .trend("total_secs", Duration.ofDays(30))
        .recency()
        .ratio("secs_per_day", "total_secs_sum_30d", "days_active_30d")
        .build();
  }

  @Test
  void build_namesFeaturesInOrder() {
    assertThat(listening().featureNames()).containsExactly(
        "total_secs_sum_30d", "num_unq_mean_30d", "count_30d", "days_active_30d",
        "num_100_sum_7d", "total_secs_trend_30d", "days_since_last", "secs_per_day");
  }

  @Test
  void version_followsTheDefinition() {
    FeatureGroup a = listening();
    FeatureGroup b = listening();
    FeatureGroup c = FeatureGroup.named("listening").from("user_logs")
        .window(Duration.ofDays(14), w -> w.sum("total_secs")).build();
    assertThat(a.version()).isEqualTo(b.version()).hasSize(12);
    assertThat(c.version()).isNotEqualTo(a.version());
  }

  @Test
  void json_roundTrips() {
    FeatureGroup a = listening();
    FeatureGroup back = FeatureGroup.fromJson(a.toJson());
    assertThat(back).isEqualTo(a);
    assertThat(back.featureNames()).isEqualTo(a.featureNames());
    assertThat(back.fingerprint()).isEqualTo(a.fingerprint());
  }

  @Test
  void build_reportsEveryProblemAtOnce() {
    assertThatThrownBy(() -> FeatureGroup.named("g")
            .window(Duration.ofDays(7), w -> w.count().count())
            .columns("city")
            .ratio("r", "count_7d", "nope")
            .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("source was not set")
        .hasMessageContaining("declare them in two groups")
        .hasMessageContaining("feature 'count_7d' is declared twice")
        .hasMessageContaining("ratio 'r' uses 'nope'");
  }

  @Test
  void window_mustBeWholeDays() {
    assertThatThrownBy(() -> FeatureGroup.named("g").window(Duration.ofHours(36), w -> w.count()))
        .hasMessageContaining("whole number of days");
    assertThatThrownBy(() -> FeatureGroup.named("g").trend("x", Duration.ofDays(7)))
        .hasMessageContaining("must be even");
  }

  @Test
  void names_areChecked() {
    assertThatThrownBy(() -> FeatureGroup.named("../etc"))
        .hasMessageContaining("group name was '../etc'");
    assertThatThrownBy(() -> FeatureGroup.named("ok").from("a/b"))
        .hasMessageContaining("source name was 'a/b'");
  }

  @Test
  void as_withoutAggregationFails() {
    assertThatThrownBy(() -> FeatureGroup.named("g").window(Duration.ofDays(3), w -> w.as("x")))
        .isInstanceOf(IllegalStateException.class);
  }
}
