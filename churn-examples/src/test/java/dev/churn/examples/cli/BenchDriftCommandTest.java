package dev.churn.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.churn.examples.cli.ProfileCommandTest.Run;
import org.junit.jupiter.api.Test;

/** {@code churn bench drift}: options, JSON fields and usage errors. */
class BenchDriftCommandTest {

  @Test
  void benchDrift_json_reportsTheFigures() throws Exception {
    Run r = ProfileCommandTest.run("bench", "drift", "--rows", "3000", "--columns", "4",
        "--repeats", "1", "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("rows").asInt()).isEqualTo(3000);
    assertThat(j.get("columns").asInt()).isEqualTo(4);
    for (String f : new String[] {"baseline_seconds", "profile_seconds", "detect_seconds",
        "total_seconds", "profile_vs_baseline", "detect_vs_baseline"}) {
      assertThat(j.get(f).asDouble()).as(f).isPositive();
    }
    assertThat(j.get("drifted_columns").asInt()).isEqualTo(1);
    assertThat(j.get("tests").get("wasserstein").asInt()).isEqualTo(4);
    assertThat(r.err()).contains("run 1");
  }

  @Test
  void benchDrift_text_printsReadableLines() {
    Run r = ProfileCommandTest.run("bench", "drift", "--rows", "2000", "--columns", "2",
        "--repeats", "1");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("profile reference:").contains("detect current:")
        .contains("baseline:");
  }

  @Test
  void benchDrift_tooFewRows_isAUsageError() {
    Run r = ProfileCommandTest.run("bench", "drift", "--rows", "10");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--rows must be at least 1000");
  }
}
