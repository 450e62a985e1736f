package dev.churn.core.table;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Assembles a {@link Table} from Java arrays, one column at a time; get one from {@link
 * Table#builder(BufferAllocator)}.
 *
 * <p>The builder keeps references to the arrays it is given and copies them into Arrow memory
 * only in {@link #build()}, so an abandoned builder holds no off-heap memory. {@code build()}
 * checks that all columns have the same length and leaves the builder reusable. Missing values
 * are {@code NaN} in numeric arrays and {@code null} in object arrays.
 */
public final class TableBuilder {
  private final BufferAllocator allocator;
  private final Map<String, Pending> columns = new LinkedHashMap<>();

  private record Pending(ColumnSpec spec, Object values, Dictionary dictionary) {}

  TableBuilder(BufferAllocator allocator) {
    this.allocator = Objects.requireNonNull(allocator, "allocator");
  }

  private TableBuilder put(ColumnSpec spec, Object values, Dictionary dictionary) {
    Objects.requireNonNull(values, spec.name());
    if (columns.containsKey(spec.name())) {
      throw new IllegalArgumentException(
          "column '" + spec.name() + "' was added twice but column names must be unique");
    }
    columns.put(spec.name(), new Pending(spec, values, dictionary));
    return this;
  }

  /** Adds a numeric column; NaN marks a missing value. */
  public TableBuilder numeric(String name, double[] values) {
    return put(ColumnSpec.of(name, ColumnType.NUMERIC), values, null);
  }

  /**
   * Adds a categorical column from labels; null marks a missing value. The dictionary lists the
   * categories in order of first appearance.
   */
  public TableBuilder categorical(String name, String[] values) {
    return put(ColumnSpec.of(name, ColumnType.CATEGORICAL), values, null);
  }

  /**
   * Adds a categorical column from codes into a dictionary; {@link CategoricalColumn#MISSING}
   * marks a missing value.
   */
  public TableBuilder categorical(String name, int[] codes, Dictionary dictionary) {
    Objects.requireNonNull(dictionary, "dictionary");
    for (int i = 0; i < codes.length; i++) {
      if (codes[i] != CategoricalColumn.MISSING && (codes[i] < 0 || codes[i] >= dictionary.size())) {
        throw new IllegalArgumentException(
            "column '" + name + "' has code " + codes[i] + " at row " + i
                + " but its dictionary has " + dictionary.size() + " categories");
      }
    }
    return put(ColumnSpec.of(name, ColumnType.CATEGORICAL), codes, dictionary);
  }

  /** Adds a boolean column with no missing values. */
  public TableBuilder bool(String name, boolean[] values) {
    return put(ColumnSpec.of(name, ColumnType.BOOLEAN), values, null);
  }

  /** Adds a boolean column; null marks a missing value. */
  public TableBuilder bool(String name, Boolean[] values) {
    return put(ColumnSpec.of(name, ColumnType.BOOLEAN), values, null);
  }

  /** Adds a date column; null marks a missing value. */
  public TableBuilder date(String name, LocalDate[] values) {
    return put(ColumnSpec.of(name, ColumnType.DATE), values, null);
  }

  /** Adds a date column of days since 1970-01-01; {@link DateColumn#MISSING} marks missing. */
  public TableBuilder dateEpochDays(String name, int[] epochDays) {
    return put(ColumnSpec.of(name, ColumnType.DATE), epochDays, null);
  }

  /** Adds an id column; null marks a missing value. */
  public TableBuilder id(String name, String[] values) {
    return put(ColumnSpec.of(name, ColumnType.ID), values, null);
  }

  /** Sets the role of a column added earlier. */
  public TableBuilder role(String name, ColumnRole role) {
    Pending p = columns.get(name);
    if (p == null) {
      throw new IllegalArgumentException(
          "role(" + name + ", " + role + "): no column '" + name + "' was added before");
    }
    columns.put(name, new Pending(p.spec().withRole(role), p.values(), p.dictionary()));
    return this;
  }

  /**
   * Copies the columns into Arrow memory and returns the table.
   *
   * @throws IllegalArgumentException when columns have different lengths
   */
  public Table build() {
    int rows = -1;
    String firstName = null;
    for (Pending p : columns.values()) {
      int n = java.lang.reflect.Array.getLength(p.values());
      if (rows < 0) {
        rows = n;
        firstName = p.spec().name();
      } else if (n != rows) {
        throw new IllegalArgumentException(
            "column '" + p.spec().name() + "' has " + n + " values but column '" + firstName
                + "' has " + rows);
      }
    }
    int n = Math.max(rows, 0);
    List<ColumnSpec> specs = new ArrayList<>();
    List<FieldVector> vectors = new ArrayList<>();
    Map<String, Dictionary> dictionaries = new HashMap<>();
    try {
      for (Pending p : columns.values()) {
        specs.add(p.spec());
        vectors.add(toVector(p, n, dictionaries));
      }
    } catch (RuntimeException e) {
      vectors.forEach(FieldVector::close);
      throw e;
    }
    return Table.wrap(allocator, Schema.of(specs), vectors, dictionaries);
  }

  private FieldVector toVector(Pending p, int n, Map<String, Dictionary> dictionaries) {
    String name = p.spec().name();
    switch (p.spec().type()) {
      case NUMERIC -> {
        double[] v = (double[]) p.values();
        Float8Vector out = new Float8Vector(name, allocator);
        out.allocateNew(Math.max(1, n));
        for (int i = 0; i < n; i++) {
          if (Double.isNaN(v[i])) {
            out.setNull(i);
          } else {
            out.set(i, v[i]);
          }
        }
        out.setValueCount(n);
        return out;
      }
      case CATEGORICAL -> {
        IntVector out = new IntVector(name, allocator);
        out.allocateNew(Math.max(1, n));
        if (p.values() instanceof int[] codes) {
          dictionaries.put(name, p.dictionary());
          for (int i = 0; i < n; i++) {
            if (codes[i] == CategoricalColumn.MISSING) {
              out.setNull(i);
            } else {
              out.set(i, codes[i]);
            }
          }
        } else {
          String[] labels = (String[]) p.values();
          Dictionary.Builder dict = new Dictionary.Builder();
          for (int i = 0; i < n; i++) {
            if (labels[i] == null) {
              out.setNull(i);
            } else {
              out.set(i, dict.codeOf(labels[i]));
            }
          }
          dictionaries.put(name, dict.snapshot());
        }
        out.setValueCount(n);
        return out;
      }
      case BOOLEAN -> {
        BitVector out = new BitVector(name, allocator);
        out.allocateNew(Math.max(1, n));
        if (p.values() instanceof boolean[] b) {
          for (int i = 0; i < n; i++) {
            out.set(i, b[i] ? 1 : 0);
          }
        } else {
          Boolean[] b = (Boolean[]) p.values();
          for (int i = 0; i < n; i++) {
            if (b[i] == null) {
              out.setNull(i);
            } else {
              out.set(i, b[i] ? 1 : 0);
            }
          }
        }
        out.setValueCount(n);
        return out;
      }
      case DATE -> {
        DateDayVector out = new DateDayVector(name, allocator);
        out.allocateNew(Math.max(1, n));
        if (p.values() instanceof int[] days) {
          for (int i = 0; i < n; i++) {
            if (days[i] == DateColumn.MISSING) {
              out.setNull(i);
            } else {
              out.set(i, days[i]);
            }
          }
        } else {
          LocalDate[] d = (LocalDate[]) p.values();
          for (int i = 0; i < n; i++) {
            if (d[i] == null) {
              out.setNull(i);
            } else {
              out.set(i, Math.toIntExact(d[i].toEpochDay()));
            }
          }
        }
        out.setValueCount(n);
        return out;
      }
      case ID -> {
        String[] s = (String[]) p.values();
        VarCharVector out = new VarCharVector(name, allocator);
        out.allocateNew(Math.max(1, n));
        for (int i = 0; i < n; i++) {
          if (s[i] == null) {
            out.setNull(i);
          } else {
            out.setSafe(i, s[i].getBytes(StandardCharsets.UTF_8));
          }
        }
        out.setValueCount(n);
        return out;
      }
      default -> throw new AssertionError(p.spec().type());
    }
  }
}
