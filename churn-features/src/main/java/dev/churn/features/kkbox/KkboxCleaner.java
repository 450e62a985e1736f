package dev.churn.features.kkbox;

import static dev.churn.features.kkbox.KkboxColumns.ACTUAL_AMOUNT_PAID;
import static dev.churn.features.kkbox.KkboxColumns.BD;
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
import static dev.churn.features.kkbox.KkboxColumns.TOTAL_SECS;
import static dev.churn.features.kkbox.KkboxColumns.TRANSACTION_DATE;

import dev.churn.core.table.BooleanColumn;
import dev.churn.core.table.CategoricalColumn;
import dev.churn.core.table.ColumnSpec;
import dev.churn.core.table.ColumnType;
import dev.churn.core.table.DateColumn;
import dev.churn.core.table.Dictionary;
import dev.churn.core.table.NumericColumn;
import dev.churn.core.table.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.util.AutoCloseables;
import org.apache.arrow.vector.FieldVector;

/**
 * Applies the {@link CleaningRule}s of one KKBox table to a raw table or batch. One cleaner serves
 * one source (a file, or one stream of batches): its msno translation grows with the source's
 * dictionary.
 */
final class KkboxCleaner {
  /** The fixed dictionary of cleaned {@code gender} values. */
  static final Dictionary GENDERS = Dictionary.of(List.of("male", "female"));

  static final double MIN_AGE = 1;
  static final double MAX_AGE = 100;
  static final double MAX_SECS_PER_DAY = 86_400;

  private static final List<String> AMOUNTS =
      List.of(PAYMENT_PLAN_DAYS, PLAN_LIST_PRICE, ACTUAL_AMOUNT_PAID);
  private static final List<String> SONG_COUNTS =
      List.of(NUM_25, NUM_50, NUM_75, NUM_985, NUM_100, NUM_UNQ);

  private final KkboxTable kind;
  private final String source;
  private final MemberCodes codes;
  private final MemberCodes.Translation msno;

  KkboxCleaner(KkboxTable kind, String source, MemberCodes codes) {
    this.kind = kind;
    this.source = source;
    this.codes = codes;
    this.msno = codes.translation();
  }

  /** The state of cleaning one table: rows to drop, replaced columns, counts. */
  private static final class Work {
    final Table raw;
    final int n;
    final BitSet drop;
    final EnumMap<CleaningRule, Long> counts = new EnumMap<>(CleaningRule.class);
    final Map<String, FieldVector> replaced = new HashMap<>();
    final Map<String, Dictionary> replacedDictionaries = new HashMap<>();

    Work(Table raw) {
      this.raw = raw;
      this.n = raw.rowCount();
      this.drop = new BitSet(n);
    }

    boolean kept(int row) {
      return !drop.get(row);
    }

    void add(CleaningRule rule, long count) {
      counts.merge(rule, count, Long::sum);
    }
  }

  /**
   * Cleans {@code raw}, which stays open and unchanged, and returns a new table in the schema of
   * the cleaner's kind.
   */
  CleanedTable clean(Table raw) {
    checkColumns(raw);
    Work w = new Work(raw);
    try {
      dropMissing(w, MSNO, missingMsnoRule());
      switch (kind) {
        case MEMBERS -> members(w);
        case TRANSACTIONS -> transactions(w);
        case USER_LOGS -> userLogs(w);
        case LABELS -> labels(w);
      }
      Table table = assemble(w);
      CleaningReport report =
          new CleaningReport(kind, source, w.n, w.n - w.drop.cardinality(), w.counts);
      return new CleanedTable(table, report);
    } catch (RuntimeException e) {
      closeAll(w.replaced.values());
      throw e;
    }
  }

  private CleaningRule missingMsnoRule() {
    return switch (kind) {
      case MEMBERS -> CleaningRule.MEMBERS_MISSING_MSNO;
      case TRANSACTIONS -> CleaningRule.TRANSACTIONS_MISSING_MSNO;
      case USER_LOGS -> CleaningRule.USER_LOGS_MISSING_MSNO;
      case LABELS -> CleaningRule.LABELS_MISSING_MSNO;
    };
  }

  // ---------------------------------------------------------------------------------------------
  // per table

