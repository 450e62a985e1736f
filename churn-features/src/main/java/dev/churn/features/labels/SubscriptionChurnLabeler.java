package dev.churn.features.labels;

import dev.churn.core.table.BooleanColumn;
import dev.churn.core.table.CategoricalColumn;
import dev.churn.core.table.Column;
import dev.churn.core.table.ColumnRole;
import dev.churn.core.table.DateColumn;
import dev.churn.core.table.Dictionary;
import dev.churn.core.table.IdColumn;
import dev.churn.core.table.NumericColumn;
import dev.churn.core.table.Schema;
import dev.churn.core.table.Table;
import dev.churn.core.time.Period;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Labels subscription churn from a transactions table, with the rule of the KKBox churn challenge
 * (WSDM Cup 2018): a member whose membership expires in month M has churned when there is no new
 * valid (non-cancelled) transaction within 30 days after the expiry date.
 *
 * <pre>{@code
 * SubscriptionChurnLabeler labeler = SubscriptionChurnLabeler.kkbox();   // 30 days, as of M's 1st
 * try (Table cohort = labeler.label(transactions, Period.of(2017, 3))) {
 *   // msno | as_of | expiry | is_churn: one row per member expiring in March 2017
 * }
 * SubscriptionChurnLabeler early = SubscriptionChurnLabeler.builder()
 *     .windowDays(30).asOfOffsetDays(-7).build();                          // a week before M
 * }</pre>
 *
 * <h2>Input</h2>
 *
 * A table with at least the KKBox transaction columns {@code msno} (CATEGORICAL, or ID),
 * {@code transaction_date} (DATE), {@code membership_expire_date} (DATE) and {@code is_cancel}
 * (BOOLEAN, or NUMERIC with 0 for false); other columns are ignored. A row is <em>usable</em>
 * when all four are present; other rows are ignored (the KKBox reader counts them).
 *
 * <h2>The rules, precisely</h2>
 *
 * Let {@code as_of} be the first day of M plus {@link Builder#asOfOffsetDays(int)} (default 0,
 * never after M's first day) and {@code W} the {@link Builder#windowDays(int) window} (default
 * 30).
 *
 * <ol>
 *   <li><b>Order.</b> A member's usable transactions are ordered by {@code transaction_date}, then
 *       non-cancel before cancel on the same day, then by {@code membership_expire_date}. Rows
 *       equal in these three fields are interchangeable, so the result never depends on file
 *       order.
 *   <li><b>Known expiry.</b> The member's expiry {@code E} as known on {@code as_of} folds the
 *       usable transactions dated strictly before {@code as_of}, in that order: a non-cancel
 *       transaction sets {@code E = max(E, membership_expire_date)} (a renewal or a plan that
 *       overlaps the current one extends the membership, never shortens it); a cancellation sets
 *       {@code E = membership_expire_date}, overriding what came before (usually moving it
 *       earlier). Equivalently: without a cancellation, {@code E} is the latest expiry of the
 *       non-cancel transactions; otherwise, with {@code C} the last cancellation in the order,
 *       {@code E} is the latest of {@code C}'s expiry and the expiries of the non-cancel
 *       transactions dated after {@code C}'s day.
 *   <li><b>Cohort.</b> A member is in M's cohort when it has a usable transaction before {@code
 *       as_of} and {@code E} falls in M, first and last day included (an expiry on M's last day is
 *       in M's cohort and its window runs into the next month). Members without transactions
 *       before {@code as_of}, whose membership lapsed before M, or who already renewed past M are
 *       not in the cohort.
 *   <li><b>Label.</b> {@code is_churn} is false exactly when the member has a usable non-cancel
 *       transaction dated in {@code [as_of, E + W]}, both ends included: a renewal on day {@code
 *       E + 30} saves the member, one on day {@code E + 31} does not. Renewals made after {@code
 *       as_of} but before {@code E} count. A cancellation is never a renewal, whatever its dates,
 *       and the expiry dates of transactions on or after {@code as_of} are not looked at.
 * </ol>
 *
 * <h2>What each output depends on</h2>
 *
 * The cohort and {@code expiry} depend only on transactions dated before {@code as_of}, so
 * features computed as of {@code as_of} and the expiry itself are free of leakage. A label depends
 * only on transactions dated up to {@code E + W}, at most {@code lastDay(M) + W}: every label of
 * M is final on {@link #labelsKnownOn(Period)}.
 *
 * <h2>Output</h2>
 *
 * One row per cohort member, in ascending {@code msno} code order, in the schema {@link
 * #cohortSchema()}: {@code msno} (CATEGORICAL, ENTITY; with the input's dictionary, so codes match
 * the input's), {@code as_of} (DATE, TIMESTAMP: features for the row use data strictly before
 * it), {@code expiry} (DATE, the known expiry {@code E}) and {@code is_churn} (BOOLEAN, LABEL).
 *
 * <h2>Cost</h2>
 *
 * Two passes over the input, a counting sort by member code and a primitive sort of each member's
 * transactions packed into {@code long}s: O(n log k) for n transactions and k per member, about
 * 8 bytes per usable transaction and 4 per row of temporary heap, no per-row objects (except for
 * an ID-typed {@code msno}, which is dictionary-encoded first). Instances are immutable and
 * thread-safe.
 */
public final class SubscriptionChurnLabeler {
  private static final Logger LOG = LoggerFactory.getLogger(SubscriptionChurnLabeler.class);

  /** The member id column, in the input and the output. */
  public static final String MSNO = "msno";
  /** Input: the transaction date. */
  public static final String TRANSACTION_DATE = "transaction_date";
  /** Input: the membership's expiry after the transaction. */
  public static final String MEMBERSHIP_EXPIRE_DATE = "membership_expire_date";
  /** Input: whether the transaction is a cancellation. */
  public static final String IS_CANCEL = "is_cancel";
  /** Output: the date features for the row are computed as of. */
  public static final String AS_OF = "as_of";
  /** Output: the member's expiry as known on {@code as_of}. */
  public static final String EXPIRY = "expiry";
  /** Output: the label. */
  public static final String IS_CHURN = "is_churn";

  /** The KKBox window: 30 days after expiry. */
  public static final int DEFAULT_WINDOW_DAYS = 30;
  /** The largest window accepted, in days. */
  public static final int MAX_WINDOW_DAYS = 3_660;
  /** The earliest as-of offset accepted, in days before the month's first day. */
  public static final int MIN_AS_OF_OFFSET_DAYS = -366;

  private static final Schema COHORT =
      Schema.builder()
          .categorical(MSNO)
          .role(MSNO, ColumnRole.ENTITY)
          .date(AS_OF)
          .role(AS_OF, ColumnRole.TIMESTAMP)
          .date(EXPIRY)
          .bool(IS_CHURN)
          .role(IS_CHURN, ColumnRole.LABEL)
          .build();

  private final int windowDays;
  private final int asOfOffsetDays;

  private SubscriptionChurnLabeler(int windowDays, int asOfOffsetDays) {
    this.windowDays = windowDays;
    this.asOfOffsetDays = asOfOffsetDays;
  }

  /** Returns the labeler of the KKBox challenge: a 30-day window, as of the month's first day. */
  public static SubscriptionChurnLabeler kkbox() {
    return builder().build();
  }

  /** Returns a builder with the KKBox defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the number of days after expiry in which a renewal still counts. */
  public int windowDays() {
    return windowDays;
  }

  /** Returns the offset of {@code as_of} from the month's first day, in days (at most 0). */
  public int asOfOffsetDays() {
    return asOfOffsetDays;
  }

  /**
   * Returns the as-of date of a month's cohort.
   *
   * @param month the month whose expiries are labelled
   * @return the month's first day plus {@link #asOfOffsetDays()}
   */
  public LocalDate asOf(Period month) {
    return Objects.requireNonNull(month, "month").firstDay().plusDays(asOfOffsetDays);
  }

  /**
   * Returns the first day on which every label of a month's cohort is final: no transaction dated
   * on or after it can change a label of {@code month}.
   *
   * @param month the month whose expiries are labelled
   * @return the month's last day plus {@link #windowDays()} plus one
   */
  public LocalDate labelsKnownOn(Period month) {
    return Objects.requireNonNull(month, "month").lastDay().plusDays(windowDays + 1L);
  }

  /** Returns the schema of the cohort tables this labeler returns. */
  public static Schema cohortSchema() {
    return COHORT;
  }

  /**
   * Labels a month's cohort; the result takes its memory from the input's allocator.
   *
   * @param transactions the transactions (see the class documentation for the columns)
   * @param month the month whose expiries are labelled
   * @return the cohort table, which the caller must close
   * @throws IllegalArgumentException when a needed column is missing or has the wrong type
   */
  public Table label(Table transactions, Period month) {
    return label(transactions, month, Objects.requireNonNull(transactions, "transactions")
        .allocator());
  }

  /**
   * Labels a month's cohort.
   *
   * @param transactions the transactions (see the class documentation for the columns)
   * @param month the month whose expiries are labelled
   * @param allocator where the result's memory comes from
   * @return the cohort table, which the caller must close
   * @throws IllegalArgumentException when a needed column is missing or has the wrong type
   */
  public Table label(Table transactions, Period month, BufferAllocator allocator) {
    Objects.requireNonNull(transactions, "transactions");
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(allocator, "allocator");
    long start = System.nanoTime();
    Input in = Input.of(transactions);
    int asOf = Math.toIntExact(asOf(month).toEpochDay());
    int first = Math.toIntExact(month.firstDay().toEpochDay());
    int last = Math.toIntExact(month.lastDay().toEpochDay());
    int n = transactions.rowCount();
    int members = in.dictionary.size();

    // Pass 1: usable rows per member, and the date ranges for packing.
    int[] start1 = new int[members + 1];
    int minDate = Integer.MAX_VALUE;
    int maxDate = Integer.MIN_VALUE;
    int minExpire = Integer.MAX_VALUE;
    int maxExpire = Integer.MIN_VALUE;
    int usable = 0;
    for (int r = 0; r < n; r++) {
      int m = in.codes[r];
      if (m < 0) {
        continue;
      }
      int d = in.date.epochDay(r);
      int e = in.expire.epochDay(r);
      if (d == DateColumn.MISSING || e == DateColumn.MISSING || in.cancel(r) < 0) {
        in.codes[r] = -1;
        continue;
      }
      start1[m + 1]++;
      usable++;
      minDate = Math.min(minDate, d);
      maxDate = Math.max(maxDate, d);
      minExpire = Math.min(minExpire, e);
      maxExpire = Math.max(maxExpire, e);
    }
    if (usable > 0
        && ((long) maxDate - minDate >= 1L << 31 || (long) maxExpire - minExpire >= 1L << 31)) {
      throw new IllegalArgumentException(
          "transaction dates span " + minDate + ".." + maxDate + " and expiry dates "
              + minExpire + ".." + maxExpire + " (epoch days); each must span < 2^31 days");
    }
    for (int m = 0; m < members; m++) {
      start1[m + 1] += start1[m];
    }

    // Pass 2: each usable row as (date, cancel, expiry) packed in a long, grouped by member.
    long[] keys = new long[usable];
    int[] fill = Arrays.copyOf(start1, members);
    for (int r = 0; r < n; r++) {
      int m = in.codes[r];
      if (m >= 0) {
        keys[fill[m]++] =
            ((long) (in.date.epochDay(r) - minDate) << 32)
                | ((long) in.cancel(r) << 31)
                | (in.expire.epochDay(r) - minExpire);
      }
    }

    // Per member: sort, fold the expiry before as_of, then look for a renewal in the window.
    int[] cohortCodes = new int[Math.min(members, 1 << 16)];
    int[] cohortExpiry = new int[cohortCodes.length];
    boolean[] cohortChurn = new boolean[cohortCodes.length];
    int size = 0;
    long asOfKey = (long) asOf - minDate; // compare with (key >>> 32)
    for (int m = 0; m < members; m++) {
      int from = start1[m];
      int to = start1[m + 1];
      if (from == to) {
        continue;
      }
      if (to - from > 1) {
        Arrays.sort(keys, from, to);
      }
      int k = from;
      int expiry = 0;
      for (; k < to && (keys[k] >>> 32) < asOfKey; k++) {
        int e = (int) (keys[k] & 0x7FFF_FFFFL) + minExpire;
        boolean cancel = (keys[k] & 0x8000_0000L) != 0;
        expiry = cancel || k == from ? e : Math.max(expiry, e);
      }
      if (k == from || expiry < first || expiry > last) {
        continue;
      }
      long limitKey = (long) expiry + windowDays - minDate;
      boolean renewed = false;
      for (; k < to && (keys[k] >>> 32) <= limitKey; k++) {
        if ((keys[k] & 0x8000_0000L) == 0) {
          renewed = true;
          break;
        }
      }
      if (size == cohortCodes.length) {
        int grown = Math.min(members, size * 2);
        cohortCodes = Arrays.copyOf(cohortCodes, grown);
        cohortExpiry = Arrays.copyOf(cohortExpiry, grown);
        cohortChurn = Arrays.copyOf(cohortChurn, grown);
      }
      cohortCodes[size] = m;
      cohortExpiry[size] = expiry;
      cohortChurn[size] = !renewed;
      size++;
    }

    int[] asOfs = new int[size];
    Arrays.fill(asOfs, asOf);
    Table cohort =
        Table.builder(allocator)
            .categorical(MSNO, Arrays.copyOf(cohortCodes, size), in.dictionary)
            .role(MSNO, ColumnRole.ENTITY)
            .dateEpochDays(AS_OF, asOfs)
            .role(AS_OF, ColumnRole.TIMESTAMP)
            .dateEpochDays(EXPIRY, Arrays.copyOf(cohortExpiry, size))
            .bool(IS_CHURN, Arrays.copyOf(cohortChurn, size))
            .role(IS_CHURN, ColumnRole.LABEL)
            .build();
    if (LOG.isDebugEnabled()) {
      int churners = 0;
      for (int i = 0; i < size; i++) {
        churners += cohortChurn[i] ? 1 : 0;
      }
      LOG.debug(
          "{}: {} of {} transactions usable, cohort of {} members as of {}, {} churn, {} ms",
          month, usable, n, size, asOf(month), churners, (System.nanoTime() - start) / 1_000_000);
    }
    return cohort;
  }

  @Override
  public String toString() {
    return "SubscriptionChurnLabeler[windowDays=" + windowDays + ", asOfOffsetDays="
        + asOfOffsetDays + "]";
  }

  /** The needed input columns, with msno as dense codes. */
  private static final class Input {
    final int[] codes;
    final Dictionary dictionary;
    final DateColumn date;
    final DateColumn expire;
    final BooleanColumn cancelBool;
    final NumericColumn cancelNumeric;

    private Input(
        int[] codes, Dictionary dictionary, DateColumn date, DateColumn expire, Column cancel) {
      this.codes = codes;
      this.dictionary = dictionary;
      this.date = date;
      this.expire = expire;
      this.cancelBool = cancel instanceof BooleanColumn b ? b : null;
      this.cancelNumeric = cancel instanceof NumericColumn x ? x : null;
    }

    static Input of(Table t) {
      Column msno = need(t, MSNO, "CATEGORICAL or ID");
      Column date = need(t, TRANSACTION_DATE, "DATE");
      Column expire = need(t, MEMBERSHIP_EXPIRE_DATE, "DATE");
      Column cancel = need(t, IS_CANCEL, "BOOLEAN or NUMERIC 0/1");
      if (!(date instanceof DateColumn d)) {
        throw wrongType(TRANSACTION_DATE, "DATE", date);
      }
      if (!(expire instanceof DateColumn e)) {
        throw wrongType(MEMBERSHIP_EXPIRE_DATE, "DATE", expire);
      }
      if (!(cancel instanceof BooleanColumn) && !(cancel instanceof NumericColumn)) {
        throw wrongType(IS_CANCEL, "BOOLEAN or NUMERIC 0/1", cancel);
      }
      if (msno instanceof CategoricalColumn c) {
        return new Input(c.codes(), c.dictionary(), d, e, cancel);
      }
      if (msno instanceof IdColumn id) {
        Dictionary.Builder dict = new Dictionary.Builder();
        int[] codes = new int[id.size()];
        for (int r = 0; r < codes.length; r++) {
          Optional<String> v = id.get(r);
          codes[r] = v.isPresent() ? dict.codeOf(v.get()) : CategoricalColumn.MISSING;
        }
        return new Input(codes, dict.snapshot(), d, e, cancel);
      }
      throw wrongType(MSNO, "CATEGORICAL or ID", msno);
    }

    /** Returns 1 for a cancellation, 0 for a renewal, -1 when missing. */
    int cancel(int r) {
      if (cancelBool != null) {
        return cancelBool.isMissing(r) ? -1 : cancelBool.get(r) ? 1 : 0;
      }
      double v = cancelNumeric.get(r);
      return Double.isNaN(v) ? -1 : v != 0 ? 1 : 0;
    }

    private static Column need(Table t, String name, String type) {
      if (!t.schema().contains(name)) {
        throw new IllegalArgumentException(
            "churn labels need a transactions table with column '" + name + "' (" + type
                + ") but its columns are " + t.schema().names());
      }
      return t.column(name);
    }

    private static IllegalArgumentException wrongType(String name, String type, Column c) {
      return new IllegalArgumentException(
          "churn labels need column '" + name + "' to be " + type + " but it is " + c.type());
    }
  }

  /**
   * Configures a {@link SubscriptionChurnLabeler}. Setters check their argument at once; {@link
   * #build()} leaves the builder reusable.
   *
   * <pre>{@code
   * SubscriptionChurnLabeler labeler = SubscriptionChurnLabeler.builder()
   *     .windowDays(30)
   *     .asOfOffsetDays(0)
   *     .build();
   * }</pre>
   */
  public static final class Builder {
    private int windowDays = DEFAULT_WINDOW_DAYS;
    private int asOfOffsetDays;

    private Builder() {}

    /**
     * Sets how many days after expiry a renewal still counts (default 30): a renewal on day
     * {@code expiry + days} counts, one on the day after does not.
     *
     * @param days 0 to {@value SubscriptionChurnLabeler#MAX_WINDOW_DAYS}
     * @return this builder
     */
    public Builder windowDays(int days) {
      if (days < 0 || days > MAX_WINDOW_DAYS) {
        throw new IllegalArgumentException(
            "windowDays was " + days + " but it must be in [0, " + MAX_WINDOW_DAYS + "]");
      }
      this.windowDays = days;
      return this;
    }

    /**
     * Sets {@code as_of} relative to the labelled month's first day (default 0: the first day, so
     * a model predicts before any expiry of the month). A negative offset predicts earlier, e.g.
     * -7 a week before the month. Later dates are refused: {@code as_of} after the first day
     * would let part of the month's outcome into the cohort.
     *
     * @param days {@value SubscriptionChurnLabeler#MIN_AS_OF_OFFSET_DAYS} to 0
     * @return this builder
     */
    public Builder asOfOffsetDays(int days) {
      if (days < MIN_AS_OF_OFFSET_DAYS || days > 0) {
        throw new IllegalArgumentException(
            "asOfOffsetDays was " + days + " but it must be in [" + MIN_AS_OF_OFFSET_DAYS
                + ", 0]");
      }
      this.asOfOffsetDays = days;
      return this;
    }

    /** Returns a labeler with the settings so far. */
    public SubscriptionChurnLabeler build() {
      return new SubscriptionChurnLabeler(windowDays, asOfOffsetDays);
    }
  }
}
