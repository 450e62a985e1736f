package dev.churn.core.io;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import dev.churn.core.DataFormatException;
import dev.churn.core.table.ColumnSpec;
import dev.churn.core.table.DateFormat;
import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Receives the fields of one chunk from FastCSV and writes them straight into Arrow vectors:
 * numbers are parsed from the char buffer without allocating, categories get chunk-local codes
 * that the stream later maps onto the shared dictionary.
 */
final class BatchParser extends AbstractBaseCsvCallbackHandler<Object> {
  private static final Object ROW = new Object();
  private static final int NUMERIC = 0;
  private static final int CATEGORICAL = 1;
  private static final int BOOLEAN = 2;
  private static final int DATE_ISO = 3;
  private static final int DATE_YMD = 4;
  private static final int DATE_AUTO = 5;
  private static final int ID = 6;

  private final CsvPlan plan;
  private final long firstLine;
  private final int[] kind;
  private final FieldVector[] vectors;
  private final Float8Vector[] numeric;
  private final IntVector[] codes;
  private final BitVector[] bools;
  private final DateDayVector[] dates;
  private final VarCharVector[] ids;
  final CharInterner[] interners;
  private byte[] scratch = new byte[64];
  private int row;

  BatchParser(CsvPlan plan, BufferAllocator allocator, long firstLine, int capacity) {
    this.plan = plan;
    this.firstLine = firstLine;
    int n = plan.schema.size();
    kind = new int[n];
    vectors = new FieldVector[n];
    numeric = new Float8Vector[n];
    codes = new IntVector[n];
    bools = new BitVector[n];
    dates = new DateDayVector[n];
    ids = new VarCharVector[n];
    interners = new CharInterner[n];
    int cap = Math.max(1, capacity);
    try {
      for (int c = 0; c < n; c++) {
        ColumnSpec spec = plan.schema.columns().get(c);
        String name = spec.name();
        switch (spec.type()) {
          case NUMERIC -> {
            kind[c] = NUMERIC;
            numeric[c] = new Float8Vector(name, allocator);
            vectors[c] = numeric[c];
          }
          case CATEGORICAL -> {
            kind[c] = CATEGORICAL;
            codes[c] = new IntVector(name, allocator);
            vectors[c] = codes[c];
            interners[c] = new CharInterner();
          }
          case BOOLEAN -> {
            kind[c] = BOOLEAN;
            bools[c] = new BitVector(name, allocator);
            vectors[c] = bools[c];
          }
          case DATE -> {
            kind[c] =
                spec.dateFormat() == DateFormat.ISO
                    ? DATE_ISO
                    : spec.dateFormat() == DateFormat.YYYYMMDD ? DATE_YMD : DATE_AUTO;
            dates[c] = new DateDayVector(name, allocator);
            vectors[c] = dates[c];
          }
          case ID -> {
            kind[c] = ID;
            ids[c] = new VarCharVector(name, allocator);
            vectors[c] = ids[c];
          }
        }
        if (vectors[c] instanceof VarCharVector v) {
          v.allocateNew(cap * 16L, cap);
        } else {
          vectors[c].setInitialCapacity(cap);
          vectors[c].allocateNew();
        }
      }
    } catch (RuntimeException | OutOfMemoryError e) {
      release();
      throw e;
    }
  }

  /** Returns the rows parsed so far. */
  int rows() {
    return row;
  }

  /** Returns the vectors, each with its value count set; ownership passes to the caller. */
  List<FieldVector> finish() {
    for (FieldVector v : vectors) {
      v.setValueCount(row);
    }
    return List.of(vectors);
  }

  /** Closes every vector; used when parsing fails. */
  void release() {
    for (FieldVector v : vectors) {
      if (v != null) {
        v.close();
      }
    }
  }

  private long line() {
    return firstLine + getStartingLineNumber() - 1;
  }

  @Override
  protected void handleField(int idx, char[] buf, int off, int len, boolean quoted) {
    int[] map = plan.fieldToColumn;
    if (idx >= map.length) {
      return; // reported as a ragged row in buildRecord
    }
    int c = map[idx];
    if (c < 0) {
      return;
    }
    while (len > 0 && TextValues.isBlank(buf[off])) {
      off++;
      len--;
    }
    while (len > 0 && TextValues.isBlank(buf[off + len - 1])) {
      len--;
    }
    if (plan.isMissing(buf, off, len)) {
      return; // validity bits start cleared: the cell stays null
    }
    switch (kind[c]) {
      case NUMERIC -> {
        double d;
        try {
          d = JavaDoubleParser.parseDouble(buf, off, len);
        } catch (NumberFormatException e) {
          throw bad(c, "NUMERIC", buf, off, len);
        }
        if (!Double.isNaN(d)) {
          numeric[c].set(row, d);
        }
      }
      case CATEGORICAL -> codes[c].set(row, interners[c].codeOf(buf, off, len));
      case BOOLEAN -> {
        int b = TextValues.parseBoolean(buf, off, len, false);
        if (b < 0) {
          throw bad(c, "BOOLEAN (true/false, yes/no, 1/0, t/f, y/n)", buf, off, len);
        }
        bools[c].set(row, b);
      }
      case DATE_ISO, DATE_YMD, DATE_AUTO -> {
        int day =
            kind[c] == DATE_ISO || (kind[c] == DATE_AUTO && len == 10)
                ? TextValues.parseIsoDay(buf, off, len)
                : TextValues.parseYmdDay(buf, off, len);
        if (day == Integer.MIN_VALUE) {
          String expected =
              switch (kind[c]) {
                case DATE_ISO -> "DATE as yyyy-MM-dd";
                case DATE_YMD -> "DATE as yyyyMMdd";
                default -> "DATE as yyyy-MM-dd or yyyyMMdd";
              };
          throw bad(c, expected, buf, off, len);
        }
        dates[c].set(row, day);
      }
      case ID -> setId(ids[c], buf, off, len);
      default -> throw new AssertionError(kind[c]);
    }
  }

  private void setId(VarCharVector v, char[] buf, int off, int len) {
    boolean ascii = true;
    if (scratch.length < len) {
      scratch = new byte[Math.max(len, scratch.length * 2)];
    }
    for (int i = 0; i < len; i++) {
      char ch = buf[off + i];
      if (ch >= 0x80) {
        ascii = false;
        break;
      }
      scratch[i] = (byte) ch;
    }
    if (ascii) {
      v.setSafe(row, scratch, 0, len);
    } else {
      byte[] utf8 = new String(buf, off, len).getBytes(StandardCharsets.UTF_8);
      v.setSafe(row, utf8, 0, utf8.length);
    }
  }

  private DataFormatException bad(int c, String expected, char[] buf, int off, int len) {
    String text = new String(buf, off, Math.min(len, 80));
    return new DataFormatException(
        plan.source,
        line(),
        plan.schema.columns().get(c).name(),
        expected,
        "found '" + text + "'" + plan.inferenceHint());
  }

  @Override
  protected Object buildRecord() {
    int fields = getFieldCount();
    if (fields != plan.header.size()) {
      throw new DataFormatException(
          plan.source,
          line(),
          null,
          null,
          "the row has " + fields + " fields but the header has " + plan.header.size()
              + " (a ragged row; check delimiters and quotes on this line)");
    }
    row++;
    return ROW;
  }
}
