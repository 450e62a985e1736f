package dev.churn.features.kkbox;

import static dev.churn.features.kkbox.KkboxColumns.ACTUAL_AMOUNT_PAID;
import static dev.churn.features.kkbox.KkboxColumns.DATE;
import static dev.churn.features.kkbox.KkboxColumns.IS_AUTO_RENEW;
import static dev.churn.features.kkbox.KkboxColumns.IS_CANCEL;
import static dev.churn.features.kkbox.KkboxColumns.MEMBERSHIP_EXPIRE_DATE;
import static dev.churn.features.kkbox.KkboxColumns.MSNO;
import static dev.churn.features.kkbox.KkboxColumns.NUM_100;
import static dev.churn.features.kkbox.KkboxColumns.NUM_25;
import static dev.churn.features.kkbox.KkboxColumns.NUM_985;
import static dev.churn.features.kkbox.KkboxColumns.NUM_UNQ;
import static dev.churn.features.kkbox.KkboxColumns.PAYMENT_PLAN_DAYS;
import static dev.churn.features.kkbox.KkboxColumns.PLAN_LIST_PRICE;
import static dev.churn.features.kkbox.KkboxColumns.REGISTRATION_INIT_TIME;
import static dev.churn.features.kkbox.KkboxColumns.TOTAL_SECS;
import static dev.churn.features.kkbox.KkboxColumns.TRANSACTION_DATE;

import dev.churn.core.table.BooleanColumn;
import dev.churn.core.table.CategoricalColumn;
import dev.churn.core.table.ColumnRole;
import dev.churn.core.table.NumericColumn;
import dev.churn.core.table.Table;
import dev.churn.features.EventSource;
import dev.churn.features.FeatureGroup;
import dev.churn.features.FeatureStore;
import dev.churn.features.SnapshotSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The default feature set for the KKBox churn tables, in one call: listening windows and trends
 * from {@code user_logs}, the transaction history (plan days, list price, amount paid, discount,
 * auto-renew, cancels, renewals, days to expiry) and the member profile.
 *
 * <pre>{@code
 * try (FeatureStore store = FeatureStore.open(home);
 *      KkboxFeatures.Result r = KkboxFeatures.builder()
 *          .members(dir.resolve("members.csv"))
 *          .transactions(dir.resolve("transactions.csv"))
 *          .userLogs(dir.resolve("user_logs.csv"))
 *          .build()
 *          .compute(store, LocalDate.of(2017, 3, 1))) {
 *   Table features = r.features();   // one row per member, msno first
 * }
 * }</pre>
 *
 * <p>The feature names are part of the contract; among them {@code days_active_30d} (distinct
 * dates with a user_logs row in {@code [D - 30 days, D)}) and {@code num_100_30d} (the sum of
 * {@code num_100} in that window), both 0 for members without logs. Windows never include the
 * as-of date {@code D} itself.
 */
public final class KkboxFeatures {
  /** The listening group, from {@code user_logs}. */
  public static final String LISTENING = "listening";
  /** The transaction-history group, from {@code transactions}. */
  public static final String TRANSACTIONS = "transactions";
  /** The member-profile group, from {@code members}. */
  public static final String MEMBERSHIP = "membership";
  /** The derived transaction column: list price minus amount paid. */
  public static final String DISCOUNT = "discount";
  /** The derived transaction column: 1 for a non-cancel transaction, 0 for a cancel. */
  public static final String IS_RENEWAL = "is_renewal";

  private final Path members;
  private final Path transactions;
  private final Path userLogs;
  private final Consumer<String> progress;

  private KkboxFeatures(Builder b) {
    this.members = b.members;
    this.transactions = b.transactions;
    this.userLogs = b.userLogs;
    this.progress = b.progress;
  }

