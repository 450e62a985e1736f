package dev.churn.core.table;

import java.util.Objects;

/**
 * The description of one column: its name, type, role and, for dates read from text, the date
 * format.
 *
 * <pre>{@code
 * ColumnSpec expiry = ColumnSpec.of("membership_expire_date", ColumnType.DATE)
 *     .withDateFormat(DateFormat.YYYYMMDD);
 * }</pre>
 *
 * @param name the column name, non-empty
 * @param type the column type
 * @param role the column role
 * @param dateFormat how the column is parsed from text when it is a {@link ColumnType#DATE};
 *     ignored for other types
 */
public record ColumnSpec(String name, ColumnType type, ColumnRole role, DateFormat dateFormat) {

  /** Checks the fields. */
  public ColumnSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(dateFormat, "dateFormat");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("column name was '' but it must not be empty");
    }
  }

  /**
   * Returns a feature column of the given type (dates in {@link DateFormat#AUTO}).
   *
   * @param name the column name
   * @param type the column type
   * @return the spec
   */
  public static ColumnSpec of(String name, ColumnType type) {
    return new ColumnSpec(name, type, ColumnRole.FEATURE, DateFormat.AUTO);
  }

  /** Returns a copy with another role. */
  public ColumnSpec withRole(ColumnRole newRole) {
    return new ColumnSpec(name, type, newRole, dateFormat);
  }

  /** Returns a copy with another type. */
  public ColumnSpec withType(ColumnType newType) {
    return new ColumnSpec(name, newType, role, dateFormat);
  }

  /** Returns a copy with another date format. */
  public ColumnSpec withDateFormat(DateFormat newFormat) {
    return new ColumnSpec(name, type, role, newFormat);
  }

  /** Returns a copy with another name. */
  public ColumnSpec withName(String newName) {
    return new ColumnSpec(newName, type, role, dateFormat);
  }
}
