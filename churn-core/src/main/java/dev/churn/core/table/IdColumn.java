package dev.churn.core.table;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.apache.arrow.vector.VarCharVector;

/** A column of free-form strings such as customer ids, stored as UTF-8. */
public final class IdColumn implements Column {
  private final ColumnSpec spec;
  private final VarCharVector vector;

  IdColumn(ColumnSpec spec, VarCharVector vector) {
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

  VarCharVector vector() {
    return vector;
  }

  @Override
  public String toString() {
    return "IdColumn[" + spec.name() + ", rows=" + size() + "]";
  }
}
