package dev.churn.core.io;

import dev.churn.core.table.ColumnSpec;
import dev.churn.core.table.ColumnType;
import dev.churn.core.table.DateFormat;
import dev.churn.core.table.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Guesses column types from a sample of rows. The rules, applied to the non-missing values of a
 * column, first match wins:
 *
 * <ol>
 *   <li>no value at all: CATEGORICAL (accepts anything later on);
 *   <li>every value is {@code true} or {@code false} (any case): BOOLEAN;
 *   <li>every value is an ISO date {@code yyyy-MM-dd}: DATE (ISO);
 *   <li>every value is an 8-digit valid calendar date from 1900 to 2100, {@code yyyyMMdd}: DATE
 *       (YYYYMMDD), as in the KKBox tables;
 *   <li>every value parses as a number: NUMERIC;
 *   <li>at least 20 values and more than half of them distinct: ID;
 *   <li>otherwise CATEGORICAL.
 * </ol>
 */
final class SchemaInference {
  private static final int DISTINCT_CAP = 100_000;

  private final List<String> header;
  private final Column[] columns;
  private int rows;

  private static final class Column {
    long present;
    boolean bool = true;
    boolean iso = true;
    boolean ymd = true;
    boolean number = true;
    final Set<String> distinct = new HashSet<>();
  }

  SchemaInference(List<String> header) {
    this.header = header;
    this.columns = new Column[header.size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = new Column();
    }
  }

  /** Looks at one trimmed, non-missing value of a field. */
  void accept(int field, char[] b, int off, int len) {
    Column c = columns[field];
    c.present++;
    if (c.bool && TextValues.parseBoolean(b, off, len, true) < 0) {
      c.bool = false;
    }
    if (c.iso && TextValues.parseIsoDay(b, off, len) == Integer.MIN_VALUE) {
      c.iso = false;
    }
    if (c.ymd) {
      int day = TextValues.parseYmdDay(b, off, len);
      // 1900-01-01 .. 2100-12-31 as epoch days
      if (day == Integer.MIN_VALUE || day < -25567 || day > 47847) {
        c.ymd = false;
      }
    }
    if (c.number) {
      try {
        ch.randelshofer.fastdoubleparser.JavaDoubleParser.parseDouble(b, off, len);
      } catch (NumberFormatException e) {
        c.number = false;
      }
    }
    if (!c.number && c.distinct.size() < DISTINCT_CAP) {
      c.distinct.add(new String(b, off, len));
    }
  }

  void endRow() {
    rows++;
  }

  int rows() {
    return rows;
  }

  Schema schema() {
    List<ColumnSpec> specs = new ArrayList<>(header.size());
    for (int i = 0; i < header.size(); i++) {
      specs.add(decide(header.get(i), columns[i]));
    }
    return Schema.of(specs);
  }

  private static ColumnSpec decide(String name, Column c) {
    if (c.present == 0) {
      return ColumnSpec.of(name, ColumnType.CATEGORICAL);
    }
    if (c.bool) {
      return ColumnSpec.of(name, ColumnType.BOOLEAN);
    }
    if (c.iso) {
      return ColumnSpec.of(name, ColumnType.DATE).withDateFormat(DateFormat.ISO);
    }
    if (c.ymd) {
      return ColumnSpec.of(name, ColumnType.DATE).withDateFormat(DateFormat.YYYYMMDD);
    }
    if (c.number) {
      return ColumnSpec.of(name, ColumnType.NUMERIC);
    }
    if (c.present >= 20 && c.distinct.size() * 2 > c.present) {
      return ColumnSpec.of(name, ColumnType.ID);
    }
    return ColumnSpec.of(name, ColumnType.CATEGORICAL);
  }
}
