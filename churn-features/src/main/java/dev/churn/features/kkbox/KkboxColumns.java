package dev.churn.features.kkbox;

/**
 * The column names of the four KKBox tables (WSDM Cup 2018 churn challenge), exactly as they
 * appear in the CSV headers, so that code using the tables does not repeat string literals.
 *
 * <pre>{@code
 * double[] secs = userLogs.numeric(KkboxColumns.TOTAL_SECS).toArray();
 * }</pre>
 *
 * @see KkboxTable for the schema of each table
 */
public final class KkboxColumns {
  private KkboxColumns() {}

  /** The member id, present in every table: a base64 string such as {@code "Rb9UwLQ...sZA8="}. */
  public static final String MSNO = "msno";

  // members

  /** members: the city code. */
  public static final String CITY = "city";
  /** members: the age in years; the raw data holds many 0s and absurd values. */
  public static final String BD = "bd";
  /** members: {@code male}, {@code female} or empty. */
  public static final String GENDER = "gender";
  /** members: the registration channel code. */
  public static final String REGISTERED_VIA = "registered_via";
  /** members: the registration date, {@code YYYYMMDD}. */
  public static final String REGISTRATION_INIT_TIME = "registration_init_time";

  // transactions

  /** transactions: the payment method code. */
  public static final String PAYMENT_METHOD_ID = "payment_method_id";
  /** transactions: the length of the plan in days. */
  public static final String PAYMENT_PLAN_DAYS = "payment_plan_days";
  /** transactions: the list price of the plan (NT$). */
  public static final String PLAN_LIST_PRICE = "plan_list_price";
  /** transactions: the amount actually paid (NT$). */
  public static final String ACTUAL_AMOUNT_PAID = "actual_amount_paid";
  /** transactions: 1 when the plan renews automatically, 0 otherwise. */
  public static final String IS_AUTO_RENEW = "is_auto_renew";
  /** transactions: the date of the transaction, {@code YYYYMMDD}. */
  public static final String TRANSACTION_DATE = "transaction_date";
  /** transactions: the membership's expiry date after this transaction, {@code YYYYMMDD}. */
  public static final String MEMBERSHIP_EXPIRE_DATE = "membership_expire_date";
  /** transactions: 1 when the member cancelled the membership in this transaction, 0 otherwise. */
  public static final String IS_CANCEL = "is_cancel";

  // user_logs

  /** user_logs: the day the listening is counted for, {@code YYYYMMDD}. */
  public static final String DATE = "date";
  /** user_logs: songs played less than 25% of their length. */
  public static final String NUM_25 = "num_25";
  /** user_logs: songs played 25% to 50% of their length. */
  public static final String NUM_50 = "num_50";
  /** user_logs: songs played 50% to 75% of their length. */
  public static final String NUM_75 = "num_75";
  /** user_logs: songs played 75% to 98.5% of their length. */
  public static final String NUM_985 = "num_985";
  /** user_logs: songs played over 98.5% of their length. */
  public static final String NUM_100 = "num_100";
  /** user_logs: distinct songs played. */
  public static final String NUM_UNQ = "num_unq";
  /** user_logs: seconds listened that day. */
  public static final String TOTAL_SECS = "total_secs";

  // labels

  /** labels: 1 when the member churned, 0 when they renewed. */
  public static final String IS_CHURN = "is_churn";
}
