package dev.churn.models.eval;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stratified k-fold cross-validation for a binary label: {@code k} folds whose test sets partition
 * the rows and hold each class in (nearly) the same proportion as the whole sample.
 *
 * <p>Fold assignment follows scikit-learn 1.2's {@code StratifiedKFold}: the number of rows of each
 * class in each test fold is dealt round-robin over the rows sorted by class (the class of row 0
 * first, as scikit-learn encodes classes by order of appearance), so every fold's count of each
 * class differs from every other fold's by at most one, and the fold sizes differ by at most one as
 * well. Without shuffling, each class's rows go to folds in contiguous blocks in row order, and the
 * folds are <em>identical</em> to {@code StratifiedKFold(n_splits=k, shuffle=False)}. With
 * shuffling, the fold labels within each class are permuted with the Mersenne Twister exactly as
 * NumPy's legacy {@code RandomState(seed)} permutes them, so the folds are also <em>identical</em>
 * to {@code StratifiedKFold(n_splits=k, shuffle=True, random_state=seed)} for a seed in {@code
 * [0, 2^32)}: a leaderboard here and one computed in Python with the same seed validate on the same
 * rows. (Other seeds use their low 32 bits.)
 *
 * <pre>{@code
 * List<Fold> folds = new StratifiedKFold(5, true, 42).split(churned);
 * }</pre>
 *
 * @param k the number of folds, at least 2
 * @param shuffle whether to shuffle rows within each class before assigning folds
 * @param seed the seed of the shuffle (unused without shuffling)
 */
public record StratifiedKFold(int k, boolean shuffle, long seed) {

  private static final Logger LOG = LoggerFactory.getLogger(StratifiedKFold.class);

  /**
   * Creates a splitter.
   *
   * @param k the number of folds, at least 2
   * @param shuffle whether to shuffle rows within each class before assigning folds
   * @param seed the seed of the shuffle (unused without shuffling)
   * @throws IllegalArgumentException if {@code k < 2}
   */
  public StratifiedKFold {
    if (k < 2) {
      throw new IllegalArgumentException("k was " + k + " but it must be >= 2");
    }
  }

  /**
   * Returns a splitter that does not shuffle, matching scikit-learn's {@code
   * StratifiedKFold(n_splits=k)} exactly.
   *
   * @param k the number of folds, at least 2
   * @return the splitter
   */
  public static StratifiedKFold of(int k) {
    return new StratifiedKFold(k, false, 0L);
  }

  /**
   * Returns the test fold of every row.
   *
   * @param labels the label per row
   * @return for each row, the index of the fold whose test set holds it, in {@code [0, k)}
   * @throws IllegalArgumentException if {@code labels} is null or {@code k} exceeds the number of
   *     rows of the smaller class
   */
  public int[] testFolds(boolean[] labels) {
    if (labels == null) {
      throw new IllegalArgumentException("labels must not be null");
    }
    int n = labels.length;
    int positives = 0;
    for (boolean label : labels) {
      if (label) {
        positives++;
      }
    }
    int negatives = n - positives;
    int smaller = Math.min(positives, negatives);
    if (k > smaller) {
      throw new IllegalArgumentException(
          "k="
              + k
              + " folds need at least "
              + k
              + " rows of each class, but the smaller class ("
              + (positives <= negatives ? "positives" : "negatives")
              + ") has only "
              + smaller
              + " rows (positives="
              + positives
              + ", negatives="
              + negatives
              + "); use k <= "
              + smaller);
    }
    // Classes in order of appearance, as scikit-learn encodes them.
    boolean firstClass = labels[0];
    int firstCount = firstClass ? positives : negatives;
    // allocation[f][c] = rows of class c in fold f: deal the class-sorted rows round-robin.
    int[][] allocation = new int[k][2];
    for (int f = 0; f < k; f++) {
      int total = countCongruent(n, f);
      int first = countCongruent(firstCount, f);
      allocation[f][0] = first;
      allocation[f][1] = total - first;
    }
    LegacyMt19937 random = shuffle ? new LegacyMt19937(seed) : null;
    int[] testFold = new int[n];
    for (int c = 0; c < 2; c++) {
      boolean label = c == 0 ? firstClass : !firstClass;
      int classCount = c == 0 ? firstCount : n - firstCount;
      int[] foldsForClass = new int[classCount];
      for (int f = 0, p = 0; f < k; f++) {
        for (int j = 0; j < allocation[f][c]; j++) {
          foldsForClass[p++] = f;
        }
      }
      if (random != null) {
        random.shuffle(foldsForClass);
      }
      for (int row = 0, p = 0; row < n; row++) {
        if (labels[row] == label) {
          testFold[row] = foldsForClass[p++];
        }
      }
    }
    return testFold;
  }

  /** How many of 0..m-1 are congruent to f modulo k. */
  private int countCongruent(int m, int f) {
    return m > f ? (m - f + k - 1) / k : 0;
  }

  /**
   * Splits the rows into {@code k} folds.
   *
   * @param labels the label per row
   * @return {@code k} folds in order; fold {@code i} validates on the rows of test fold {@code i}
   *     and trains on all others
   * @throws IllegalArgumentException if {@code labels} is null or {@code k} exceeds the number of
   *     rows of the smaller class
   */
  public List<Fold> split(boolean[] labels) {
    int[] testFold = testFolds(labels);
    int n = labels.length;
    int[] sizes = new int[k];
    for (int f : testFold) {
      sizes[f]++;
    }
    List<Fold> folds = new ArrayList<>(k);
    for (int f = 0; f < k; f++) {
      int[] train = new int[n - sizes[f]];
      int[] test = new int[sizes[f]];
      for (int row = 0, a = 0, b = 0; row < n; row++) {
        if (testFold[row] == f) {
          test[b++] = row;
        } else {
          train[a++] = row;
        }
      }
      folds.add(new Fold(f, train, test, "fold " + (f + 1) + " of " + k));
    }
    LOG.debug("stratified {}-fold split of {} rows (shuffle={}, seed={})", k, n, shuffle, seed);
    return List.copyOf(folds);
  }
}
