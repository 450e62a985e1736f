package dev.churn.examples.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.churn.core.time.Period;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Validation messages and defaults of {@link KkboxSimulator.Builder}. */
class KkboxSimulatorBuilderTest {

  private static void rejects(Runnable setter, String message) {
    assertThatThrownBy(setter::run)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void setters_outOfRange_nameTheFieldTheValueAndTheRule() {
    KkboxSimulator.Builder b = KkboxSimulator.builder();
    rejects(() -> b.members(0), "members was '0' but it must be between 1 and 100000000");
    rejects(() -> b.months(241), "months was '241' but it must be between 1 and 240");
    rejects(
        () -> b.startMonth(Period.of(1999, 12)),
        "startMonth was '1999-12' but it must be between 2000-01 and 2999-12");
    rejects(() -> b.churnRate(0.6), "churnRate was '0.6' but it must be between 0.01 and 0.5");
    rejects(() -> b.churnRate(Double.NaN),
        "churnRate was 'NaN' but it must be between 0.01 and 0.5");
    rejects(() -> b.dataDriftAt(0),
        "dataDriftAt was '0' but it must be at least 1 (the first simulated month)");
    rejects(() -> b.conceptDriftAt(-2),
        "conceptDriftAt was '-2' but it must be at least 1 (the first simulated month)");
    rejects(() -> b.newMembersPerMonth(-1), "newMembersPerMonth was '-1' but it must be at least 0");
    rejects(() -> b.ageOutOfRangeRate(-0.1),
        "ageOutOfRangeRate was '-0.1' but it must be between 0 and 1");
    rejects(() -> b.missingGenderRate(1.5),
        "missingGenderRate was '1.5' but it must be between 0 and 1");
    rejects(() -> b.duplicateTransactionRate(Double.NaN),
        "duplicateTransactionRate was 'NaN' but it must be between 0 and 1");
    rejects(() -> b.extremeTotalSecsRate(2),
        "extremeTotalSecsRate was '2.0' but it must be between 0 and 1");
    rejects(() -> b.threads(0), "threads was '0' but it must be between 1 and 256");
    rejects(
        () -> b.userLogsBetween(LocalDate.of(2016, 3, 1), LocalDate.of(2016, 2, 1)),
        "userLogsBetween was '2016-03-01..2016-02-01' but it must be a range whose end is not "
            + "before its start");
    assertThatThrownBy(() -> b.startMonth(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("startMonth");
    assertThatThrownBy(() -> b.progress(null)).isInstanceOf(NullPointerException.class);
    // a rejected value leaves the builder unchanged
    assertThat(b.build().members()).isEqualTo(10_000);
  }

  @Test
  void build_inconsistentSettings_reportsEveryProblemAtOnce() {
    rejects(
        () -> KkboxSimulator.builder().months(6).dataDriftAt(7).conceptDriftAt(9).build(),
        "dataDriftAt was '7' but it must be at most months (6); "
            + "conceptDriftAt was '9' but it must be at most months (6)");
    rejects(
        () ->
            KkboxSimulator.builder()
                .months(2)
                .userLogsBetween(LocalDate.of(2016, 3, 1), LocalDate.of(2016, 4, 1))
                .build(),
        "userLogsBetween was '2016-03-01..2016-04-01' but it must be a range overlapping the "
            + "simulated days 2016-01-01..2016-02-29");
    rejects(
        () -> KkboxSimulator.builder().members(90_000_000).newMembersPerMonth(1_000_000)
            .months(20).build(),
        "members + newMembersPerMonth * months was '110000000' but it must be at most 100000000");
  }

  @Test
  void build_defaults() {
    KkboxSimulator sim = KkboxSimulator.builder().build();
    assertThat(sim.members()).isEqualTo(10_000);
    assertThat(sim.months()).isEqualTo(6);
    assertThat(sim.startMonth()).isEqualTo(Period.of(2016, 1));
    assertThat(sim.seed()).isEqualTo(42);
    assertThat(sim.churnRate()).isEqualTo(0.08);
    assertThat(sim.dataDriftAt()).isEmpty();
    assertThat(sim.conceptDriftAt()).isEmpty();
    assertThat(sim.newMembersPerMonth()).isEqualTo(480);
    assertThat(sim.userLogsPerMonth()).isFalse();
    assertThat(sim.userLogsFrom()).isEmpty();
    assertThat(sim.threads()).isBetween(1, 8);
  }

  @Test
  void build_leavesTheBuilderReusable() {
    KkboxSimulator.Builder b = KkboxSimulator.builder().members(100).dataDriftAt(3);
    KkboxSimulator first = b.build();
    KkboxSimulator second = b.members(200).noDrift().newMembersPerMonth(7).build();
    assertThat(first.members()).isEqualTo(100);
    assertThat(first.dataDriftAt()).hasValue(3);
    assertThat(second.members()).isEqualTo(200);
    assertThat(second.dataDriftAt()).isEmpty();
    assertThat(second.newMembersPerMonth()).isEqualTo(7);
  }

  @Test
  void fileNames_useYearAndMonth() {
    assertThat(KkboxSimulator.labelsFileName(Period.of(2017, 3))).isEqualTo("train_201703.csv");
    assertThat(KkboxSimulator.userLogsFileName(Period.of(2016, 11)))
        .isEqualTo("user_logs_201611.csv");
  }
}
