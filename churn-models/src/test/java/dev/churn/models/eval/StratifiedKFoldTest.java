package dev.churn.models.eval;

import static dev.churn.models.eval.SklearnFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StratifiedKFoldTest {

  @Test
  void testFolds_withoutShuffle_equalSklearns() {
    assertThat(StratifiedKFold.of(3).testFolds(SKF_K3_Y)).containsExactly(SKF_K3_FOLD);
    assertThat(StratifiedKFold.of(5).testFolds(SKF_K5_Y)).containsExactly(SKF_K5_FOLD);
    assertThat(StratifiedKFold.of(4).testFolds(SKF_K4_Y)).containsExactly(SKF_K4_FOLD);
  }

  @Test
  void split_withoutShuffle_listsSklearnsTrainAndTestRows() {
    List<Fold> folds = StratifiedKFold.of(3).split(SKF_K3_Y);
    assertThat(folds).hasSize(3);
    for (Fold fold : folds) {
      for (int row : fold.test()) {
        assertThat(SKF_K3_FOLD[row]).isEqualTo(fold.index());
      }
      for (int row : fold.train()) {
        assertThat(SKF_K3_FOLD[row]).isNotEqualTo(fold.index());
      }
      assertThat(fold.trainSize() + fold.testSize()).isEqualTo(SKF_K3_Y.length);
    }
    assertThat(folds.get(1).description()).isEqualTo("fold 2 of 3");
  }

  @Test
  void split_sameSeed_sameFolds_otherSeed_otherFolds() {
    boolean[] y = new boolean[200];
    for (int i = 0; i < y.length; i++) {
      y[i] = i % 3 == 0;
    }
    assertThat(new StratifiedKFold(5, true, 42).split(y))
        .isEqualTo(new StratifiedKFold(5, true, 42).split(y));
    assertThat(new StratifiedKFold(5, true, 42).split(y))
        .isNotEqualTo(new StratifiedKFold(5, true, 43).split(y));
    assertThat(new StratifiedKFold(5, true, 42).split(y))
        .isNotEqualTo(StratifiedKFold.of(5).split(y));
  }

  @Test
  void constructor_kBelowTwo_isRejected() {
    assertThatThrownBy(() -> new StratifiedKFold(1, false, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("k was 1 but it must be >= 2");
  }

  @Test
  void split_kAboveTheSmallerClass_namesBothNumbers() {
    boolean[] y = {true, false, false, true, false, false, true, false};
    assertThatThrownBy(() -> StratifiedKFold.of(4).split(y))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("k=4")
        .hasMessageContaining("smaller class (positives) has only 3 rows")
        .hasMessageContaining("use k <= 3");
    assertThatThrownBy(() -> StratifiedKFold.of(2).split(new boolean[] {false, false, false}))
        .hasMessageContaining("smaller class (positives) has only 0 rows");
  }
}
