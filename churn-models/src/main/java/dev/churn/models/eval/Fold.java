package dev.churn.models.eval;

import java.util.Arrays;
import java.util.Objects;

/**
 * One train/validation split of the rows of a data set, as produced by {@link StratifiedKFold} and
 * {@link TimeSplit}: the row indices to train on and the row indices to validate on, both in
 * increasing order.
 *
 * <p>A fold is immutable: its arrays are copied in and {@link #train()} and {@link #test()} return
 * copies. Use them with {@link dev.churn.models.spi.FeatureMatrix#rows(int[])}:
 *
 * <pre>{@code
 * for (Fold fold : new StratifiedKFold(5, true, 42).split(churned)) {
 *   FeatureMatrix train = x.rows(fold.train());
 *   FeatureMatrix test = x.rows(fold.test());
 *   ...
 * }
 * }</pre>
 *
 * @param index the position of this fold in its list, from 0
 * @param train the rows to train on, increasing
 * @param test the rows to validate on, increasing
 * @param description what the fold is, for logs and reports, e.g. {@code "fold 2 of 5"} or {@code
 *     "train < 2017-04, validate 2017-04"}
 */
public record Fold(int index, int[] train, int[] test, String description) {

  /**
   * Creates a fold, copying the arrays.
   *
   * @param index the position of this fold in its list, from 0
   * @param train the rows to train on, increasing
   * @param test the rows to validate on, increasing
   * @param description what the fold is, for logs and reports, e.g. {@code "fold 2 of 5"} or {@code
   *     "train < 2017-04, validate 2017-04"}
   * @throws IllegalArgumentException if the index or a row is negative, or a row array is not
   *     strictly increasing
   */
  public Fold {
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(test, "test");
    Objects.requireNonNull(description, "description");
    if (index < 0) {
      throw new IllegalArgumentException("index was " + index + " but it must be >= 0");
    }
    train = train.clone();
    test = test.clone();
    checkRows("train", train);
    checkRows("test", test);
  }

  private static void checkRows(String name, int[] rows) {
    for (int i = 0; i < rows.length; i++) {
      if (rows[i] < 0 || (i > 0 && rows[i] <= rows[i - 1])) {
        throw new IllegalArgumentException(
            name
                + " rows must be non-negative and strictly increasing, but "
                + name
                + "["
                + i
                + "] was "
                + rows[i]
                + (i > 0 ? " after " + rows[i - 1] : ""));
      }
    }
  }

  /**
   * Returns the rows to train on.
   *
   * @return a copy, increasing
   */
  @Override
  public int[] train() {
    return train.clone();
  }

  /**
   * Returns the rows to validate on.
   *
   * @return a copy, increasing
   */
  @Override
  public int[] test() {
    return test.clone();
  }

  /** The train rows without a copy, for this package. */
  int[] trainRows() {
    return train;
  }

  /** The test rows without a copy, for this package. */
  int[] testRows() {
    return test;
  }

  /**
   * Returns the number of rows to train on.
   *
   * @return {@code train().length}
   */
  public int trainSize() {
    return train.length;
  }

  /**
   * Returns the number of rows to validate on.
   *
   * @return {@code test().length}
   */
  public int testSize() {
    return test.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fold other
        && index == other.index
        && Arrays.equals(train, other.train)
        && Arrays.equals(test, other.test)
        && description.equals(other.description);
  }

  @Override
  public int hashCode() {
    return Objects.hash(index, Arrays.hashCode(train), Arrays.hashCode(test), description);
  }

  @Override
  public String toString() {
    return "Fold["
        + index
        + ": "
        + description
        + "; train "
        + train.length
        + " rows, test "
        + test.length
        + " rows]";
  }
}
