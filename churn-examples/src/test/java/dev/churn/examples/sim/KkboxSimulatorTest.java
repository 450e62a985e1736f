package dev.churn.examples.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.churn.core.io.Csv;
import dev.churn.core.metrics.BinaryMetrics;
import dev.churn.core.table.ColumnType;
import dev.churn.core.table.Table;
import dev.churn.core.time.Dates;
import dev.churn.core.time.Period;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end checks of one small simulation (5,000 members x 6 months, no drift): formats,
 * referential integrity, churn rates, labels against the reference rule, a learnable signal and
 * the dirty values.
 */
class KkboxSimulatorTest {

  private static final Pattern MSNO = Pattern.compile("[A-Za-z0-9+/]{43}=");

  @TempDir static Path dir;

  static SimulationResult result;
  static List<String> progress = new ArrayList<>();
  static Map<String, SimFiles.Member> members;
  static List<SimFiles.Tx> transactions;
  static SimFiles.Activity activity;

  @BeforeAll
  static void simulate() {
    result =
        KkboxSimulator.builder()
            .members(5_000)
            .months(6)
            .seed(11)
            .ageOutOfRangeRate(0.02)
            .missingGenderRate(0.3)
            .duplicateTransactionRate(0.01)
            .extremeTotalSecsRate(0.001)
            .progress(progress::add)
            .build()
            .simulate(dir);
    members = SimFiles.members(result.members());
    transactions = SimFiles.transactions(result.transactions());
    activity = new SimFiles.Activity(result.userLogs());
  }

