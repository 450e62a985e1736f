package dev.churn.features.kkbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.churn.core.DataFormatException;
import dev.churn.core.io.Csv;
import dev.churn.core.table.CategoricalColumn;
import dev.churn.core.table.ColumnRole;
import dev.churn.core.table.ColumnType;
import dev.churn.core.table.Table;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KkboxReaderTest {
  @TempDir Path dir;
  private BufferAllocator allocator;
  private KkboxReader reader;

  @BeforeEach
  void open() {
    allocator = new RootAllocator();
    reader = KkboxReader.create(allocator).threads(2);
  }

  @AfterEach
  void allocatorIsEmptyAfterUse() {
    assertThat(allocator.getAllocatedMemory()).as("Arrow memory still held").isZero();
    allocator.close();
  }

  private Path csv(String name, String... lines) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return p;
  }

  /** Every row of a table as its CSV text, cells joined with commas. */
  private static List<String> rows(Table t) {
    List<String> out = new ArrayList<>();
    for (int r = 0; r < t.rowCount(); r++) {
      StringBuilder sb = new StringBuilder();
      for (int c = 0; c < t.columnCount(); c++) {
        if (c > 0) {
          sb.append(',');
        }
        sb.append(t.column(c).format(r));
      }
      out.add(sb.toString());
    }
    return out;
  }

  private static final String MEMBERS_HEADER =
      "msno,city,bd,gender,registered_via,registration_init_time";
  private static final String TRANSACTIONS_HEADER =
      "msno,payment_method_id,payment_plan_days,plan_list_price,actual_amount_paid,"
          + "is_auto_renew,transaction_date,membership_expire_date,is_cancel";
  private static final String USER_LOGS_HEADER =
      "msno,date,num_25,num_50,num_75,num_985,num_100,num_unq,total_secs";

  // ---------------------------------------------------------------------------------------------
  // schemas

  @Test
  void schemas_haveTheDocumentedTypesAndRoles() {
    for (KkboxTable kind : KkboxTable.values()) {
      assertThat(kind.schema().column("msno").type()).isEqualTo(ColumnType.CATEGORICAL);
      assertThat(kind.schema().column("msno").role()).isEqualTo(ColumnRole.ENTITY);
      assertThat(kind.rules()).isNotEmpty().allMatch(r -> r.table() == kind);
    }
    assertThat(KkboxTable.TRANSACTIONS.schema().namesWithRole(ColumnRole.TIMESTAMP))
        .containsExactly("transaction_date");
    assertThat(KkboxTable.USER_LOGS.schema().namesWithRole(ColumnRole.TIMESTAMP))
        .containsExactly("date");
    assertThat(KkboxTable.MEMBERS.schema().namesWithRole(ColumnRole.TIMESTAMP))
        .containsExactly("registration_init_time");
    assertThat(KkboxTable.LABELS.schema().single(ColumnRole.LABEL).orElseThrow().type())
        .isEqualTo(ColumnType.BOOLEAN);
    assertThat(KkboxTable.TRANSACTIONS.schema().column("is_cancel").type())
        .isEqualTo(ColumnType.BOOLEAN);
    assertThat(KkboxTable.TRANSACTIONS.schema().column("payment_method_id").type())
        .isEqualTo(ColumnType.CATEGORICAL);
    assertThat(KkboxTable.USER_LOGS.schema().names())
        .containsExactly("msno", "date", "num_25", "num_50", "num_75", "num_985", "num_100",
            "num_unq", "total_secs");
  }

  // ---------------------------------------------------------------------------------------------
  // members

  @Test
  void members_eachRuleFiresAndIsCounted() throws IOException {
    Path p =
        csv(
            "members.csv",
            MEMBERS_HEADER,
            "a,1,25,male,7,20110911",
            "b,13,0,,9,20120101",
            "c,5,-3,female,4,20130505",
            "d,1,1030,Female,3,20140101",
            "e,22,100,other,7,20150101",
            ",1,30,male,7,20150101",
            "a,2,40,male,7,20160101",
            "f,1,NaN,NaN,7,20160102");
    try (CleanedTable members = reader.members(p)) {
      CleaningReport r = members.report();
      assertThat(r.rowsRead()).isEqualTo(8);
      assertThat(r.rowsKept()).isEqualTo(6);
      assertThat(r.counts())
          .containsExactly(
              Map.entry(CleaningRule.MEMBERS_MISSING_MSNO, 1L),
              Map.entry(CleaningRule.MEMBERS_DUPLICATE_MSNO, 1L),
              Map.entry(CleaningRule.BD_OUT_OF_RANGE, 3L),
              Map.entry(CleaningRule.GENDER_EMPTY, 2L),
              Map.entry(CleaningRule.GENDER_UNKNOWN, 1L));
      assertThat(rows(members.table()))
          .containsExactly(
              "a,1,25,male,7,2011-09-11",
              "b,13,,,9,2012-01-01",
              "c,5,,female,4,2013-05-05",
              "d,1,,female,3,2014-01-01",
              "e,22,100,,7,2015-01-01",
              "f,1,,,7,2016-01-02");
      assertThat(members.table().schema()).isEqualTo(KkboxTable.MEMBERS.schema());
      assertThat(members.table().categorical("gender").dictionary().values())
          .containsExactly("male", "female");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // transactions

  @Test
  void transactions_eachRuleFiresAndIsCounted() throws IOException {
    Path p =
        csv(
            "transactions.csv",
            TRANSACTIONS_HEADER,
            "a,41,30,149,149,1,20170131,20170228,0",
            "a,41,30,149,149,1,20170131,20170228,0",
            "b,38,30,149,-1,0,20170105,20170204,0",
            "b,38,-30,-149,0,0,20170110,20170105,0",
            "c,41,30,149,149,1,20170115,20170110,1",
            ",41,30,149,149,1,20170131,20170228,0",
            "d,41,30,149,149,1,,20170228,0",
            "d,41,30,149,149,1,20170201,,0",
            "d,41,30,149,149,1,20170202,20170302,",
            "a,41,30,149,149,1,20170131,20170228,1",
            "a,41,30,149,149,1,20170131,20170228,0",
            "d,41,30,149,149,1,20170201,,0");
    try (CleanedTable tx = reader.transactions(p)) {
      CleaningReport r = tx.report();
      assertThat(r.rowsRead()).isEqualTo(12);
      assertThat(r.rowsKept()).isEqualTo(7);
      assertThat(r.rowsDropped()).isEqualTo(5);
      assertThat(r.counts())
          .containsExactly(
              Map.entry(CleaningRule.TRANSACTIONS_MISSING_MSNO, 1L),
              Map.entry(CleaningRule.TRANSACTIONS_MISSING_DATE, 1L),
              Map.entry(CleaningRule.TRANSACTIONS_EXACT_DUPLICATE, 3L),
              Map.entry(CleaningRule.TRANSACTIONS_NEGATIVE_AMOUNT, 3L),
              Map.entry(CleaningRule.TRANSACTIONS_MISSING_EXPIRE_DATE, 1L),
              Map.entry(CleaningRule.TRANSACTIONS_MISSING_IS_CANCEL, 1L),
              Map.entry(CleaningRule.TRANSACTIONS_EXPIRE_BEFORE_TRANSACTION, 1L));
      assertThat(rows(tx.table()))
          .containsExactly(
              "a,41,30,149,149,true,2017-01-31,2017-02-28,false",
              "b,38,30,149,,false,2017-01-05,2017-02-04,false",
              "b,38,,,0,false,2017-01-10,2017-01-05,false",
              "c,41,30,149,149,true,2017-01-15,2017-01-10,true",
              "d,41,30,149,149,true,2017-02-01,,false",
              "d,41,30,149,149,true,2017-02-02,2017-03-02,",
              "a,41,30,149,149,true,2017-01-31,2017-02-28,true");
    }
  }

  @Test
  void transactions_duplicateDetection_findsEveryCopyAmongManyRows() throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(TRANSACTIONS_HEADER);
    int distinct = 5_000;
    for (int i = 0; i < distinct; i++) {
      // rows differ at least in plan_list_price (i); many share member, date and flags
      String row = "m" + (i % 700) + "," + (i % 40) + ",30," + i + ",99,1,2017"
          + String.format("%02d%02d", 1 + i % 12, 1 + i % 28) + ",20180101," + (i % 2);
      lines.add(row);
      if (i % 3 == 0) {
        lines.add(row); // one duplicate for every third row
      }
    }
    Path p = csv("many.csv", lines.toArray(String[]::new));
    try (CleanedTable tx = reader.batchSize(997).transactions(p)) {
      assertThat(tx.report().count(CleaningRule.TRANSACTIONS_EXACT_DUPLICATE))
          .isEqualTo((distinct + 2) / 3);
      assertThat(tx.table().rowCount()).isEqualTo(distinct);
      assertThat(rows(tx.table())).doesNotHaveDuplicates();
    }
  }

  @Test
  void transactions_cleanRowsPassUntouched() throws IOException {
    Path p =
        csv(
            "clean.csv",
            TRANSACTIONS_HEADER,
            "Rb9UwLQTrxzBVwCB6+bCcSQWZ9JiNLC9dXtM1oEsZA8=,32,90,298,298,0,20170131,20170504,0",
            "++lvGPJOinuIn/8esghpnqdljm6NXS8m8Zwchc7gOeA=,41,30,149,149,1,20150809,20190412,0",
            "+/GXNDXWQVfKrEDqYAzcSw2xSPYMKWJ22m+5XKvQZc=,36,30,180,180,1,20170303,20170422,0",
            "+/GXNDXWQVfKrEDqYAzcSw2xSPYMKWJ22m+5XKvQZc=,36,0,0,0,1,20170310,20170311,1");
    try (CleanedTable tx = reader.transactions(p);
        Table raw = Csv.reader(p).schema(KkboxTable.TRANSACTIONS.schema()).read(allocator)) {
      assertThat(tx.report().isClean()).isTrue();
      assertThat(tx.report().rowsDropped()).isZero();
      assertThat(rows(tx.table())).isEqualTo(rows(raw));
      assertThat(tx.table().schema()).isEqualTo(KkboxTable.TRANSACTIONS.schema());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // user_logs

  private Path userLogs() throws IOException {
    return csv(
        "user_logs.csv",
        USER_LOGS_HEADER,
        "a,20170331,8,4,0,1,21,18,6309.273",
        "b,20170330,2,-2,1,0,9,-11,2390.699",
        "c,20170331,52,3,5,3,84,110,-9223372036854775.808",
        "c,20170301,1,1,1,1,1,1,9223372036854775.807",
        "d,20170302,1,1,1,1,1,1,86400",
        "d,20170303,1,1,1,1,1,1,0",
        ",20170303,1,1,1,1,1,1,10",
        "e,,1,1,1,1,1,1,10");
  }

  private static final List<String> CLEAN_USER_LOGS =
      List.of(
          "a,2017-03-31,8,4,0,1,21,18,6309.273",
          "b,2017-03-30,2,,1,0,9,,2390.699",
          "c,2017-03-31,52,3,5,3,84,110,",
          "c,2017-03-01,1,1,1,1,1,1,",
          "d,2017-03-02,1,1,1,1,1,1,86400",
          "d,2017-03-03,1,1,1,1,1,1,0");

  @Test
  void userLogs_eachRuleFiresAndIsCounted() throws IOException {
    try (CleanedTable logs = reader.userLogs(userLogs())) {
      CleaningReport r = logs.report();
      assertThat(r.rowsRead()).isEqualTo(8);
      assertThat(r.rowsKept()).isEqualTo(6);
      assertThat(r.counts())
          .containsExactly(
              Map.entry(CleaningRule.USER_LOGS_MISSING_MSNO, 1L),
              Map.entry(CleaningRule.USER_LOGS_MISSING_DATE, 1L),
              Map.entry(CleaningRule.NEGATIVE_SONG_COUNT, 2L),
              Map.entry(CleaningRule.TOTAL_SECS_OUT_OF_RANGE, 2L));
      assertThat(rows(logs.table())).isEqualTo(CLEAN_USER_LOGS);
    }
  }

  @Test
  void userLogs_streamedBatchByBatch_giveTheSameRowsAndReport() throws IOException {
    Path p = userLogs();
    List<String> streamed = new ArrayList<>();
    CleaningReport whole;
    try (CleanedTable all = KkboxReader.create(allocator).userLogs(p)) {
      whole = all.report();
    }
    try (CleanedTableStream stream = reader.batchSize(2).stream(KkboxTable.USER_LOGS, p)) {
      assertThat(stream.schema()).isEqualTo(KkboxTable.USER_LOGS.schema());
      int batches = 0;
      while (stream.hasNext()) {
        try (Table batch = stream.next()) {
          batches++;
          assertThat(batch.rowCount()).isLessThanOrEqualTo(2);
          streamed.addAll(rows(batch));
        }
      }
      assertThat(batches).isEqualTo(4);
      assertThat(stream.rowsRead()).isEqualTo(6);
      assertThat(stream.report().counts()).isEqualTo(whole.counts());
      assertThat(stream.report().rowsRead()).isEqualTo(8);
      assertThat(stream.report().rowsKept()).isEqualTo(6);
    }
    assertThat(streamed).isEqualTo(CLEAN_USER_LOGS);
  }

  @Test
  void userLogs_streamCanBeClosedEarly() throws IOException {
    try (CleanedTableStream stream = reader.batchSize(2).stream(KkboxTable.USER_LOGS, userLogs())) {
      try (Table first = stream.next()) {
        assertThat(first.rowCount()).isEqualTo(2);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // labels

  @Test
  void labels_eachRuleFiresAndIsCounted() throws IOException {
    Path p = csv("train.csv", "msno,is_churn", "a,1", "b,0", ",1", "c,", "a,0");
    try (CleanedTable labels = reader.labels(p)) {
      assertThat(labels.report().counts())
          .containsExactly(
              Map.entry(CleaningRule.LABELS_MISSING_MSNO, 1L),
              Map.entry(CleaningRule.LABELS_MISSING_LABEL, 1L),
              Map.entry(CleaningRule.LABELS_DUPLICATE_MSNO, 1L));
      assertThat(rows(labels.table())).containsExactly("a,true", "b,false");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // member codes, errors

  @Test
  void memberCodes_agreeAcrossTables() throws IOException {
    Path members = csv("members.csv", MEMBERS_HEADER, "a,1,25,male,7,20110911",
        "b,1,25,male,7,20110911", "c,1,25,male,7,20110911");
    Path tx = csv("tx.csv", TRANSACTIONS_HEADER, "c,41,30,149,149,1,20170131,20170228,0",
        "x,41,30,149,149,1,20170131,20170228,0", "a,41,30,149,149,1,20170131,20170228,0");
    Path labels = csv("labels.csv", "msno,is_churn", "x,1", "b,0");
    try (CleanedTable m = reader.members(members);
        CleanedTable t = reader.transactions(tx);
        CleanedTable l = reader.labels(labels)) {
      CategoricalColumn mm = m.table().categorical("msno");
      CategoricalColumn tm = t.table().categorical("msno");
      CategoricalColumn lm = l.table().categorical("msno");
      assertThat(mm.codes()).containsExactly(0, 1, 2);
      assertThat(tm.codes()).containsExactly(2, 3, 0);
      assertThat(lm.codes()).containsExactly(3, 1);
      assertThat(reader.memberDictionary().values()).containsExactly("a", "b", "c", "x");
      assertThat(tm.get(1)).contains("x");
      assertThat(lm.get(0)).contains("x");
    }
  }

  @Test
  void wrongHeader_failsNamingTheFileAndTheColumn() throws IOException {
    Path p =
        csv(
            "transactions_bad.csv",
            "msno,payment_method_id,payment_plan_days,plan_list_price,actual_amount_paid,"
                + "is_auto_renew,transaction_date,membership_expire_date",
            "a,41,30,149,149,1,20170131,20170228");
    assertThatThrownBy(() -> reader.transactions(p))
        .isInstanceOfSatisfying(
            DataFormatException.class,
            e -> {
              assertThat(e.source()).isEqualTo(p.toString());
              assertThat(e.column()).contains("is_cancel");
              assertThat(e.getMessage()).contains("transactions_bad.csv").contains("is_cancel");
            });
    assertThatThrownBy(() -> reader.stream(KkboxTable.TRANSACTIONS, p))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("is_cancel");
  }

  @Test
  void badCell_failsNamingTheFileLineAndColumn() throws IOException {
    Path p = csv("logs_bad.csv", USER_LOGS_HEADER, "a,20170331,8,4,0,1,21,18,6309.273",
        "b,2017033,2,2,1,0,9,11,2390.699");
    assertThatThrownBy(() -> reader.userLogs(p))
        .isInstanceOfSatisfying(
            DataFormatException.class,
            e -> {
              assertThat(e.source()).isEqualTo(p.toString());
              assertThat(e.column()).contains("date");
              assertThat(e.line()).hasValue(3);
            });
  }

  @Test
  void clean_acceptsATableReadElsewhere_andRejectsWrongColumns() {
    try (Table raw =
            Table.builder(allocator)
                .categorical("msno", new String[] {"a", "b", null})
                .bool("is_churn", new Boolean[] {true, null, false})
                .numeric("extra", new double[] {1, 2, 3})
                .build();
        CleanedTable labels = reader.clean(KkboxTable.LABELS, raw, "memory")) {
      assertThat(rows(labels.table())).containsExactly("a,true");
      assertThat(labels.table().schema()).isEqualTo(KkboxTable.LABELS.schema());
      assertThat(labels.report().source()).isEqualTo("memory");
      assertThat(labels.report().rowsDropped()).isEqualTo(2);
    }
    try (Table raw =
        Table.builder(allocator)
            .id("msno", new String[] {"a"})
            .bool("is_churn", new boolean[] {true})
            .build()) {
      assertThatThrownBy(() -> reader.clean(KkboxTable.LABELS, raw, "memory"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'msno' of type CATEGORICAL")
          .hasMessageContaining("as ID");
    }
  }

  @Test
  void emptyFile_withHeaderOnly_givesAnEmptyCleanTable() throws IOException {
    Path p = csv("empty.csv", USER_LOGS_HEADER);
    try (CleanedTable logs = reader.userLogs(p)) {
      assertThat(logs.table().rowCount()).isZero();
      assertThat(logs.report().isClean()).isTrue();
    }
  }

  @Test
  void settings_rejectBadValues() {
    assertThatThrownBy(() -> reader.batchSize(0)).hasMessageContaining("batchSize was 0");
    assertThatThrownBy(() -> reader.threads(0)).hasMessageContaining("threads was 0");
  }

  // ---------------------------------------------------------------------------------------------
  // report

  @Test
  void report_addsUpFormatsAndChecksItsTable() {
    CleaningReport a =
        new CleaningReport(KkboxTable.USER_LOGS, "f.csv", 10, 9,
            Map.of(CleaningRule.USER_LOGS_MISSING_DATE, 1L));
    CleaningReport b =
        new CleaningReport(KkboxTable.USER_LOGS, "f.csv", 5, 5,
            Map.of(CleaningRule.TOTAL_SECS_OUT_OF_RANGE, 2L));
    CleaningReport sum = a.plus(b);
    assertThat(sum.rowsRead()).isEqualTo(15);
    assertThat(sum.rowsKept()).isEqualTo(14);
    assertThat(sum.count(CleaningRule.USER_LOGS_MISSING_DATE)).isEqualTo(1);
    assertThat(sum.count(CleaningRule.TOTAL_SECS_OUT_OF_RANGE)).isEqualTo(2);
    assertThat(sum.count(CleaningRule.NEGATIVE_SONG_COUNT)).isZero();
    assertThat(sum.counts()).hasSize(KkboxTable.USER_LOGS.rules().size());
    assertThat(sum.format())
        .startsWith("user_logs (f.csv): 15 rows read, 14 kept, 1 dropped")
        .contains("total_secs_out_of_range")
        .contains("set missing");
    assertThat(sum.format().lines()).hasSize(2 + KkboxTable.USER_LOGS.rules().size());
    assertThatThrownBy(() -> sum.count(CleaningRule.BD_OUT_OF_RANGE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("members");
    assertThatThrownBy(
            () -> new CleaningReport(KkboxTable.LABELS, "x", 1, 2, Map.of()))
        .hasMessageContaining("rowsKept");
    assertThatThrownBy(() -> a.plus(CleaningReport.empty(KkboxTable.LABELS, "x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(CleaningReport.format(List.of(a, b)).split("\n\n")).hasSize(2);
  }
}
