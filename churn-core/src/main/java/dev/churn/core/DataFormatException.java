package dev.churn.core;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Input data that does not match what was expected: a ragged CSV row, a value that does not parse
 * as the column's type, a schema that names a column the file does not have, an empty file.
 *
 * <p>The message names the source (file), the line, the column and the expected type where they
 * are known, for example:
 *
 * <pre>
 * data/members.csv, line 17, column 'bd': expected NUMERIC but found 'abc'
 * </pre>
 *
 * <p>The same facts are available as fields, so a host application can point its user at the
 * offending cell.
 */
public class DataFormatException extends ChurnException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final long line;
  private final String column;
  private final String expected;

  /**
   * Creates an exception for a problem at a known place.
   *
   * @param source the file or stream name
   * @param line the 1-based physical line in the source, or -1 when not known
   * @param column the column name, or null when the problem is not about one column
   * @param expected what was expected (a type name or a rule), or null
   * @param problem what was found instead, in words
   */
  public DataFormatException(
      String source, long line, String column, String expected, String problem) {
    this(source, line, column, expected, problem, null);
  }

  /**
   * Creates an exception for a problem at a known place, with its cause.
   *
   * @param source the file or stream name
   * @param line the 1-based physical line in the source, or -1 when not known
   * @param column the column name, or null when the problem is not about one column
   * @param expected what was expected (a type name or a rule), or null
   * @param problem what was found instead, in words
   * @param cause the underlying exception, or null
   */
  public DataFormatException(
      String source,
      long line,
      String column,
      String expected,
      String problem,
      Throwable cause) {
    super(format(source, line, column, expected, problem), cause);
    this.source = Objects.requireNonNull(source, "source");
    this.line = line;
    this.column = column;
    this.expected = expected;
  }

  private static String format(
      String source, long line, String column, String expected, String problem) {
    StringBuilder sb = new StringBuilder(source);
    if (line > 0) {
      sb.append(", line ").append(line);
    }
    if (column != null) {
      sb.append(", column '").append(column).append('\'');
    }
    sb.append(": ");
    if (expected != null) {
      sb.append("expected ").append(expected).append(" but ");
    }
    sb.append(problem);
    return sb.toString();
  }

  /** Returns the file or stream name the problem was found in. */
  public String source() {
    return source;
  }

  /** Returns the 1-based physical line of the problem, if known. */
  public OptionalLong line() {
    return line > 0 ? OptionalLong.of(line) : OptionalLong.empty();
  }

  /** Returns the column the problem is about, if it is about one column. */
  public Optional<String> column() {
    return Optional.ofNullable(column);
  }

  /** Returns what was expected (a type name or a rule), if known. */
  public Optional<String> expected() {
    return Optional.ofNullable(expected);
  }
}