  /** Returns a builder naming the three input files. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the listening group: activity windows of 7, 30 and 90 days, trends, recency. */
  public static FeatureGroup listening() {
    return FeatureGroup.named(LISTENING).from("user_logs")
        .window(Duration.ofDays(30), w -> w
            .distinctDays().as("days_active_30d")
            .sum(NUM_100).as("num_100_30d")
            .sum(NUM_25).as("num_25_30d")
            .sum(NUM_985).as("num_985_30d")
            .sum(NUM_UNQ).as("num_unq_30d")
            .sum(TOTAL_SECS).as("total_secs_30d")
            .mean(TOTAL_SECS).as("total_secs_mean_30d"))
        .window(Duration.ofDays(7), w -> w
            .distinctDays().as("days_active_7d")
            .sum(TOTAL_SECS).as("total_secs_7d")
            .sum(NUM_100).as("num_100_7d"))
        .window(Duration.ofDays(90), w -> w
            .distinctDays().as("days_active_90d")
            .sum(TOTAL_SECS).as("total_secs_90d"))
        .trend(TOTAL_SECS, Duration.ofDays(30))
        .trend(NUM_100, Duration.ofDays(30))
        .recency("days_since_last_log")
        .ratio("secs_per_active_day_30d", "total_secs_30d", "days_active_30d")
        .ratio("secs_share_7d_of_30d", "total_secs_7d", "total_secs_30d")
        .build();
  }

  /** Returns the transaction-history group over the last one and two years. */
  public static FeatureGroup transactions() {
    return FeatureGroup.named(TRANSACTIONS).from("transactions")
        .window(Duration.ofDays(365), w -> w
            .count().as("transactions_365d")
            .sum(IS_CANCEL).as("cancels_365d")
            .sum(IS_RENEWAL).as("renewals_365d")
            .mean(IS_AUTO_RENEW).as("auto_renew_share_365d")
            .mean(DISCOUNT).as("discount_mean_365d")
            .sum(ACTUAL_AMOUNT_PAID).as("amount_paid_365d"))
        .window(Duration.ofDays(730), w -> w
            .last(PAYMENT_PLAN_DAYS).as("plan_days_last")
            .last(PLAN_LIST_PRICE).as("list_price_last")
            .last(ACTUAL_AMOUNT_PAID).as("amount_paid_last")
            .last(DISCOUNT).as("discount_last")
            .last(IS_AUTO_RENEW).as("auto_renew_last")
            .last(IS_CANCEL).as("cancel_last")
            .daysUntil(MEMBERSHIP_EXPIRE_DATE).as("days_to_expiry"))
        .recency("days_since_last_transaction")
        .build();
  }

  /** Returns the member-profile group: city, age, gender, channel and tenure. */
  public static FeatureGroup membership() {
    return FeatureGroup.named(MEMBERSHIP).from("members")
        .columns(KkboxColumns.CITY, KkboxColumns.BD, KkboxColumns.GENDER,
            KkboxColumns.REGISTERED_VIA)
        .daysSince(REGISTRATION_INIT_TIME)
        .build();
  }

  /** Returns the three default groups. */
  public static List<FeatureGroup> defaultGroups() {
    return List.of(listening(), transactions(), membership());
  }

  /**
   * What {@link #compute} produced.
   *
   * @param features one row per member of the members file, {@code msno} first
   * @param seconds wall-clock seconds per stage, in order
   * @param cleaning what cleaning did to each input
   */
  public record Result(Table features, Map<String, Double> seconds, List<CleaningReport> cleaning)
      implements AutoCloseable {
    /** Copies the fields. */
    public Result {
      Objects.requireNonNull(features, "features");
      seconds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(seconds));
      cleaning = List.copyOf(cleaning);
    }

