package dev.churn.models.eval;

import dev.churn.core.time.Period;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Time-based validation: train on what was known before a point in time and validate on a later
 * period, as a churn model is used in production. Random folds leak the future into training when
 * customers appear in several monthly snapshots; these folds do not.
 *
 * <p>Each row has a time key: a {@link Period} (monthly snapshot) or a date as an epoch day. Two
 * kinds of split are offered:
 *
 * <ul>
 *   <li>{@link #holdout(Comparable, Comparable)}: train on rows strictly before a cut, validate on
 *       one later period (or a range, {@link #holdout(Comparable, Comparable, Comparable)});
 *   <li>{@link #expanding(int)}: for each of the last {@code n} periods present in the data, train
 *       on every earlier period and validate on that one (an expanding window backtest).
 * </ul>
 *
 * <pre>{@code
 * TimeSplit<Period> split = TimeSplit.ofPeriods(snapshotPeriodPerRow);
 * Fold last = split.holdout(Period.parse("2017-06"), Period.parse("2017-06"));
 * List<Fold> backtest = split.expanding(3);   // validate on each of the last 3 months
 * }</pre>
 *
 * <p>"Later period" always means the next <em>key present in the data</em>: with monthly snapshots
 * that is the next month; with epoch days, the next day that has rows.
 *
 * @param <T> the time key: {@link Period} or {@link LocalDate}
 */
public final class TimeSplit<T extends Comparable<? super T>> {

  private static final Logger LOG = LoggerFactory.getLogger(TimeSplit.class);

  /** Distinct keys, ascending. */
  private final List<T> keys;

  /** Per row, the index of its key in {@link #keys}. */
  private final int[] codes;

  private TimeSplit(List<T> keys, int[] codes) {
    this.keys = List.copyOf(keys);
    this.codes = codes;
  }

  /**
   * Creates a splitter from the snapshot period of each row.
   *
   * @param rowPeriods the period per row; no {@code null}
   * @return the splitter
   * @throws IllegalArgumentException if the array is null or empty or holds a {@code null}
   */
  public static TimeSplit<Period> ofPeriods(Period[] rowPeriods) {
    if (rowPeriods == null || rowPeriods.length == 0) {
      throw new IllegalArgumentException("rowPeriods must not be null or empty");
    }
    TreeSet<Period> distinct = new TreeSet<>();
    for (int i = 0; i < rowPeriods.length; i++) {
      if (rowPeriods[i] == null) {
        throw new IllegalArgumentException("rowPeriods[" + i + "] must not be null");
      }
      distinct.add(rowPeriods[i]);
    }
    List<Period> keys = new ArrayList<>(distinct);
    Map<Period, Integer> index = new HashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      index.put(keys.get(i), i);
    }
    int[] codes = new int[rowPeriods.length];
    for (int i = 0; i < codes.length; i++) {
      codes[i] = index.get(rowPeriods[i]);
    }
    return new TimeSplit<>(keys, codes);
  }

  /**
   * Creates a splitter from a date per row, given as days since 1970-01-01 (as {@link
   * LocalDate#toEpochDay()} and churn's date columns store them).
   *
   * @param epochDays the date of each row
   * @return the splitter, keyed by {@link LocalDate}
   * @throws IllegalArgumentException if the array is null or empty
   */
  public static TimeSplit<LocalDate> ofEpochDays(int[] epochDays) {
    if (epochDays == null || epochDays.length == 0) {
      throw new IllegalArgumentException("epochDays must not be null or empty");
    }
    int[] sorted = epochDays.clone();
    Arrays.sort(sorted);
    int distinct = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        sorted[distinct++] = sorted[i];
      }
    }
    int[] days = Arrays.copyOf(sorted, distinct);
    List<LocalDate> keys = new ArrayList<>(distinct);
    for (int day : days) {
      keys.add(LocalDate.ofEpochDay(day));
    }
    int[] codes = new int[epochDays.length];
    for (int i = 0; i < codes.length; i++) {
      codes[i] = Arrays.binarySearch(days, epochDays[i]);
    }
    return new TimeSplit<>(keys, codes);
  }

  /**
   * Returns the distinct time keys present, in ascending order.
   *
   * @return an unmodifiable list
   */
  public List<T> periods() {
    return keys;
  }

  /**
   * Returns the number of rows.
   *
   * @return the length of the array the splitter was made from
   */
  public int rows() {
    return codes.length;
  }

  /**
   * Trains on the rows strictly before {@code trainBefore} and validates on the rows of {@code
   * validate}.
   *
   * @param trainBefore the cut: rows with an earlier key are trained on
   * @param validate the key to validate on, not before {@code trainBefore}
   * @return the fold (index 0)
   * @throws IllegalArgumentException if {@code validate} is before {@code trainBefore}, or there is
   *     no row to train or to validate on
   */
  public Fold holdout(T trainBefore, T validate) {
    return holdout(trainBefore, validate, validate);
  }

  /**
   * Trains on the rows strictly before {@code trainBefore} and validates on the rows from {@code
   * validateFrom} to {@code validateTo}, both included.
   *
   * @param trainBefore the cut: rows with an earlier key are trained on
   * @param validateFrom the first key to validate on, not before {@code trainBefore}
   * @param validateTo the last key to validate on, not before {@code validateFrom}
   * @return the fold (index 0)
   * @throws IllegalArgumentException if the keys are out of order, or there is no row to train or
   *     to validate on
   */
  public Fold holdout(T trainBefore, T validateFrom, T validateTo) {
    Objects.requireNonNull(trainBefore, "trainBefore");
    Objects.requireNonNull(validateFrom, "validateFrom");
    Objects.requireNonNull(validateTo, "validateTo");
    if (validateFrom.compareTo(trainBefore) < 0) {
      throw new IllegalArgumentException(
          "validateFrom "
              + validateFrom
              + " is before trainBefore "
              + trainBefore
              + ": validation must not overlap training");
    }
    if (validateTo.compareTo(validateFrom) < 0) {
      throw new IllegalArgumentException(
          "validateTo " + validateTo + " is before validateFrom " + validateFrom);
    }
    // key index ranges: train codes [0, trainEnd), test codes [testFrom, testTo]
    int trainEnd = lowerBound(trainBefore);
    int testFrom = lowerBound(validateFrom);
    int testTo = lowerBound(validateTo);
    if (testTo == keys.size() || keys.get(testTo).compareTo(validateTo) > 0) {
      testTo--;
    }
    if (trainEnd == 0) {
      throw new IllegalArgumentException(
          "no row is before trainBefore " + trainBefore + "; the data starts at " + keys.get(0));
    }
    if (testFrom > testTo) {
      throw new IllegalArgumentException(
          "no row is between "
              + validateFrom
              + " and "
              + validateTo
              + "; the data has "
              + describeKeys());
    }
    String what =
        validateFrom.equals(validateTo)
            ? "validate " + validateFrom
            : "validate " + validateFrom + " to " + validateTo;
    return fold(0, trainEnd, testFrom, testTo, "train before " + trainBefore + ", " + what);
  }

  /**
   * Returns an expanding-window backtest over the last {@code n} periods present: for each such
   * period {@code t}, a fold that trains on every row before {@code t} and validates on the rows of
   * {@code t}. Folds are in time order.
   *
   * @param n how many of the last periods to validate on, from 1 to the number of periods minus 1
   * @return {@code n} folds
   * @throws IllegalArgumentException if {@code n} is out of that range
   */
  public List<Fold> expanding(int n) {
    if (n < 1 || n > keys.size() - 1) {
      throw new IllegalArgumentException(
          "n was "
              + n
              + " but it must be within [1, "
              + (keys.size() - 1)
              + "]: the data has "
              + describeKeys()
              + " and the first one is never validated on");
    }
    List<Fold> folds = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int validate = keys.size() - n + i;
      folds.add(
          fold(
              i,
              validate,
              validate,
              validate,
              "train "
                  + keys.get(0)
                  + " to "
                  + keys.get(validate - 1)
                  + ", validate "
                  + keys.get(validate)));
    }
    LOG.debug("expanding-window split over the last {} of {}", n, describeKeys());
    return List.copyOf(folds);
  }

  private Fold fold(int index, int trainEnd, int testFrom, int testTo, String description) {
    int trainCount = 0;
    int testCount = 0;
    for (int code : codes) {
      if (code < trainEnd) {
        trainCount++;
      } else if (code >= testFrom && code <= testTo) {
        testCount++;
      }
    }
    int[] train = new int[trainCount];
    int[] test = new int[testCount];
    for (int row = 0, a = 0, b = 0; row < codes.length; row++) {
      int code = codes[row];
      if (code < trainEnd) {
        train[a++] = row;
      } else if (code >= testFrom && code <= testTo) {
        test[b++] = row;
      }
    }
    return new Fold(index, train, test, description);
  }

  /** Index of the first key >= key. */
  private int lowerBound(T key) {
    int lo = 0;
    int hi = keys.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (keys.get(mid).compareTo(key) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private String describeKeys() {
    return keys.size() == 1
        ? "one period, " + keys.get(0)
        : keys.size() + " periods, " + keys.get(0) + " to " + keys.get(keys.size() - 1);
  }

  @Override
  public String toString() {
    return "TimeSplit[" + codes.length + " rows, " + describeKeys() + "]";
  }
}