  private void members(Work w) {
    dropDuplicateMsno(w, CleaningRule.MEMBERS_DUPLICATE_MSNO);

    NumericColumn bd = w.raw.numeric(BD);
    BitSet badAge = new BitSet(w.n);
    for (int i = 0; i < w.n; i++) {
      double v = bd.get(i);
      if (v < MIN_AGE || v > MAX_AGE) { // false for NaN (missing)
        badAge.set(i);
      }
    }
    setMissing(w, BD, badAge, CleaningRule.BD_OUT_OF_RANGE);

    CategoricalColumn gender = w.raw.categorical(GENDER);
    Dictionary raw = gender.dictionary();
    int[] map = new int[raw.size()];
    for (int c = 0; c < map.length; c++) {
      String g = raw.get(c).strip().toLowerCase(Locale.ROOT);
      map[c] = GENDERS.codeOf(g).orElse(CategoricalColumn.MISSING);
    }
    long empty = 0;
    long unknown = 0;
    for (int i = 0; i < w.n; i++) {
      if (w.kept(i)) {
        int c = gender.code(i);
        if (c == CategoricalColumn.MISSING) {
          empty++;
        } else if (map[c] == CategoricalColumn.MISSING) {
          unknown++;
        }
      }
    }
    w.add(CleaningRule.GENDER_EMPTY, empty);
    w.add(CleaningRule.GENDER_UNKNOWN, unknown);
    w.replaced.put(GENDER, Vectors.remap(w.raw, GENDER, map));
    w.replacedDictionaries.put(GENDER, GENDERS);
  }

  private void transactions(Work w) {
    dropMissing(w, TRANSACTION_DATE, CleaningRule.TRANSACTIONS_MISSING_DATE);
    dropExactDuplicates(w);

    long negative = 0;
    for (String column : AMOUNTS) {
      NumericColumn amount = w.raw.numeric(column);
      BitSet bad = new BitSet(w.n);
      for (int i = 0; i < w.n; i++) {
        if (amount.get(i) < 0) {
          bad.set(i);
        }
      }
      negative += setMissing(w, column, bad, null);
    }
    w.add(CleaningRule.TRANSACTIONS_NEGATIVE_AMOUNT, negative);

    DateColumn date = w.raw.date(TRANSACTION_DATE);
    DateColumn expire = w.raw.date(MEMBERSHIP_EXPIRE_DATE);
    BooleanColumn cancel = w.raw.bool(IS_CANCEL);
    long missingExpire = 0;
    long missingCancel = 0;
    long expiresBefore = 0;
    for (int i = 0; i < w.n; i++) {
      if (!w.kept(i)) {
        continue;
      }
      int e = expire.epochDay(i);
      if (e == DateColumn.MISSING) {
        missingExpire++;
      }
      if (cancel.isMissing(i)) {
        missingCancel++;
      } else if (!cancel.get(i) && e != DateColumn.MISSING && e < date.epochDay(i)) {
        expiresBefore++;
      }
    }
    w.add(CleaningRule.TRANSACTIONS_MISSING_EXPIRE_DATE, missingExpire);
    w.add(CleaningRule.TRANSACTIONS_MISSING_IS_CANCEL, missingCancel);
    w.add(CleaningRule.TRANSACTIONS_EXPIRE_BEFORE_TRANSACTION, expiresBefore);
  }

  private void userLogs(Work w) {
    dropMissing(w, DATE, CleaningRule.USER_LOGS_MISSING_DATE);
    long negative = 0;
    for (String column : SONG_COUNTS) {
      NumericColumn count = w.raw.numeric(column);
      BitSet bad = null;
      for (int i = 0; i < w.n; i++) {
        if (count.get(i) < 0) {
          if (bad == null) {
            bad = new BitSet(w.n);
          }
          bad.set(i);
        }
      }
      if (bad != null) {
        negative += setMissing(w, column, bad, null);
      }
    }
    w.add(CleaningRule.NEGATIVE_SONG_COUNT, negative);

    NumericColumn secs = w.raw.numeric(TOTAL_SECS);
    BitSet bad = new BitSet(w.n);
    for (int i = 0; i < w.n; i++) {
      double v = secs.get(i);
      if (v < 0 || v > MAX_SECS_PER_DAY) { // false for NaN (missing)
        bad.set(i);
      }
    }
    setMissing(w, TOTAL_SECS, bad, CleaningRule.TOTAL_SECS_OUT_OF_RANGE);
  }

