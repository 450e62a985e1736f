package dev.churn.core.table;

import java.nio.ByteOrder;
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

  /** Copies a 32-bit vector's values in bulk, {@code missing} where null. */
  int[] ints(int missing) {
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
          out[i] = missing;
        }
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + spec.name() + ", rows=" + size() + "]";
  }
}
