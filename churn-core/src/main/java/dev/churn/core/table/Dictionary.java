package dev.churn.core.table;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The categories of a {@link CategoricalColumn}: code {@code i} stands for {@code get(i)}.
 *
 * <p>Dictionaries are immutable. Batches read from one CSV file share a growing dictionary: the
 * dictionary of a later batch extends the one of an earlier batch, so a code means the same
 * category in every batch of a stream.
 */
public final class Dictionary {
  private static final Dictionary EMPTY = new Dictionary(new String[0], 0, new Object());

  private final String[] values;
  private final int size;
  /** Shared by every snapshot of one builder: snapshots of one lineage are prefixes of each other. */
  private final Object lineage;
  private volatile Map<String, Integer> lookup;

  private Dictionary(String[] values, int size, Object lineage) {
    this.values = values;
    this.size = size;
    this.lineage = lineage;
  }

  /** Returns the dictionary with no categories. */
  public static Dictionary empty() {
    return EMPTY;
  }

  /**
   * Returns a dictionary of the given categories, in order.
   *
   * @throws IllegalArgumentException when a category is null or repeated
   */
  public static Dictionary of(List<String> categories) {
    Builder b = new Builder();
    for (String c : categories) {
      Objects.requireNonNull(c, "category");
      int before = b.size();
      b.codeOf(c);
      if (b.size() == before) {
        throw new IllegalArgumentException("category '" + c + "' appears twice in " + categories);
      }
    }
    return b.snapshot();
  }

  /** Returns the number of categories. */
  public int size() {
    return size;
  }

  /**
   * Returns the category of a code.
   *
   * @throws IndexOutOfBoundsException when the code is not in {@code [0, size)}
   */
  public String get(int code) {
    Objects.checkIndex(code, size);
    return values[code];
  }

  /** Returns the code of a category, or empty when the dictionary does not hold it. */
  public OptionalInt codeOf(String category) {
    Integer code = lookup().get(category);
    return code == null ? OptionalInt.empty() : OptionalInt.of(code);
  }

  /** Returns the categories as an immutable list, in code order. */
  public List<String> values() {
    return new AbstractList<>() {
      @Override
      public String get(int index) {
        return Dictionary.this.get(index);
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  /** Returns whether this dictionary starts with all the categories of {@code other}, in order. */
  public boolean extendsDictionary(Dictionary other) {
    if (other.size > size) {
      return false;
    }
    if (other.values == values || other.lineage == lineage) {
      return true;
    }
    for (int i = 0; i < other.size; i++) {
      if (!values[i].equals(other.values[i])) {
        return false;
      }
    }
    return true;
  }

  private Map<String, Integer> lookup() {
    Map<String, Integer> m = lookup;
    if (m == null) {
      m = new HashMap<>(Math.max(16, size * 2));
      for (int i = 0; i < size; i++) {
        m.put(values[i], i);
      }
      lookup = m;
    }
    return m;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Dictionary d
        && d.size == size
        && Arrays.equals(values, 0, size, d.values, 0, size);
  }

  @Override
  public int hashCode() {
    int h = 1;
    for (int i = 0; i < size; i++) {
      h = 31 * h + values[i].hashCode();
    }
    return h;
  }

  @Override
  public String toString() {
    return values().toString();
  }

  /**
   * An append-only dictionary under construction; {@link #snapshot()} returns immutable views
   * that stay valid while the builder grows. Not thread-safe: one thread appends.
   */
  public static final class Builder {
    private String[] values;
    private int size;
    private final Map<String, Integer> codes = new HashMap<>();
    private final Object lineage = new Object();

    /** Creates an empty builder. */
    public Builder() {
      this.values = new String[16];
    }

    /** Creates a builder that starts with the categories of a dictionary. */
    public Builder(Dictionary start) {
      this.values = Arrays.copyOf(start.values, Math.max(16, start.size * 2));
      this.size = start.size;
      for (int i = 0; i < size; i++) {
        codes.put(values[i], i);
      }
    }

    /** Returns the code of a category, adding it when new. */
    public int codeOf(String category) {
      Integer code = codes.get(category);
      if (code != null) {
        return code;
      }
      if (size == values.length) {
        // Grow into a new array: snapshots keep the old one, whose first entries never change.
        values = Arrays.copyOf(values, size * 2);
      }
      values[size] = category;
      codes.put(category, size);
      return size++;
    }

    /** Returns the number of categories so far. */
    public int size() {
      return size;
    }

    /** Returns an immutable dictionary of the categories so far. */
    public Dictionary snapshot() {
      return new Dictionary(values, size, lineage);
    }
  }
}