  @Test
  void simulate_writesEveryFileWithItsExactHeader() {
    assertThat(SimFiles.header(dir.resolve("members.csv")))
        .isEqualTo("msno,city,bd,gender,registered_via,registration_init_time");
    assertThat(SimFiles.header(dir.resolve("transactions.csv")))
        .isEqualTo(
            "msno,payment_method_id,payment_plan_days,plan_list_price,actual_amount_paid,"
                + "is_auto_renew,transaction_date,membership_expire_date,is_cancel");
    assertThat(SimFiles.header(dir.resolve("user_logs.csv")))
        .isEqualTo("msno,date,num_25,num_50,num_75,num_985,num_100,num_unq,total_secs");
    for (int k = 1; k <= 6; k++) {
      Path labels = dir.resolve(String.format("train_2016%02d.csv", k));
      assertThat(labels).exists();
      assertThat(SimFiles.header(labels)).isEqualTo("msno,is_churn");
    }
    assertThat(result.userLogs()).containsExactly(dir.resolve("user_logs.csv"));
    assertThat(result.labelFiles()).hasSize(6);
    try (var files = Files.list(dir)) {
      assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void simulate_reportsTheRowCountsOfTheFiles() {
    assertThat(members).hasSize((int) result.memberRows());
    assertThat(transactions).hasSize((int) result.transactionRows());
    long[] logRows = {0};
    SimFiles.forEachRow(result.userLogs().get(0), f -> logRows[0]++);
    assertThat(logRows[0]).isEqualTo(result.userLogRows());
    for (SimulationResult.Month m : result.months()) {
      assertThat(SimFiles.dataLines(m.labels())).hasSize(m.cohortSize());
    }
    assertThat(result.memberRows()).isEqualTo(5_000 + 6L * result.months().get(0).newMembers());
    assertThat(progress).anyMatch(l -> l.startsWith("2016-03: ")).last().asString()
        .startsWith("Wrote ");
  }

  @Test
  void files_readWithTheCoreCsvReader(@TempDir Path small) {
    SimulationResult tiny = KkboxSimulator.builder().members(300).months(1).build().simulate(small);
    try (BufferAllocator allocator = new RootAllocator();
        Table mem = Csv.reader(result.members()).read(allocator);
        Table tx = Csv.reader(result.transactions()).read(allocator);
        Table logs = Csv.reader(tiny.userLogs().get(0)).read(allocator)) {
      assertThat(mem.rowCount()).isEqualTo(result.memberRows());
      assertThat(tx.rowCount()).isEqualTo(result.transactionRows());
      assertThat(logs.rowCount()).isEqualTo(tiny.userLogRows());
      assertThat(mem.schema().column("registration_init_time").type()).isEqualTo(ColumnType.DATE);
      assertThat(mem.schema().column("gender").type()).isEqualTo(ColumnType.CATEGORICAL);
      assertThat(tx.schema().column("membership_expire_date").type()).isEqualTo(ColumnType.DATE);
      assertThat(tx.schema().column("actual_amount_paid").type()).isEqualTo(ColumnType.NUMERIC);
      assertThat(logs.schema().column("date").type()).isEqualTo(ColumnType.DATE);
      assertThat(logs.schema().column("total_secs").type()).isEqualTo(ColumnType.NUMERIC);
    }
  }

  @Test
  void members_haveValidCodesDatesAndUniqueIds() {
    assertThat(members.keySet()).allMatch(m -> MSNO.matcher(m).matches());
    Set<Integer> cities = new HashSet<>();
    Set<Integer> channels = new HashSet<>();
    for (SimFiles.Member m : members.values()) {
      cities.add(m.city());
      channels.add(m.via());
      assertThat(m.gender()).isIn("male", "female", "");
      assertThat(m.registered()).isBefore(Period.of(2016, 7).firstDay());
    }
    assertThat(cities).allMatch(c -> c >= 1 && c <= 22).hasSizeGreaterThan(10);
    assertThat(channels).containsExactlyInAnyOrder(3, 4, 7, 9, 13);
  }

  @Test
  void transactions_andLogs_referToKnownMembersWithValidDatesAndValues() {
    for (SimFiles.Tx t : transactions) {
      assertThat(members).containsKey(t.msno());
      assertThat(t.planDays()).isIn(7, 30, 90, 180, 410);
      assertThat(t.paid()).isBetween(0, t.listPrice());
      if (!t.cancel()) {
        assertThat(t.expiry()).isAfterOrEqualTo(t.date().plusDays(t.planDays()));
      } else {
        assertThat(t.expiry()).isAfterOrEqualTo(t.date());
      }
    }
    Map<Integer, Integer> planCounts = new HashMap<>();
    transactions.forEach(t -> planCounts.merge(t.planDays(), 1, Integer::sum));
    assertThat(planCounts.get(30)).isGreaterThan(transactions.size() * 3 / 4);
    assertThat(transactions).anyMatch(SimFiles.Tx::cancel);
    assertThat(transactions).anyMatch(t -> t.paid() < t.listPrice() && t.listPrice() > 0);

    // plain checks per row (AssertJ per cell would dominate the test's time); first problem wins
    List<String> problems = new ArrayList<>();
    SimFiles.forEachRow(
        result.userLogs().get(0),
        f -> {
          if (!problems.isEmpty()) {
            return;
          }
          String row = String.join(",", f);
          int date = Integer.parseInt(f[1]);
          Dates.parseYyyymmdd(date);
          int sum = 0;
          boolean negative = false;
          for (int i = 2; i <= 6; i++) {
            int n = Integer.parseInt(f[i]);
            negative |= n < 0;
            sum += n;
          }
          int unique = Integer.parseInt(f[7]);
          Double.parseDouble(f[8]);
          if (!members.containsKey(f[0])) {
            problems.add("unknown msno: " + row);
          } else if (date < 20160101 || date > 20160630) {
            problems.add("date outside the simulated months: " + row);
          } else if (negative || sum <= 0 || unique < 1 || unique > sum) {
            problems.add("bad counts: " + row);
          }
        });
    assertThat(problems).isEmpty();
  }

  @Test
  void labels_agreeWithTheReferenceRuleAppliedToTheWrittenTransactions() {
    for (SimulationResult.Month m : result.months()) {
      Map<String, Boolean> written = SimFiles.labels(m.labels());
      Map<String, Boolean> reference = SimFiles.referenceLabels(transactions, m.month());
      assertThat(written).as(m.month().toString()).isEqualTo(reference);
    }
  }

  @Test
  void churnRate_ofEveryCohort_isNearTheTarget() {
    double sum = 0;
    for (SimulationResult.Month m : result.months()) {
      assertThat(m.churnRate()).as(m.month().toString()).isBetween(0.04, 0.14);
      assertThat(m.cohortSize()).isGreaterThan(3_000);
      sum += m.churnRate();
    }
    assertThat(sum / 6).isCloseTo(0.08, within(0.02));
    // the base stays roughly stable
    for (SimulationResult.Month m : result.months()) {
      assertThat(m.activeAtStart()).isBetween(4_250, 5_750);
    }
  }

  @Test
  void daysActiveBeforeTheMonth_predictsChurn() {
    for (SimulationResult.Month m : result.months().subList(1, 6)) {
      Map<String, Integer> days = activity.daysActive(m.month().asOf(), 30);
      Map<String, Boolean> labels = SimFiles.labels(m.labels());
      double[] scores = new double[labels.size()];
      boolean[] churn = new boolean[labels.size()];
      int i = 0;
      for (Map.Entry<String, Boolean> e : labels.entrySet()) {
        scores[i] = -days.getOrDefault(e.getKey(), 0);
        churn[i++] = e.getValue();
      }
      double auc = BinaryMetrics.rocAuc(scores, churn);
      assertThat(auc).as(m.month().toString()).isGreaterThan(0.65);
    }
  }

  @Test
  void dirtyValues_appearAtTheConfiguredRates() {
    SimulationResult.DirtyCounts dirty = result.dirty();
    long n = result.memberRows();
    long ages = members.values().stream().filter(m -> m.bd() < 0 || m.bd() > 100).count();
    long noGender = members.values().stream().filter(m -> m.gender().isEmpty()).count();
    assertThat(ages).isEqualTo(dirty.agesOutOfRange());
    assertThat(noGender).isEqualTo(dirty.missingGender());
    assertThat((double) ages / n).isCloseTo(0.02, within(0.006));
    assertThat((double) noGender / n).isCloseTo(0.3, within(0.03));
    assertThat(members.values().stream().filter(m -> m.bd() == 0).count())
        .isGreaterThan(noGender / 2);

    long duplicates = 0;
    for (int i = 1; i < transactions.size(); i++) {
      if (transactions.get(i).line().equals(transactions.get(i - 1).line())) {
        duplicates++;
      }
    }
    assertThat(duplicates).isEqualTo(dirty.duplicateTransactions());
    assertThat((double) duplicates / (transactions.size() - duplicates))
        .isCloseTo(0.01, within(0.004));

    long[] extreme = {0};
    SimFiles.forEachRow(
        result.userLogs().get(0),
        f -> {
          double secs = Double.parseDouble(f[8]);
          if (Math.abs(secs) > 9e15) {
            assertThat(Math.abs(secs)).isCloseTo(9.223372036854776e15, within(1e3));
            extreme[0]++;
          } else {
            assertThat(secs).isPositive().isLessThan(100_000);
          }
        });
    assertThat(extreme[0]).isEqualTo(dirty.extremeTotalSecs());
    assertThat((double) extreme[0] / result.userLogRows()).isCloseTo(0.001, within(0.0003));
  }
}
