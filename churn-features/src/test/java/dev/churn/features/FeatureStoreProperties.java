package dev.churn.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.churn.core.table.ColumnRole;
import dev.churn.core.table.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;

/**
 * Property tests of the feature store: no leakage from the future, window aggregates equal a
 * naive reference, and stored partitions equal features computed on the fly.
 */
class FeatureStoreProperties {
  private static final long SEED = 20261123L;
  private static final LocalDate START = LocalDate.of(2017, 1, 1);
  private static final String[] CATS = {"p", "q", "r"};

  @TempDir Path tmp;
  private BufferAllocator allocator;

  @BeforeEach
  void open() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void close() {
    assertThat(allocator.getAllocatedMemory()).isZero();
    allocator.close();
  }

  /** An event: [entity 0..7, day 0..119, value 0..50 or -1 = missing, category 0..3 (3 = missing)]. */
  private record Event(int entity, int day, int value, int cat) {}

  private static Gen<List<Event>> events() {
    Gen<Event> e = integers().between(0, 7).zip(integers().between(0, 119),
        integers().between(-1, 50), integers().between(0, 3), Event::new);
    return lists().of(e).ofSizeBetween(0, 80);
  }

  private Table table(List<Event> events) {
    int n = events.size();
    String[] ids = new String[n];
    LocalDate[] days = new LocalDate[n];
    double[] values = new double[n];
    String[] cats = new String[n];
    for (int i = 0; i < n; i++) {
      Event e = events.get(i);
      ids[i] = "e" + e.entity();
      days[i] = START.plusDays(e.day());
      values[i] = e.value() < 0 ? Double.NaN : e.value();
      cats[i] = e.cat() == 3 ? null : CATS[e.cat()];
    }
    // entity keys as ids (hashed) or as categories (dictionary codes), alternating by size
    var b = Table.builder(allocator);
    if (n % 2 == 0) {
      b.id("id", ids);
    } else {
      b.categorical("id", ids);
    }
    return b.date("day", days).numeric("v", values).categorical("c", cats).build();
  }

  private static FeatureGroup group() {
    return FeatureGroup.named("g").from("events")
        .window(Duration.ofDays(10), w -> w.count().sum("v").mean("v").min("v").max("v")
            .std("v").last("v").distinctDays().lastCategory("c").countOf("c", "q"))
        .window(Duration.ofDays(70), w -> w.sum("v").distinctDays())
        .trend("v", Duration.ofDays(20))
        .trendSlope("v", Duration.ofDays(20))
        .recency()
        .build();
  }

