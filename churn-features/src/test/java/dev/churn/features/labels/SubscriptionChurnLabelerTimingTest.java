package dev.churn.features.labels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.churn.core.table.Dictionary;
import dev.churn.core.table.Table;
import dev.churn.core.time.Period;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A rough timing of the labeler at KKBox scale: 1M members, ~20M transactions in random row
 * order. Not part of the normal suite (it needs ~2 GB and half a minute); run it with
 *
 * <pre>
 * mvn -o verify -pl churn-features -Dchurn.timing=true -Dtest=SubscriptionChurnLabelerTimingTest
 * </pre>
 *
 * It prints the timings; the only assertions are sanity checks of the result.
 */
@EnabledIfSystemProperty(named = "churn.timing", matches = "true")
class SubscriptionChurnLabelerTimingTest {
  private static final int MEMBERS = 1_000_000;
  private static final int PER_MEMBER = 20;

  @Test
  void label_oneMillionMembers_twentyMillionTransactions() {
    int n = MEMBERS * PER_MEMBER;
    int[] member = new int[n];
    int[] date = new int[n];
    int[] expire = new int[n];
    boolean[] cancel = new boolean[n];
    SplittableRandom random = new SplittableRandom(20261123L);
    int march = (int) Period.of(2017, 3).firstDay().toEpochDay();
    int i = 0;
    for (int m = 0; m < MEMBERS; m++) {
      // ~20 monthly renewals ending somewhere around March 2017, a cancellation now and then
      int day = march - 600 + random.nextInt(240);
      for (int k = 0; k < PER_MEMBER; k++, i++) {
        boolean c = random.nextInt(20) == 0;
        int plan = random.nextInt(10) == 0 ? 90 : 30;
        member[i] = m;
        date[i] = day;
        expire[i] = c ? day + random.nextInt(10) : day + plan;
        cancel[i] = c;
        day += plan - random.nextInt(3) + (random.nextInt(15) == 0 ? random.nextInt(60) : 0);
      }
    }
    shuffleRows(random, member, date, expire, cancel);
    Dictionary ids = Dictionary.of(new AbstractList<String>() {
      @Override
      public String get(int index) {
        return "member" + index;
      }

      @Override
      public int size() {
        return MEMBERS;
      }
    });

    try (BufferAllocator allocator = new RootAllocator();
        Table tx =
            Table.builder(allocator)
                .categorical("msno", member, ids)
                .dateEpochDays("transaction_date", date)
                .dateEpochDays("membership_expire_date", expire)
                .bool("is_cancel", cancel)
                .build()) {
      SubscriptionChurnLabeler labeler = SubscriptionChurnLabeler.kkbox();
      long[] nanos = new long[5];
      int cohort = 0;
      int churners = 0;
      for (int run = 0; run < nanos.length; run++) {
        long start = System.nanoTime();
        try (Table c = labeler.label(tx, Period.of(2017, 3))) {
          nanos[run] = System.nanoTime() - start;
          cohort = c.rowCount();
          churners = c.bool("is_churn").trueCount();
        }
      }
      Arrays.sort(nanos);
      System.out.printf(
          "SubscriptionChurnLabeler: %,d members, %,d transactions, cohort %,d (%.1f%% churn): "
              + "min %.2f s, median %.2f s, max %.2f s over %d runs (%d cores)%n",
          MEMBERS, n, cohort, 100.0 * churners / cohort, nanos[0] / 1e9,
          nanos[nanos.length / 2] / 1e9, nanos[nanos.length - 1] / 1e9, nanos.length,
          Runtime.getRuntime().availableProcessors());
      assertThat(cohort).isBetween(MEMBERS / 20, MEMBERS);
      assertThat(churners).isPositive().isLessThan(cohort);
    }
  }

  private static void shuffleRows(
      SplittableRandom random, int[] a, int[] b, int[] c, boolean[] d) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
      t = b[i];
      b[i] = b[j];
      b[j] = t;
      t = c[i];
      c[i] = c[j];
      c[j] = t;
      boolean x = d[i];
      d[i] = d[j];
      d[j] = x;
    }
  }
}
