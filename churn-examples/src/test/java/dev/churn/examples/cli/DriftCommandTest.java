package dev.churn.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** churn drift on two generated CSV files: minutes shift, plan and calls stay. */
class DriftCommandTest {
  @TempDir static Path dir;
  static Path reference;
  static Path current;

  @BeforeAll
  static void writeCsvs() throws Exception {
    reference = write("reference.csv", 1, 0);
    current = write("current.csv", 2, 60);
  }

  private static Path write(String name, long seed, double shift) throws Exception {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<String> lines = new ArrayList<>();
    lines.add("customer,calls,minutes,plan,score");
    for (int i = 0; i < 800; i++) {
      // calls and plan have the same distribution in both files (no false alarm by chance)
      lines.add(String.format(Locale.ROOT, "c%04d,%d,%.2f,%s,%.4f", i, i % 10,
          150 + shift + 40 * rnd.nextGaussian(), i % 3 == 0 ? "intl" : "basic",
          (i % 100) / 100.0));
    }
    Path p = dir.resolve(name);
    Files.write(p, lines);
    return p;
  }

  @Test
  void drift_json_followsTheContract() throws Exception {
    ProfileCommandTest.Run run = ProfileCommandTest.run("drift", "--reference",
        reference.toString(), "--current", current.toString(), "--score", "score", "--json");
    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(run.out());
    JsonNode first = j.get("columns").get(0);
    for (String f : List.of("name", "test", "statistic", "p_value", "drifted")) {
      assertThat(first.has(f)).as(f).isTrue();
    }
    assertThat(first.get("name").asText()).isEqualTo("minutes");
    assertThat(first.get("test").asText()).isEqualTo("ks"); // reference of 800 rows: small
    assertThat(first.get("drifted").asBoolean()).isTrue();
    assertThat(j.get("columns")).hasSize(3); // the id is not tested, the score is not a feature
    assertThat(j.get("drift_share").asDouble()).isEqualTo(1.0 / 3);
    assertThat(j.get("dataset_drift").asBoolean()).isFalse();
    assertThat(j.get("prediction_drift").get("drifted").asBoolean()).isFalse();
    assertThat(j.get("action").asText()).isIn("NONE", "WATCH", "RETRAIN", "REEXPERIMENT");
  }

  @Test
  void drift_forcedTestAndHtml() throws Exception {
    Path html = dir.resolve("out/drift.html");
    ProfileCommandTest.Run run = ProfileCommandTest.run("drift", "--reference",
        reference.toString(), "--current", current.toString(), "--test", "psi", "--html",
        html.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("minutes").contains("psi").contains("action: ");
    assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>")
        .contains("data:image/png;base64,");
  }

  @Test
  void drift_badInput_saysWhatToFix() {
    ProfileCommandTest.Run run = ProfileCommandTest.run("drift", "--reference",
        reference.toString(), "--current", dir.resolve("nope.csv").toString());
    assertThat(run.exit()).isNotZero();
    assertThat(run.err()).contains("no such file").contains("--current");
    ProfileCommandTest.Run bad = ProfileCommandTest.run("drift", "--reference",
        reference.toString(), "--current", current.toString(), "--test", "t-test");
    assertThat(bad.exit()).isEqualTo(2);
  }
}
