package dev.churn.core.table;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The ordered list of columns of a {@link Table}: names, types and roles.
 *
 * <p>A schema is immutable. Build one explicitly to read a CSV file exactly as intended, or let
 * {@link dev.churn.core.io.Csv} infer one from a sample of the file and adjust it:
 *
 * <pre>{@code
 * Schema members = Schema.builder()
 *     .id("msno").role("msno", ColumnRole.ENTITY)
 *     .categorical("city")
 *     .numeric("bd")
 *     .categorical("gender")
 *     .date("registration_init_time", DateFormat.YYYYMMDD)
 *     .build();
 * }</pre>
 */
public final class Schema {
  private final List<ColumnSpec> columns;
  private final Map<String, Integer> index;

  private Schema(List<ColumnSpec> columns) {
    this.columns = List.copyOf(columns);
    Map<String, Integer> idx = new LinkedHashMap<>();
    for (int i = 0; i < this.columns.size(); i++) {
      String name = this.columns.get(i).name();
      if (idx.put(name, i) != null) {
        throw new IllegalArgumentException(
            "column '" + name + "' appears twice but column names must be unique");
      }
    }
    this.index = Map.copyOf(idx);
  }

  /**
   * Returns a schema of the given columns, in order.
   *
   * @param columns the columns; names must be unique
   * @return the schema
   * @throws IllegalArgumentException when two columns share a name
   */
  public static Schema of(Collection<ColumnSpec> columns) {
    Objects.requireNonNull(columns, "columns");
    return new Schema(new ArrayList<>(columns));
  }

  /**
   * Returns a schema of the given columns, in order.
   *
   * @param columns the columns; names must be unique
   * @return the schema
   */
  public static Schema of(ColumnSpec... columns) {
    return of(List.of(columns));
  }

  /** Returns a builder for a schema; see the class documentation. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the columns, in order. */
  public List<ColumnSpec> columns() {
    return columns;
  }

  /** Returns the column names, in order. */
  public List<String> names() {
    return columns.stream().map(ColumnSpec::name).collect(Collectors.toUnmodifiableList());
  }

  /** Returns the number of columns. */
  public int size() {
    return columns.size();
  }

  /** Returns whether a column of this name exists. */
  public boolean contains(String name) {
    return index.containsKey(name);
  }

  /**
   * Returns the position of a column.
   *
   * @param name the column name
   * @return the 0-based position
   * @throws IllegalArgumentException naming the column and the columns that exist
   */
  public int indexOf(String name) {
    Integer i = index.get(Objects.requireNonNull(name, "name"));
    if (i == null) {
      throw new IllegalArgumentException(
          "no column '" + name + "'; the columns are " + names());
    }
    return i;
  }

  /**
   * Returns a column by name.
   *
   * @param name the column name
   * @return the column
   * @throws IllegalArgumentException naming the column and the columns that exist
   */
  public ColumnSpec column(String name) {
    return columns.get(indexOf(name));
  }

  /** Returns a column by name, or empty when there is none. */
  public Optional<ColumnSpec> find(String name) {
    Integer i = index.get(name);
    return i == null ? Optional.empty() : Optional.of(columns.get(i));
  }

  /** Returns the names of the columns with a role, in order. */
  public List<String> namesWithRole(ColumnRole role) {
    return columns.stream()
        .filter(c -> c.role() == role)
        .map(ColumnSpec::name)
        .collect(Collectors.toUnmodifiableList());
  }

  /** Returns the only column with a role, or empty when none or several have it. */
  public Optional<ColumnSpec> single(ColumnRole role) {
    List<ColumnSpec> found = columns.stream().filter(c -> c.role() == role).toList();
    return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
  }

  /**
   * Returns a copy in which one column has another spec (same name).
   *
   * @param replacement the new spec of an existing column
   * @return the new schema
   */
  public Schema with(ColumnSpec replacement) {
    int i = indexOf(replacement.name());
    List<ColumnSpec> copy = new ArrayList<>(columns);
    copy.set(i, replacement);
    return new Schema(copy);
  }

  /** Returns a copy in which a column has another role. */
  public Schema withRole(String name, ColumnRole role) {
    return with(column(name).withRole(role));
  }

  /** Returns a copy in which a column has another type. */
  public Schema withType(String name, ColumnType type) {
    return with(column(name).withType(type));
  }

  /**
   * Returns the schema of the named columns, in the given order.
   *
   * @param names existing column names
   * @return the projected schema
   */
  public Schema select(List<String> names) {
    List<ColumnSpec> out = new ArrayList<>(names.size());
    for (String n : names) {
      out.add(column(n));
    }
    return new Schema(out);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Schema s && s.columns.equals(columns);
  }

  @Override
  public int hashCode() {
    return columns.hashCode();
  }

  @Override
  public String toString() {
    return columns.stream()
        .map(c -> c.name() + ":" + c.type() + (c.role() == ColumnRole.FEATURE ? "" : "/" + c.role()))
        .collect(Collectors.joining(", ", "Schema[", "]"));
  }

  /**
   * Builds a {@link Schema} column by column. Each method checks its argument at once; {@link
   * #build()} checks that names are unique and leaves the builder reusable.
   */
  public static final class Builder {
    private final List<ColumnSpec> columns = new ArrayList<>();

    private Builder() {}

    /** Adds a column. */
    public Builder add(ColumnSpec column) {
      columns.add(Objects.requireNonNull(column, "column"));
      return this;
    }

    /** Adds a numeric feature column. */
    public Builder numeric(String name) {
      return add(ColumnSpec.of(name, ColumnType.NUMERIC));
    }

    /** Adds a categorical feature column. */
    public Builder categorical(String name) {
      return add(ColumnSpec.of(name, ColumnType.CATEGORICAL));
    }

    /** Adds a boolean feature column. */
    public Builder bool(String name) {
      return add(ColumnSpec.of(name, ColumnType.BOOLEAN));
    }

    /** Adds a date column whose text form is recognised by its shape. */
    public Builder date(String name) {
      return date(name, DateFormat.AUTO);
    }

    /** Adds a date column in the given text format. */
    public Builder date(String name, DateFormat format) {
      return add(ColumnSpec.of(name, ColumnType.DATE).withDateFormat(format));
    }

    /** Adds an id column (free-form string, not a feature). */
    public Builder id(String name) {
      return add(ColumnSpec.of(name, ColumnType.ID));
    }

    /**
     * Sets the role of a column added earlier.
     *
     * @throws IllegalArgumentException when no such column was added
     */
    public Builder role(String name, ColumnRole role) {
      Objects.requireNonNull(role, "role");
      for (int i = 0; i < columns.size(); i++) {
        if (columns.get(i).name().equals(name)) {
          columns.set(i, columns.get(i).withRole(role));
          return this;
        }
      }
      throw new IllegalArgumentException(
          "role(" + name + ", " + role + "): no column '" + name + "' was added before");
    }

    /** Returns the schema of the columns added so far. */
    public Schema build() {
      return new Schema(columns);
    }
  }
}