  private Path home() {
    try {
      Path h = Files.createTempDirectory(tmp, "home");
      return h;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private FeatureStore store(Table events) {
    FeatureStore s = FeatureStore.builder().home(home()).allocator(allocator)
        .progress(line -> { }).open();
    s.source(EventSource.table("events", events).entity("id").timestamp("day"));
    s.group(group());
    return s;
  }

  @Test
  void features_neverDependOnEventsAtOrAfterAsOf() {
    qt().withFixedSeed(SEED).withExamples(150)
        .forAll(events(), integers().between(0, 125), events())
        .checkAssert((events, asOfDay, noise) -> {
          LocalDate asOf = START.plusDays(asOfDay);
          List<Event> changed = new ArrayList<>();
          for (Event e : events) {
            if (e.day() < asOfDay) {
              changed.add(e); // the past stays
            }
          }
          for (Event e : noise) {
            // the future is rewritten: other values, other entities, other counts
            changed.add(new Event(e.entity(), Math.min(119 + 30, asOfDay + e.day()), e.value(),
                e.cat()));
          }
          try (Table a = table(events);
              Table b = table(changed);
              FeatureStore sa = store(a);
              FeatureStore sb = store(b);
              Table fa = sa.compute("g", asOf);
              Table fb = sb.compute("g", asOf)) {
            assertSameRowsByEntity(fa, fb);
          }
        });
  }

  @Test
  void trainingSet_rowsDependOnlyOnTheirOwnPast() {
    Gen<List<Integer>> cohort = lists().of(integers().between(0, 8 * 126 - 1)).ofSizeBetween(1, 12);
    qt().withFixedSeed(SEED).withExamples(80)
        .forAll(events(), cohort, integers().between(0, 11))
        .checkAssert((events, rows, pick) -> {
          int n = rows.size();
          String[] ids = new String[n];
          LocalDate[] asOf = new LocalDate[n];
          for (int i = 0; i < n; i++) {
            ids[i] = "e" + (rows.get(i) % 8);
            asOf[i] = START.plusDays(rows.get(i) / 8);
          }
          int r = pick % n;
          int cut = rows.get(r) / 8;
          List<Event> past = events.stream().filter(e -> e.day() < cut).toList();
          try (Table c = Table.builder(allocator).id("id", ids).role("id", ColumnRole.ENTITY)
                  .date("as_of", asOf).role("as_of", ColumnRole.TIMESTAMP).build();
              Table full = table(events);
              Table onlyPast = table(past);
              FeatureStore s1 = store(full);
              FeatureStore s2 = store(onlyPast);
              Table t1 = s1.trainingSet(c, "g");
              Table t2 = s2.trainingSet(c, "g")) {
            for (int col = 0; col < t1.columnCount(); col++) {
              assertThat(t2.column(col).format(r)).as("row %s column %s", r, t1.column(col).name())
                  .isEqualTo(t1.column(col).format(r));
            }
          }
        });
  }

  @Test
  void aggregates_equalNaiveReference() {
    qt().withFixedSeed(SEED).withExamples(200)
        .forAll(events(), integers().between(0, 125))
        .checkAssert((events, asOfDay) -> {
          try (Table t = table(events);
              FeatureStore s = store(t);
              Table f = s.compute("g", START.plusDays(asOfDay))) {
            for (int row = 0; row < f.rowCount(); row++) {
              int entity = Integer.parseInt(f.column("id").format(row).substring(1));
              Naive n = new Naive(events, entity, asOfDay);
              assertNumber(f, "count_10d", row, n.count(10));
              assertNumber(f, "v_sum_10d", row, n.sum(10));
              assertNumber(f, "v_mean_10d", row, n.mean(10));
              assertNumber(f, "v_min_10d", row, n.min(10));
              assertNumber(f, "v_max_10d", row, n.max(10));
              assertNumber(f, "v_std_10d", row, n.std(10));
              assertNumber(f, "v_last_10d", row, n.last(10));
              assertNumber(f, "distinct_days_10d", row, n.distinctDays(10));
              assertNumber(f, "c_eq_q_count_10d", row, n.countOf(10, "q"));
              assertNumber(f, "v_sum_70d", row, n.sum(70));
              assertNumber(f, "distinct_days_70d", row, n.distinctDays(70));
              assertNumber(f, "v_trend_20d", row, n.trend(20, true));
              assertNumber(f, "v_slope_20d", row, n.trend(20, false));
              assertNumber(f, "days_since_last", row, n.daysSinceLast());
              assertThat(f.categorical("c_last_10d").get(row).orElse(null))
                  .as("c_last_10d of e%s", entity).isEqualTo(n.lastCategory(10));
            }
            // exactly the entities with an event before the as-of date
            long expected = events.stream().filter(e -> e.day() < asOfDay)
                .map(Event::entity).distinct().count();
            assertThat(f.rowCount()).isEqualTo((int) expected);
          }
        });
  }

  @Test
  void materializeThenRead_equalsCompute() {
    qt().withFixedSeed(SEED).withExamples(40)
        .forAll(events(), integers().between(0, 125))
        .checkAssert((events, asOfDay) -> {
          LocalDate asOf = START.plusDays(asOfDay);
          try (Table t = table(events);
              FeatureStore s = store(t)) {
            s.materialize("g", asOf);
            try (Table stored = s.read("g", asOf).orElseThrow();
                Table fresh = s.compute("g", asOf)) {
              FeatureStoreTest.assertSame(stored, fresh);
            }
          }
        });
  }

  private static void assertNumber(Table f, String name, int row, double expected) {
    double actual = f.numeric(name).get(row);
    if (Double.isNaN(expected)) {
      assertThat(actual).as(name).isNaN();
    } else {
      assertThat(actual).as(name).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-9));
    }
  }

