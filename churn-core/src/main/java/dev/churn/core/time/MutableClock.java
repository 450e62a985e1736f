package dev.churn.core.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that stands still until told to move: for tests and for simulating monthly cycles
 * (similar to Micrometer's {@code MockClock}).
 *
 * <p>churn components take a {@link Clock} wherever they need the current time; production code
 * passes {@link Clock#systemUTC()}, and tests and the monthly-cycle simulator pass a {@code
 * MutableClock} and move it forward.
 *
 * <p>Usage:
 *
 * <pre>{@code
 * MutableClock clock = MutableClock.at(LocalDate.of(2017, 3, 1));   // 2017-03-01T00:00:00Z
 * registry = ModelRegistry.builder(home).clock(clock).open();
 * clock.advance(Duration.ofHours(2));
 * clock.advanceMonths(1);                                           // 2017-04-01T02:00:00Z
 * }</pre>
 *
 * <p>Thread-safe: reads and updates are atomic. Clocks obtained with {@link #withZone(ZoneId)}
 * share this clock's time, so advancing one advances all of them. The zone is UTC unless set
 * otherwise. Time never moves by itself.
 */
public final class MutableClock extends Clock {

  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /**
   * Creates a clock showing {@code instant}, in UTC.
   *
   * @param instant the initial time
   * @return a new clock
   */
  public static MutableClock at(Instant instant) {
    return at(instant, ZoneOffset.UTC);
  }

  /**
   * Creates a clock showing {@code instant}, in {@code zone}.
   *
   * @param instant the initial time
   * @param zone the clock's zone, used by {@link LocalDate#now(Clock)} and {@link
   *     #advanceMonths(int)}
   * @return a new clock
   */
  public static MutableClock at(Instant instant, ZoneId zone) {
    Objects.requireNonNull(instant, "instant");
    Objects.requireNonNull(zone, "zone");
    return new MutableClock(new AtomicReference<>(instant), zone);
  }

  /**
   * Creates a clock showing the start of {@code date} (midnight UTC), in UTC.
   *
   * @param date the initial date
   * @return a new clock
   */
  public static MutableClock at(LocalDate date) {
    Objects.requireNonNull(date, "date");
    return at(date.atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public long millis() {
    return now.get().toEpochMilli();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /**
   * Returns a clock in another zone that shares this clock's time (advancing either moves both).
   *
   * @param zone the zone
   * @return a clock with the same time source
   */
  @Override
  public MutableClock withZone(ZoneId zone) {
    Objects.requireNonNull(zone, "zone");
    return zone.equals(this.zone) ? this : new MutableClock(now, zone);
  }

  /**
   * Moves the clock forward.
   *
   * @param duration how far; zero or positive
   * @return the new time
   * @throws IllegalArgumentException if {@code duration} is negative (use {@link #set(Instant)} to
   *     go back)
   */
  public Instant advance(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException(
          "duration must not be negative, but was " + duration + "; use set() to move back");
    }
    return now.updateAndGet(t -> t.plus(duration));
  }

  /**
   * Moves the clock forward by calendar months in the clock's zone, keeping the time of day and
   * clamping the day to the target month's length (January 31 + 1 month = February 28 or 29).
   *
   * @param months how many months; zero or positive
   * @return the new time
   * @throws IllegalArgumentException if {@code months} is negative (use {@link #set(Instant)} to go
   *     back)
   */
  public Instant advanceMonths(int months) {
    if (months < 0) {
      throw new IllegalArgumentException(
          "months must not be negative, but was " + months + "; use set() to move back");
    }
    return now.updateAndGet(t -> t.atZone(zone).plusMonths(months).toInstant());
  }

  /**
   * Sets the clock to a time, earlier or later.
   *
   * @param instant the new time
   */
  public void set(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    now.set(instant);
  }

  @Override
  public String toString() {
    return "MutableClock[" + now.get() + "," + zone + "]";
  }
}
