package dev.churn.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.churn.core.DataFormatException;
import dev.churn.core.table.ColumnRole;
import dev.churn.core.table.DateFormat;
import dev.churn.core.table.Schema;
import dev.churn.core.table.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureStoreTest {
  private static final LocalDate MAR_1 = LocalDate.of(2017, 3, 1);
  private static final LocalDate FEB_1 = LocalDate.of(2017, 2, 1);

  @TempDir Path home;
  private BufferAllocator allocator;
  private Table logs;

  @BeforeEach
  void setUp() {
    allocator = new RootAllocator();
    logs = Table.builder(allocator)
        .id("msno", new String[] {"a", "a", "a", "a", "a", "b", "c", "d"})
        .date("date", new LocalDate[] {
            LocalDate.of(2017, 2, 27), LocalDate.of(2017, 2, 27), LocalDate.of(2017, 2, 10),
            LocalDate.of(2017, 1, 15), MAR_1, LocalDate.of(2017, 2, 28),
            LocalDate.of(2017, 3, 5), LocalDate.of(2016, 12, 1)})
        .numeric("secs", new double[] {10, 20, 5, 100, 999, Double.NaN, 1, 3})
        .categorical("plan", new String[] {"x", "y", "x", "x", "x", null, "x", "x"})
        .build();
  }

  @AfterEach
  void tearDown() {
    logs.close();
    assertThat(allocator.getAllocatedMemory()).isZero();
    allocator.close();
  }

  private FeatureStore store() {
    FeatureStore store = FeatureStore.builder().home(home).allocator(allocator).open();
    store.source(EventSource.table("logs", logs).entity("msno").timestamp("date"));
    store.group(FeatureGroup.named("listening").from("logs")
        .window(Duration.ofDays(30), w -> w.sum("secs").mean("secs").count().distinctDays()
            .min("secs").max("secs").std("secs").last("secs").lastCategory("plan")
            .countOf("plan", "x"))
        .trend("secs", Duration.ofDays(30))
        .recency());
    return store;
  }

  @Test
  void compute_aggregatesTrailingWindowOnly() {
    try (FeatureStore store = store();
        Table f = store.compute("listening", MAR_1)) {
      assertThat(f.schema().names()).startsWith("msno", "secs_sum_30d");
      assertThat(f.schema().column("msno").role()).isEqualTo(ColumnRole.ENTITY);
      // c has only an event after the as-of date: it must not exist yet
      assertThat(f.id("msno").get(0)).contains("a");
      assertThat(f.rowCount()).isEqualTo(3);
      int a = 0;
      int b = 1;
      int d = 2;
      assertThat(f.id("msno").get(b)).contains("b");
      assertThat(f.id("msno").get(d)).contains("d");
      assertThat(f.numeric("secs_sum_30d").get(a)).isEqualTo(35);
      assertThat(f.numeric("secs_mean_30d").get(a)).isCloseTo(35 / 3.0, within(1e-12));
      assertThat(f.numeric("count_30d").get(a)).isEqualTo(3);
      assertThat(f.numeric("distinct_days_30d").get(a)).isEqualTo(2);
      assertThat(f.numeric("secs_min_30d").get(a)).isEqualTo(5);
      assertThat(f.numeric("secs_max_30d").get(a)).isEqualTo(20);
      assertThat(f.numeric("secs_std_30d").get(a)).isCloseTo(7.637626158259733, within(1e-12));
      assertThat(f.numeric("secs_last_30d").get(a)).isEqualTo(20); // later row of the same day
      assertThat(f.categorical("plan_last_30d").get(a)).contains("y");
      assertThat(f.numeric("plan_eq_x_count_30d").get(a)).isEqualTo(2);
      assertThat(f.numeric("secs_trend_30d").get(a)).isEqualTo(30.0 / 5.0);
      assertThat(f.numeric("days_since_last").get(a)).isEqualTo(2);
      // b: one event whose value is missing
      assertThat(f.numeric("count_30d").get(b)).isEqualTo(1);
      assertThat(f.numeric("secs_sum_30d").get(b)).isZero();
      assertThat(f.numeric("secs_mean_30d").get(b)).isNaN();
      assertThat(f.numeric("secs_std_30d").get(b)).isNaN();
      assertThat(f.categorical("plan_last_30d").isMissing(b)).isTrue();
      assertThat(f.numeric("secs_trend_30d").get(b)).isNaN();
      // d: exists (an old event) but nothing in the window
      assertThat(f.numeric("count_30d").get(d)).isZero();
      assertThat(f.numeric("secs_sum_30d").get(d)).isZero();
      assertThat(f.numeric("distinct_days_30d").get(d)).isZero();
      assertThat(f.numeric("secs_max_30d").get(d)).isNaN();
      assertThat(f.numeric("days_since_last").get(d)).isEqualTo(90);
    }
  }

  @Test
  void trainingSet_joinsEachRowAsOfItsOwnDate() {
    try (FeatureStore store = store();
        Table cohort = Table.builder(allocator)
            .id("msno", new String[] {"a", "a", "c", "zz"})
            .role("msno", ColumnRole.ENTITY)
            .date("as_of", new LocalDate[] {MAR_1, FEB_1, MAR_1, MAR_1})
            .role("as_of", ColumnRole.TIMESTAMP)
            .bool("is_churn", new boolean[] {true, false, true, false})
            .role("is_churn", ColumnRole.LABEL)
            .build()) {
      store.materialize("listening", MAR_1); // FEB_1 is computed on the fly
      try (Table t = store.trainingSet(cohort, "listening")) {
        assertThat(t.schema().names()).startsWith("msno", "as_of", "is_churn", "secs_sum_30d");
        assertThat(t.numeric("secs_sum_30d").toArray()).containsExactly(35, 100, 0, 0);
        assertThat(t.numeric("count_30d").toArray()).containsExactly(3, 1, 0, 0);
        assertThat(t.numeric("secs_mean_30d").get(2)).isNaN();
        assertThat(t.numeric("days_since_last").get(1)).isEqualTo(17);
        assertThat(t.categorical("plan_last_30d").get(1)).contains("x");
        assertThat(t.schema().column("is_churn").role()).isEqualTo(ColumnRole.LABEL);
      }
    }
  }

  @Test
  void materialize_writesPartitionCatalogAndStats() throws IOException {
    try (FeatureStore store = store()) {
      Materialization m = store.materialize("listening", MAR_1);
      assertThat(m.path()).isEqualTo("listening/" + m.version() + "/asof=2017-03-01/part-0.arrow");
      assertThat(Files.exists(home.resolve("features").resolve(m.path()))).isTrue();
      assertThat(Files.exists(home.resolve("features/catalog.json"))).isTrue();
      assertThat(m.rows()).isEqualTo(3);
      FeatureStats sum = m.stats().stream().filter(s -> s.name().equals("secs_sum_30d"))
          .findFirst().orElseThrow();
      assertThat(sum.mean()).isCloseTo(35 / 3.0, within(1e-12));
      assertThat(sum.missing()).isZero();
      FeatureStats plan = m.stats().stream().filter(s -> s.name().equals("plan_last_30d"))
          .findFirst().orElseThrow();
      assertThat(plan.missing()).isEqualTo(2);
      assertThat(m.provenance().parameters()).containsEntry("asOf", "2017-03-01");
      try (Table back = store.read("listening", MAR_1).orElseThrow();
          Table fresh = store.compute("listening", MAR_1)) {
        assertSame(back, fresh);
      }
      // a second store instance sees the same catalog
      Catalog c = store.catalog();
      assertThat(c.groups()).containsExactly("listening");
      assertThat(c.materializations("listening")).hasSize(1);
    }
  }

  @Test
  void materialize_againReplacesAtomically() throws IOException {
    try (FeatureStore store = store()) {
      Materialization first = store.materialize("listening", MAR_1);
      Materialization second = store.materialize("listening", MAR_1);
      assertThat(second.path()).endsWith("part-1.arrow");
      assertThat(Files.exists(home.resolve("features").resolve(first.path()))).isFalse();
      assertThat(store.catalog().materializations("listening")).containsExactly(second);
    }
  }

  @Test
  void newDefinition_createsNewVersionAndKeepsOldReadable() {
    try (FeatureStore store = store()) {
      Materialization old = store.materialize("listening", MAR_1);
      store.group(FeatureGroup.named("listening").from("logs")
          .window(Duration.ofDays(7), w -> w.count()));
      Materialization neu = store.materialize("listening", MAR_1);
      assertThat(neu.version()).isNotEqualTo(old.version());
      Catalog.GroupEntry g = store.catalog().group("listening").orElseThrow();
      assertThat(g.versions()).hasSize(2);
      assertThat(g.currentVersion()).isEqualTo(neu.version());
      try (Table t = store.read(old)) {
        assertThat(t.schema().names()).contains("secs_sum_30d");
      }
      assertThat(g.version(old.version()).orElseThrow().group().featureNames())
          .contains("secs_sum_30d");
    }
  }

  @Test
  void online_servesLatestPartition() {
    try (FeatureStore store = store()) {
      assertThat(store.online().get("a")).isEmpty();
      store.materialize("listening", FEB_1);
      assertThat(store.online().get("a").orElseThrow().number("secs_sum_30d")).isEqualTo(100);
      store.materialize("listening", MAR_1);
      FeatureVector v = store.online().get("a").orElseThrow();
      assertThat(v.number("secs_sum_30d")).isEqualTo(35);
      assertThat(v.text("plan_last_30d")).contains("y");
      assertThat(v.asOf()).containsEntry("listening", MAR_1);
      assertThat(store.online().get("c")).isEmpty();
      assertThat(store.online().get("b").orElseThrow().number("secs_mean_30d")).isNaN();
    }
  }

  @Test
  void failureMidway_leavesCatalogAndPartitionsUnchanged() throws IOException {
    Path csv = home.resolve("logs.csv");
    StringBuilder sb = new StringBuilder("msno,date,secs\n");
    for (int i = 0; i < 200_000; i++) {
      sb.append("m").append(i % 1000).append(",20170215,").append(i % 7).append('\n');
    }
    Files.writeString(csv, sb.toString());
    Schema schema = Schema.builder().categorical("msno").date("date", DateFormat.YYYYMMDD)
        .numeric("secs").build();
    try (FeatureStore store = FeatureStore.builder().home(home).allocator(allocator).open()) {
      store.source(EventSource.csv("logs", csv, schema).entity("msno").timestamp("date"));
      store.group(FeatureGroup.named("g").from("logs")
          .window(Duration.ofDays(30), w -> w.sum("secs")));
      Materialization good = store.materialize("g", MAR_1);
      byte[] catalogBefore = Files.readAllBytes(home.resolve("features/catalog.json"));
      List<Path> filesBefore = files();
      Files.writeString(csv, sb + "m1,20170216,oops\n" + sb);
      assertThatThrownBy(() -> store.materialize("g", MAR_1))
          .isInstanceOf(DataFormatException.class)
          .hasMessageContaining("line 200002, column 'secs': expected NUMERIC but found 'oops'");
      assertThatThrownBy(() -> store.materialize("g", FEB_1))
          .isInstanceOf(DataFormatException.class);
      assertThat(Files.readAllBytes(home.resolve("features/catalog.json")))
          .isEqualTo(catalogBefore);
      assertThat(files()).isEqualTo(filesBefore);
      try (Table t = store.read(good)) {
        assertThat(t.rowCount()).isEqualTo(1000);
      }
    }
    // a progress callback that throws is a failure too
    try (FeatureStore store = FeatureStore.builder().home(home).allocator(allocator)
        .progress(line -> {
          throw new IllegalStateException("listener failed");
        }).open()) {
      Files.writeString(csv, sb.toString());
      store.source(EventSource.csv("logs", csv, schema).entity("msno").timestamp("date"));
      store.group(FeatureGroup.named("g").from("logs")
          .window(Duration.ofDays(30), w -> w.sum("secs")));
      byte[] before = Files.readAllBytes(home.resolve("features/catalog.json"));
      assertThatThrownBy(() -> store.materialize("g", MAR_1)).hasMessage("listener failed");
      assertThat(Files.readAllBytes(home.resolve("features/catalog.json"))).isEqualTo(before);
    }
  }

  @Test
  void badSources_getClearErrors() throws IOException {
    try (FeatureStore store = FeatureStore.builder().home(home).allocator(allocator).open()) {
      store.source(EventSource.table("logs", logs).entity("msno").timestamp("date"));
      store.group(FeatureGroup.named("g").from("logs")
          .window(Duration.ofDays(30), w -> w.sum("nope")));
      assertThatThrownBy(() -> store.materialize("g", MAR_1))
          .isInstanceOf(DataFormatException.class)
          .hasMessageContaining("source 'logs' (in-memory table), column 'nope'")
          .hasMessageContaining("the source has no column 'nope'");
      store.group(FeatureGroup.named("h").from("logs")
          .window(Duration.ofDays(30), w -> w.sum("plan")));
      assertThatThrownBy(() -> store.materialize("h", MAR_1))
          .hasMessageContaining("column 'plan': expected a column of type")
          .hasMessageContaining("but it is CATEGORICAL");
      assertThatThrownBy(() -> store.group(FeatureGroup.named("k").from("missing")
              .window(Duration.ofDays(1), w -> w.count())))
          .hasMessageContaining("reads source 'missing', which is not registered");
      assertThatThrownBy(() -> store.materialize("unknown", MAR_1))
          .hasMessageContaining("no feature group 'unknown'");

      Path csv = home.resolve("bad.csv");
      Files.writeString(csv, "msno,date,secs\na,20170201,1\nb,notadate,2\n");
      store.source(EventSource.csv("bad", csv).entity("msno")
          .timestamp("date", DateFormat.YYYYMMDD));
      store.group(FeatureGroup.named("b").from("bad")
          .window(Duration.ofDays(30), w -> w.count()));
      assertThatThrownBy(() -> store.materialize("b", MAR_1))
          .isInstanceOf(DataFormatException.class)
          .hasMessageContaining("line 3, column 'date': expected DATE as yyyyMMdd but found"
              + " 'notadate'");
    }
  }

  @Test
  void snapshotGroup_takesColumnsAndDaysSince() {
    try (Table members = Table.builder(allocator)
            .id("msno", new String[] {"a", "b", "a"})
            .categorical("city", new String[] {"1", "5", "13"})
            .numeric("bd", new double[] {30, Double.NaN, 31})
            .date("registered", new LocalDate[] {
                LocalDate.of(2016, 3, 1), LocalDate.of(2017, 4, 1), LocalDate.of(2016, 3, 1)})
            .build();
        FeatureStore store = FeatureStore.builder().home(home).allocator(allocator).open()) {
      store.source(SnapshotSource.table("members", members).entity("msno"));
      store.group(FeatureGroup.named("membership").from("members").columns("city", "bd")
          .daysSince("registered"));
      try (Table f = store.compute("membership", MAR_1)) {
        assertThat(f.schema().names())
            .containsExactly("msno", "city", "bd", "days_since_registered");
        assertThat(f.categorical("city").get(0)).contains("13"); // the last row wins
        assertThat(f.numeric("bd").get(0)).isEqualTo(31);
        assertThat(f.numeric("days_since_registered").get(0)).isEqualTo(365);
        assertThat(f.numeric("days_since_registered").get(1)).isNaN(); // registered later
      }
      assertThatThrownBy(() -> store.group(FeatureGroup.named("x").from("members")
              .window(Duration.ofDays(1), w -> w.count())))
          .hasMessageContaining("needs an event source");
    }
  }

  @Test
  void recover_removesLeftoversOfACrash() throws IOException {
    try (FeatureStore store = store()) {
      store.materialize("listening", MAR_1);
    }
    Path orphan = home.resolve("features/listening/x/asof=2017-01-01/part-0.arrow");
    Files.createDirectories(orphan.getParent());
    Files.writeString(orphan, "half written");
    Path temp = home.resolve("features/.catalog.json.0123456789abcdef.tmp");
    Files.writeString(temp, "{");
    try (FeatureStore store = store()) {
      assertThat(Files.exists(orphan)).isFalse();
      assertThat(Files.exists(temp)).isFalse();
      assertThat(store.catalog().materializations("listening")).hasSize(1);
    }
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> s = Files.walk(home.resolve("features"))) {
      return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals(".lock"))
          .sorted().toList();
    }
  }

  static void assertSame(Table a, Table b) {
    assertThat(b.schema()).isEqualTo(a.schema());
    assertThat(b.rowCount()).isEqualTo(a.rowCount());
    for (int c = 0; c < a.columnCount(); c++) {
      for (int r = 0; r < a.rowCount(); r++) {
        assertThat(b.column(c).format(r)).isEqualTo(a.column(c).format(r));
      }
    }
  }
}
