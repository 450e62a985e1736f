package dev.churn.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.churn.core.io.Csv;
import dev.churn.core.table.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** churn evaluate, train and score on a small generated data set. */
class ModelCommandsTest {
  @TempDir static Path dir;
  static Path csv;

  @BeforeAll
  static void writeCsv() throws Exception {
    SplittableRandom rnd = new SplittableRandom(11);
    List<String> lines = new ArrayList<>();
    lines.add("customer,calls,minutes,plan,churn");
    for (int i = 0; i < 600; i++) {
      int calls = rnd.nextInt(10);
      double minutes = rnd.nextDouble() * 300;
      String plan = rnd.nextInt(3) == 0 ? "intl" : "basic";
      double z = -3.5 + 0.5 * calls + (plan.equals("intl") ? 1.2 : 0) + minutes / 300;
      boolean churn = rnd.nextDouble() < 1 / (1 + Math.exp(-z));
      lines.add(String.format(Locale.ROOT, "cust%04d,%d,%.1f,%s,%s", i, calls,
          i % 23 == 0 ? Double.NaN : minutes, plan, churn ? "yes" : "no").replace("NaN", "NA"));
    }
    csv = dir.resolve("customers.csv");
    Files.write(csv, lines);
  }

  @Test
  void evaluate_printsTheLeaderboardContract() throws Exception {
    ProfileCommandTest.Run run = ProfileCommandTest.run("evaluate", "--csv", csv.toString(),
        "--label", "churn", "--positive", "yes", "--backends", "logistic", "--folds", "3",
        "--json");
    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("rows").asInt()).isEqualTo(600);
    assertThat(json.get("positives").asInt()).isPositive();
    JsonNode first = json.get("leaderboard").get(0);
    for (String f : List.of("backend", "auc", "auc_sd", "pr_auc", "logloss", "f1",
        "train_seconds")) {
      assertThat(first.has(f)).as(f).isTrue();
    }
    assertThat(first.get("auc").asDouble()).isGreaterThan(0.7);
    assertThat(json.get("best").asText()).isEqualTo("logistic");
  }

  @Test
  void trainThenScore_writesPackageAndScores() throws Exception {
    Path model = dir.resolve("m/churn.model");
    ProfileCommandTest.Run train = ProfileCommandTest.run("train", "--csv", csv.toString(),
        "--label", "churn", "--positive", "yes", "--backend", "logistic", "--folds", "3",
        "--out", model.toString(), "--json");
    assertThat(train.exit()).as(train.err()).isZero();
    JsonNode t = new ObjectMapper().readTree(train.out());
    assertThat(t.get("backend").asText()).isEqualTo("logistic");
    assertThat(t.get("calibration").asText()).isEqualTo("isotonic");
    assertThat(t.get("metrics").get("auc").asDouble()).isGreaterThan(0.7);
    assertThat(Files.exists(model)).isTrue();
    assertThat(Files.readString(dir.resolve("m/churn.model.sha256")))
        .startsWith(t.get("sha256").asText());

    Path scores = dir.resolve("scores.csv");
    ProfileCommandTest.Run score = ProfileCommandTest.run("score", "--package", model.toString(),
        "--csv", csv.toString(), "--out", scores.toString(), "--json");
    assertThat(score.exit()).as(score.err()).isZero();
    JsonNode s = new ObjectMapper().readTree(score.out());
    assertThat(s.get("rows").asInt()).isEqualTo(600);
    JsonNode b = s.get("buckets");
    assertThat(b.get("A").asInt() + b.get("B").asInt() + b.get("C").asInt()).isEqualTo(600);
    try (BufferAllocator allocator = new RootAllocator();
        Table out = Csv.reader(scores).read(allocator)) {
      assertThat(out.schema().names()).startsWith("id", "churn_probability", "predicted_churn",
          "bucket", "action", "offer", "expected_gain", "plan", "reason_1");
      assertThat(out.column("id").format(0)).isEqualTo("cust0000");
      double[] p = out.numeric("churn_probability").toArray();
      for (double v : p) {
        assertThat(v).isBetween(0.0, 1.0);
      }
    }
  }

  @Test
  void score_missingColumnSaysWhichOne() throws Exception {
    Path model = dir.resolve("m2.model");
    assertThat(ProfileCommandTest.run("train", "--csv", csv.toString(), "--label", "churn",
        "--positive", "yes", "--backend", "logistic", "--folds", "3", "--out",
        model.toString()).exit()).isZero();
    Path partial = dir.resolve("partial.csv");
    List<String> lines = Files.readAllLines(csv);
    List<String> cut = new ArrayList<>();
    for (String l : lines) {
      String[] f = l.split(",");
      cut.add(f[0] + "," + f[1] + "," + f[3]);
    }
    Files.write(partial, cut);
    ProfileCommandTest.Run run = ProfileCommandTest.run("score", "--package", model.toString(),
        "--csv", partial.toString(), "--out", dir.resolve("x.csv").toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("minutes").contains("missing");
  }

  @Test
  void evaluate_wrongPositiveValueIsExplained() {
    ProfileCommandTest.Run run = ProfileCommandTest.run("evaluate", "--csv", csv.toString(),
        "--label", "churn", "--positive", "Yes", "--backends", "logistic");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("has 0 rows equal to 'Yes'");
  }
}
