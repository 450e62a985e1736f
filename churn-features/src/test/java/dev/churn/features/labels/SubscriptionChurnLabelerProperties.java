package dev.churn.features.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.churn.core.table.Table;
import dev.churn.core.time.Period;
import dev.churn.features.labels.NaiveChurnLabels.Labeled;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Property tests of {@link SubscriptionChurnLabeler} on random transaction histories of a few
 * members around the labelled month: dense enough that same-day transactions, cancellations,
 * overlaps, window boundaries and missing values all occur often.
 *
 * <p>The seed is fixed so that every run checks the same examples.
 */
class SubscriptionChurnLabelerProperties {
  private static final long SEED = 20261123L;
  private static final int EXAMPLES = 400;

  private static final List<Period> MONTHS =
      List.of(Period.of(2016, 2), Period.of(2017, 2), Period.of(2017, 3), Period.of(2017, 4),
          Period.of(2017, 12));

  private BufferAllocator allocator;

  private static QuickTheory qt() {
    return QuickTheory.qt().withFixedSeed(SEED).withExamples(EXAMPLES);
  }

  @BeforeEach
  void open() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void allocatorIsEmptyAfterUse() {
    assertThat(allocator.getAllocatedMemory()).as("Arrow memory still held").isZero();
    allocator.close();
  }

  /** A labelling problem: a month, the labeler's settings and a history. */
  record Case(Period month, int windowDays, int asOfOffsetDays, List<Tx> txs) {
    SubscriptionChurnLabeler labeler() {
      return SubscriptionChurnLabeler.builder()
          .windowDays(windowDays)
          .asOfOffsetDays(asOfOffsetDays)
          .build();
    }

    LocalDate asOf() {
      return month.firstDay().plusDays(asOfOffsetDays);
    }

    Case with(List<Tx> other) {
      return new Case(month, windowDays, asOfOffsetDays, other);
    }
  }

  /**
   * One transaction of members m0..m5, dated 100 days before to 75 days after the month's first
   * day, expiring 15 days before to 120 days after it was made (plans of 30 days are frequent),
   * cancelled one time in four, each field missing one time in 25.
   */
  private static Gen<Tx> transaction(Period month) {
    Gen<Integer> member = integers().between(0, 5);
    Gen<Integer> day = integers().between(-100, 75);
    Gen<Integer> length =
        Generate.frequency(
            org.quicktheories.api.Pair.of(3, Generate.constant(30)),
            org.quicktheories.api.Pair.of(4, integers().between(-15, 120)));
    Gen<Integer> flags = integers().between(0, 99);
    return member.zip(day, length, flags, (m, d, len, f) -> {
      LocalDate date = month.firstDay().plusDays(d);
      boolean cancel = f % 4 == 0;
      return new Tx(
          f == 1 ? null : "m" + m,
          f == 2 ? null : date,
          f == 3 ? null : date.plusDays(len),
          f == 5 ? null : cancel);
    });
  }

  private static Gen<Case> cases() {
    return Generate.pick(MONTHS).flatMap(month ->
        integers().between(0, 45).zip(
            Generate.frequency(
                org.quicktheories.api.Pair.of(2, Generate.constant(0)),
                org.quicktheories.api.Pair.of(1, integers().between(-20, 0))),
            lists().of(transaction(month)).ofSizeBetween(0, 40),
            (w, off, txs) -> new Case(month, w, off, txs)));
  }

  /** Runs the labeler and returns the cohort as msno to (expiry, label). */
  private TreeMap<String, Labeled> run(Case c) {
    TreeMap<String, Labeled> out = new TreeMap<>();
    try (Table t = Tx.table(allocator, c.txs());
        Table cohort = c.labeler().label(t, c.month())) {
      int previousCode = -1;
      for (int r = 0; r < cohort.rowCount(); r++) {
        int code = cohort.categorical("msno").code(r);
        assertThat(code).as("rows in ascending code order").isGreaterThan(previousCode);
        previousCode = code;
        assertThat(cohort.date("as_of").get(r)).contains(c.asOf());
        out.put(
            cohort.categorical("msno").get(r).orElseThrow(),
            new Labeled(cohort.date("expiry").get(r).orElseThrow(), cohort.bool("is_churn").get(r)));
      }
    }
    return out;
  }

