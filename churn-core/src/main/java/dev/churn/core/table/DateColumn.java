package dev.churn.core.table;

import java.time.LocalDate;
import java.nio.ByteOrder;
import java.util.Objects;
import java.util.Optional;
import org.apache.arrow.vector.DateDayVector;

/** A column of calendar dates, stored as days since 1970-01-01. */
public final class DateColumn implements Column {
  /** The epoch day returned for a missing value. */
  public static final int MISSING = Integer.MIN_VALUE;

  private final ColumnSpec spec;
  private final DateDayVector vector;

  DateColumn(ColumnSpec spec, DateDayVector vector) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.vector = vector;
  }

  @Override
  public ColumnSpec spec() {
    return spec;
  }

  @Override
  public int size() {
    return vector.getValueCount();
  }

  @Override
  public boolean isMissing(int row) {
    return vector.isNull(row);
  }

  @Override
  public int missingCount() {
    return vector.getNullCount();
  }

  /** Returns the date at a row as days since 1970-01-01, or {@link #MISSING}. */
  public int epochDay(int row) {
    return vector.isNull(row) ? MISSING : vector.getDataBuffer().getInt((long) row * 4);
  }

  /** Returns a copy of all dates as days since 1970-01-01, {@link #MISSING} where missing. */
  public int[] toEpochDays() {
    int n = size();
    int[] out = new int[n];
    if (n == 0) {
      return out;
    }
    vector.getDataBuffer().nioBuffer(0, n * 4).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer()
        .get(out);
    if (vector.getNullCount() > 0) {
      for (int i = 0; i < n; i++) {
        if (vector.isNull(i)) {
          out[i] = MISSING;
        }
      }
    }
    return out;
  }

  /** Returns the date at a row, or empty when it is missing. */
  public Optional<LocalDate> get(int row) {
    int d = epochDay(row);
    return d == MISSING ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(d));
  }

  @Override
  public String format(int row) {
    int d = epochDay(row);
    return d == MISSING ? "" : LocalDate.ofEpochDay(d).toString();
  }

  DateDayVector vector() {
    return vector;
  }

  @Override
  public String toString() {
    return "DateColumn[" + spec.name() + ", rows=" + size() + "]";
  }
}
