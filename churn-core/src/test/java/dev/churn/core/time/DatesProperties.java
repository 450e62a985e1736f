package dev.churn.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Property tests: the hand-written parsers agree with java.time on valid and invalid input. */
class DatesProperties {

  private static final long SEED = 20170301L;
  private static final int MIN_EPOCH_DAY = (int) LocalDate.of(1, 1, 1).toEpochDay();
  private static final int MAX_EPOCH_DAY = (int) LocalDate.of(9999, 12, 31).toEpochDay();
  private static final String ALPHABET = "0123456789-/ x+";
  private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("uuuuMMdd");

  private static Gen<LocalDate> dates() {
    return integers().between(MIN_EPOCH_DAY, MAX_EPOCH_DAY).map(d -> LocalDate.ofEpochDay(d));
  }

  /** Plain random years rarely hit 1900 or 2000, where leap-year rules differ; mix them in. */
  private static Gen<Integer> yearsWithManyCenturies() {
    return integers().between(0, 9999).mix(integers().between(0, 99).map(c -> c * 100), 40);
  }

  private static Gen<Integer> monthsOftenFebruary() {
    return integers().between(0, 13).mix(integers().between(2, 2), 30);
  }

  private static Gen<Integer> daysOftenNearMonthEnd() {
    return integers().between(0, 32).mix(integers().between(28, 31), 50);
  }

  @Test
  void parseFormat_anyValidDate_roundTripsInBothLayouts() {
    qt().withFixedSeed(SEED)
        .withExamples(10_000)
        .forAll(dates())
        .checkAssert(
            date -> {
              String iso = Dates.formatIso(date);
              String compact = Dates.formatYyyymmdd(date);
              assertThat(iso).isEqualTo(date.toString());
              assertThat(Dates.parseIso(iso)).isEqualTo(date);
              assertThat(Dates.parseYyyymmdd(compact)).isEqualTo(date);
              if (date.getYear() >= 1000) {
                assertThat(Dates.parseYyyymmdd(Dates.toYyyymmdd(date))).isEqualTo(date);
              }
            });
  }

  @Test
  void fastPaths_anyValidDate_agreeWithLocalDate() {
    qt().withFixedSeed(SEED)
        .withExamples(10_000)
        .forAll(dates(), integers().between(0, 5))
        .checkAssert(
            (date, padding) -> {
              String pad = "#".repeat(padding);
              char[] iso = (pad + date + pad).toCharArray();
              char[] compact = (pad + date.format(COMPACT) + pad).toCharArray();

              assertThat(Dates.parseIsoEpochDay(iso, padding, 10))
                  .isEqualTo(LocalDate.parse(date.toString()).toEpochDay());
              assertThat(Dates.parseYyyymmdd(compact, padding, 8))
                  .isEqualTo(LocalDate.of(date.getYear(), date.getMonthValue(), date.getDayOfMonth()).toEpochDay());
            });
  }

  @Test
  void fastPaths_anyYearMonthDayTriple_acceptExactlyWhatLocalDateOfAccepts() {
    qt().withFixedSeed(SEED)
        .withExamples(10_000)
        .forAll(yearsWithManyCenturies(), monthsOftenFebruary(), daysOftenNearMonthEnd())
        .checkAssert(
            (year, month, day) -> {
              char[] iso = String.format("%04d-%02d-%02d", year, month, day).toCharArray();
              char[] compact = String.format("%04d%02d%02d", year, month, day).toCharArray();
              Long expected = epochDayOrNull(year, month, day);
              if (expected == null || year == 0) {
                assertThatThrownBy(() -> Dates.parseIsoEpochDay(iso, 0, 10))
                    .isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> Dates.parseYyyymmdd(compact, 0, 8))
                    .isInstanceOf(IllegalArgumentException.class);
              } else {
                assertThat((long) Dates.parseIsoEpochDay(iso, 0, 10)).isEqualTo(expected);
                assertThat((long) Dates.parseYyyymmdd(compact, 0, 8)).isEqualTo(expected);
              }
            });
  }

  @Test
  void parseIso_mutatedText_acceptsExactlyWhatStrictLocalDateParseAccepts() {
    qt().withFixedSeed(SEED)
        .withExamples(10_000)
        .forAll(dates(), integers().between(0, 9), integers().between(0, ALPHABET.length() - 1))
        .checkAssert(
            (date, position, replacement) -> {
              char[] text = date.toString().toCharArray();
              text[position] = ALPHABET.charAt(replacement);
              String mutated = new String(text);
              LocalDate expected = strictIsoOrNull(mutated);
              if (expected == null) {
                assertThatThrownBy(() -> Dates.parseIso(mutated))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(mutated);
              } else {
                assertThat(Dates.parseIso(mutated)).isEqualTo(expected);
              }
            });
  }

  private static Long epochDayOrNull(int year, int month, int day) {
    try {
      return LocalDate.of(year, month, day).toEpochDay();
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** java.time's ISO parser, restricted to what Dates promises: four unsigned digits, year >= 1. */
  private static LocalDate strictIsoOrNull(String text) {
    if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(text);
      return date.getYear() >= 1 ? date : null;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
