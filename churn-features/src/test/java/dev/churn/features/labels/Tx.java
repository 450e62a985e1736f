package dev.churn.features.labels;

import dev.churn.core.table.Table;
import java.time.LocalDate;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * One hand-written or generated transaction for the labeler's tests; null fields are missing
 * values.
 */
record Tx(String msno, LocalDate date, LocalDate expire, Boolean cancel) {

  static Tx renew(String msno, String date, String expire) {
    return new Tx(msno, LocalDate.parse(date), LocalDate.parse(expire), false);
  }

  static Tx cancel(String msno, String date, String expire) {
    return new Tx(msno, LocalDate.parse(date), LocalDate.parse(expire), true);
  }

  boolean usable() {
    return msno != null && date != null && expire != null && cancel != null;
  }

  @Override
  public String toString() {
    return msno + "," + date + "," + expire + "," + (cancel == null ? "?" : cancel ? "C" : "R");
  }

  /** Builds a transactions table in the KKBox column layout (msno CATEGORICAL, flags BOOLEAN). */
  static Table table(BufferAllocator allocator, List<Tx> txs) {
    int n = txs.size();
    String[] msno = new String[n];
    LocalDate[] date = new LocalDate[n];
    LocalDate[] expire = new LocalDate[n];
    Boolean[] cancel = new Boolean[n];
    double[] paid = new double[n];
    for (int i = 0; i < n; i++) {
      Tx t = txs.get(i);
      msno[i] = t.msno();
      date[i] = t.date();
      expire[i] = t.expire();
      cancel[i] = t.cancel();
      paid[i] = 149;
    }
    return Table.builder(allocator)
        .categorical("msno", msno)
        .numeric("actual_amount_paid", paid)
        .date("transaction_date", date)
        .date("membership_expire_date", expire)
        .bool("is_cancel", cancel)
        .build();
  }
}
