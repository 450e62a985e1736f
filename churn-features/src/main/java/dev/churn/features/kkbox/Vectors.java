package dev.churn.features.kkbox;

import dev.churn.core.table.Table;
import java.util.BitSet;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.util.TransferPair;

/**
 * Builds the Arrow vectors of a cleaned table: unchanged columns share the raw table's buffers
 * (zero-copy, reference-counted), changed ones are fresh vectors. Each returned vector belongs to
 * the caller, who hands it to {@link Table#wrap}.
 */
final class Vectors {
  private Vectors() {}

  /** Returns a vector sharing the memory of a column of {@code t}. */
  static FieldVector share(Table t, String column) {
    FieldVector v = t.arrowVector(column);
    TransferPair tp = v.getTransferPair(t.allocator());
    int n = t.rowCount();
    if (n == 0) {
      FieldVector empty = (FieldVector) tp.getTo();
      empty.allocateNew();
      empty.setValueCount(0);
      return empty;
    }
    tp.splitAndTransfer(0, n);
    return (FieldVector) tp.getTo();
  }

  /** Returns a copy of a numeric column in which the rows set in {@code setMissing} are null. */
  static Float8Vector numericWithMissing(Table t, String column, BitSet setMissing) {
    Float8Vector src = (Float8Vector) t.arrowVector(column);
    int n = t.rowCount();
    Float8Vector out = new Float8Vector(column, t.allocator());
    try {
      out.allocateNew(Math.max(1, n));
      for (int i = 0; i < n; i++) {
        if (src.isNull(i) || setMissing.get(i)) {
          out.setNull(i);
        } else {
          out.set(i, src.get(i));
        }
      }
      out.setValueCount(n);
      return out;
    } catch (RuntimeException e) {
      out.close();
      throw e;
    }
  }

  /**
   * Returns a categorical column's codes translated through {@code map} (old code to new code; a
   * negative new code means missing). Missing values stay missing.
   */
  static IntVector remap(Table t, String column, int[] map) {
    IntVector src = (IntVector) t.arrowVector(column);
    BufferAllocator allocator = t.allocator();
    int n = t.rowCount();
    IntVector out = new IntVector(column, allocator);
    try {
      out.allocateNew(Math.max(1, n));
      for (int i = 0; i < n; i++) {
        int to = src.isNull(i) ? -1 : map[src.get(i)];
        if (to < 0) {
          out.setNull(i);
        } else {
          out.set(i, to);
        }
      }
      out.setValueCount(n);
      return out;
    } catch (RuntimeException e) {
      out.close();
      throw e;
    }
  }
}
