package dev.churn.models.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.churn.core.time.Period;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeSplitTest {

  private static final Period JAN = Period.of(2017, 1);
  private static final Period FEB = Period.of(2017, 2);
  private static final Period MAR = Period.of(2017, 3);
  private static final Period APR = Period.of(2017, 4);
  private static final Period MAY = Period.of(2017, 5);

  /** Rows in shuffled period order, as a snapshot table rarely is sorted. */
  private static final Period[] ROWS = {MAR, JAN, APR, FEB, JAN, MAY, MAR, APR, FEB, MAY, JAN};

  @Test
  void periods_areDistinctAndAscending() {
    TimeSplit<Period> split = TimeSplit.ofPeriods(ROWS);
    assertThat(split.periods()).containsExactly(JAN, FEB, MAR, APR, MAY);
    assertThat(split.rows()).isEqualTo(11);
  }

  @Test
  void holdout_trainsBeforeTheCutAndValidatesOnThePeriod() {
    Fold fold = TimeSplit.ofPeriods(ROWS).holdout(APR, APR);
    assertThat(fold.train()).containsExactly(0, 1, 3, 4, 6, 8, 10);
    assertThat(fold.test()).containsExactly(2, 7);
    assertThat(fold.description()).isEqualTo("train before 2017-04, validate 2017-04");
  }

  @Test
  void holdout_withAGap_leavesTheGapOut() {
    // train on Jan-Feb, validate on Apr: March's labels may not be known yet
    Fold fold = TimeSplit.ofPeriods(ROWS).holdout(MAR, APR);
    assertThat(fold.train()).containsExactly(1, 3, 4, 8, 10);
    assertThat(fold.test()).containsExactly(2, 7);
  }

  @Test
  void holdout_range_validatesOnEveryPeriodInIt() {
    Fold fold = TimeSplit.ofPeriods(ROWS).holdout(MAR, MAR, Period.of(2017, 12));
    assertThat(fold.test()).containsExactly(0, 2, 5, 6, 7, 9);
    assertThat(fold.description()).isEqualTo("train before 2017-03, validate 2017-03 to 2017-12");
  }

  @Test
  void holdout_invalid_saysWhy() {
    TimeSplit<Period> split = TimeSplit.ofPeriods(ROWS);
    assertThatThrownBy(() -> split.holdout(APR, MAR))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("validateFrom 2017-03 is before trainBefore 2017-04");
    assertThatThrownBy(() -> split.holdout(JAN, MAR))
        .hasMessageContaining("no row is before trainBefore 2017-01; the data starts at 2017-01");
    assertThatThrownBy(() -> split.holdout(APR, Period.of(2017, 7)))
        .hasMessageContaining("no row is between 2017-07 and 2017-07")
        .hasMessageContaining("5 periods, 2017-01 to 2017-05");
  }

  @Test
  void expanding_validatesOnEachOfTheLastPeriodsWithAllEarlierOnes() {
    List<Fold> folds = TimeSplit.ofPeriods(ROWS).expanding(3);
    assertThat(folds).hasSize(3);
    assertThat(folds.get(0).train()).containsExactly(1, 3, 4, 8, 10);
    assertThat(folds.get(0).test()).containsExactly(0, 6);
    assertThat(folds.get(0).description()).isEqualTo("train 2017-01 to 2017-02, validate 2017-03");
    assertThat(folds.get(1).train()).containsExactly(0, 1, 3, 4, 6, 8, 10);
    assertThat(folds.get(1).test()).containsExactly(2, 7);
    assertThat(folds.get(2).train()).containsExactly(0, 1, 2, 3, 4, 6, 7, 8, 10);
    assertThat(folds.get(2).test()).containsExactly(5, 9);
    assertThat(folds).extracting(Fold::index).containsExactly(0, 1, 2);
  }

  @Test
  void expanding_nOutOfRange_isRejected() {
    TimeSplit<Period> split = TimeSplit.ofPeriods(ROWS);
    assertThatThrownBy(() -> split.expanding(5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("n was 5 but it must be within [1, 4]");
    assertThatThrownBy(() -> split.expanding(0)).hasMessageContaining("n was 0");
    assertThatThrownBy(() -> TimeSplit.ofPeriods(new Period[] {JAN, JAN}).expanding(1))
        .hasMessageContaining("within [1, 0]")
        .hasMessageContaining("one period, 2017-01");
  }

  @Test
  void ofEpochDays_keysRowsByDate() {
    int d0 = (int) LocalDate.of(2024, 3, 1).toEpochDay();
    int[] days = {d0 + 2, d0, d0 + 1, d0 + 2, d0, d0 + 7};
    TimeSplit<LocalDate> split = TimeSplit.ofEpochDays(days);
    assertThat(split.periods())
        .containsExactly(
            LocalDate.of(2024, 3, 1),
            LocalDate.of(2024, 3, 2),
            LocalDate.of(2024, 3, 3),
            LocalDate.of(2024, 3, 8));
    Fold fold =
        split.holdout(
            LocalDate.of(2024, 3, 3), LocalDate.of(2024, 3, 3), LocalDate.of(2024, 3, 31));
    assertThat(fold.train()).containsExactly(1, 2, 4);
    assertThat(fold.test()).containsExactly(0, 3, 5);
    List<Fold> folds = split.expanding(1);
    assertThat(folds.get(0).test()).containsExactly(5);
    assertThat(folds.get(0).trainSize()).isEqualTo(5);
  }

  @Test
  void factories_rejectMissingKeys() {
    assertThatThrownBy(() -> TimeSplit.ofPeriods(new Period[] {JAN, null}))
        .hasMessage("rowPeriods[1] must not be null");
    assertThatThrownBy(() -> TimeSplit.ofEpochDays(new int[0])).hasMessageContaining("empty");
  }
}
