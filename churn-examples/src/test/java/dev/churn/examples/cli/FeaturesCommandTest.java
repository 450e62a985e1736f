package dev.churn.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.churn.core.io.Csv;
import dev.churn.core.table.Table;
import dev.churn.core.time.Period;
import dev.churn.examples.sim.KkboxSimulator;
import dev.churn.examples.sim.SimulationResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeaturesCommandTest {
  @TempDir static Path dir;
  static SimulationResult sim;

  @BeforeAll
  static void simulate() {
    sim = KkboxSimulator.builder().members(400).months(2).startMonth(Period.of(2016, 1))
        .seed(3).build().simulate(dir.resolve("kkbox"));
  }

  private String[] args(Path out, String... more) {
    String[] base = {"features", "--members", sim.members().toString(),
        "--transactions", sim.transactions().toString(),
        "--user-logs", sim.userLogs().get(0).toString(),
        "--asof", "2016-03-01", "--out", out.toString()};
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  @Test
  void features_writesOneRowPerMemberWithContractColumns() throws Exception {
    Path out = dir.resolve("out/features.csv");
    ProfileCommandTest.Run run = ProfileCommandTest.run(args(out, "--json"));
    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("rows").asLong()).isEqualTo(sim.memberRows());
    assertThat(json.get("columns").asInt()).isGreaterThan(30);
    assertThat(json.get("seconds").has("listening")).isTrue();
    assertThat(json.get("seconds").has("write")).isTrue();
    try (BufferAllocator allocator = new RootAllocator();
        Table t = Csv.reader(out).read(allocator)) {
      assertThat(t.schema().names().get(0)).isEqualTo("msno");
      assertThat(t.schema().names()).contains("days_active_30d", "num_100_30d");
      assertThat(t.rowCount()).isEqualTo((int) sim.memberRows());
      // members without logs have 0, never missing, for these two
      assertThat(t.numeric("days_active_30d").missingCount()).isZero();
      assertThat(t.numeric("num_100_30d").missingCount()).isZero();
      double[] active = t.numeric("days_active_30d").toArray();
      assertThat(java.util.Arrays.stream(active).min().orElseThrow()).isGreaterThanOrEqualTo(0);
      assertThat(java.util.Arrays.stream(active).max().orElseThrow()).isLessThanOrEqualTo(30);
      assertThat(java.util.Arrays.stream(active).max().orElseThrow()).isPositive();
    }
  }

  @Test
  void features_textOutputNamesStages() {
    Path out = dir.resolve("text.csv");
    ProfileCommandTest.Run run = ProfileCommandTest.run(args(out));
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("written to").contains("listening").contains("join");
    assertThat(Files.exists(out)).isTrue();
  }

  @Test
  void features_missingInputFailsWithExit1() {
    Path out = dir.resolve("never.csv");
    ProfileCommandTest.Run run = ProfileCommandTest.run("features", "--members", "nope.csv",
        "--transactions", "x", "--user-logs", "y", "--asof", "2016-03-01", "--out",
        out.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("churn features: no such file: nope.csv");
    assertThat(Files.exists(out)).isFalse();
  }

  @Test
  void features_badDateIsAUsageError() {
    ProfileCommandTest.Run run = ProfileCommandTest.run("features", "--members", "a",
        "--transactions", "b", "--user-logs", "c", "--asof", "March", "--out", "o.csv");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--asof");
  }
}