    /** Closes the features table. */
    @Override
    public void close() {
      features.close();
    }
  }

  /**
   * Reads and cleans the inputs, registers the sources and default groups in {@code store},
   * materializes each group as of {@code asOf} and joins them onto every member.
   *
   * @param store where the partitions go; its allocator holds the result
   * @param asOf only data strictly before this date is used
   * @return the features; close them
   */
  public Result compute(FeatureStore store, LocalDate asOf) {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(asOf, "asOf");
    Map<String, Double> seconds = new LinkedHashMap<>();
    List<CleaningReport> reports = new ArrayList<>();
    KkboxReader reader = KkboxReader.create(store.allocator());
    long t = System.nanoTime();
    progress.accept("reading " + members + " and " + transactions);
    try (CleanedTable m = reader.members(members);
        CleanedTable tx = reader.transactions(transactions);
        Table txDerived = withDerivedColumns(tx.table())) {
      reports.add(m.report());
      reports.add(tx.report());
      t = lap(seconds, "ingest", t);
      CleaningReport[] logsReport = new CleaningReport[1];
      store.source(EventSource.stream("user_logs", userLogs.toString(), () -> {
        CleanedTableStream s = reader.stream(KkboxTable.USER_LOGS, userLogs);
        return new ReportingStream(s, r -> logsReport[0] = r);
      }).entity(MSNO).timestamp(DATE));
      store.source(EventSource.table("transactions", txDerived).entity(MSNO)
          .timestamp(TRANSACTION_DATE));
      store.source(SnapshotSource.table("members", m.table()).validFrom(REGISTRATION_INIT_TIME)
          .entity(MSNO));
      for (FeatureGroup g : defaultGroups()) {
        store.group(g);
        progress.accept("materializing " + g.name() + " as of " + asOf);
        store.materialize(g.name(), asOf);
        t = lap(seconds, g.name(), t);
      }
      if (logsReport[0] != null) {
        reports.add(logsReport[0]);
      }
      try (Table cohort = cohort(m.table(), asOf);
          Table joined = store.trainingSet(cohort, LISTENING, TRANSACTIONS, MEMBERSHIP)) {
        Table features = joined.drop("as_of");
        lap(seconds, "join", t);
        return new Result(features, seconds, reports);
      }
    }
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static long lap(Map<String, Double> seconds, String stage, long since) {
    seconds.put(stage, seconds(since));
    return System.nanoTime();
  }

  /** Adds {@value #DISCOUNT} and {@value #IS_RENEWAL} to a cleaned transactions table. */
  static Table withDerivedColumns(Table tx) {
    int n = tx.rowCount();
    NumericColumn list = tx.numeric(PLAN_LIST_PRICE);
    NumericColumn paid = tx.numeric(ACTUAL_AMOUNT_PAID);
    BooleanColumn cancel = tx.bool(IS_CANCEL);
    double[] discount = new double[n];
    double[] renewal = new double[n];
    for (int r = 0; r < n; r++) {
      discount[r] = list.get(r) - paid.get(r);
      renewal[r] = cancel.isMissing(r) ? Double.NaN : cancel.get(r) ? 0 : 1;
    }
    try (Table derived = Table.builder(tx.allocator()).numeric(DISCOUNT, discount)
        .numeric(IS_RENEWAL, renewal).build()) {
      return tx.concatColumns(derived);
    }
  }

  private static Table cohort(Table members, LocalDate asOf) {
    CategoricalColumn msno = members.categorical(MSNO);
    int n = members.rowCount();
    int[] codes = msno.codes();
    LocalDate[] dates = new LocalDate[n];
    java.util.Arrays.fill(dates, asOf);
    return Table.builder(members.allocator())
        .categorical(MSNO, codes, msno.dictionary()).role(MSNO, ColumnRole.ENTITY)
        .date("as_of", dates).role("as_of", ColumnRole.TIMESTAMP)
        .build();
  }

  /** Names the inputs. */
  public static final class Builder {
    private Path members;
    private Path transactions;
    private Path userLogs;
    private Consumer<String> progress = line -> { };

    private Builder() {}

    /** Sets the members file. */
    public Builder members(Path path) {
      this.members = Objects.requireNonNull(path, "path");
      return this;
    }

    /** Sets the transactions file. */
    public Builder transactions(Path path) {
      this.transactions = Objects.requireNonNull(path, "path");
      return this;
    }

    /** Sets the user_logs file (streamed: it may be larger than memory). */
    public Builder userLogs(Path path) {
      this.userLogs = Objects.requireNonNull(path, "path");
      return this;
    }

    /** Receives a line per stage. */
    public Builder progress(Consumer<String> progress) {
      this.progress = Objects.requireNonNull(progress, "progress");
      return this;
    }

    /**
     * Returns the feature set.
     *
     * @throws IllegalStateException naming every input not set
     */
    public KkboxFeatures build() {
      List<String> missing = new ArrayList<>();
      if (members == null) {
        missing.add("members");
      }
      if (transactions == null) {
        missing.add("transactions");
      }
      if (userLogs == null) {
        missing.add("userLogs");
      }
      if (!missing.isEmpty()) {
        throw new IllegalStateException("KKBox inputs not set: " + missing);
      }
      return new KkboxFeatures(this);
    }
  }
}
