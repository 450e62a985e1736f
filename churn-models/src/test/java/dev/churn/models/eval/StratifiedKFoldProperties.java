package dev.churn.models.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;

/** Property tests of {@link StratifiedKFold}: coverage, balance, sizes and determinism. */
class StratifiedKFoldProperties {

  private static final long SEED = 20261123L;

  private static QuickTheory qt() {
    return QuickTheory.qt().withFixedSeed(SEED).withExamples(300);
  }

  /** Labels with between 2 and 300 rows; both classes occur at least twice. */
  private static Gen<boolean[]> labels() {
    return lists()
        .of(booleans().all())
        .ofSizeBetween(2, 300)
        .zip(integers().between(0, 100), StratifiedKFoldProperties::toLabels);
  }

  /** Skews the generated labels towards rare positives, like churn data, part of the time. */
  private static boolean[] toLabels(List<Boolean> values, int rarity) {
    boolean[] y = new boolean[values.size() + 4];
    for (int i = 0; i < values.size(); i++) {
      y[i] = values.get(i) && (rarity < 50 || i % (rarity % 7 + 2) == 0);
    }
    int n = y.length;
    y[n - 4] = true;
    y[n - 3] = true;
    return y;
  }

  private static int count(boolean[] y, boolean label) {
    int c = 0;
    for (boolean v : y) {
      if (v == label) {
        c++;
      }
    }
    return c;
  }

  private static Gen<StratifiedKFold> splitters() {
    return integers().between(2, 10).zip(booleans().all(), longs().all(), StratifiedKFold::new);
  }

  @Test
  void everyRowIsInExactlyOneTestFold_andTrainIsTheRest() {
    qt().forAll(labels(), splitters())
        .assuming((y, s) -> s.k() <= Math.min(count(y, true), count(y, false)))
        .checkAssert(
            (y, s) -> {
              List<Fold> folds = s.split(y);
              assertThat(folds).hasSize(s.k());
              int[] seen = new int[y.length];
              for (Fold fold : folds) {
                for (int row : fold.test()) {
                  seen[row]++;
                }
                boolean[] inTest = new boolean[y.length];
                for (int row : fold.test()) {
                  inTest[row] = true;
                }
                int[] train = fold.train();
                assertThat(train.length + fold.testSize()).isEqualTo(y.length);
                for (int row : train) {
                  assertThat(inTest[row]).isFalse();
                }
              }
              assertThat(seen).containsOnly(1);
            });
  }

  @Test
  void eachClassIsSpreadEvenly_andFoldSizesDifferByAtMostOne() {
    qt().forAll(labels(), splitters())
        .assuming((y, s) -> s.k() <= Math.min(count(y, true), count(y, false)))
        .checkAssert(
            (y, s) -> {
              int[] folds = s.testFolds(y);
              int[] pos = new int[s.k()];
              int[] neg = new int[s.k()];
              for (int i = 0; i < y.length; i++) {
                if (y[i]) {
                  pos[folds[i]]++;
                } else {
                  neg[folds[i]]++;
                }
              }
              int[] size = new int[s.k()];
              for (int f = 0; f < s.k(); f++) {
                size[f] = pos[f] + neg[f];
                assertThat(pos[f]).as("positives in fold %d", f).isPositive();
                assertThat(neg[f]).as("negatives in fold %d", f).isPositive();
              }
              assertThat(spread(pos)).as("positives per fold").isLessThanOrEqualTo(1);
              assertThat(spread(neg)).as("negatives per fold").isLessThanOrEqualTo(1);
              assertThat(spread(size)).as("fold sizes").isLessThanOrEqualTo(1);
            });
  }

  @Test
  void sameSeed_givesTheSameFolds() {
    qt().forAll(labels(), splitters())
        .assuming((y, s) -> s.k() <= Math.min(count(y, true), count(y, false)))
        .checkAssert(
            (y, s) ->
                assertThat(new StratifiedKFold(s.k(), s.shuffle(), s.seed()).split(y))
                    .isEqualTo(s.split(y)));
  }

  @Test
  void withoutShuffle_eachClassFillsFoldsInRowOrder() {
    qt().forAll(labels(), integers().between(2, 10))
        .assuming((y, k) -> k <= Math.min(count(y, true), count(y, false)))
        .checkAssert(
            (y, k) -> {
              int[] folds = StratifiedKFold.of(k).testFolds(y);
              int lastPos = 0;
              int lastNeg = 0;
              for (int i = 0; i < y.length; i++) {
                if (y[i]) {
                  assertThat(folds[i]).isGreaterThanOrEqualTo(lastPos);
                  lastPos = folds[i];
                } else {
                  assertThat(folds[i]).isGreaterThanOrEqualTo(lastNeg);
                  lastNeg = folds[i];
                }
              }
            });
  }

  private static int spread(int[] values) {
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    for (int v : values) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return max - min;
  }
}