  private static void assertSameRowsByEntity(Table a, Table b) {
    assertThat(b.rowCount()).isEqualTo(a.rowCount());
    List<String> ka = sortedRows(a);
    List<String> kb = sortedRows(b);
    assertThat(kb).isEqualTo(ka);
  }

  private static List<String> sortedRows(Table t) {
    List<String> rows = new ArrayList<>();
    for (int r = 0; r < t.rowCount(); r++) {
      StringBuilder sb = new StringBuilder();
      for (int c = 0; c < t.columnCount(); c++) {
        sb.append(t.column(c).format(r)).append('|');
      }
      rows.add(sb.toString());
    }
    rows.sort(Comparator.naturalOrder());
    return rows;
  }

  /** The aggregations by their definitions, one entity at a time, with plain loops. */
  private static final class Naive {
    private final List<Event> mine; // in source order
    private final int asOf;

    Naive(List<Event> all, int entity, int asOf) {
      this.mine = all.stream().filter(e -> e.entity() == entity && e.day() < asOf).toList();
      this.asOf = asOf;
    }

    private Stream<Event> in(int window) {
      return mine.stream().filter(e -> e.day() >= asOf - window);
    }

    private Stream<Event> valued(int window) {
      return in(window).filter(e -> e.value() >= 0);
    }

    double count(int w) {
      return in(w).count();
    }

    double sum(int w) {
      return valued(w).mapToDouble(Event::value).sum();
    }

    double mean(int w) {
      return valued(w).mapToDouble(Event::value).average().orElse(Double.NaN);
    }

    double min(int w) {
      return valued(w).mapToDouble(Event::value).min().orElse(Double.NaN);
    }

    double max(int w) {
      return valued(w).mapToDouble(Event::value).max().orElse(Double.NaN);
    }

    double std(int w) {
      double[] v = valued(w).mapToDouble(Event::value).toArray();
      if (v.length < 2) {
        return Double.NaN;
      }
      double m = java.util.Arrays.stream(v).average().orElseThrow();
      double ss = 0;
      for (double x : v) {
        ss += (x - m) * (x - m);
      }
      return Math.sqrt(ss / (v.length - 1));
    }

    double last(int w) {
      Event best = null;
      for (Event e : valued(w).toList()) {
        if (best == null || e.day() >= best.day()) {
          best = e;
        }
      }
      return best == null ? Double.NaN : best.value();
    }

    String lastCategory(int w) {
      Event best = null;
      for (Event e : in(w).filter(e -> e.cat() != 3).toList()) {
        if (best == null || e.day() >= best.day()) {
          best = e;
        }
      }
      return best == null ? null : CATS[best.cat()];
    }

    double distinctDays(int w) {
      return in(w).map(Event::day).distinct().count();
    }

    double countOf(int w, String cat) {
      return in(w).filter(e -> e.cat() != 3 && CATS[e.cat()].equals(cat)).count();
    }

    double trend(int w, boolean ratio) {
      List<Event> v = valued(w).toList();
      if (v.isEmpty()) {
        return Double.NaN;
      }
      double early = 0;
      double late = 0;
      for (Event e : v) {
        if (e.day() >= asOf - w / 2) {
          late += e.value();
        } else {
          early += e.value();
        }
      }
      double half = w / 2.0;
      if (ratio) {
        return early == 0 ? Double.NaN : late / early;
      }
      return (late / half - early / half) / half;
    }

    double daysSinceLast() {
      return mine.stream().mapToInt(Event::day).max().stream()
          .mapToDouble(d -> asOf - d).findFirst().orElse(Double.NaN);
    }
  }
}
