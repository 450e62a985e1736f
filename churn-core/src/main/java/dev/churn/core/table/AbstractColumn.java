package dev.churn.core.table;

import java.util.Objects;
import org.apache.arrow.vector.FieldVector;

/** What every column view shares: its spec and the Arrow vector behind it. */
abstract class AbstractColumn<V extends FieldVector> {
  final ColumnSpec spec;
  final V vector;

  AbstractColumn(ColumnSpec spec, V vector) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.vector = vector;
  }

  public ColumnSpec spec() {
    return spec;
  }

  public int size() {
    return vector.getValueCount();
  }

  public boolean isMissing(int row) {
    return vector.isNull(row);
  }

  public int missingCount() {
    return vector.getNullCount();
  }

  V vector() {
    return vector;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + spec.name() + ", rows=" + size() + "]";
  }
}
