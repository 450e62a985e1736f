package dev.churn.features.labels;

import static dev.churn.features.labels.Tx.cancel;
import static dev.churn.features.labels.Tx.renew;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.churn.core.table.ColumnRole;
import dev.churn.core.table.Dictionary;
import dev.churn.core.table.Table;
import dev.churn.core.time.Period;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Edge cases of the churn rule, each with hand-written transactions. Unless a test says
 * otherwise the month is March 2017, {@code as_of} is 2017-03-01 and the window 30 days.
 */
class SubscriptionChurnLabelerTest {
  private static final Period MARCH = Period.of(2017, 3);
  private final SubscriptionChurnLabeler kkbox = SubscriptionChurnLabeler.kkbox();
  private BufferAllocator allocator;

  @BeforeEach
  void open() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void allocatorIsEmptyAfterUse() {
    assertThat(allocator.getAllocatedMemory()).as("Arrow memory still held").isZero();
    allocator.close();
  }

  /** Labels the transactions and returns the cohort as lines "msno,as_of,expiry,is_churn". */
  private List<String> cohort(SubscriptionChurnLabeler labeler, Period month, Tx... txs) {
    try (Table t = Tx.table(allocator, List.of(txs));
        Table cohort = labeler.label(t, month)) {
      return lines(cohort);
    }
  }

  private List<String> cohort(Tx... txs) {
    return cohort(kkbox, MARCH, txs);
  }

  private static List<String> lines(Table cohort) {
    List<String> out = new ArrayList<>();
    for (int r = 0; r < cohort.rowCount(); r++) {
      out.add(cohort.column(0).format(r) + "," + cohort.column(1).format(r) + ","
          + cohort.column(2).format(r) + "," + cohort.column(3).format(r));
    }
    return out;
  }

  @Test
  void label_expiryInMonth_churnsWithoutRenewal_andRenewsWithOne() {
    assertThat(
            cohort(
                renew("a", "2017-02-01", "2017-03-01"),
                renew("a", "2017-03-01", "2017-03-31"),
                renew("b", "2017-02-10", "2017-03-10")))
        .containsExactly("a,2017-03-01,2017-03-01,false", "b,2017-03-01,2017-03-10,true");
  }

  @Test
  void label_outputSchemaRolesAndCodes() {
    try (Table t =
            Tx.table(allocator, List.of(
                renew("z", "2017-01-01", "2017-01-31"),
                renew("b", "2017-02-10", "2017-03-10"),
                renew("a", "2017-02-01", "2017-03-02")));
        Table c = kkbox.label(t, MARCH)) {
      assertThat(c.schema()).isEqualTo(SubscriptionChurnLabeler.cohortSchema());
      assertThat(c.schema().single(ColumnRole.ENTITY).orElseThrow().name()).isEqualTo("msno");
      assertThat(c.schema().single(ColumnRole.TIMESTAMP).orElseThrow().name()).isEqualTo("as_of");
      assertThat(c.schema().single(ColumnRole.LABEL).orElseThrow().name()).isEqualTo("is_churn");
      // rows in code order, codes into the input's own dictionary
      assertThat(c.categorical("msno").dictionary())
          .isEqualTo(t.categorical("msno").dictionary());
      assertThat(c.categorical("msno").codes()).containsExactly(1, 2);
      assertThat(c.allocator()).isSameAs(allocator);
    }
  }

  @Test
  void label_membersWithoutTransactionsBeforeAsOf_areNotInTheCohort() {
    assertThat(
            cohort(
                renew("later", "2017-03-01", "2017-03-31"), // first transaction on as_of
                new Tx("unusable", LocalDate.parse("2017-02-01"), null, false),
                new Tx("unusable2", LocalDate.parse("2017-02-01"),
                    LocalDate.parse("2017-03-05"), null),
                new Tx(null, LocalDate.parse("2017-02-01"), LocalDate.parse("2017-03-05"), false)))
        .isEmpty();
    assertThat(cohort()).isEmpty();
  }

