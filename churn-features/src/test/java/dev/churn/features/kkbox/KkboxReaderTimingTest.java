package dev.churn.features.kkbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.churn.core.io.Csv;
import dev.churn.core.io.TableStream;
import dev.churn.core.table.Table;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rough timing of reading and cleaning generated KKBox files, against reading the same files
 * without cleaning. Not part of the normal suite; run it with
 *
 * <pre>
 * mvn -o verify -pl churn-features -Dchurn.timing=true -Dtest=KkboxReaderTimingTest
 * </pre>
 */
@EnabledIfSystemProperty(named = "churn.timing", matches = "true")
class KkboxReaderTimingTest {
  private static final int ROWS = 4_000_000;
  private static final int MEMBERS = 200_000;

  @TempDir Path dir;

  @Test
  void userLogs_streamedAndCleaned_versusRawCsv() throws IOException {
    Path logs = dir.resolve("user_logs.csv");
    SplittableRandom random = new SplittableRandom(20261123L);
    try (BufferedWriter w = Files.newBufferedWriter(logs, StandardCharsets.UTF_8)) {
      w.write("msno,date,num_25,num_50,num_75,num_985,num_100,num_unq,total_secs\n");
      for (int i = 0; i < ROWS; i++) {
        double secs = random.nextInt(10_000) == 0 ? -9.223372036854776e15 : random.nextInt(30_000)
            + random.nextInt(1000) / 1000.0;
        w.write("member" + random.nextInt(MEMBERS) + ",201703" + (10 + random.nextInt(19)) + ","
            + random.nextInt(20) + "," + random.nextInt(5) + "," + random.nextInt(5) + ","
            + random.nextInt(5) + "," + random.nextInt(50) + "," + random.nextInt(60) + ","
            + secs + "\n");
      }
    }
    long bytes = Files.size(logs);
    for (int run = 0; run < 3; run++) {
      try (BufferAllocator allocator = new RootAllocator()) {
        long start = System.nanoTime();
        long rows = 0;
        try (TableStream raw =
            Csv.reader(logs).schema(KkboxTable.USER_LOGS.schema()).stream(allocator)) {
          while (raw.hasNext()) {
            try (Table b = raw.next()) {
              rows += b.rowCount();
            }
          }
        }
        double rawSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        long cleaned = 0;
        CleaningReport report;
        try (CleanedTableStream s =
            KkboxReader.create(allocator).stream(KkboxTable.USER_LOGS, logs)) {
          while (s.hasNext()) {
            try (Table b = s.next()) {
              cleaned += b.rowCount();
            }
          }
          report = s.report();
        }
        double cleanSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
            "user_logs run %d: %,d rows, %,d MB: raw CSV stream %.2f s (%.1f M rows/s), "
                + "cleaned stream %.2f s (%.1f M rows/s), total_secs fixed %,d%n",
            run, rows, bytes >> 20, rawSeconds, rows / rawSeconds / 1e6, cleanSeconds,
            cleaned / cleanSeconds / 1e6, report.count(CleaningRule.TOTAL_SECS_OUT_OF_RANGE));
        assertThat(cleaned).isEqualTo(ROWS);
      }
    }
  }

  @Test
  void transactions_readAndCleaned_versusRawCsv() throws IOException {
    Path tx = dir.resolve("transactions.csv");
    SplittableRandom random = new SplittableRandom(20261123L);
    try (BufferedWriter w = Files.newBufferedWriter(tx, StandardCharsets.UTF_8)) {
      w.write("msno,payment_method_id,payment_plan_days,plan_list_price,actual_amount_paid,"
          + "is_auto_renew,transaction_date,membership_expire_date,is_cancel\n");
      String previous = null;
      for (int i = 0; i < ROWS; i++) {
        String row = previous != null && random.nextInt(100) == 0 ? previous
            : "member" + random.nextInt(MEMBERS) + "," + (30 + random.nextInt(12)) + ",30,149,"
                + (random.nextInt(10) == 0 ? 0 : 149) + "," + random.nextInt(2) + ",2016"
                + (10 + random.nextInt(3)) + (10 + random.nextInt(19)) + ",2017"
                + (10 + random.nextInt(3)) + (10 + random.nextInt(19)) + ","
                + (random.nextInt(25) == 0 ? 1 : 0);
        w.write(row);
        w.write('\n');
        previous = row;
      }
    }
    for (int run = 0; run < 3; run++) {
      try (BufferAllocator allocator = new RootAllocator()) {
        long start = System.nanoTime();
        int rows;
        try (Table raw = Csv.reader(tx).schema(KkboxTable.TRANSACTIONS.schema()).read(allocator)) {
          rows = raw.rowCount();
        }
        double rawSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        try (CleanedTable t = KkboxReader.create(allocator).transactions(tx)) {
          double cleanSeconds = (System.nanoTime() - start) / 1e9;
          System.out.printf(
              "transactions run %d: %,d rows: raw CSV read %.2f s, read and cleaned %.2f s, "
                  + "%,d exact duplicates dropped%n",
              run, rows, rawSeconds, cleanSeconds,
              t.report().count(CleaningRule.TRANSACTIONS_EXACT_DUPLICATE));
          assertThat(t.report().count(CleaningRule.TRANSACTIONS_EXACT_DUPLICATE)).isPositive();
        }
      }
    }
  }
}
