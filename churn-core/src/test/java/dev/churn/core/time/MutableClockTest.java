package dev.churn.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MutableClockTest {

  private static final Instant START = Instant.parse("2017-03-01T00:00:00Z");

  @Test
  void at_instant_standsStillInUtc() {
    MutableClock clock = MutableClock.at(START);

    assertThat(clock.instant()).isEqualTo(START);
    assertThat(clock.instant()).isEqualTo(START);
    assertThat(clock.millis()).isEqualTo(START.toEpochMilli());
    assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
  }

  @Test
  void at_localDate_isMidnightUtc() {
    MutableClock clock = MutableClock.at(LocalDate.of(2017, 3, 1));

    assertThat(clock.instant()).isEqualTo(START);
    assertThat(LocalDate.now(clock)).isEqualTo(LocalDate.of(2017, 3, 1));
  }

  @Test
  void advance_duration_movesForwardAndReturnsNewTime() {
    MutableClock clock = MutableClock.at(START);

    Instant after = clock.advance(Duration.ofHours(36));

    assertThat(after).isEqualTo(Instant.parse("2017-03-02T12:00:00Z"));
    assertThat(clock.instant()).isEqualTo(after);
  }

  @Test
  void advance_negativeDuration_throws() {
    MutableClock clock = MutableClock.at(START);

    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("duration")
        .hasMessageContaining("PT-1S");
    assertThat(clock.instant()).isEqualTo(START);
  }

  @Test
  void advanceMonths_endOfMonth_clampsDayAndKeepsTime() {
    MutableClock clock = MutableClock.at(Instant.parse("2017-01-31T10:15:00Z"));

    assertThat(clock.advanceMonths(1)).isEqualTo(Instant.parse("2017-02-28T10:15:00Z"));
    assertThat(clock.advanceMonths(12)).isEqualTo(Instant.parse("2018-02-28T10:15:00Z"));
    assertThat(clock.advanceMonths(0)).isEqualTo(Instant.parse("2018-02-28T10:15:00Z"));
    assertThatThrownBy(() -> clock.advanceMonths(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void set_earlierInstant_movesBack() {
    MutableClock clock = MutableClock.at(START);
    clock.advance(Duration.ofDays(10));

    clock.set(START.minusSeconds(1));

    assertThat(clock.instant()).isEqualTo(START.minusSeconds(1));
  }

  @Test
  void withZone_otherZone_sharesTime() {
    MutableClock utc = MutableClock.at(START);
    MutableClock paris = utc.withZone(ZoneId.of("Europe/Paris"));

    utc.advance(Duration.ofMinutes(5));

    assertThat(paris.instant()).isEqualTo(utc.instant());
    assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(utc.withZone(ZoneOffset.UTC)).isSameAs(utc);
    assertThat(paris.toString()).contains("2017-03-01T00:05:00Z").contains("Europe/Paris");
  }

  @Test
  void advanceMonths_nonUtcZone_usesCalendarOfThatZone() {
    // 2017-01-31T23:30 in UTC is already 2017-02-01 in Paris.
    MutableClock clock = MutableClock.at(Instant.parse("2017-01-31T23:30:00Z"), ZoneId.of("Europe/Paris"));

    assertThat(clock.advanceMonths(1)).isEqualTo(Instant.parse("2017-02-28T23:30:00Z"));
  }

  @Test
  void advance_concurrentThreads_noUpdateLost() throws Exception {
    MutableClock clock = MutableClock.at(START);
    int threads = 8;
    int perThread = 5_000;
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(
            executor.submit(
                () -> {
                  for (int i = 0; i < perThread; i++) {
                    clock.advance(Duration.ofMillis(1));
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get(10, TimeUnit.SECONDS);
      }
    } finally {
      executor.shutdownNow();
    }

    assertThat(clock.instant()).isEqualTo(START.plusMillis((long) threads * perThread));
  }
}
