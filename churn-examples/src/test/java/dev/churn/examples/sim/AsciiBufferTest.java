package dev.churn.examples.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The hand-written number formatting agrees with the JDK's. */
class AsciiBufferTest {

  @Test
  void putLong_edgeValues_matchLongToString() {
    AsciiBuffer b = new AsciiBuffer(4);
    long[] values = {0, 7, -7, 9, 10, 99, 100, Integer.MAX_VALUE, Integer.MIN_VALUE,
        Long.MAX_VALUE, Long.MIN_VALUE, 999_999_999_999L, 1_000_000_000_000_000_000L};
    StringBuilder expected = new StringBuilder();
    for (long v : values) {
      b.putLong(v).comma();
      expected.append(v).append(',');
    }
    assertThat(b.asString()).isEqualTo(expected.toString());
  }

  @Test
  void putThousandths_writesThreeDecimals() {
    AsciiBuffer b = new AsciiBuffer(4);
    b.putThousandths(6_309_273).comma().putThousandths(5).comma().putThousandths(-1_500)
        .comma().putThousandths(Long.MIN_VALUE).comma().putThousandths(Long.MAX_VALUE);
    assertThat(b.asString())
        .isEqualTo("6309.273,0.005,-1.500,-9223372036854775.808,9223372036854775.807");
  }

  @Test
  void putLongAndThousandths_anyValue_agreeWithTheJdk() {
    qt().withFixedSeed(20160101L)
        .withExamples(5_000)
        .forAll(longs().all())
        .checkAssert(
            v -> {
              AsciiBuffer b = new AsciiBuffer(1);
              b.putLong(v);
              assertThat(b.asString()).isEqualTo(Long.toString(v));
              b.clear();
              b.putThousandths(v);
              assertThat(new BigDecimal(b.asString()))
                  .isEqualTo(BigDecimal.valueOf(v, 3));
            });
  }
}
