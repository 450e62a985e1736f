package dev.churn.drift;

import dev.churn.core.table.ColumnRole;
import dev.churn.core.table.ColumnType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What a {@link ReferenceProfile} keeps of a categorical or boolean column: the exact count of
 * every category present, in the order of the reference dictionary. A boolean column has the two
 * categories {@code "false"} and {@code "true"}, in that order, even when one of them has count 0.
 * Categories of the dictionary that no reference row holds are left out.
 */
public final class CategoricalReference implements ColumnReference {
  private final String name;
  private final ColumnType type;
  private final ColumnRole role;
  private final int rows;
  private final int missing;
  private final List<String> categories;
  private final long[] counts;
  private final Map<String, Integer> index;

  CategoricalReference(String name, ColumnType type, ColumnRole role, int rows, int missing,
      List<String> categories, long[] counts) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
    this.role = Objects.requireNonNull(role, "role");
    if (type != ColumnType.CATEGORICAL && type != ColumnType.BOOLEAN) {
      throw new IllegalArgumentException(
          "type was " + type + " but a categorical reference is CATEGORICAL or BOOLEAN");
    }
    this.rows = rows;
    this.missing = missing;
    this.categories = List.copyOf(categories);
    this.counts = counts.clone();
    if (this.categories.size() != this.counts.length) {
      throw new IllegalArgumentException("column '" + name + "' has " + this.categories.size()
          + " categories but " + this.counts.length + " counts");
    }
    Map<String, Integer> idx = new HashMap<>();
    for (int i = 0; i < this.categories.size(); i++) {
      if (idx.put(this.categories.get(i), i) != null) {
        throw new IllegalArgumentException("column '" + name + "' lists category '"
            + this.categories.get(i) + "' twice");
      }
    }
    this.index = Map.copyOf(idx);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ColumnType type() {
    return type;
  }

  @Override
  public ColumnRole role() {
    return role;
  }

  @Override
  public int rows() {
    return rows;
  }

  @Override
  public int missing() {
    return missing;
  }

  /**
   * Returns the categories, in reference order.
   *
   * @return the categories
   */
  public List<String> categories() {
    return categories;
  }

  /**
   * Returns the count of each category, in the order of {@link #categories()}.
   *
   * @return a new array of the counts
   */
  public long[] counts() {
    return counts.clone();
  }

  /**
   * Returns the count of a category, 0 when the reference does not hold it.
   *
   * @param category the category
   * @return its count
   */
  public long count(String category) {
    Integer i = index.get(Objects.requireNonNull(category, "category"));
    return i == null ? 0 : counts[i];
  }

  /**
   * Returns the position of a category in {@link #categories()}, or empty when the reference
   * does not hold it.
   *
   * @param category the category
   * @return its position
   */
  public OptionalInt indexOf(String category) {
    Integer i = index.get(Objects.requireNonNull(category, "category"));
    return i == null ? OptionalInt.empty() : OptionalInt.of(i);
  }

  long[] countArray() {
    return counts;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CategoricalReference r
        && name.equals(r.name)
        && type == r.type
        && role == r.role
        && rows == r.rows
        && missing == r.missing
        && categories.equals(r.categories)
        && Arrays.equals(counts, r.counts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, type, rows, missing, categories, Arrays.hashCode(counts));
  }

  @Override
  public String toString() {
    return "CategoricalReference[" + name + ", " + type + ", rows=" + rows + ", missing="
        + missing + ", categories=" + categories.size() + "]";
  }
}
