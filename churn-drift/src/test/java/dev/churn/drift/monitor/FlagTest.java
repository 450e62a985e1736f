package dev.churn.drift.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FlagTest {

  @Test
  void worse_ordersRedOverYellowOverGreen() {
    assertThat(Flag.GREEN.worse(Flag.YELLOW)).isEqualTo(Flag.YELLOW);
    assertThat(Flag.YELLOW.worse(Flag.GREEN)).isEqualTo(Flag.YELLOW);
    assertThat(Flag.RED.worse(Flag.YELLOW)).isEqualTo(Flag.RED);
    assertThat(Flag.GREEN.worse(Flag.GREEN)).isEqualTo(Flag.GREEN);
  }

  @Test
  void worse_unratedYieldsToAnyRatedFlag() {
    assertThat(Flag.UNRATED.worse(Flag.GREEN)).isEqualTo(Flag.GREEN);
    assertThat(Flag.RED.worse(Flag.UNRATED)).isEqualTo(Flag.RED);
    assertThat(Flag.UNRATED.worse(Flag.UNRATED)).isEqualTo(Flag.UNRATED);
  }

  @Test
  void isAtLeast_comparesRatedFlagsOnly() {
    assertThat(Flag.RED.isAtLeast(Flag.YELLOW)).isTrue();
    assertThat(Flag.YELLOW.isAtLeast(Flag.YELLOW)).isTrue();
    assertThat(Flag.GREEN.isAtLeast(Flag.YELLOW)).isFalse();
    assertThat(Flag.UNRATED.isAtLeast(Flag.GREEN)).isFalse();
    assertThatThrownBy(() -> Flag.RED.isAtLeast(Flag.UNRATED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("level was 'UNRATED'");
  }
}
