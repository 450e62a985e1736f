package dev.churn.features.kkbox;

import java.util.Locale;

/**
 * One documented cleaning rule of the KKBox tables: what it looks for, in which table and column,
 * and what {@link KkboxReader} does about it. Cleaning never fails a read; it repairs or drops
 * what it can and counts every case in a {@link CleaningReport}.
 *
 * <h2>How rules are applied and counted</h2>
 *
 * <ul>
 *   <li>Row rules ({@link Action#DROP_ROW}) run first, in declaration order; a dropped row is
 *       counted once, under the first rule that drops it. Their count is a number of rows.
 *   <li>Value rules ({@link Action#SET_MISSING}) replace a bad value by a missing one and keep the
 *       row. Their count is a number of values (cells) changed in kept rows; a row with two
 *       negative song counts adds 2.
 *   <li>Counting rules ({@link Action#COUNT_ONLY}) change nothing and count kept rows, so that a
 *       suspicious but legitimate pattern shows in the report.
 *   <li>Rules about duplicates compare rows within one table, or within one batch when a table is
 *       {@linkplain KkboxReader#stream streamed}; the first occurrence in file order is kept.
 * </ul>
 *
 * <pre>{@code
 * long fixed = report.count(CleaningRule.TOTAL_SECS_OUT_OF_RANGE);
 * String json = CleaningRule.TOTAL_SECS_OUT_OF_RANGE.id();   // "total_secs_out_of_range"
 * }</pre>
 */
public enum CleaningRule {
  /** members: a row without {@code msno} cannot be joined to anything; dropped. */
  MEMBERS_MISSING_MSNO(KkboxTable.MEMBERS, KkboxColumns.MSNO, Action.DROP_ROW,
      "row has no msno; dropped"),
  /** members: a second row for the same member; the first one is kept, later ones dropped. */
  MEMBERS_DUPLICATE_MSNO(KkboxTable.MEMBERS, KkboxColumns.MSNO, Action.DROP_ROW,
      "second row for the same msno; dropped, the first is kept"),
  /**
   * members: an age ({@code bd}) outside 1..100 years (the raw data holds many 0s, negative ages
   * and ages over 1,000); set to missing.
   */
  BD_OUT_OF_RANGE(KkboxTable.MEMBERS, KkboxColumns.BD, Action.SET_MISSING,
      "bd outside 1..100; set to missing"),
  /** members: an empty {@code gender}; it is read as missing already and only counted. */
  GENDER_EMPTY(KkboxTable.MEMBERS, KkboxColumns.GENDER, Action.COUNT_ONLY,
      "gender empty; already missing"),
  /**
   * members: a {@code gender} other than {@code male} or {@code female} (compared ignoring case
   * and surrounding spaces); set to missing. Kept genders use the fixed dictionary {@code [male,
   * female]}, so their codes are the same in every file.
   */
  GENDER_UNKNOWN(KkboxTable.MEMBERS, KkboxColumns.GENDER, Action.SET_MISSING,
      "gender neither male nor female; set to missing"),

  /** transactions: a row without {@code msno}; dropped. */
  TRANSACTIONS_MISSING_MSNO(KkboxTable.TRANSACTIONS, KkboxColumns.MSNO, Action.DROP_ROW,
      "row has no msno; dropped"),
  /**
   * transactions: a row without {@code transaction_date} cannot be placed in time, and using it
   * would leak the future into features; dropped.
   */
  TRANSACTIONS_MISSING_DATE(KkboxTable.TRANSACTIONS, KkboxColumns.TRANSACTION_DATE,
      Action.DROP_ROW, "transaction_date missing; dropped"),
  /**
   * transactions: a row equal in all nine columns to an earlier row (missing equals missing);
   * dropped, the first is kept. Repeated rows would double-count payments.
   */
  TRANSACTIONS_EXACT_DUPLICATE(KkboxTable.TRANSACTIONS, null, Action.DROP_ROW,
      "exact duplicate of an earlier row; dropped"),
  /**
   * transactions: a negative {@code payment_plan_days}, {@code plan_list_price} or {@code
   * actual_amount_paid}; set to missing. Zero is legitimate (free and promotional plans) and kept.
   */
  TRANSACTIONS_NEGATIVE_AMOUNT(KkboxTable.TRANSACTIONS, null, Action.SET_MISSING,
      "negative payment_plan_days, plan_list_price or actual_amount_paid; set to missing"),
  /**
   * transactions: {@code membership_expire_date} missing; kept (amounts stay usable) but the
   * churn labeler ignores the row.
   */
  TRANSACTIONS_MISSING_EXPIRE_DATE(KkboxTable.TRANSACTIONS, KkboxColumns.MEMBERSHIP_EXPIRE_DATE,
      Action.COUNT_ONLY, "membership_expire_date missing; kept"),
  /**
   * transactions: {@code is_cancel} missing; kept, but the churn labeler ignores the row because
   * it cannot tell a renewal from a cancellation.
   */
  TRANSACTIONS_MISSING_IS_CANCEL(KkboxTable.TRANSACTIONS, KkboxColumns.IS_CANCEL,
      Action.COUNT_ONLY, "is_cancel missing; kept"),
  /**
   * transactions: a non-cancel row ({@code is_cancel=0}) whose {@code membership_expire_date} is
   * before its {@code transaction_date}; kept as it is (it occurs in the real data and its
   * meaning is unclear) and counted.
   */
  TRANSACTIONS_EXPIRE_BEFORE_TRANSACTION(KkboxTable.TRANSACTIONS,
      KkboxColumns.MEMBERSHIP_EXPIRE_DATE, Action.COUNT_ONLY,
      "non-cancel row expires before its transaction_date; kept"),

