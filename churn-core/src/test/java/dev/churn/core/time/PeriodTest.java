package dev.churn.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodTest {

  @Test
  void of_validYearMonth_exposesFields() {
    Period p = Period.of(2017, 3);

    assertThat(p.year()).isEqualTo(2017);
    assertThat(p.month()).isEqualTo(3);
    assertThat(p.yearMonth()).isEqualTo(YearMonth.of(2017, 3));
    assertThat(p).isEqualTo(Period.of(YearMonth.of(2017, 3)));
  }

  @Test
  void of_invalidMonth_throwsNamingMonth() {
    assertThatThrownBy(() -> Period.of(2017, 13))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("month must be 1-12, but was 13");
    assertThatThrownBy(() -> Period.of(10000, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("year")
        .hasMessageContaining("10000");
  }

  @Test
  void toString_anyPeriod_isZeroPaddedYearDashMonth() {
    assertThat(Period.of(2017, 3)).hasToString("2017-03");
    assertThat(Period.of(2017, 12)).hasToString("2017-12");
    assertThat(Period.of(987, 1)).hasToString("0987-01");
  }

  @Test
  void parse_validText_roundTripsWithToString() {
    assertThat(Period.parse("2017-03")).isEqualTo(Period.of(2017, 3));
    assertThat(Period.parse("0001-01")).isEqualTo(Period.of(1, 1));
    assertThat(Period.parse(new StringBuilder("9999-12"))).isEqualTo(Period.of(9999, 12));
  }

  @Test
  void parse_invalidText_throwsQuotingText() {
    for (String bad : List.of("2017-3", "2017-13", "2017-00", "17-03", "2017/03", "2017-03-01", "+017-03", "0000-01", " 2017-03", "2017-0a")) {
      assertThatThrownBy(() -> Period.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'" + bad + "'");
    }
  }

  @Test
  void containing_anyDayOfMonth_givesThatMonth() {
    assertThat(Period.containing(LocalDate.of(2017, 3, 1))).isEqualTo(Period.of(2017, 3));
    assertThat(Period.containing(LocalDate.of(2017, 3, 31))).isEqualTo(Period.of(2017, 3));
  }

  @Test
  void firstDayLastDayAsOf_variousMonths_matchCalendar() {
    Period feb2016 = Period.of(2016, 2);
    Period feb2017 = Period.of(2017, 2);

    assertThat(feb2016.firstDay()).isEqualTo(LocalDate.of(2016, 2, 1));
    assertThat(feb2016.lastDay()).isEqualTo(LocalDate.of(2016, 2, 29));
    assertThat(feb2017.lastDay()).isEqualTo(LocalDate.of(2017, 2, 28));
    assertThat(Period.of(2017, 4).lastDay()).isEqualTo(LocalDate.of(2017, 4, 30));
    assertThat(feb2017.asOf()).isEqualTo(feb2017.firstDay());
  }

  @Test
  void nextPrevious_acrossYearBoundary_wrap() {
    assertThat(Period.of(2017, 12).next()).isEqualTo(Period.of(2018, 1));
    assertThat(Period.of(2018, 1).previous()).isEqualTo(Period.of(2017, 12));
    assertThat(Period.of(2017, 3).plusMonths(0)).isEqualTo(Period.of(2017, 3));
    assertThat(Period.of(2017, 3).plusMonths(22)).isEqualTo(Period.of(2019, 1));
    assertThat(Period.of(2017, 3).plusMonths(-15)).isEqualTo(Period.of(2015, 12));
  }

  @Test
  void plusMonths_beyondYearRange_throws() {
    assertThatThrownBy(() -> Period.of(9999, 12).next())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("9999-12");
    assertThatThrownBy(() -> Period.of(1, 1).previous()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Period.of(2017, 1).plusMonths(Long.MAX_VALUE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void contains_datesAroundMonth_onlyInsideMonth() {
    Period march = Period.of(2017, 3);

    assertThat(march.contains(LocalDate.of(2017, 3, 1))).isTrue();
    assertThat(march.contains(LocalDate.of(2017, 3, 31))).isTrue();
    assertThat(march.contains(LocalDate.of(2017, 2, 28))).isFalse();
    assertThat(march.contains(LocalDate.of(2017, 4, 1))).isFalse();
    assertThat(march.contains(LocalDate.of(2016, 3, 15))).isFalse();
  }

  @Test
  void monthsUntil_laterAndEarlier_isSigned() {
    Period march = Period.of(2017, 3);

    assertThat(march.monthsUntil(march)).isZero();
    assertThat(march.monthsUntil(Period.of(2018, 2))).isEqualTo(11);
    assertThat(march.monthsUntil(Period.of(2016, 3))).isEqualTo(-12);
  }

  @Test
  void range_fromBeforeTo_isInclusiveAndOrdered() {
    List<Period> range = Period.range(Period.of(2016, 11), Period.of(2017, 2));

    assertThat(range)
        .containsExactly(Period.of(2016, 11), Period.of(2016, 12), Period.of(2017, 1), Period.of(2017, 2));
    assertThat(Period.range(Period.of(2017, 1), Period.of(2017, 1))).containsExactly(Period.of(2017, 1));
  }

  @Test
  void range_toBeforeFrom_throwsNamingBoth() {
    assertThatThrownBy(() -> Period.range(Period.of(2017, 3), Period.of(2017, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("toInclusive 2017-01 must not be before from 2017-03");
  }

  @Test
  void compareTo_shuffled_sortsChronologically() {
    List<Period> periods =
        new ArrayList<>(List.of(Period.of(2017, 1), Period.of(2016, 12), Period.of(2017, 10), Period.of(2017, 2)));
    Collections.sort(periods);

    assertThat(periods)
        .containsExactly(Period.of(2016, 12), Period.of(2017, 1), Period.of(2017, 2), Period.of(2017, 10));
    assertThat(Period.of(2016, 12).isBefore(Period.of(2017, 1))).isTrue();
    assertThat(Period.of(2017, 1).isAfter(Period.of(2016, 12))).isTrue();
  }

  @Test
  void jackson_period_isWrittenAndReadAsString() throws Exception {
    ObjectMapper mapper = new ObjectMapper();

    assertThat(mapper.writeValueAsString(Period.of(2017, 3))).isEqualTo("\"2017-03\"");
    assertThat(mapper.readValue("\"2017-03\"", Period.class)).isEqualTo(Period.of(2017, 3));
  }
}