  @Test
  void label_dictionaryMembersWithoutAnyTransaction_areNotInTheCohort() {
    // as with a member dictionary shared across tables: "idle" is known but never transacted
    Dictionary members = Dictionary.of(List.of("idle", "a", "b"));
    try (Table t =
            Table.builder(allocator)
                .categorical("msno", new int[] {2, 1}, members)
                .date("transaction_date",
                    new LocalDate[] {LocalDate.of(2017, 2, 1), LocalDate.of(2017, 2, 2)})
                .date("membership_expire_date",
                    new LocalDate[] {LocalDate.of(2017, 3, 3), LocalDate.of(2017, 3, 2)})
                .bool("is_cancel", new boolean[] {false, false})
                .build();
        Table c = kkbox.label(t, MARCH)) {
      assertThat(lines(c))
          .containsExactly("a,2017-03-01,2017-03-02,true", "b,2017-03-01,2017-03-03,true");
      assertThat(c.categorical("msno").codes()).containsExactly(1, 2);
      assertThat(c.categorical("msno").dictionary()).isEqualTo(members);
    }
  }

  @Test
  void label_expiryOutsideTheMonth_isNotInTheCohort() {
    assertThat(
            cohort(
                renew("feb", "2017-01-28", "2017-02-28"),
                renew("apr", "2017-03-01", "2017-04-01"),
                renew("apr", "2017-02-01", "2017-04-01"),
                renew("first", "2017-02-01", "2017-03-01"),
                renew("last", "2017-02-28", "2017-03-31")))
        .containsExactly("first,2017-03-01,2017-03-01,true", "last,2017-03-01,2017-03-31,true");
  }

  @Test
  void label_cancellationMovesTheExpiryEarlier() {
    assertThat(
            cohort(
                renew("a", "2017-01-15", "2017-04-15"),
                cancel("a", "2017-02-20", "2017-03-05"),
                renew("b", "2017-01-15", "2017-03-20"),
                cancel("b", "2017-02-20", "2017-02-20")))
        .containsExactly("a,2017-03-01,2017-03-05,true");
  }

  @Test
  void label_cancellationOverridesEvenToALaterExpiry() {
    assertThat(
            cohort(
                renew("a", "2017-02-01", "2017-03-01"),
                cancel("a", "2017-02-15", "2017-03-20")))
        .containsExactly("a,2017-03-01,2017-03-20,true");
  }

  @Test
  void label_renewalAfterACancellation_extendsAgain() {
    assertThat(
            cohort(
                renew("a", "2017-01-01", "2017-04-01"),
                cancel("a", "2017-02-01", "2017-02-15"),
                renew("a", "2017-02-16", "2017-03-16")))
        .containsExactly("a,2017-03-01,2017-03-16,true");
  }

  @Test
  void label_cancellationIsNeverARenewal() {
    assertThat(
            cohort(
                renew("a", "2017-02-10", "2017-03-10"),
                cancel("a", "2017-03-12", "2017-04-12"),
                cancel("a", "2017-03-05", "2017-05-05")))
        .containsExactly("a,2017-03-01,2017-03-10,true");
  }

  @Test
  void label_sameDay_nonCancelBeforeCancel_whateverTheFileOrder() {
    List<String> expected = List.of("a,2017-03-01,2017-03-10,true");
    assertThat(
            cohort(
                cancel("a", "2017-02-10", "2017-03-10"),
                renew("a", "2017-02-10", "2017-04-10")))
        .isEqualTo(expected);
    assertThat(
            cohort(
                renew("a", "2017-02-10", "2017-04-10"),
                cancel("a", "2017-02-10", "2017-03-10")))
        .isEqualTo(expected);
  }

  @Test
  void label_sameDay_severalCancellations_theLatestExpiryWins() {
    List<String> expected = List.of("a,2017-03-01,2017-03-25,true");
    assertThat(
            cohort(
                renew("a", "2017-01-10", "2017-04-10"),
                cancel("a", "2017-02-10", "2017-03-25"),
                cancel("a", "2017-02-10", "2017-03-05")))
        .isEqualTo(expected);
    assertThat(
            cohort(
                renew("a", "2017-01-10", "2017-04-10"),
                cancel("a", "2017-02-10", "2017-03-05"),
                cancel("a", "2017-02-10", "2017-03-25")))
        .isEqualTo(expected);
  }

