package dev.churn.examples.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.churn.core.metrics.BinaryMetrics;
import dev.churn.core.time.Period;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks that data drift changes the distributions from its month on and that concept drift
 * changes what predicts churn (5,000 members x 6 months, both drifts from month 4).
 */
class KkboxSimulatorDriftTest {

  @TempDir static Path dir;

  static SimulationResult result;
  static Map<String, SimFiles.Member> members;
  static List<SimFiles.Tx> transactions;
  static SimFiles.Activity activity;

  @BeforeAll
  static void simulate() {
    result =
        KkboxSimulator.builder()
            .members(5_000)
            .months(6)
            .seed(5)
            .dataDriftAt(4)
            .conceptDriftAt(4)
            .build()
            .simulate(dir);
    members = SimFiles.members(result.members());
    transactions = SimFiles.transactions(result.transactions());
    activity = new SimFiles.Activity(result.userLogs());
  }

  @Test
  void result_reportsTheDriftMonths() {
    assertThat(result.drift().dataDriftFrom()).contains(Period.of(2016, 4));
    assertThat(result.drift().conceptDriftFrom()).contains(Period.of(2016, 4));
  }

  @Test
  void dataDrift_lowersListeningVolumeFromItsMonth() {
    double[] sum = new double[2];
    long[] n = new long[2];
    SimFiles.forEachRow(
        result.userLogs().get(0),
        f -> {
          double secs = Double.parseDouble(f[8]);
          if (Math.abs(secs) < 1e15) {
            int i = Integer.parseInt(f[1]) >= 20160401 ? 1 : 0;
            sum[i] += secs;
            n[i]++;
          }
        });
    double before = sum[0] / n[0];
    double after = sum[1] / n[1];
    assertThat(after / before).isBetween(0.5, 0.8);
  }

  @Test
  void dataDrift_bringsANewChannelAndAnotherCityMixForNewMembers() {
    LocalDate driftStart = LocalDate.of(2016, 4, 1);
    int[] before = new int[3]; // members, channel 16, city 1
    int[] after = new int[3];
    for (SimFiles.Member m : members.values()) {
      int[] c = m.registered().isBefore(driftStart) ? before : after;
      c[0]++;
      c[1] += m.via() == 16 ? 1 : 0;
      c[2] += m.city() == 1 ? 1 : 0;
    }
    assertThat(before[1]).isZero();
    assertThat((double) after[1] / after[0]).isBetween(0.25, 0.45);
    assertThat((double) before[2] / before[0]).isGreaterThan(0.38);
    assertThat((double) after[2] / after[0]).isLessThan(0.32);
  }

  @Test
  void dataDrift_raisesListPrices() {
    Set<Integer> before = new TreeSet<>();
    Set<Integer> after = new TreeSet<>();
    for (SimFiles.Tx t : transactions) {
      if (t.planDays() == 30 && !t.cancel()) {
        (t.date().isBefore(LocalDate.of(2016, 4, 1)) ? before : after).add(t.listPrice());
      }
    }
    assertThat(before).containsExactly(99, 149, 180);
    assertThat(after).containsExactly(114, 171, 207);
  }

  @Test
  void conceptDrift_movesTheSignalFromEngagementToDiscounts() {
    double[] engagementAuc = new double[2];
    double[] discountAuc = new double[2];
    int[][] months = {{2, 3}, {5, 6}};
    for (int phase = 0; phase < 2; phase++) {
      List<Double> listening = new ArrayList<>();
      List<Double> discount = new ArrayList<>();
      List<Boolean> churn = new ArrayList<>();
      for (int k : months[phase]) {
        SimulationResult.Month m = result.months().get(k - 1);
        Map<String, Integer> days = activity.daysActive(m.month().asOf(), 30);
        Map<String, Boolean> discounted = lastPaidDiscounted(m.month().asOf());
        SimFiles.labels(m.labels())
            .forEach(
                (msno, c) -> {
                  listening.add(-(double) days.getOrDefault(msno, 0));
                  discount.add(discounted.getOrDefault(msno, false) ? 1.0 : 0.0);
                  churn.add(c);
                });
      }
      boolean[] labels = new boolean[churn.size()];
      for (int i = 0; i < labels.length; i++) {
        labels[i] = churn.get(i);
      }
      engagementAuc[phase] = BinaryMetrics.rocAuc(toArray(listening), labels);
      discountAuc[phase] = BinaryMetrics.rocAuc(toArray(discount), labels);
    }
    assertThat(engagementAuc[0]).isGreaterThan(0.68);
    assertThat(engagementAuc[1]).isLessThan(engagementAuc[0] - 0.05);
    assertThat(discountAuc[1]).isGreaterThan(discountAuc[0] + 0.05);
  }

  /** Whether each member's latest paid transaction before asOf was discounted. */
  private static Map<String, Boolean> lastPaidDiscounted(LocalDate asOf) {
    Map<String, Boolean> last = new HashMap<>();
    for (SimFiles.Tx t : transactions) {
      if (!t.cancel() && t.date().isBefore(asOf)) {
        last.put(t.msno(), t.paid() < t.listPrice());
      }
    }
    return last;
  }

  private static double[] toArray(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
