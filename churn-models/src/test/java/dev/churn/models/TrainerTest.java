package dev.churn.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.churn.core.ChurnException;
import dev.churn.core.DataFormatException;
import dev.churn.core.storage.StorageException;
import dev.churn.core.table.Table;
import dev.churn.models.eval.CalibrationMethod;
import dev.churn.models.eval.Fold;
import dev.churn.models.eval.StratifiedKFold;
import dev.churn.models.runs.Run;
import dev.churn.models.runs.RunStatus;
import dev.churn.models.runs.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
  @TempDir Path dir;
  private BufferAllocator allocator;
  private Table table;

  /** 400 customers: churn rises with calls and the "basic" plan; tenure is noise. */
  @BeforeEach
  void setUp() {
    allocator = new RootAllocator();
    SplittableRandom rnd = new SplittableRandom(5);
    int n = 400;
    double[] calls = new double[n];
    double[] tenure = new double[n];
    String[] plan = new String[n];
    String[] churn = new String[n];
    for (int i = 0; i < n; i++) {
      calls[i] = rnd.nextInt(10);
      tenure[i] = i % 17 == 0 ? Double.NaN : rnd.nextDouble() * 60;
      plan[i] = rnd.nextBoolean() ? "basic" : "premium";
      double z = -3 + 0.6 * calls[i] + (plan[i].equals("basic") ? 1 : 0);
      churn[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-z)) ? "yes" : "no";
    }
    table = Table.builder(allocator).id("customer", ids(n)).numeric("calls", calls)
        .numeric("tenure", tenure).categorical("plan", plan).categorical("churn", churn).build();
  }

  private static String[] ids(int n) {
    String[] s = new String[n];
    for (int i = 0; i < n; i++) {
      s[i] = "c" + i;
    }
    return s;
  }

  @AfterEach
  void tearDown() {
    table.close();
    assertThat(allocator.getAllocatedMemory()).isZero();
    allocator.close();
  }

  private Trainer trainer() {
    return Trainer.on(table).label("churn", "yes").backendsFrom(Backends.of(new TestBackend()))
        .noCalibration().progress(line -> { });
  }

  @Test
  void compare_crossValidatesWithSameFolds() {
    Leaderboard lb = trainer().search(2).compare();
    assertThat(lb.rows()).isEqualTo(400);
    assertThat(lb.entries()).hasSize(3);
    assertThat(lb.best().auc()).isGreaterThan(0.75);
    assertThat(lb.best().foldAuc()).hasSize(5);
    assertThat(lb.best().outOfFold()).hasSize(400);
    assertThat(lb.entries().get(0).auc()).isGreaterThanOrEqualTo(lb.entries().get(2).auc());
  }

  @Test
  void fit_refitsAndScoresWithReasons() {
    Trainer.Result r = trainer().fit();
    ChurnModel m = r.model();
    assertThat(m.signature()).extracting(ChurnModel.Input::name)
        .containsExactly("calls", "tenure", "plan"); // id and label excluded
    double[] p = m.predict(table);
    assertThat(p).hasSize(400);
    double one = m.predictOne(Map.of("calls", 9, "plan", "basic"));
    assertThat(one).isGreaterThan(m.predictOne(Map.of("calls", 0, "plan", "premium")));
    List<List<Reason>> why = m.explain(table, 2);
    int risky = 0;
    for (int i = 0; i < 400; i++) {
      if (table.numeric("calls").get(i) == 9 && table.categorical("plan").get(i).orElseThrow()
          .equals("basic")) {
        risky = i;
        break;
      }
    }
    assertThat(why.get(risky)).isNotEmpty();
    assertThat(why.get(risky).get(0).feature()).isIn("calls", "plan");
    assertThat(m.metrics()).containsKeys("auc", "pr_auc", "logloss", "f1");
    assertThat(m.provenance().parameters()).containsEntry("backend", "test-logistic");
  }

  @Test
  void package_roundTripsAndVerifiesChecksum() throws Exception {
    ChurnModel m = trainer().fit().model();
    Path file = dir.resolve("churn.model");
    String sha = m.save(file);
    assertThat(Files.readString(dir.resolve("churn.model.sha256"))).startsWith(sha);
    ChurnModel back = ChurnModel.load(file, Backends.of(new TestBackend()));
    assertThat(back.predict(table)).containsExactly(m.predict(table));
    assertThat(back.signature()).isEqualTo(m.signature());
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 1;
    Files.write(file, bytes);
    assertThatThrownBy(() -> ChurnModel.load(file, Backends.of(new TestBackend())))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("does not match its checksum");
  }

  @Test
  void predict_checksTheSignature() {
    ChurnModel m = trainer().fit().model();
    try (Table noPlan = table.drop("plan")) {
      assertThatThrownBy(() -> m.predict(noPlan))
          .isInstanceOf(DataFormatException.class)
          .hasMessageContaining("column 'plan'");
    }
    try (Table wrong = Table.builder(allocator).numeric("calls", new double[] {1})
        .categorical("tenure", new String[] {"x"}).categorical("plan", new String[] {"basic"})
        .build()) {
      assertThatThrownBy(() -> m.predict(wrong))
          .hasMessageContaining("column 'tenure': expected NUMERIC but it is CATEGORICAL");
    }
  }

  @Test
  void setup_errorsSayWhatToFix() {
    assertThatThrownBy(() -> Trainer.on(table).label("nope", "yes"))
        .hasMessageContaining("label column 'nope' is not in the table");
    assertThatThrownBy(() -> trainer().label("churn", "YES").compare())
        .isInstanceOf(ChurnException.class)
        .hasMessageContaining("has 0 rows equal to 'YES'");
    assertThatThrownBy(() -> trainer().backends("nope").compare())
        .hasMessageContaining("no model backend 'nope'; available: [test-logistic]");
    assertThatThrownBy(() -> trainer().folds(1)).hasMessageContaining("folds was 1");
  }

  @Test
  void fit_calibratesOnOutOfFoldPredictionsAndSavesTheCalibrator() throws Exception {
    Trainer.Result r = trainer().calibration(CalibrationMethod.ISOTONIC).fit();
    assertThat(r.calibration()).isPresent();
    assertThat(r.model().calibration()).isPresent();
    assertThat(r.model().metrics()).containsKeys("ece_before", "ece_after");
    double[] p = r.model().predict(table);
    for (double v : p) {
      assertThat(v).isBetween(0.0, 1.0);
    }
    Path file = dir.resolve("calibrated.model");
    r.model().save(file);
    ChurnModel back = ChurnModel.load(file, Backends.of(new TestBackend()));
    assertThat(back.predict(table)).containsExactly(p);
    assertThat(back.calibration().orElseThrow().method()).isEqualTo("isotonic");
  }

  @Test
  void runs_recordEveryCompareAndFit() {
    RunStore store = RunStore.open(dir.resolve("home"));
    Trainer t = trainer().runs(store);
    t.compare();
    String compareRun = t.lastRunId().orElseThrow();
    t.fit();
    String fitRun = t.lastRunId().orElseThrow();
    assertThat(store.list()).extracting(Run::id).containsExactly(fitRun, compareRun);
    Run fit = store.get(fitRun).orElseThrow();
    assertThat(fit.kind()).isEqualTo("fit");
    assertThat(fit.status()).isEqualTo(RunStatus.FINISHED);
    assertThat(fit.metrics()).containsKeys("auc", "model_auc");
    assertThat(fit.foldMetrics()).hasSize(5);
    assertThat(fit.parameters()).containsEntry("label", "churn").containsKey("model.steps");
    byte[] pkg = store.readArtifact(fitRun, "model.churn");
    ChurnModel back = ChurnModel.fromBytes(pkg, "run", Backends.of(new TestBackend()));
    assertThat(back.backend()).isEqualTo("test-logistic");
    assertThat(new String(store.readArtifact(compareRun, "leaderboard.csv"))).startsWith("backend,");
  }

  @Test
  void importance_ranksTheDrivingFeatureFirst() {
    ChurnModel m = trainer().fit().model();
    var report = m.importance(table, 3, 1);
    assertThat(report.sortedByMean().get(0).name()).isEqualTo("calls");
    assertThat(report.get("tenure").orElseThrow().mean())
        .isLessThan(report.get("calls").orElseThrow().mean());
  }

  @Test
  void targetRecall_choosesAThresholdReachingIt() {
    ChurnModel m = trainer().targetRecall(0.9).fit().model();
    ChurnModel f1 = trainer().fit().model();
    assertThat(m.threshold()).isLessThanOrEqualTo(f1.threshold());
  }

  @Test
  void classWeights_balancedRaisesPositiveScores() {
    double plain = mean(trainer().fit().model().predict(table));
    double balanced = mean(trainer().classWeights(Trainer.ClassWeights.BALANCED).fit().model()
        .predict(table));
    assertThat(balanced).isGreaterThan(plain);
    assertThat(plain).isCloseTo(0.4, within(0.3));
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  @Test
  void validation_givenFoldsGiveTheSameScoresAsTheDefaultFolds() {
    boolean[] y = Trainer.labels(table, "churn", "yes", "t");
    List<Fold> folds = new StratifiedKFold(5, true, 42).split(y);
    Leaderboard byDefault = trainer().compare();
    Leaderboard given = trainer().validation(folds).compare();
    assertThat(given.best().foldAuc()).containsExactly(byDefault.best().foldAuc());
    assertThat(given.best().prAuc()).isEqualTo(byDefault.best().prAuc());
  }

  @Test
  void timeSplit_trainsOnEarlierMonthsAndValidatesOnLaterOnes() {
    LocalDate[] asof = new LocalDate[400];
    for (int i = 0; i < 400; i++) {
      asof[i] = LocalDate.of(2017, 1 + i / 100, 1); // four monthly snapshots of 100 rows
    }
    try (Table dates = Table.builder(allocator).date("asof", asof).build();
        Table dated = table.concatColumns(dates)) {
      Trainer t = Trainer.on(dated).label("churn", "yes")
          .backendsFrom(Backends.of(new TestBackend())).progress(line -> { })
          .timeSplit("asof", 2);
      Leaderboard lb = t.compare();
      assertThat(lb.folds()).isEqualTo(2);
      double[] oof = lb.best().outOfFold();
      for (int i = 0; i < 400; i++) {
        assertThat(Double.isNaN(oof[i])).as("row %d", i).isEqualTo(i < 200);
      }
      assertThat(lb.best().auc()).isGreaterThan(0.7);
      Trainer.Result r = t.fit(); // isotonic calibration cross-fitted over the two months
      assertThat(r.model().metrics().get("logloss")).isFinite();
      assertThat(r.calibration()).isPresent();
      assertThat(r.model().provenance().parameters())
          .containsEntry("validation", "time split on asof, last 2 periods");
    }
  }

  @Test
  void validation_singleHoldoutStillCalibratesOnUnseenRows() {
    int[] train = java.util.stream.IntStream.range(0, 300).toArray();
    int[] test = java.util.stream.IntStream.range(300, 400).toArray();
    Trainer.Result r = Trainer.on(table).label("churn", "yes")
        .backendsFrom(Backends.of(new TestBackend())).progress(line -> { })
        .validation(List.of(new Fold(0, train, test, "holdout"))).fit();
    assertThat(r.leaderboard().best().foldAuc()).hasSize(1);
    assertThat(r.calibration()).isPresent();
    assertThat(r.model().metrics().get("f1")).isBetween(0.0, 1.0);
  }

  @Test
  void validation_badFoldsAndColumnsAreClearErrors() {
    int[] a = {0, 1, 2};
    assertThatThrownBy(() -> trainer().validation(List.of(new Fold(0, new int[] {5}, a, "x"),
        new Fold(1, new int[] {6}, new int[] {2, 3}, "y"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 2");
    assertThatThrownBy(() -> trainer().validation(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> trainer().timeSplit("calls", 2).compare())
        .isInstanceOf(ChurnException.class).hasMessageContaining("DATE column 'calls'");
    assertThatThrownBy(() -> trainer().validation(List.of(new Fold(0, new int[] {0}, new int[] {1},
        "tiny"))).compare())
        .isInstanceOf(ChurnException.class).hasMessageContaining("one class");
  }
}