  @Test
  void label_sameDay_severalRenewals_theLatestExpiryWins() {
    assertThat(
            cohort(
                renew("a", "2017-02-10", "2017-03-25"),
                renew("a", "2017-02-10", "2017-03-05")))
        .containsExactly("a,2017-03-01,2017-03-25,true");
  }

  @Test
  void label_overlappingPlans_renewalBeforeExpiryExtendsIt() {
    Tx[] txs = {
      // renewed before expiry, past March: not in March's cohort, in April's with the new expiry
      renew("past", "2017-01-01", "2017-03-10"),
      renew("past", "2017-02-20", "2017-04-20"),
      // renewed before expiry, still in March: in the cohort with the later expiry
      renew("within", "2017-01-01", "2017-03-05"),
      renew("within", "2017-02-20", "2017-03-25"),
      // a later transaction with an earlier expiry does not shorten the membership
      renew("shorter", "2017-01-01", "2017-03-25"),
      renew("shorter", "2017-02-01", "2017-03-02")
    };
    assertThat(cohort(txs))
        .containsExactly("within,2017-03-01,2017-03-25,true", "shorter,2017-03-01,2017-03-25,true");
    assertThat(cohort(kkbox, Period.of(2017, 4), txs))
        .containsExactly("past,2017-04-01,2017-04-20,true");
  }

  @Test
  void label_renewalAfterAsOfButBeforeExpiry_counts() {
    assertThat(
            cohort(
                renew("a", "2017-02-20", "2017-03-20"),
                renew("a", "2017-03-05", "2017-04-20")))
        .containsExactly("a,2017-03-01,2017-03-20,false");
  }

  @Test
  void label_expiryOnTheLastDay_windowRunsIntoTheNextMonth() {
    assertThat(
            cohort(
                renew("day30", "2017-02-28", "2017-03-31"),
                renew("day30", "2017-04-30", "2017-05-30"),
                renew("day31", "2017-02-28", "2017-03-31"),
                renew("day31", "2017-05-01", "2017-05-31")))
        .containsExactly(
            "day30,2017-03-01,2017-03-31,false", "day31,2017-03-01,2017-03-31,true");
  }

  @Test
  void label_windowBoundary_day30CountsDay31DoesNot() {
    Tx[] txs = {
      renew("d30", "2017-02-10", "2017-03-10"),
      renew("d30", "2017-04-09", "2017-05-09"),
      renew("d31", "2017-02-10", "2017-03-10"),
      renew("d31", "2017-04-10", "2017-05-10")
    };
    assertThat(cohort(txs))
        .containsExactly("d30,2017-03-01,2017-03-10,false", "d31,2017-03-01,2017-03-10,true");
    SubscriptionChurnLabeler w31 = SubscriptionChurnLabeler.builder().windowDays(31).build();
    assertThat(cohort(w31, MARCH, txs))
        .containsExactly("d30,2017-03-01,2017-03-10,false", "d31,2017-03-01,2017-03-10,false");
  }

  @Test
  void label_zeroWindow_onlyRenewalsUpToTheExpiryDayCount() {
    SubscriptionChurnLabeler w0 = SubscriptionChurnLabeler.builder().windowDays(0).build();
    assertThat(
            cohort(
                w0,
                MARCH,
                renew("same", "2017-02-10", "2017-03-10"),
                renew("same", "2017-03-10", "2017-04-10"),
                renew("next", "2017-02-10", "2017-03-10"),
                renew("next", "2017-03-11", "2017-04-11")))
        .containsExactly("same,2017-03-01,2017-03-10,false", "next,2017-03-01,2017-03-10,true");
  }

  @Test
  void label_transactionsAfterTheWindow_doNotSaveAChurn() {
    assertThat(
            cohort(
                renew("a", "2017-02-10", "2017-03-10"),
                renew("a", "2017-05-01", "2017-06-01"),
                renew("a", "2017-12-01", "2018-01-01")))
        .containsExactly("a,2017-03-01,2017-03-10,true");
  }