  private void labels(Work w) {
    dropMissing(w, IS_CHURN, CleaningRule.LABELS_MISSING_LABEL);
    dropDuplicateMsno(w, CleaningRule.LABELS_DUPLICATE_MSNO);
  }

  // ---------------------------------------------------------------------------------------------
  // rules

  private static void dropMissing(Work w, String column, CleaningRule rule) {
    var col = w.raw.column(column);
    long dropped = 0;
    if (col.missingCount() > 0) {
      for (int i = 0; i < w.n; i++) {
        if (col.isMissing(i) && w.kept(i)) {
          w.drop.set(i);
          dropped++;
        }
      }
    }
    w.add(rule, dropped);
  }

  private static void dropDuplicateMsno(Work w, CleaningRule rule) {
    CategoricalColumn m = w.raw.categorical(MSNO);
    BitSet seen = new BitSet(m.dictionary().size());
    long dropped = 0;
    for (int i = 0; i < w.n; i++) {
      if (w.kept(i)) {
        int c = m.code(i);
        if (seen.get(c)) {
          w.drop.set(i);
          dropped++;
        } else {
          seen.set(c);
        }
      }
    }
    w.add(rule, dropped);
  }

  /**
   * Sets the rows of {@code bad} to missing in a numeric column, counting only kept rows under
   * {@code rule} (when not null). Returns the count.
   */
  private static long setMissing(Work w, String column, BitSet bad, CleaningRule rule) {
    long count = 0;
    for (int i = bad.nextSetBit(0); i >= 0; i = bad.nextSetBit(i + 1)) {
      if (w.kept(i)) {
        count++;
      }
    }
    if (!bad.isEmpty()) {
      w.replaced.put(column, Vectors.numericWithMissing(w.raw, column, bad));
    }
    if (rule != null) {
      w.add(rule, count);
    }
    return count;
  }

  /**
   * Drops every kept transaction equal in all columns to an earlier kept one. Rows are grouped by
   * a 64-bit hash packed with their position into one {@code long} and sorted primitively; rows in
   * a group are then compared column by column, so a hash collision costs time, never a wrong
   * drop.
   */
  private static void dropExactDuplicates(Work w) {
    Row row = new Row(w.raw);
    int[] rows = new int[w.n - w.drop.cardinality()];
    int k = 0;
    for (int i = w.drop.nextClearBit(0); i < w.n; i = w.drop.nextClearBit(i + 1)) {
      rows[k++] = i;
    }
    long dropped = 0;
    if (k > 1) {
      int indexBits = 32 - Integer.numberOfLeadingZeros(k - 1);
      long indexMask = (1L << indexBits) - 1;
      long[] packed = new long[k];
      for (int j = 0; j < k; j++) {
        packed[j] = (row.hash(rows[j]) & ~indexMask) | j;
      }
      Arrays.parallelSort(packed);
      int start = 0;
      while (start < k) {
        long group = packed[start] >>> indexBits;
        int end = start + 1;
        while (end < k && (packed[end] >>> indexBits) == group) {
          end++;
        }
        for (int a = start; a < end - 1; a++) {
          int ra = rows[(int) (packed[a] & indexMask)];
          if (w.drop.get(ra)) {
            continue;
          }
          for (int b = a + 1; b < end; b++) {
            int rb = rows[(int) (packed[b] & indexMask)];
            if (!w.drop.get(rb) && row.same(ra, rb)) {
              w.drop.set(rb);
              dropped++;
            }
          }
        }
        start = end;
      }
    }
    w.add(CleaningRule.TRANSACTIONS_EXACT_DUPLICATE, dropped);
  }

  /** Reads the nine transaction columns of a row for hashing and comparing. */
  private static final class Row {
    private final CategoricalColumn msno;
    private final CategoricalColumn method;
    private final NumericColumn days;
    private final NumericColumn price;
    private final NumericColumn paid;
    private final BooleanColumn autoRenew;
    private final DateColumn date;
    private final DateColumn expire;
    private final BooleanColumn cancel;

    Row(Table t) {
      msno = t.categorical(MSNO);
      method = t.categorical(PAYMENT_METHOD_ID);
      days = t.numeric(PAYMENT_PLAN_DAYS);
      price = t.numeric(PLAN_LIST_PRICE);
      paid = t.numeric(ACTUAL_AMOUNT_PAID);
      autoRenew = t.bool(IS_AUTO_RENEW);
      date = t.date(TRANSACTION_DATE);
      expire = t.date(MEMBERSHIP_EXPIRE_DATE);
      cancel = t.bool(IS_CANCEL);
    }

