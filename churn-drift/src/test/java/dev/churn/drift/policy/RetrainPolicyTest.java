package dev.churn.drift.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.churn.drift.monitor.Flag;
import dev.churn.drift.stream.DetectorState;
import org.junit.jupiter.api.Test;

class RetrainPolicyTest {
  private final RetrainPolicy policy = RetrainPolicy.defaults();

  private Decision deviation(double d) {
    return policy.decide(Evidence.builder().deviation(d).build());
  }

  @Test
  void deviationBands_followTheSeedsAndFillTheGaps() {
    assertThat(deviation(0.0).action()).isEqualTo(Action.NONE);
    assertThat(deviation(0.015).action()).isEqualTo(Action.NONE);   // 1-2 %: no action
    assertThat(deviation(0.0199).action()).isEqualTo(Action.NONE);
    assertThat(deviation(0.02).action()).isEqualTo(Action.WATCH);   // gap 2-5 %
    assertThat(deviation(0.0499).action()).isEqualTo(Action.WATCH);
    assertThat(deviation(0.05).action()).isEqualTo(Action.RETRAIN); // 5-8 %: retrain
    assertThat(deviation(0.08).action()).isEqualTo(Action.RETRAIN);
    assertThat(deviation(0.10).action()).isEqualTo(Action.RETRAIN); // gap 8-10 %
    assertThat(deviation(0.1001).action()).isEqualTo(Action.REEXPERIMENT); // > 10 %
    assertThat(deviation(1.0).action()).isEqualTo(Action.REEXPERIMENT);
  }

  @Test
  void reasons_carryTheNumbers() {
    assertThat(deviation(0.063).reasons()).containsExactly(
        "data deviation 6.3 % is in the retrain band [5.0 %, 10.0 %] (RETRAIN)");
    assertThat(deviation(0.01).reasons()).containsExactly("data deviation 1.0 % is below 2.0 %");
    // one decimal would read "2.0 % is below 2.0 %" or "5.0 % is in the watch band [2.0 %, 5.0 %)"
    assertThat(deviation(0.01996).reasons())
        .containsExactly("data deviation 1.996 % is below 2.0 %");
    assertThat(deviation(0.04999).reasons())
        .containsExactly("data deviation 4.999 % is in the watch band [2.0 %, 5.0 %) (WATCH)");
    assertThat(policy.decide(Evidence.builder().build()).reasons())
        .containsExactly("no evidence given");
  }

  @Test
  void realizedRed_meansReexperimentAndWithdrawal() {
    Decision d = policy.decide(Evidence.builder().deviation(0.01).realized(Flag.RED).build());
    assertThat(d.action()).isEqualTo(Action.REEXPERIMENT);
    assertThat(d.takeOutOfProduction()).isTrue();
    assertThat(d.reasons().get(0)).contains("RED").contains("take the model out of production");
  }

  @Test
  void otherSignals_takeTheMostSevereAction_reasonsMostSevereFirst() {
    Decision d = policy.decide(Evidence.builder().deviation(0.03).realized(Flag.YELLOW)
        .estimated(Flag.RED).datasetDrift(false).conceptDrift(DetectorState.WARNING).build());
    assertThat(d.action()).isEqualTo(Action.RETRAIN);
    assertThat(d.takeOutOfProduction()).isFalse();
    assertThat(d.reasons()).hasSize(4);
    assertThat(d.reasons().get(0)).startsWith("estimated performance").endsWith("(RETRAIN)");
    assertThat(policy.decide(Evidence.builder().datasetDrift(true).build()).action())
        .isEqualTo(Action.RETRAIN);
    assertThat(policy.decide(Evidence.builder().conceptDrift(DetectorState.DRIFT).build())
        .action()).isEqualTo(Action.RETRAIN);
    assertThat(policy.decide(Evidence.builder().realized(Flag.GREEN).estimated(Flag.UNRATED)
        .conceptDrift(DetectorState.NONE).build()).action()).isEqualTo(Action.NONE);
  }

  @Test
  void builder_configuresBandsAndActions_andValidates() {
    RetrainPolicy strict = RetrainPolicy.builder().bands(0.01, 0.03, 0.08)
        .onEstimatedRed(Action.REEXPERIMENT).onDatasetDrift(Action.WATCH).build();
    assertThat(strict.forDeviation(0.035)).isEqualTo(Action.RETRAIN);
    assertThat(strict.forDeviation(0.09)).isEqualTo(Action.REEXPERIMENT);
    assertThat(strict.decide(Evidence.builder().estimated(Flag.RED).build()).action())
        .isEqualTo(Action.REEXPERIMENT);
    assertThat(strict.decide(Evidence.builder().datasetDrift(true).build()).action())
        .isEqualTo(Action.WATCH);
    assertThatThrownBy(() -> RetrainPolicy.builder().bands(0.05, 0.02, 0.1).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("watchFrom <=");
    assertThatThrownBy(() -> RetrainPolicy.builder().bands(-0.1, 0.02, 0.1))
        .hasMessage("watchFrom was -0.1 but it must be in [0, 1]");
    assertThatThrownBy(() -> Evidence.builder().deviation(1.5))
        .hasMessage("deviation was 1.5 but it must be in [0, 1]");
    assertThatThrownBy(() -> policy.forDeviation(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