  @Test
  void label_unusableRows_areIgnored() {
    assertThat(
            cohort(
                renew("a", "2017-02-10", "2017-03-10"),
                new Tx("a", LocalDate.parse("2017-03-11"), LocalDate.parse("2017-04-11"), null),
                new Tx("a", null, LocalDate.parse("2017-04-11"), false),
                new Tx("a", LocalDate.parse("2017-03-12"), null, false)))
        .containsExactly("a,2017-03-01,2017-03-10,true");
  }

  @Test
  void label_asOfOffset_movesTheSnapshotEarlier() {
    SubscriptionChurnLabeler weekEarly =
        SubscriptionChurnLabeler.builder().asOfOffsetDays(-7).build();
    assertThat(weekEarly.asOf(MARCH)).isEqualTo(LocalDate.of(2017, 2, 22));
    // the renewal of 2017-02-25 is after as_of: unknown to the cohort, but it saves the member
    assertThat(
            cohort(
                weekEarly,
                MARCH,
                renew("a", "2017-02-01", "2017-03-01"),
                renew("a", "2017-02-25", "2017-03-25"),
                renew("b", "2017-02-01", "2017-03-03"),
                renew("b", "2017-02-21", "2017-03-21")))
        .containsExactly("a,2017-02-22,2017-03-01,false", "b,2017-02-22,2017-03-21,true");
  }

  @Test
  void label_idMsnoAndNumericCancel_areAcceptedToo() {
    List<Tx> txs =
        List.of(
            renew("a", "2017-02-01", "2017-03-01"),
            renew("a", "2017-03-01", "2017-03-31"),
            renew("b", "2017-02-10", "2017-03-10"),
            cancel("b", "2017-03-12", "2017-04-10"));
    try (Table t =
            Table.builder(allocator)
                .id("msno", txs.stream().map(Tx::msno).toArray(String[]::new))
                .date("transaction_date", txs.stream().map(Tx::date).toArray(LocalDate[]::new))
                .date("membership_expire_date",
                    txs.stream().map(Tx::expire).toArray(LocalDate[]::new))
                .numeric("is_cancel",
                    txs.stream().mapToDouble(x -> x.cancel() ? 1 : 0).toArray())
                .build();
        Table c = kkbox.label(t, MARCH)) {
      assertThat(lines(c))
          .containsExactly("a,2017-03-01,2017-03-01,false", "b,2017-03-01,2017-03-10,true");
    }
  }

  @Test
  void label_missingOrMistypedColumns_failNamingTheColumn() {
    try (Table noCancel =
        Table.builder(allocator)
            .categorical("msno", new String[] {"a"})
            .date("transaction_date", new LocalDate[] {LocalDate.of(2017, 2, 1)})
            .date("membership_expire_date", new LocalDate[] {LocalDate.of(2017, 3, 1)})
            .build()) {
      assertThatThrownBy(() -> kkbox.label(noCancel, MARCH))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'is_cancel'");
    }
    try (Table textDate =
        Table.builder(allocator)
            .categorical("msno", new String[] {"a"})
            .categorical("transaction_date", new String[] {"20170201"})
            .date("membership_expire_date", new LocalDate[] {LocalDate.of(2017, 3, 1)})
            .bool("is_cancel", new boolean[] {false})
            .build()) {
      assertThatThrownBy(() -> kkbox.label(textDate, MARCH))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'transaction_date' to be DATE but it is CATEGORICAL");
    }
  }

  @Test
  void builder_validatesAndDates() {
    assertThatThrownBy(() -> SubscriptionChurnLabeler.builder().windowDays(-1))
        .hasMessage("windowDays was -1 but it must be in [0, 3660]");
    assertThatThrownBy(() -> SubscriptionChurnLabeler.builder().asOfOffsetDays(1))
        .hasMessage("asOfOffsetDays was 1 but it must be in [-366, 0]");
    assertThat(kkbox.windowDays()).isEqualTo(30);
    assertThat(kkbox.asOfOffsetDays()).isZero();
    assertThat(kkbox.asOf(MARCH)).isEqualTo(LocalDate.of(2017, 3, 1));
    assertThat(kkbox.labelsKnownOn(MARCH)).isEqualTo(LocalDate.of(2017, 5, 1));
    assertThat(kkbox.labelsKnownOn(Period.of(2016, 2))).isEqualTo(LocalDate.of(2016, 3, 31));
  }
}
