package dev.churn.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.churn.core.storage.Sha256;
import dev.churn.examples.cli.ProfileCommandTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code churn train --home --model}, {@code churn registry ...} and {@code churn score --home}
 * in-process on small generated data sets: the model lifecycle, the gates, the audit log and the
 * error messages.
 */
class RegistryCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path data;
  /** A home with v1 and v2 of "churn" (both stage NONE), trained on {@link #csv}. */
  static Path base;
  static Path csv;
  /** The same columns as {@link #csv}, with a label that is pure noise: AUC near 0.5. */
  static Path noise;
  /** {@link #csv} with one more input column, "extra". */
  static Path wider;

  @TempDir Path dir;

  @BeforeAll
  static void writeDataAndTrainTwoVersions() throws Exception {
    csv = data.resolve("customers.csv");
    noise = data.resolve("noise.csv");
    wider = data.resolve("wider.csv");
    SplittableRandom rnd = new SplittableRandom(11);
    List<String> lines = new ArrayList<>(List.of("customer,calls,minutes,plan,churn"));
    List<String> noisy = new ArrayList<>(lines);
    List<String> wide = new ArrayList<>(List.of("customer,calls,minutes,plan,extra,churn"));
    for (int i = 0; i < 600; i++) {
      int calls = rnd.nextInt(10);
      double minutes = rnd.nextDouble() * 300;
      String plan = rnd.nextInt(3) == 0 ? "intl" : "basic";
      double z = -3.5 + 0.5 * calls + (plan.equals("intl") ? 1.2 : 0) + minutes / 300;
      String churn = rnd.nextDouble() < 1 / (1 + Math.exp(-z)) ? "yes" : "no";
      String row = String.format(Locale.ROOT, "cust%04d,%d,%.1f,%s", i, calls, minutes, plan);
      lines.add(row + "," + churn);
      noisy.add(row + "," + (rnd.nextBoolean() ? "yes" : "no"));
      wide.add(row + "," + rnd.nextInt(7) + "," + churn);
    }
    Files.write(csv, lines);
    Files.write(noise, noisy);
    Files.write(wider, wide);
    base = data.resolve("home");
    for (int v = 1; v <= 2; v++) {
      JsonNode t = json(train(base, csv, "--json"));
      assertThat(t.get("version").asInt()).isEqualTo(v);
    }
  }

  // ------------------------------------------------------------------ helpers

  static Run train(Path home, Path file, String... more) {
    List<String> args = new ArrayList<>(List.of("train", "--csv", file.toString(), "--label",
        "churn", "--positive", "yes", "--backend", "logistic", "--folds", "3", "--home",
        home.toString(), "--model", "churn"));
    args.addAll(List.of(more));
    Run r = ProfileCommandTest.run(args.toArray(new String[0]));
    assertThat(r.exit()).as(r.err()).isZero();
    return r;
  }

  static JsonNode json(Run r) throws IOException {
    assertThat(r.exit()).as(r.err()).isZero();
    return JSON.readTree(r.out());
  }

  /** A copy of the base home, so that each test changes its own registry. */
  private Path home() throws IOException {
    Path home = dir.resolve("home");
    try (Stream<Path> files = Files.walk(base)) {
      for (Iterator<Path> it = files.iterator(); it.hasNext(); ) {
        Path from = it.next();
        Path to = home.resolve(base.relativize(from).toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else {
          Files.copy(from, to);
        }
      }
    }
    return home;
  }

  private static Run registry(Path home, String command, String... more) {
    List<String> args = new ArrayList<>(List.of("registry", command, "--home", home.toString()));
    args.addAll(List.of(more));
    return ProfileCommandTest.run(args.toArray(new String[0]));
  }

  private static Run transition(Path home, int version, String stage, String... more) {
    List<String> args = new ArrayList<>(List.of("--model", "churn", "--version",
        Integer.toString(version), "--stage", stage));
    args.addAll(List.of(more));
    return registry(home, "transition", args.toArray(new String[0]));
  }

  private static JsonNode versions(Path home) throws IOException {
    return json(registry(home, "list", "--model", "churn", "--json")).get("versions");
  }

  private static List<String> stages(Path home) throws IOException {
    List<String> s = new ArrayList<>();
    versions(home).forEach(v -> s.add(v.get("stage").asText()));
    return s;
  }

  private static JsonNode entries(Path home) throws IOException {
    return json(registry(home, "history", "--model", "churn", "--json")).get("entries");
  }

  private Run score(Path home, String... choice) {
    List<String> args = new ArrayList<>(List.of("score", "--home", home.toString(), "--model",
        "churn", "--csv", csv.toString(), "--out", dir.resolve("scores.csv").toString(),
        "--json"));
    args.addAll(List.of(choice));
    return ProfileCommandTest.run(args.toArray(new String[0]));
  }

  private static List<String> fields(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  // ------------------------------------------------------------------ train

  @Test
  void train_registersAVersionWithLineage() throws Exception {
    Path home = dir.resolve("fresh");
    Path pkg = dir.resolve("also.model");
    JsonNode t = json(train(home, csv, "--out", pkg.toString(), "--json"));
    assertThat(fields(t)).contains("model", "version", "stage", "run_id", "metrics");
    assertThat(t.get("model").asText()).isEqualTo("churn");
    assertThat(t.get("version").asInt()).isEqualTo(1);
    assertThat(t.get("stage").asText()).isEqualTo("NONE");
    assertThat(t.get("metrics").get("auc").asDouble()).isGreaterThan(0.7);
    String runId = t.get("run_id").asText();
    assertThat(home.resolve("runs").resolve(runId).resolve("run.json")).exists();
    assertThat(pkg).exists();
    assertThat(t.get("package").asText()).isEqualTo(pkg.toString());

    JsonNode show = json(registry(home, "show", "--model", "churn", "--version", "1", "--json"));
    assertThat(show.get("run_id").asText()).isEqualTo(runId);
    assertThat(show.get("data_fingerprint").asText()).hasSize(64);
    assertThat(show.get("params").get("c").asText()).isEqualTo("1.0");
    assertThat(show.get("backend").asText()).isEqualTo("logistic");
    assertThat(show.get("metrics").get("auc").asDouble())
        .isEqualTo(t.get("metrics").get("auc").asDouble());
    assertThat(show.get("package").get("sha256").asText()).isEqualTo(Sha256.ofBytes(
        Files.readAllBytes(home.resolve("registry/churn/versions/1/model.bin"))));
  }

  @Test
  void train_withoutDestinationOrHomeIsAUsageError() {
    String[] common = {"train", "--csv", csv.toString(), "--label", "churn", "--positive", "yes",
        "--backend", "logistic"};
    Run none = ProfileCommandTest.run(common);
    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.err()).contains("--home DIR --model NAME").contains("--out FILE");
    List<String> args = new ArrayList<>(List.of(common));
    args.addAll(List.of("--model", "churn"));
    Run noHome = ProfileCommandTest.run(args.toArray(new String[0]));
    assertThat(noHome.exit()).isEqualTo(2);
    assertThat(noHome.err()).contains("--model needs --home DIR");
    List<String> bad = new ArrayList<>(List.of(common));
    bad.addAll(List.of("--home", dir.toString(), "--model", "bad/name"));
    Run badName = ProfileCommandTest.run(bad.toArray(new String[0]));
    assertThat(badName.exit()).isEqualTo(2);
    assertThat(badName.err()).contains("--model was 'bad/name'");
    assertThat(dir.resolve("registry")).doesNotExist();
  }

  // ------------------------------------------------------------------ the lifecycle

  @Test
  void lifecycle_listPromoteArchiveHistoryAliasAndScore() throws Exception {
    Path home = home();

    JsonNode list = json(registry(home, "list", "--model", "churn", "--json"));
    assertThat(list.get("model").asText()).isEqualTo("churn");
    assertThat(list.get("versions")).hasSize(2);
    JsonNode v1 = list.get("versions").get(0);
    assertThat(fields(v1)).contains("version", "stage", "aliases", "metrics", "created");
    assertThat(v1.get("version").asInt()).isEqualTo(1);
    assertThat(v1.get("stage").asText()).isEqualTo("NONE");
    assertThat(v1.get("aliases").isArray()).isTrue();
    assertThat(v1.get("metrics").get("auc").asDouble()).isGreaterThan(0.7);
    assertThat(java.time.Instant.parse(v1.get("created").asText())).isNotNull();

    JsonNode staged = json(transition(home, 1, "staging", "--reason", "first candidate",
        "--json"));
    assertThat(staged.get("from").asText()).isEqualTo("NONE");
    assertThat(staged.get("stage").asText()).isEqualTo("STAGING");
    assertThat(staged.get("gates")).isEmpty();

    JsonNode promoted = json(transition(home, 1, "PRODUCTION", "--by", "ana", "--json"));
    assertThat(promoted.get("stage").asText()).isEqualTo("PRODUCTION");
    assertThat(promoted.get("gates")).hasSize(2);
    promoted.get("gates").forEach(g -> assertThat(g.get("passed").asBoolean()).isTrue());
    assertThat(promoted.get("displaced").isNull()).isTrue();

    Run second = transition(home, 2, "Production", "--reason", "retrained");
    assertThat(second.exit()).as(second.err()).isZero();
    assertThat(second.out()).contains("NONE -> PRODUCTION (v1 PRODUCTION -> ARCHIVED)")
        .contains("PASS notWorseThanProduction(auc, 0.005)")
        .contains("PASS signatureCompatibleWithProduction");
    assertThat(stages(home)).containsExactly("ARCHIVED", "PRODUCTION");

    JsonNode entries = entries(home);
    List<String> actions = new ArrayList<>();
    List<Integer> versions = new ArrayList<>();
    List<Long> seqs = new ArrayList<>();
    entries.forEach(e -> {
      actions.add(e.get("action").asText());
      versions.add(e.get("version").asInt());
      seqs.add(e.get("seq").asLong());
    });
    assertThat(actions).containsExactly("REGISTER", "REGISTER", "TRANSITION", "TRANSITION",
        "TRANSITION");
    assertThat(versions).containsExactly(1, 2, 1, 1, 2);
    assertThat(seqs).containsExactly(1L, 2L, 3L, 4L, 5L);
    JsonNode first = entries.get(2);
    assertThat(fields(first)).contains("time", "version", "action", "from", "to", "user",
        "reason", "gates", "forced");
    assertThat(first.get("reason").asText()).isEqualTo("first candidate");
    assertThat(entries.get(3).get("user").asText()).isEqualTo("ana");
    assertThat(entries.get(3).get("from").asText()).isEqualTo("STAGING");
    assertThat(entries.get(3).get("to").asText()).isEqualTo("PRODUCTION");
    JsonNode last = entries.get(4);
    assertThat(last.get("displaced").get("version").asInt()).isEqualTo(1);
    assertThat(last.get("displaced").get("to").asText()).isEqualTo("ARCHIVED");
    assertThat(last.get("forced").asBoolean()).isFalse();
    assertThat(last.get("gates").get(1).get("values").get("candidate").asDouble()).isPositive();
    for (int i = 1; i < entries.size(); i++) {
      assertThat(entries.get(i).get("time").asText().compareTo(
          entries.get(i - 1).get("time").asText())).isGreaterThanOrEqualTo(0);
    }

    JsonNode alias = json(registry(home, "alias", "--model", "churn", "--version", "1",
        "--alias", "champion", "--json"));
    assertThat(alias.get("version").asInt()).isEqualTo(1);
    assertThat(alias.get("aliases").get("champion").asInt()).isEqualTo(1);
    assertThat(versions(home).get(0).get("aliases").get(0).asText()).isEqualTo("champion");

    JsonNode byStage = json(score(home));
    assertThat(byStage.get("version").asInt()).isEqualTo(2);
    assertThat(byStage.get("stage").asText()).isEqualTo("PRODUCTION");
    assertThat(byStage.get("rows").asInt()).isEqualTo(600);
    JsonNode b = byStage.get("buckets");
    assertThat(b.get("A").asInt() + b.get("B").asInt() + b.get("C").asInt()).isEqualTo(600);
    assertThat(json(score(home, "--alias", "champion")).get("version").asInt()).isEqualTo(1);
    assertThat(json(score(home, "--version", "1")).get("version").asInt()).isEqualTo(1);
    assertThat(json(score(home, "--stage", "archived")).get("version").asInt()).isEqualTo(1);
    assertThat(dir.resolve("scores.csv")).exists();

    JsonNode show = json(registry(home, "show", "--model", "churn", "--version", "1", "--json"));
    assertThat(show.get("stage").asText()).isEqualTo("ARCHIVED");
    assertThat(show.get("aliases").get(0).asText()).isEqualTo("champion");
    assertThat(fields(show)).contains("metrics", "params", "run_id", "data_fingerprint",
        "feature_groups", "attachments", "package", "created", "history");
    assertThat(show.get("attachments").isArray()).isTrue();
    List<String> history = new ArrayList<>();
    show.get("history").forEach(e -> history.add(e.get("action").asText()));
    // v1's history includes being displaced by v2's promotion and getting its alias.
    assertThat(history).containsExactly("REGISTER", "TRANSITION", "TRANSITION", "TRANSITION",
        "ALIAS");

    Run text = registry(home, "history", "--model", "churn");
    assertThat(text.out()).contains("REGISTER").contains("STAGING -> PRODUCTION")
        .contains("alias 'champion'").contains("#5 PASS notWorseThanProduction");
  }

  @Test
  void list_withoutModelListsModelsWithLatestAndProduction() throws Exception {
    Path home = home();
    assertThat(transition(home, 1, "production").exit()).isZero();
    JsonNode list = json(registry(home, "list", "--json"));
    JsonNode m = list.get("models").get(0);
    assertThat(m.get("model").asText()).isEqualTo("churn");
    assertThat(m.get("latest_version").asInt()).isEqualTo(2);
    assertThat(m.get("production_version").asInt()).isEqualTo(1);
    assertThat(m.get("version_count").asInt()).isEqualTo(2);
    Run text = ProfileCommandTest.run("registry", "--home", home.toString(), "list");
    assertThat(text.exit()).as(text.err()).isZero();
    assertThat(text.out()).contains("churn").contains("v2 NONE").contains("v1");
  }

  // ------------------------------------------------------------------ gates

  @Test
  void transition_worseAucIsRejectedWithNumbersAndNothingChanges() throws Exception {
    Path home = home();
    assertThat(transition(home, 1, "production").exit()).isZero();
    train(home, noise);
    JsonNode before = json(registry(home, "list", "--model", "churn", "--json"));

    Run r = transition(home, 3, "production");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("churn registry transition: ")
        .contains("notWorseThanProduction(auc, 0.005)").contains("of production v1")
        .contains("more than the tolerance").contains("registry is unchanged")
        .contains("--force").doesNotContain("signatureCompatibleWithProduction");
    // The state is unchanged; only the rejection was appended to the audit log.
    assertThat(json(registry(home, "list", "--model", "churn", "--json"))).isEqualTo(before);
    assertThat(stages(home)).containsExactly("PRODUCTION", "NONE", "NONE");
    JsonNode last = entries(home).get(entries(home).size() - 1);
    assertThat(last.get("action").asText()).isEqualTo("REJECTED");
    assertThat(last.get("gates").get(1).get("passed").asBoolean()).isFalse();
    assertThat(last.get("gates").get(1).get("values").get("worseBy").asDouble())
        .isGreaterThan(0.005);
  }

  @Test
  void transition_newInputColumnFailsTheSignatureGate() throws Exception {
    Path home = home();
    assertThat(transition(home, 2, "production").exit()).isZero();
    train(home, wider);
    Run r = transition(home, 3, "production");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("signatureCompatibleWithProduction")
        .contains("new columns: [extra (NUMERIC)]");
    assertThat(stages(home)).containsExactly("NONE", "PRODUCTION", "NONE");
  }

  @Test
  void transition_forceSkipsTheGatesAndTheHistorySaysSo() throws Exception {
    Path home = home();
    assertThat(transition(home, 1, "production").exit()).isZero();
    train(home, noise);
    JsonNode forced = json(transition(home, 3, "production", "--force", "--reason", "hotfix",
        "--by", "oncall", "--json"));
    assertThat(forced.get("forced").asBoolean()).isTrue();
    assertThat(forced.get("gates")).isEmpty();
    assertThat(forced.get("skipped_gates")).hasSize(2);
    assertThat(forced.get("displaced").get("version").asInt()).isEqualTo(1);
    assertThat(stages(home)).containsExactly("ARCHIVED", "NONE", "PRODUCTION");

    JsonNode last = entries(home).get(entries(home).size() - 1);
    assertThat(last.get("action").asText()).isEqualTo("TRANSITION");
    assertThat(last.get("forced").asBoolean()).isTrue();
    assertThat(last.get("user").asText()).isEqualTo("oncall");
    assertThat(last.get("reason").asText()).isEqualTo("hotfix");
    assertThat(last.get("skipped_gates").get(0).asText())
        .isEqualTo("signatureCompatibleWithProduction");
    assertThat(registry(home, "history", "--model", "churn").out()).contains("FORCED")
        .contains("SKIPPED notWorseThanProduction(auc, 0.005) (forced)");
  }

  // ------------------------------------------------------------------ aliases

  @Test
  void alias_movesBetweenVersionsAndCanBeRemoved() throws Exception {
    Path home = home();
    assertThat(registry(home, "alias", "--model", "churn", "--version", "1", "--alias",
        "challenger").exit()).isZero();
    JsonNode moved = json(registry(home, "alias", "--model", "churn", "--version", "2",
        "--alias", "challenger", "--json"));
    assertThat(moved.get("previous_version").asInt()).isEqualTo(1);
    assertThat(moved.get("aliases").get("challenger").asInt()).isEqualTo(2);

    Run wrong = registry(home, "alias", "--model", "churn", "--alias", "challenger", "--remove",
        "--version", "1");
    assertThat(wrong.exit()).isEqualTo(1);
    assertThat(wrong.err()).contains("points at v2, not v1");

    JsonNode removed = json(registry(home, "alias", "--model", "churn", "--alias", "challenger",
        "--remove", "--reason", "done", "--json"));
    assertThat(removed.get("removed").asBoolean()).isTrue();
    assertThat(removed.get("aliases")).isEmpty();
    JsonNode last = entries(home).get(entries(home).size() - 1);
    assertThat(last.get("action").asText()).isEqualTo("UNALIAS");
    assertThat(last.get("reason").asText()).isEqualTo("done");

    Run missing = registry(home, "alias", "--model", "churn", "--alias", "challenger");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("--version is missing");
  }

  // ------------------------------------------------------------------ errors

  @Test
  void errors_sayWhatExists() throws Exception {
    Path home = home();
    Run model = registry(home, "list", "--model", "chrun");
    assertThat(model.exit()).isEqualTo(1);
    assertThat(model.err()).startsWith("churn registry list: ").contains("no model 'chrun'")
        .contains("models: [churn]");

    Run version = registry(home, "show", "--model", "churn", "--version", "7");
    assertThat(version.exit()).isEqualTo(1);
    assertThat(version.err()).contains("has no version 7").contains("1..2");

    Run stage = transition(home, 1, "live");
    assertThat(stage.exit()).isEqualTo(2);
    assertThat(stage.err()).contains("'live'").contains("none, staging, production, archived");

    Run again = transition(home, 1, "None");
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.err()).contains("already in NONE");

    Run noRegistry = registry(dir.resolve("empty-home"), "list");
    assertThat(noRegistry.exit()).isEqualTo(1);
    assertThat(noRegistry.err()).contains("check the --home path");
    Files.createDirectories(dir.resolve("empty-home"));
    Run emptyHome = registry(dir.resolve("empty-home"), "history", "--model", "churn");
    assertThat(emptyHome.exit()).isEqualTo(1);
    assertThat(emptyHome.err()).contains("no model registry in").contains("churn train");
    assertThat(dir.resolve("empty-home/registry")).doesNotExist();

    Run noHome = ProfileCommandTest.run("registry", "list");
    assertThat(noHome.exit()).isEqualTo(2);
    assertThat(noHome.err()).contains("--home is missing");
    Run noCommand = ProfileCommandTest.run("registry");
    assertThat(noCommand.exit()).isEqualTo(2);
    assertThat(noCommand.err()).contains("list").contains("transition");
  }

  @Test
  void score_withoutProductionVersionListsTheStages() throws Exception {
    Path home = home();
    Run r = score(home);
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).startsWith("churn score: ").contains("no version in PRODUCTION")
        .contains("v1 NONE, v2 NONE").contains("churn registry transition");
    Run alias = score(home, "--alias", "champion");
    assertThat(alias.exit()).isEqualTo(1);
    assertThat(alias.err()).contains("no alias 'champion'");
    Run both = score(home, "--stage", "none", "--version", "1");
    assertThat(both.exit()).isEqualTo(2);
    Run none = score(home, "--stage", "none");
    assertThat(json(none).get("version").asInt()).isEqualTo(2);
    Run mixed = ProfileCommandTest.run("score", "--package", "x.model", "--home", home.toString(),
        "--model", "churn", "--csv", csv.toString(), "--out", "x.csv");
    assertThat(mixed.exit()).isEqualTo(2);
    assertThat(mixed.err()).contains("either --package FILE or --home DIR --model NAME");
  }
}