  private static TreeMap<String, LocalDate> expiries(Map<String, Labeled> cohort) {
    TreeMap<String, LocalDate> out = new TreeMap<>();
    cohort.forEach((m, l) -> out.put(m, l.expiry()));
    return out;
  }

  @Test
  void labeler_equalsTheNaiveReference() {
    int[] seen = new int[3]; // cohort members, churners, cases with a cohort
    qt().forAll(cases())
        .checkAssert(c -> {
          TreeMap<String, Labeled> expected =
              NaiveChurnLabels.label(c.txs(), c.month(), c.windowDays(), c.asOfOffsetDays());
          assertThat(run(c)).as("%s", c).isEqualTo(expected);
          seen[0] += expected.size();
          seen[1] += (int) expected.values().stream().filter(Labeled::churn).count();
          seen[2] += expected.isEmpty() ? 0 : 1;
        });
    // the generator must exercise both labels often, or the property proves little
    assertThat(seen[2]).as("cases with a non-empty cohort").isGreaterThan(EXAMPLES / 2);
    assertThat(seen[1]).as("churners").isGreaterThan(seen[0] / 5);
    assertThat(seen[0] - seen[1]).as("renewals").isGreaterThan(seen[0] / 5);
  }

  @Test
  void labeler_doesNotDependOnFileOrder() {
    qt().forAll(cases(), longs().all())
        .checkAssert((c, seed) -> {
          List<Tx> shuffled = new ArrayList<>(c.txs());
          java.util.Collections.shuffle(shuffled, new Random(seed));
          assertThat(run(c.with(shuffled))).as("%s", c).isEqualTo(run(c));
        });
  }

  @Test
  void labels_neverDependOnTransactionsAfterExpiryPlusWindow() {
    qt().forAll(cases(), longs().all())
        .checkAssert((c, seed) -> {
          TreeMap<String, Labeled> before = run(c);
          Random random = new Random(seed);
          List<Tx> changed = new ArrayList<>();
          for (Tx t : c.txs()) {
            Labeled l = t.msno() == null ? null : before.get(t.msno());
            boolean late =
                t.date() != null
                    && (l != null
                        ? t.date().isAfter(l.expiry().plusDays(c.windowDays()))
                        : !t.date().isBefore(c.asOf()));
            if (!late) {
              changed.add(t);
            } else if (random.nextBoolean()) {
              // keep it, but make it look like a renewal, or a cancellation, with another expiry
              changed.add(new Tx(t.msno(), t.date(), t.date().plusDays(random.nextInt(60)),
                  random.nextBoolean()));
            } // else: drop it
          }
          for (Map.Entry<String, Labeled> e : before.entrySet()) {
            // a renewal one day too late for the window
            LocalDate tooLate = e.getValue().expiry().plusDays(c.windowDays() + 1L);
            changed.add(random.nextInt(changed.size() + 1),
                new Tx(e.getKey(), tooLate, tooLate.plusDays(30), false));
          }
          assertThat(run(c.with(changed))).as("%s", c).isEqualTo(before);
        });
  }

  @Test
  void cohort_neverDependsOnTransactionsAtOrAfterAsOf_exceptThroughTheLabel() {
    qt().forAll(cases(), longs().all())
        .checkAssert((c, seed) -> {
          Random random = new Random(seed);
          List<Tx> changed = new ArrayList<>();
          for (Tx t : c.txs()) {
            if (t.date() == null || t.date().isBefore(c.asOf())) {
              changed.add(t);
            } else if (random.nextInt(3) > 0) {
              changed.add(new Tx(t.msno(), t.date(),
                  t.date().plusDays(random.nextInt(150) - 20), random.nextBoolean()));
            } // else: drop it
          }
          for (int i = 0; i < random.nextInt(6); i++) {
            LocalDate d = c.asOf().plusDays(random.nextInt(90));
            changed.add(new Tx("m" + random.nextInt(8), d, d.plusDays(random.nextInt(90) - 10),
                random.nextBoolean()));
          }
          assertThat(expiries(run(c.with(changed)))).as("%s", c).isEqualTo(expiries(run(c)));
        });
  }
}
