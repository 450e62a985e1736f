package dev.churn.drift.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FlagRuleTest {

  @Test
  void atLeast_limitsAreInclusive() {
    FlagRule auc = FlagRule.atLeast(0.85, 0.75);
    assertThat(auc.flag(0.90)).isEqualTo(Flag.GREEN);
    assertThat(auc.flag(0.85)).isEqualTo(Flag.GREEN);
    assertThat(auc.flag(Math.nextDown(0.85))).isEqualTo(Flag.YELLOW);
    assertThat(auc.flag(0.75)).isEqualTo(Flag.YELLOW);
    assertThat(auc.flag(Math.nextDown(0.75))).isEqualTo(Flag.RED);
    assertThat(auc.flag(0.0)).isEqualTo(Flag.RED);
  }

  @Test
  void atMost_limitsAreInclusive() {
    FlagRule errors = FlagRule.atMost(0.05, 0.10);
    assertThat(errors.flag(0.0)).isEqualTo(Flag.GREEN);
    assertThat(errors.flag(0.05)).isEqualTo(Flag.GREEN);
    assertThat(errors.flag(Math.nextUp(0.05))).isEqualTo(Flag.YELLOW);
    assertThat(errors.flag(0.10)).isEqualTo(Flag.YELLOW);
    assertThat(errors.flag(Math.nextUp(0.10))).isEqualTo(Flag.RED);
  }

  @Test
  void equalLimits_haveNoYellowBand() {
    FlagRule strict = FlagRule.atLeast(0.5, 0.5);
    assertThat(strict.flag(0.5)).isEqualTo(Flag.GREEN);
    assertThat(strict.flag(0.49)).isEqualTo(Flag.RED);
  }

  @Test
  void constructor_rejectsLimitsOnTheWrongSide() {
    assertThatThrownBy(() -> FlagRule.atLeast(0.75, 0.85))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("yellow was '0.85' but it must be <= green (0.75) when higher is better");
    assertThatThrownBy(() -> FlagRule.atMost(0.10, 0.05))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("yellow was '0.05' but it must be >= green (0.1) when lower is better");
    assertThatThrownBy(() -> FlagRule.atLeast(Double.NaN, 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("green was 'NaN' but it must be finite");
    assertThatThrownBy(() -> new FlagRule(null, 1, 0)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void flag_rejectsNaN() {
    assertThatThrownBy(() -> FlagRule.atLeast(0.85, 0.75).flag(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void describe_readsLikeThePlan() {
    assertThat(FlagRule.atLeast(0.85, 0.75).describe())
        .isEqualTo("green >= 0.85, yellow >= 0.75, red below");
    assertThat(FlagRule.atMost(0.02, 0.05).describe())
        .isEqualTo("green <= 0.02, yellow <= 0.05, red above");
  }
}