  /** user_logs: a row without {@code msno}; dropped. */
  USER_LOGS_MISSING_MSNO(KkboxTable.USER_LOGS, KkboxColumns.MSNO, Action.DROP_ROW,
      "row has no msno; dropped"),
  /** user_logs: a row without {@code date} cannot be placed in time; dropped. */
  USER_LOGS_MISSING_DATE(KkboxTable.USER_LOGS, KkboxColumns.DATE, Action.DROP_ROW,
      "date missing; dropped"),
  /**
   * user_logs: a negative song count ({@code num_25}, {@code num_50}, {@code num_75}, {@code
   * num_985}, {@code num_100}, {@code num_unq}); set to missing.
   */
  NEGATIVE_SONG_COUNT(KkboxTable.USER_LOGS, null, Action.SET_MISSING,
      "negative num_25/50/75/985/100/unq; set to missing"),
  /**
   * user_logs: {@code total_secs} outside [0, 86,400], the seconds in a day (the real data holds
   * values near -9.2e15 and +9.2e15, integer overflows); set to missing rather than clipped,
   * because clipping would turn a corrupt value into a member who listened all day.
   */
  TOTAL_SECS_OUT_OF_RANGE(KkboxTable.USER_LOGS, KkboxColumns.TOTAL_SECS, Action.SET_MISSING,
      "total_secs outside [0, 86400]; set to missing"),

  /** labels: a row without {@code msno}; dropped. */
  LABELS_MISSING_MSNO(KkboxTable.LABELS, KkboxColumns.MSNO, Action.DROP_ROW,
      "row has no msno; dropped"),
  /** labels: a row without {@code is_churn} teaches nothing; dropped. */
  LABELS_MISSING_LABEL(KkboxTable.LABELS, KkboxColumns.IS_CHURN, Action.DROP_ROW,
      "is_churn missing; dropped"),
  /** labels: a second label for the same member; the first is kept, later ones dropped. */
  LABELS_DUPLICATE_MSNO(KkboxTable.LABELS, KkboxColumns.MSNO, Action.DROP_ROW,
      "second label for the same msno; dropped, the first is kept");

  /** What a rule does to the data. */
  public enum Action {
    /** The row is removed; counted in rows. */
    DROP_ROW,
    /** The offending value becomes missing and the row is kept; counted in values. */
    SET_MISSING,
    /** Nothing changes; the kept rows that match are counted. */
    COUNT_ONLY
  }

  private final KkboxTable table;
  private final String column;
  private final Action action;
  private final String description;

  CleaningRule(KkboxTable table, String column, Action action, String description) {
    this.table = table;
    this.column = column;
    this.action = action;
    this.description = description;
  }

  /** Returns the table the rule applies to. */
  public KkboxTable table() {
    return table;
  }

  /**
   * Returns the column the rule is about, or {@code "*"} when it looks at several columns (e.g.
   * exact duplicates, song counts).
   */
  public String column() {
    return column == null ? "*" : column;
  }

  /** Returns what the rule does. */
  public Action action() {
    return action;
  }

  /** Returns a one-line description for reports, e.g. {@code "bd outside 1..100; set to missing"}. */
  public String description() {
    return description;
  }

  /** Returns the stable snake_case identifier used in JSON output, e.g. {@code "bd_out_of_range"}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
