package dev.churn.core.table;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.arrow.vector.VarCharVector;

/** A column of free-form strings such as customer ids, stored as UTF-8. */
public final class IdColumn extends AbstractColumn<VarCharVector> implements Column {

  IdColumn(ColumnSpec spec, VarCharVector vector) {
    super(spec, vector);
  }

  /** Returns the string at a row, or empty when it is missing. */
  public Optional<String> get(int row) {
    if (vector.isNull(row)) {
      return Optional.empty();
    }
    return Optional.of(new String(vector.get(row), StandardCharsets.UTF_8));
  }

  @Override
  public String format(int row) {
    return isMissing(row) ? "" : new String(vector.get(row), StandardCharsets.UTF_8);
  }

}
