package dev.churn.core.table;

import java.util.Objects;
import java.util.Optional;
import org.apache.arrow.vector.IntVector;

/**
 * A column of categories stored as integer codes into a {@link Dictionary}.
 *
 * <pre>{@code
 * CategoricalColumn state = table.categorical("state");
 * for (int row = 0; row < state.size(); row++) {
 *   int code = state.code(row);           // -1 when missing
 *   String label = code < 0 ? "?" : state.dictionary().get(code);
 * }
 * }</pre>
 */
public final class CategoricalColumn extends AbstractColumn<IntVector> implements Column {
  /** The code returned for a missing value. */
  public static final int MISSING = -1;

  private final Dictionary dictionary;

  CategoricalColumn(ColumnSpec spec, IntVector codes, Dictionary dictionary) {
    super(spec, codes);
    this.dictionary = Objects.requireNonNull(dictionary, "dictionary");
  }

  /** Returns the dictionary the codes point into. */
  public Dictionary dictionary() {
    return dictionary;
  }

  /** Returns the code at a row, or {@link #MISSING}. */
  public int code(int row) {
    return vector.isNull(row) ? MISSING : vector.getDataBuffer().getInt((long) row * 4);
  }

  /** Returns a copy of all codes, {@link #MISSING} where missing. */
  public int[] codes() {
    return ints(MISSING);
  }

  /** Returns the category at a row, or empty when it is missing. */
  public Optional<String> get(int row) {
    int c = code(row);
    return c == MISSING ? Optional.empty() : Optional.of(dictionary.get(c));
  }

  /** Returns the number of rows per code: {@code counts()[code]}; missing values not counted. */
  public long[] counts() {
    long[] counts = new long[dictionary.size()];
    int n = size();
    for (int i = 0; i < n; i++) {
      int c = code(i);
      if (c != MISSING) {
        counts[c]++;
      }
    }
    return counts;
  }

  @Override
  public String format(int row) {
    int c = code(row);
    return c == MISSING ? "" : dictionary.get(c);
  }

  @Override
  public String toString() {
    return "CategoricalColumn[" + spec.name() + ", rows=" + size() + ", categories="
        + dictionary.size() + "]";
  }
}
