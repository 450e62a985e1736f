package dev.churn.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatesTest {

  @Test
  void parseIso_validDate_returnsDate() {
    assertThat(Dates.parseIso("2017-03-01")).isEqualTo(LocalDate.of(2017, 3, 1));
    assertThat(Dates.parseIso(new StringBuilder("0001-01-01"))).isEqualTo(LocalDate.of(1, 1, 1));
    assertThat(Dates.parseIso("9999-12-31")).isEqualTo(LocalDate.of(9999, 12, 31));
  }

  @Test
  void parseYyyymmdd_int_returnsDate() {
    assertThat(Dates.parseYyyymmdd(20170301)).isEqualTo(LocalDate.of(2017, 3, 1));
    assertThat(Dates.parseYyyymmdd(10000101)).isEqualTo(LocalDate.of(1000, 1, 1));
  }

  @Test
  void parseYyyymmdd_text_returnsDate() {
    assertThat(Dates.parseYyyymmdd("20170301")).isEqualTo(LocalDate.of(2017, 3, 1));
    assertThat(Dates.parseYyyymmdd("00010101")).isEqualTo(LocalDate.of(1, 1, 1));
  }

  @Test
  void parseYyyymmdd_impossibleDay_throwsNamingValueAndRule() {
    assertThatThrownBy(() -> Dates.parseYyyymmdd(20170230))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("yyyymmdd 20170230 is not a valid yyyyMMdd date: day 30 is outside 1-28 for 2017-02");
    assertThatThrownBy(() -> Dates.parseYyyymmdd("20170230"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'20170230' is not a valid yyyyMMdd date: day 30 is outside 1-28 for 2017-02");
  }

  @Test
  void parseYyyymmdd_intWithoutEightDigits_throws() {
    for (int bad : new int[] {170301, 0, -20170301, 99991232, 100000101}) {
      assertThatThrownBy(() -> Dates.parseYyyymmdd(bad))
          .as("%d", bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(Integer.toString(bad));
    }
  }

  @Test
  void parse_leapYears_followGregorianRules() {
    assertThat(Dates.parseIso("2016-02-29")).isEqualTo(LocalDate.of(2016, 2, 29));
    assertThat(Dates.parseIso("2000-02-29")).isEqualTo(LocalDate.of(2000, 2, 29));
    assertThat(Dates.parseYyyymmdd(20000229)).isEqualTo(LocalDate.of(2000, 2, 29));
    assertThat(Dates.parseYyyymmdd(20160229)).isEqualTo(LocalDate.of(2016, 2, 29));

    for (String bad : List.of("2017-02-29", "1900-02-29", "2100-02-29", "2016-02-30")) {
      assertThatThrownBy(() -> Dates.parseIso(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'" + bad + "'");
    }
    assertThatThrownBy(() -> Dates.parseYyyymmdd(19000229)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Dates.parseYyyymmdd(20170229)).isInstanceOf(IllegalArgumentException.class);
    assertThat(Dates.isLeapYear(2000)).isTrue();
    assertThat(Dates.isLeapYear(1900)).isFalse();
    assertThat(Dates.isLeapYear(2016)).isTrue();
    assertThat(Dates.isLeapYear(2017)).isFalse();
  }

  @Test
  void parse_allMonthEnds_lastDayValidNextDayInvalid() {
    for (int year : new int[] {2016, 2017, 2000, 1900}) {
      for (Month month : Month.values()) {
        LocalDate last = LocalDate.of(year, month, 1).withDayOfMonth(month.length(Dates.isLeapYear(year)));
        String iso = last.toString();
        String compact = Dates.formatYyyymmdd(last);
        int dayAfter = last.getDayOfMonth() + 1;
        String isoAfter = iso.substring(0, 8) + String.format("%02d", dayAfter);
        String compactAfter = compact.substring(0, 6) + String.format("%02d", dayAfter);

        assertThat(Dates.parseIso(iso)).isEqualTo(last);
        assertThat(Dates.parseYyyymmdd(compact)).isEqualTo(last);
        assertThat(Dates.parseYyyymmdd(Dates.toYyyymmdd(last))).isEqualTo(last);
        assertThat(Dates.lengthOfMonth(year, month.getValue())).isEqualTo(last.lengthOfMonth());
        assertThatThrownBy(() -> Dates.parseIso(isoAfter)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Dates.parseYyyymmdd(compactAfter))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Dates.parseYyyymmdd(Integer.parseInt(compactAfter)))
            .isInstanceOf(IllegalArgumentException.class);
      }
    }
  }

  @Test
  void parseIso_malformedText_throwsQuotingText() {
    List<String> bad =
        List.of(
            "", "2017-3-01", "2017-03-1", "2017/03/01", "20170301", "2017-03-01 ", " 2017-03-01",
            "2017-00-01", "2017-13-01", "2017-03-00", "2017-03-32", "0000-01-01", "+017-03-01",
            "2017-0x-01", "201７-03-01", "2017-03-01T00:00");
    for (String text : bad) {
      assertThatThrownBy(() -> Dates.parseIso(text))
          .as("'%s'", text)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'" + text + "' is not a valid yyyy-MM-dd date");
    }
  }

  @Test
  void parseYyyymmdd_malformedText_throws() {
    for (String text : List.of("2017031", "201703011", "2017-301", "2017o301", "00000101", "20171301", "-2017030")) {
      assertThatThrownBy(() -> Dates.parseYyyymmdd(text))
          .as(text)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'" + text + "'");
    }
  }

  @Test
  void parseIsoEpochDay_slice_readsOnlyTheSlice() {
    char[] line = "42,2017-03-01,x".toCharArray();

    int epochDay = Dates.parseIsoEpochDay(line, 3, 10);

    assertThat(epochDay).isEqualTo((int) LocalDate.of(2017, 3, 1).toEpochDay());
  }

  @Test
  void parseYyyymmdd_charSlice_returnsEpochDay() {
    char[] line = "id;19700101;20170301".toCharArray();

    assertThat(Dates.parseYyyymmdd(line, 3, 8)).isZero();
    assertThat(Dates.parseYyyymmdd(line, 12, 8)).isEqualTo((int) LocalDate.of(2017, 3, 1).toEpochDay());
  }

  @Test
  void fastPaths_badSlice_throwWithText() {
    char[] line = "a,2017-02-30,b".toCharArray();

    assertThatThrownBy(() -> Dates.parseIsoEpochDay(line, 2, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'2017-02-30' is not a valid yyyy-MM-dd date: day 30 is outside 1-28 for 2017-02");
    assertThatThrownBy(() -> Dates.parseIsoEpochDay(line, 2, 9))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'2017-02-3'");
    assertThatThrownBy(() -> Dates.parseYyyymmdd(line, 0, 8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'a,2017-0'");
    assertThatThrownBy(() -> Dates.parseIsoEpochDay(line, 10, 10))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void toYyyymmdd_date_isEightDigitInt() {
    assertThat(Dates.toYyyymmdd(LocalDate.of(2017, 3, 1))).isEqualTo(20170301);
    assertThat(Dates.toYyyymmdd(LocalDate.of(9999, 12, 31))).isEqualTo(99991231);
    assertThatThrownBy(() -> Dates.toYyyymmdd(LocalDate.of(999, 1, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0999-01-01");
  }

  @Test
  void format_dates_areZeroPadded() {
    assertThat(Dates.formatIso(LocalDate.of(17, 3, 1))).isEqualTo("0017-03-01");
    assertThat(Dates.formatYyyymmdd(LocalDate.of(17, 3, 1))).isEqualTo("00170301");
    assertThat(Dates.formatIso(LocalDate.of(2017, 12, 31))).isEqualTo("2017-12-31");
    assertThatThrownBy(() -> Dates.formatIso(LocalDate.of(10000, 1, 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void plusMonthsClamped_endOfMonth_clampsToShorterMonth() {
    assertThat(Dates.plusMonthsClamped(LocalDate.of(2017, 1, 31), 1)).isEqualTo(LocalDate.of(2017, 2, 28));
    assertThat(Dates.plusMonthsClamped(LocalDate.of(2016, 1, 31), 1)).isEqualTo(LocalDate.of(2016, 2, 29));
    assertThat(Dates.plusMonthsClamped(LocalDate.of(2017, 3, 31), -1)).isEqualTo(LocalDate.of(2017, 2, 28));
    assertThat(Dates.plusMonthsClamped(LocalDate.of(2017, 1, 31), 2)).isEqualTo(LocalDate.of(2017, 3, 31));
    assertThat(Dates.plusMonthsClamped(LocalDate.of(2017, 1, 15), 13)).isEqualTo(LocalDate.of(2018, 2, 15));
  }

  @Test
  void daysBetween_variousDates_isSignedDayCount() {
    assertThat(Dates.daysBetween(LocalDate.of(2017, 3, 1), LocalDate.of(2017, 3, 1))).isZero();
    assertThat(Dates.daysBetween(LocalDate.of(2017, 2, 1), LocalDate.of(2017, 3, 1))).isEqualTo(28);
    assertThat(Dates.daysBetween(LocalDate.of(2016, 2, 1), LocalDate.of(2016, 3, 1))).isEqualTo(29);
    assertThat(Dates.daysBetween(LocalDate.of(2017, 3, 1), LocalDate.of(2016, 3, 1))).isEqualTo(-365);
  }

  @Test
  void lengthOfMonth_invalidMonth_throws() {
    assertThatThrownBy(() -> Dates.lengthOfMonth(2017, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("month must be 1-12, but was 0");
  }
}
