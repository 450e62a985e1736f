package dev.churn.drift.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.churn.drift.monitor.Flag;
import org.junit.jupiter.api.Test;

class RetrainPolicyProperties {
  private static final long SEED = 20261123L;

  @Test
  void action_neverDecreasesAsTheDeviationGrows() {
    RetrainPolicy p = RetrainPolicy.defaults();
    qt().withFixedSeed(SEED).forAll(doubles().between(0, 1), doubles().between(0, 1))
        .checkAssert((a, b) -> {
          double lo = Math.min(a, b);
          double hi = Math.max(a, b);
          assertThat(p.forDeviation(hi).ordinal()).isGreaterThanOrEqualTo(
              p.forDeviation(lo).ordinal());
        });
  }

  @Test
  void decision_isAtLeastWhatEachSignalAsksFor_andWithdrawsExactlyOnRealizedRed() {
    RetrainPolicy p = RetrainPolicy.defaults();
    Flag[] flags = Flag.values();
    qt().withFixedSeed(SEED).forAll(doubles().between(0, 1), integers().between(0, 3),
        integers().between(0, 3)).checkAssert((d, r, e) -> {
          Decision all = p.decide(Evidence.builder().deviation(d).realized(flags[r])
              .estimated(flags[e]).build());
          Decision devOnly = p.decide(Evidence.builder().deviation(d).build());
          Decision realizedOnly = p.decide(Evidence.builder().realized(flags[r]).build());
          assertThat(all.action().ordinal()).isGreaterThanOrEqualTo(devOnly.action().ordinal())
              .isGreaterThanOrEqualTo(realizedOnly.action().ordinal());
          assertThat(all.takeOutOfProduction()).isEqualTo(flags[r] == Flag.RED);
          assertThat(all.reasons()).isNotEmpty();
        });
  }
}
