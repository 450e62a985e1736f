package dev.churn.examples.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.churn.core.profile.DataProfile;
import dev.churn.core.table.Table;
import java.time.Instant;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

class ProfileHtmlTest {

  @Test
  void esc_replacesTheFiveSpecialCharacters() {
    assertThat(ProfileHtml.esc("a<b>&\"c'")).isEqualTo("a&lt;b&gt;&amp;&quot;c&#39;");
    assertThat(ProfileHtml.esc("plain")).isEqualTo("plain");
  }

  @Test
  void render_escapesNamesAndCategoriesAndShowsTheHeader() {
    DataProfile profile;
    try (BufferAllocator allocator = new RootAllocator();
        Table t =
            Table.builder(allocator)
                .categorical("<script>alert(1)</script>", new String[] {"a&b", "\"q\"", "a&b"})
                .numeric("n", new double[] {1, 2, Double.NaN})
                .build()) {
      profile = DataProfile.of(t);
    }
    String html =
        ProfileHtml.render(
            profile, new ProfileHtml.Meta("x<y>.csv", 30, Instant.parse("2017-03-01T10:15:30Z")));
    assertThat(html)
        .doesNotContain("<script>")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("a&amp;b")
        .contains("&quot;q&quot;")
        .contains("x&lt;y&gt;.csv")
        .contains("generated 2017-03-01 10:15:30 UTC")
        .contains("a random sample of 3 of 30 rows")
        .contains("<img src=\"data:image/png;base64,");
  }

  @Test
  void format_numbersCountsAndPercentages() {
    assertThat(Format.number(5000)).isEqualTo("5,000");
    assertThat(Format.number(53.8946991689322)).isEqualTo("53.89");
    assertThat(Format.number(4708.04)).isEqualTo("4,708");
    assertThat(Format.number(0.001234567)).isEqualTo("0.001235");
    assertThat(Format.number(Double.NaN)).isEqualTo("-");
    assertThat(Format.percent(0.1414)).isEqualTo("14.1 %");
    assertThat(Format.percent(0.0004)).isEqualTo("0.04 %");
    assertThat(Format.percent(0.00001)).isEqualTo("<0.01 %");
    assertThat(Format.countAndPercent(310, 500)).isEqualTo("310 (62.0 %)");
  }
}
