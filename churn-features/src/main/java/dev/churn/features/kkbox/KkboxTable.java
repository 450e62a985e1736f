package dev.churn.features.kkbox;

import static dev.churn.features.kkbox.KkboxColumns.ACTUAL_AMOUNT_PAID;
import static dev.churn.features.kkbox.KkboxColumns.BD;
import static dev.churn.features.kkbox.KkboxColumns.CITY;
import static dev.churn.features.kkbox.KkboxColumns.DATE;
import static dev.churn.features.kkbox.KkboxColumns.GENDER;
import static dev.churn.features.kkbox.KkboxColumns.IS_AUTO_RENEW;
import static dev.churn.features.kkbox.KkboxColumns.IS_CANCEL;
import static dev.churn.features.kkbox.KkboxColumns.IS_CHURN;
import static dev.churn.features.kkbox.KkboxColumns.MEMBERSHIP_EXPIRE_DATE;
import static dev.churn.features.kkbox.KkboxColumns.MSNO;
import static dev.churn.features.kkbox.KkboxColumns.NUM_100;
import static dev.churn.features.kkbox.KkboxColumns.NUM_25;
import static dev.churn.features.kkbox.KkboxColumns.NUM_50;
import static dev.churn.features.kkbox.KkboxColumns.NUM_75;
import static dev.churn.features.kkbox.KkboxColumns.NUM_985;
import static dev.churn.features.kkbox.KkboxColumns.NUM_UNQ;
import static dev.churn.features.kkbox.KkboxColumns.PAYMENT_METHOD_ID;
import static dev.churn.features.kkbox.KkboxColumns.PAYMENT_PLAN_DAYS;
import static dev.churn.features.kkbox.KkboxColumns.PLAN_LIST_PRICE;
import static dev.churn.features.kkbox.KkboxColumns.REGISTERED_VIA;
import static dev.churn.features.kkbox.KkboxColumns.REGISTRATION_INIT_TIME;
import static dev.churn.features.kkbox.KkboxColumns.TOTAL_SECS;
import static dev.churn.features.kkbox.KkboxColumns.TRANSACTION_DATE;

import dev.churn.core.table.ColumnRole;
import dev.churn.core.table.DateFormat;
import dev.churn.core.table.Schema;
import java.util.Arrays;
import java.util.List;

/**
 * The four tables of the KKBox churn data set (WSDM Cup 2018), each with the explicit {@link
 * Schema} churn reads it with.
 *
 * <pre>{@code
 * Schema s = KkboxTable.TRANSACTIONS.schema();
 * List<CleaningRule> rules = KkboxTable.TRANSACTIONS.rules();
 * }</pre>
 *
 * <h2>Typing choices</h2>
 *
 * <ul>
 *   <li>{@code msno} is {@link dev.churn.core.table.ColumnType#CATEGORICAL CATEGORICAL} with role
 *       {@link ColumnRole#ENTITY ENTITY}, not {@code ID}: a member then is a dense {@code int}
 *       code, so per-member aggregation indexes plain arrays by code instead of hashing strings,
 *       and {@link KkboxReader} makes the codes agree across all tables it reads (one shared member
 *       dictionary). The price is one dictionary entry per member (a few hundred bytes each on the
 *       heap, ~1 GB for the 6.7 million members of the full data set).
 *   <li>Codes ({@code city}, {@code registered_via}, {@code payment_method_id}) and {@code gender}
 *       are CATEGORICAL: their numbers are labels, not quantities.
 *   <li>{@code is_auto_renew}, {@code is_cancel} and {@code is_churn} are BOOLEAN: the files hold
 *       {@code 0}/{@code 1}, which the CSV reader reads as false/true.
 *   <li>Dates are DATE in {@link DateFormat#YYYYMMDD}. The event time of each table has role
 *       {@link ColumnRole#TIMESTAMP TIMESTAMP}: {@code transaction_date}, the user-log {@code
 *       date}, and the members' {@code registration_init_time} (the time the member row came
 *       into existence, so a point-in-time view as of a date leaves out members registered on
 *       or after it). {@code membership_expire_date} is an ordinary DATE feature.
 *   <li>{@code is_churn} has role {@link ColumnRole#LABEL LABEL}. Every other column is a
 *       FEATURE.
 * </ul>
 */
public enum KkboxTable {
  /** {@code members_v3.csv}: one row per member, a profile snapshot. */
  MEMBERS(
      "members",
      Schema.builder()
          .categorical(MSNO)
          .role(MSNO, ColumnRole.ENTITY)
          .categorical(CITY)
          .numeric(BD)
          .categorical(GENDER)
          .categorical(REGISTERED_VIA)
          .date(REGISTRATION_INIT_TIME, DateFormat.YYYYMMDD)
          .role(REGISTRATION_INIT_TIME, ColumnRole.TIMESTAMP)
          .build()),

  /** {@code transactions.csv}: payments and cancellations, one row per transaction. */
  TRANSACTIONS(
      "transactions",
      Schema.builder()
          .categorical(MSNO)
          .role(MSNO, ColumnRole.ENTITY)
          .categorical(PAYMENT_METHOD_ID)
          .numeric(PAYMENT_PLAN_DAYS)
          .numeric(PLAN_LIST_PRICE)
          .numeric(ACTUAL_AMOUNT_PAID)
          .bool(IS_AUTO_RENEW)
          .date(TRANSACTION_DATE, DateFormat.YYYYMMDD)
          .role(TRANSACTION_DATE, ColumnRole.TIMESTAMP)
          .date(MEMBERSHIP_EXPIRE_DATE, DateFormat.YYYYMMDD)
          .bool(IS_CANCEL)
          .build()),

  /** {@code user_logs.csv}: daily listening per member; tens of GB in the full data set. */
  USER_LOGS(
      "user_logs",
      Schema.builder()
          .categorical(MSNO)
          .role(MSNO, ColumnRole.ENTITY)
          .date(DATE, DateFormat.YYYYMMDD)
          .role(DATE, ColumnRole.TIMESTAMP)
          .numeric(NUM_25)
          .numeric(NUM_50)
          .numeric(NUM_75)
          .numeric(NUM_985)
          .numeric(NUM_100)
          .numeric(NUM_UNQ)
          .numeric(TOTAL_SECS)
          .build()),

  /** {@code train.csv}/{@code train_v2.csv}: the churn label of one month's cohort. */
  LABELS(
      "labels",
      Schema.builder()
          .categorical(MSNO)
          .role(MSNO, ColumnRole.ENTITY)
          .bool(IS_CHURN)
          .role(IS_CHURN, ColumnRole.LABEL)
          .build());

  private final String id;
  private final Schema schema;

  KkboxTable(String id, Schema schema) {
    this.id = id;
    this.schema = schema;
  }

  /** Returns the short lower-case name used in reports and logs, e.g. {@code "user_logs"}. */
  public String id() {
    return id;
  }

  /** Returns the schema the table is read with: names, types, roles and date formats. */
  public Schema schema() {
    return schema;
  }

  /** Returns the cleaning rules that apply to this table, in the order they are applied. */
  public List<CleaningRule> rules() {
    return Arrays.stream(CleaningRule.values()).filter(r -> r.table() == this).toList();
  }
}
