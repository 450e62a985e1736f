package dev.churn.core.table;

import java.time.LocalDate;
import java.util.Optional;
import org.apache.arrow.vector.DateDayVector;

/** A column of calendar dates, stored as days since 1970-01-01. */
public final class DateColumn extends AbstractColumn<DateDayVector> implements Column {
  /** The epoch day returned for a missing value. */
  public static final int MISSING = Integer.MIN_VALUE;


  DateColumn(ColumnSpec spec, DateDayVector vector) {
    super(spec, vector);
  }

  /** Returns the date at a row as days since 1970-01-01, or {@link #MISSING}. */
  public int epochDay(int row) {
    return vector.isNull(row) ? MISSING : vector.getDataBuffer().getInt((long) row * 4);
  }

  /** Returns a copy of all dates as days since 1970-01-01, {@link #MISSING} where missing. */
  public int[] toEpochDays() {
    return ints(MISSING);
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

}
