package dev.churn.examples.sim;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * The rows and counters produced for one chunk of consecutive members. Chunks are generated in
 * parallel and written in member order, so the files do not depend on the number of threads; the
 * buffers are reused from chunk to chunk to keep garbage low.
 */
final class ChunkOutput {

  final AsciiBuffer members;
  final AsciiBuffer transactions;
  /** One buffer for a single user_logs file, or one per month. */
  final AsciiBuffer[] logs;
  final AsciiBuffer[] labels;

  long memberRows;
  long transactionRows;
  final long[] logRowsByMonth;
  final int[] cohort;
  final int[] churned;
  final int[] activeAtStart;
  long agesOutOfRange;
  long missingGender;
  long duplicateTransactions;
  long extremeTotalSecs;

  ChunkOutput(int months, int logFiles, int chunkMembers) {
    members = new AsciiBuffer(chunkMembers * 80);
    transactions = new AsciiBuffer(chunkMembers * months * 100);
    logs = new AsciiBuffer[logFiles];
    int logBytes = (int) Math.min(64L << 20, (long) chunkMembers * months * 22 * 95 / logFiles);
    for (int i = 0; i < logFiles; i++) {
      logs[i] = new AsciiBuffer(logBytes);
    }
    labels = new AsciiBuffer[months];
    for (int i = 0; i < months; i++) {
      labels[i] = new AsciiBuffer(chunkMembers * 48);
    }
    logRowsByMonth = new long[months];
    cohort = new int[months];
    churned = new int[months];
    activeAtStart = new int[months];
  }

  void clear() {
    members.clear();
    transactions.clear();
    for (AsciiBuffer b : logs) {
      b.clear();
    }
    for (AsciiBuffer b : labels) {
      b.clear();
    }
    memberRows = 0;
    transactionRows = 0;
    Arrays.fill(logRowsByMonth, 0);
    Arrays.fill(cohort, 0);
    Arrays.fill(churned, 0);
    Arrays.fill(activeAtStart, 0);
    agesOutOfRange = 0;
    missingGender = 0;
    duplicateTransactions = 0;
    extremeTotalSecs = 0;
  }

  long bytes() {
    long n = members.size() + (long) transactions.size();
    for (AsciiBuffer b : logs) {
      n += b.size();
    }
    for (AsciiBuffer b : labels) {
      n += b.size();
    }
    return n;
  }

  /**
   * Writes the buffers to the open files: members, transactions, the user_logs file(s), then the
   * label files, in that order of {@code out}.
   */
  void writeTo(OutputStream[] out) throws IOException {
    int i = 0;
    members.writeTo(out[i++]);
    transactions.writeTo(out[i++]);
    for (AsciiBuffer b : logs) {
      OutputStream o = out[i++];
      if (o != null) {
        b.writeTo(o);
      }
    }
    for (AsciiBuffer b : labels) {
      b.writeTo(out[i++]);
    }
  }
}