    long hash(int r) {
      long h = mix(0x5DEECE66DL, msno.code(r));
      h = mix(h, method.code(r));
      h = mix(h, Double.doubleToLongBits(days.get(r)));
      h = mix(h, Double.doubleToLongBits(price.get(r)));
      h = mix(h, Double.doubleToLongBits(paid.get(r)));
      h = mix(h, flag(autoRenew, r));
      h = mix(h, date.epochDay(r));
      h = mix(h, expire.epochDay(r));
      h = mix(h, flag(cancel, r));
      return finish(h);
    }

    boolean same(int a, int b) {
      return msno.code(a) == msno.code(b)
          && date.epochDay(a) == date.epochDay(b)
          && expire.epochDay(a) == expire.epochDay(b)
          && method.code(a) == method.code(b)
          && Double.doubleToLongBits(days.get(a)) == Double.doubleToLongBits(days.get(b))
          && Double.doubleToLongBits(price.get(a)) == Double.doubleToLongBits(price.get(b))
          && Double.doubleToLongBits(paid.get(a)) == Double.doubleToLongBits(paid.get(b))
          && flag(autoRenew, a) == flag(autoRenew, b)
          && flag(cancel, a) == flag(cancel, b);
    }

    private static int flag(BooleanColumn c, int r) {
      return c.isMissing(r) ? 2 : c.get(r) ? 1 : 0;
    }

    private static long mix(long h, long v) {
      return Long.rotateLeft((h ^ v) * 0x9E3779B97F4A7C15L, 29);
    }

    /** MurmurHash3's 64-bit finaliser, so that the high bits depend on every input bit. */
    private static long finish(long h) {
      h ^= h >>> 33;
      h *= 0xFF51AFD7ED558CCDL;
      h ^= h >>> 33;
      h *= 0xC4CEB93FE63D53L;
      h ^= h >>> 33;
      return h;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // assembly

  private void checkColumns(Table raw) {
    for (ColumnSpec expected : kind.schema().columns()) {
      Optional<ColumnSpec> found = raw.schema().find(expected.name());
      if (found.isEmpty() || found.get().type() != expected.type()) {
        throw new IllegalArgumentException(
            "cleaning " + kind.id() + " from " + source + " needs column '" + expected.name()
                + "' of type " + expected.type() + " but the table has "
                + found.map(c -> "it as " + c.type()).orElse("no such column")
                + "; read the file with KkboxTable." + kind.name() + ".schema()");
      }
    }
  }

  /** Builds the cleaned table: replaced columns, the shared msno codes, shared buffers elsewhere. */
  private Table assemble(Work w) {
    CategoricalColumn rawMsno = w.raw.categorical(MSNO);
    int[] map = msno.update(rawMsno.dictionary());
    if (!msno.isIdentity()) {
      w.replaced.put(MSNO, Vectors.remap(w.raw, MSNO, map));
    }
    List<FieldVector> vectors = new ArrayList<>();
    Map<String, Dictionary> dictionaries = new HashMap<>();
    BufferAllocator allocator = w.raw.allocator();
    try {
      for (ColumnSpec spec : kind.schema().columns()) {
        String name = spec.name();
        FieldVector v = w.replaced.remove(name);
        vectors.add(v != null ? v : Vectors.share(w.raw, name));
        if (spec.type() == ColumnType.CATEGORICAL) {
          Dictionary d = w.replacedDictionaries.get(name);
          if (name.equals(MSNO)) {
            d = codes.snapshot();
          } else if (d == null) {
            d = w.raw.categorical(name).dictionary();
          }
          dictionaries.put(name, d);
        }
      }
    } catch (RuntimeException e) {
      closeAll(vectors);
      throw e;
    }
    Table all = Table.wrap(allocator, kind.schema(), vectors, dictionaries);
    if (w.drop.isEmpty()) {
      return all;
    }
    try (all) {
      BitSet keep = new BitSet(w.n);
      keep.set(0, w.n);
      keep.andNot(w.drop);
      return all.filter(keep);
    }
  }

  private static void closeAll(Iterable<? extends AutoCloseable> things) {
    try {
      AutoCloseables.close(things);
    } catch (Exception e) {
      throw new IllegalStateException("could not release Arrow memory", e);
    }
  }
}
