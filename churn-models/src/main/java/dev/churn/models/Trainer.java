package dev.churn.models;

import dev.churn.core.ChurnException;
import dev.churn.core.DataFormatException;
import dev.churn.core.metrics.BinaryMetrics;
import dev.churn.core.provenance.Provenance;
import dev.churn.core.table.BooleanColumn;
import dev.churn.core.table.CategoricalColumn;
import dev.churn.core.table.Column;
import dev.churn.core.table.ColumnRole;
import dev.churn.core.table.ColumnSpec;
import dev.churn.core.table.ColumnType;
import dev.churn.core.table.DateColumn;
import dev.churn.core.table.NumericColumn;
import dev.churn.core.table.Table;
import dev.churn.core.table.TableFingerprint;
import dev.churn.models.eval.CalibrationMethod;
import dev.churn.models.eval.CalibrationReport;
import dev.churn.models.eval.CalibrationResult;
import dev.churn.models.eval.Calibrator;
import dev.churn.models.eval.Fold;
import dev.churn.models.eval.StratifiedKFold;
import dev.churn.models.eval.TimeSplit;
import dev.churn.models.eval.Thresholds;
import dev.churn.models.runs.ActiveRun;
import dev.churn.models.runs.RunStore;
import dev.churn.models.spi.FeatureMatrix;
import dev.churn.models.spi.FittedModel;
import dev.churn.models.spi.ModelBackend;
import dev.churn.models.spi.ParamSpec;
import dev.churn.models.spi.Params;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains churn models: compares backends under the same cross-validation folds, searches their
 * parameters within a budget, calibrates probabilities on out-of-fold predictions, chooses the
 * decision threshold there, and refits the best candidate on all rows.
 *
 * <pre>{@code
 * Trainer.Result r = Trainer.on(customers)
 *     .label("churn", "yes")
 *     .backends("xgboost", "logistic", "forest")
 *     .folds(5).seed(42)
 *     .search(4)                       // 4 random parameter draws per backend, besides defaults
 *     .calibration(CalibrationMethod.ISOTONIC)
 *     .fit();
 * r.leaderboard().entries().forEach(System.out::println);
 * ChurnModel model = r.model();
 * }</pre>
 *
 * <p>Features default to every column except ids, dates and columns with role ENTITY, TIMESTAMP
 * or LABEL. Preprocessing (see {@link Preprocessor}) is learned on each training fold only.
 * Setters check their argument at once; {@link #compare()} and {@link #fit()} check the
 * combination.
 */
public final class Trainer {
  private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

  /** How classes are weighted when fitting. */
  public enum ClassWeights {
    /** Every row weighs 1. */
    NONE,
    /** Each class weighs half of the total: rare churners count as much as the rest. */
    BALANCED
  }

  private final Table table;
  private String label;
  private String positive;
  private List<String> features;
  private List<String> backendIds;
  private final Map<String, Map<String, Object>> params = new LinkedHashMap<>();
  private long seed = 42;
  private int folds = 5;
  private List<Fold> explicitFolds;
  private String timeColumn;
  private int timePeriods;
  private int search;
  private CalibrationMethod calibration = CalibrationMethod.ISOTONIC;
  private double targetRecall = Double.NaN;
  private ClassWeights weights = ClassWeights.NONE;
  private int threads = Runtime.getRuntime().availableProcessors();
  private Backends backends;
  private Clock clock = Clock.systemUTC();
  private Consumer<String> progress = line -> LOG.info("{}", line);
  private RunStore runs;
  private String lastRun;

  private Trainer(Table table) {
    this.table = table;
  }

  /**
   * Starts a trainer on a table; the table must stay open while the trainer runs.
   *
   * @param table the training rows, with the label column
   */
  public static Trainer on(Table table) {
    return new Trainer(Objects.requireNonNull(table, "table"));
  }

  /**
   * Sets the label column and the value that means churn (for a BOOLEAN label, {@code "true"};
   * for a numeric one, e.g. {@code "1"}).
   */
  public Trainer label(String column, String positiveValue) {
    if (!table.schema().contains(Objects.requireNonNull(column, "column"))) {
      throw new IllegalArgumentException("label column '" + column + "' is not in the table;"
          + " columns are " + table.schema().names());
    }
    this.label = column;
    this.positive = Objects.requireNonNull(positiveValue, "positiveValue");
    return this;
  }

  /** Sets the input columns (default: every eligible column). */
  public Trainer features(List<String> columns) {
    for (String c : columns) {
      if (!table.schema().contains(c)) {
        throw new IllegalArgumentException("feature column '" + c + "' is not in the table");
      }
    }
    this.features = List.copyOf(columns);
    return this;
  }

  /** Sets the backends to compare, by id (default: all discovered). */
  public Trainer backends(String... ids) {
    if (ids.length == 0) {
      throw new IllegalArgumentException("backends(...) needs at least one id");
    }
    this.backendIds = List.of(ids);
    return this;
  }

  /** Sets parameters of one backend (others keep their defaults). */
  public Trainer params(String backend, Map<String, ?> values) {
    params.put(Objects.requireNonNull(backend, "backend"), new LinkedHashMap<>(values));
    return this;
  }

  /** Sets the seed of folds, searches and backends (default 42). */
  public Trainer seed(long seed) {
    this.seed = seed;
    return this;
  }

  /** Sets stratified k-fold cross-validation (default 5). */
  public Trainer folds(int k) {
    if (k < 2 || k > 100) {
      throw new IllegalArgumentException("folds was " + k + " but it must be in [2, 100]");
    }
    this.folds = k;
    this.explicitFolds = null;
    this.timeColumn = null;
    return this;
  }

  /**
   * Validates on the given folds instead of stratified k-fold: for example folds from {@link
   * dev.churn.models.eval.TimeSplit}, or the exact folds of another tool to compare with it. The
   * test rows of different folds must not overlap; rows in no test fold are used for training
   * only, and every metric (AUC per fold, PR AUC, log loss, F1, calibration) is measured on the
   * validated rows alone.
   *
   * <pre>{@code
   * List<Fold> backtest = TimeSplit.ofPeriods(snapshotPerRow).expanding(3);
   * Leaderboard lb = Trainer.on(table).label("is_churn", "1").validation(backtest).compare();
   * }</pre>
   *
   * @param folds the folds, at least one
   * @return this trainer
   * @throws IllegalArgumentException if the list is empty or test rows overlap
   */
  public Trainer validation(List<Fold> folds) {
    Objects.requireNonNull(folds, "folds");
    if (folds.isEmpty()) {
      throw new IllegalArgumentException("folds was empty but it must hold at least one fold");
    }
    java.util.BitSet seen = new java.util.BitSet();
    for (Fold f : folds) {
      Objects.requireNonNull(f, "fold");
      for (int r : f.test()) {
        if (seen.get(r)) {
          throw new IllegalArgumentException("row " + r + " is a test row of more than one fold"
              + " (again in " + f.description() + "); test rows must not overlap");
        }
        seen.set(r);
      }
    }
    this.explicitFolds = List.copyOf(folds);
    this.timeColumn = null;
    return this;
  }

  /**
   * Validates in time instead of at random: for each of the last {@code periods} distinct values
   * of a date column, train on the rows before it and validate on its rows (an expanding-window
   * backtest, as the model is used in production). With monthly snapshots dated on the first of
   * the month, {@code timeSplit("asof", 3)} backtests the last three months.
   *
   * <p>The column should not be a feature: date columns are not by default.
   *
   * @param dateColumn a DATE column of the training table
   * @param periods how many of the last periods to validate on, at least 1
   * @return this trainer
   * @see dev.churn.models.eval.TimeSplit#expanding(int)
   */
  public Trainer timeSplit(String dateColumn, int periods) {
    Objects.requireNonNull(dateColumn, "dateColumn");
    if (periods < 1 || periods > 100) {
      throw new IllegalArgumentException("periods was " + periods + " but it must be in [1, 100]");
    }
    this.timeColumn = dateColumn;
    this.timePeriods = periods;
    this.explicitFolds = null;
    return this;
  }

  /** Sets how many random parameter draws each backend gets besides its defaults (default 0). */
  public Trainer search(int candidates) {
    if (candidates < 0 || candidates > 1000) {
      throw new IllegalArgumentException(
          "search was " + candidates + " but it must be in [0, 1000]");
    }
    this.search = candidates;
    return this;
  }

  /** Sets the calibration fitted on out-of-fold predictions (default isotonic). */
  public Trainer calibration(CalibrationMethod method) {
    this.calibration = Objects.requireNonNull(method, "method");
    return this;
  }

  /** Uses the backend's probabilities as they are, without calibration. */
  public Trainer noCalibration() {
    this.calibration = null;
    return this;
  }

  /**
   * Chooses the decision threshold reaching this recall on out-of-fold data instead of the
   * default, the threshold that maximises F1.
   */
  public Trainer targetRecall(double recall) {
    if (!(recall > 0 && recall <= 1)) {
      throw new IllegalArgumentException("targetRecall was " + recall + " but it must be in (0, 1]");
    }
    this.targetRecall = recall;
    return this;
  }

  /** Sets class weighting (default none). */
  public Trainer classWeights(ClassWeights weights) {
    this.weights = Objects.requireNonNull(weights, "weights");
    return this;
  }

  /** Sets the threads backends may use (default: the available processors). */
  public Trainer threads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads was " + threads + " but it must be >= 1");
    }
    this.threads = threads;
    return this;
  }

  /** Uses these backends instead of the discovered ones. */
  public Trainer backendsFrom(Backends backends) {
    this.backends = Objects.requireNonNull(backends, "backends");
    return this;
  }

  /** Sets the clock for provenance timestamps. */
  public Trainer clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Records every comparison and fit as an experiment run in this store: parameters, metrics
   * per fold and overall, the leaderboard, the model package and provenance.
   */
  public Trainer runs(RunStore store) {
    this.runs = Objects.requireNonNull(store, "store");
    return this;
  }

  /** Receives a line per fitted fold and candidate (default: logged at INFO). */
  public Trainer progress(Consumer<String> progress) {
    this.progress = Objects.requireNonNull(progress, "progress");
    return this;
  }

  /**
   * The outcome of {@link #fit()}.
   *
   * @param leaderboard every candidate's cross-validated scores
   * @param model the best candidate refit on all rows, calibrated
   * @param calibration calibration error before and after, measured on out-of-fold predictions
   *     with calibrators cross-fitted on the same folds (empty without calibration)
   */
  public record Result(Leaderboard leaderboard, ChurnModel model,
      Optional<CalibrationReport> calibration) {}

  /** Everything a run needs, checked once. */
  private record Setup(boolean[] y, List<String> features, List<ModelBackend> backends,
      List<Fold> folds) {}

  private Setup setup() {
    if (label == null) {
      throw new IllegalStateException("set the label first: label(column, positiveValue)");
    }
    boolean[] y = labels();
    int pos = 0;
    for (boolean b : y) {
      pos += b ? 1 : 0;
    }
    int neg = y.length - pos;
    if (explicitFolds == null && timeColumn == null && Math.min(pos, neg) < folds) {
      throw new ChurnException("the label '" + label + "' has " + pos + " rows equal to '"
          + positive + "' and " + neg + " others; " + folds + "-fold cross-validation needs at"
          + " least " + folds + " of each (check the positive value)");
    }
    List<String> f = features != null ? features : defaultFeatures();
    if (f.isEmpty()) {
      throw new ChurnException("no feature columns: every column is an id, a date, the label or"
          + " has role ENTITY/TIMESTAMP; pass features(...)");
    }
    Backends all = backends != null ? backends : Backends.discover();
    List<ModelBackend> chosen = new ArrayList<>();
    for (String id : backendIds != null ? backendIds : all.ids()) {
      chosen.add(all.get(id));
    }
    List<Fold> split = validationFolds(y);
    if (timeColumn != null && f.contains(timeColumn)) {
      throw new ChurnException("the time-split column '" + timeColumn + "' is also a feature;"
          + " leave it out of features(...)");
    }
    return new Setup(y, f, chosen, split);
  }

  private List<Fold> validationFolds(boolean[] y) {
    List<Fold> split;
    if (explicitFolds != null) {
      split = explicitFolds;
    } else if (timeColumn != null) {
      if (!table.schema().contains(timeColumn)
          || table.schema().column(timeColumn).type() != ColumnType.DATE) {
        throw new ChurnException("timeSplit needs a DATE column '" + timeColumn + "'; the columns"
            + " are " + table.schema().names());
      }
      split = TimeSplit.ofEpochDays(((DateColumn) table.column(timeColumn)).toEpochDays())
          .expanding(timePeriods);
    } else {
      return new StratifiedKFold(folds, true, seed).split(y);
    }
    for (Fold f : split) {
      int[] train = f.train();
      int[] test = f.test();
      if (train.length == 0 || test.length == 0
          || Math.max(train[train.length - 1], test[test.length - 1]) >= y.length) {
        throw new ChurnException(f.description() + " must have training and test rows within the "
            + y.length + " rows of the table");
      }
      boolean[] yt = select(y, train);
      if (!hasBoth(yt)) {
        throw new ChurnException(f.description() + " trains on rows of one class only; a model"
            + " needs churners and non-churners in every training fold");
      }
    }
    return split;
  }

  private static boolean hasBoth(boolean[] y) {
    boolean p = false;
    boolean n = false;
    for (boolean v : y) {
      p |= v;
      n |= !v;
    }
    return p && n;
  }

  private boolean[] labels() {
    return labels(table, label, positive, "training table");
  }

  /**
   * Returns, per row, whether the label column equals the positive value (numbers compared as
   * numbers, booleans as booleans, anything else as text).
   *
   * @throws DataFormatException when a row has no label
   */
  static boolean[] labels(Table table, String label, String positive, String source) {
    Column c = table.column(label);
    boolean[] y = new boolean[table.rowCount()];
    for (int r = 0; r < y.length; r++) {
      if (c.isMissing(r)) {
        throw new DataFormatException(source, -1, label, "a label on every row",
            "row " + r + " has none");
      }
      if (c instanceof NumericColumn n) {
        y[r] = n.get(r) == Double.parseDouble(positive);
      } else if (c instanceof BooleanColumn b) {
        y[r] = b.get(r) == Boolean.parseBoolean(positive);
      } else {
        y[r] = c.format(r).equals(positive);
      }
    }
    return y;
  }

  private List<String> defaultFeatures() {
    List<String> out = new ArrayList<>();
    for (ColumnSpec c : table.schema().columns()) {
      boolean excluded = c.name().equals(label) || c.type() == ColumnType.ID
          || c.type() == ColumnType.DATE || c.role() == ColumnRole.ENTITY
          || c.role() == ColumnRole.TIMESTAMP || c.role() == ColumnRole.LABEL;
      if (!excluded) {
        out.add(c.name());
      }
    }
    return out;
  }

  /**
   * Scores every candidate under the same folds.
   *
   * @return the leaderboard, best first
   */
  public Leaderboard compare() {
    Setup s = setup();
    if (runs == null) {
      return compare(s);
    }
    try (ActiveRun run = runs.start("compare", label)) {
      Leaderboard lb = compare(s);
      record(run, s, lb);
      run.finish();
      return lb;
    }
  }

  /** Returns the id of the run the last compare/fit recorded, if runs are recorded. */
  public Optional<String> lastRunId() {
    return Optional.ofNullable(lastRun);
  }

  private void record(ActiveRun run, Setup s, Leaderboard lb) {
    lastRun = run.id();
    run.logParam("label", label).logParam("positive", positive)
        .logParam("validation", validationName(s))
        .logParam("seed", seed).logParam("search", search)
        .logParam("features", String.join(",", s.features()))
        .logParam("backends", String.join(",",
            s.backends().stream().map(ModelBackend::id).toList()));
    Leaderboard.Entry best = lb.best();
    for (int f = 0; f < best.foldAuc().length; f++) {
      run.logFoldMetrics(Map.of("auc", best.foldAuc()[f]));
    }
    run.logMetric("auc", best.auc()).logMetric("auc_sd", best.aucSd())
        .logMetric("pr_auc", best.prAuc()).logMetric("logloss", best.logLoss())
        .logMetric("brier", best.brier()).logMetric("f1", best.f1());
    run.setTag("best_backend", best.backend());
    StringBuilder csv = new StringBuilder("backend,params,auc,auc_sd,pr_auc,logloss,brier,f1,"
        + "train_seconds\n");
    for (Leaderboard.Entry e : lb.entries()) {
      csv.append(e.backend()).append(",\"").append(e.params()).append("\",").append(e.auc())
          .append(',').append(e.aucSd()).append(',').append(e.prAuc()).append(',')
          .append(e.logLoss()).append(',').append(e.brier()).append(',').append(e.f1())
          .append(',').append(e.trainSeconds()).append('\n');
    }
    run.logArtifact("leaderboard.csv", csv.toString());
  }

  private Leaderboard compare(Setup s) {
    List<Leaderboard.Entry> entries = new ArrayList<>();
    SplittableRandom rnd = new SplittableRandom(seed * 31 + 7);
    for (ModelBackend b : s.backends()) {
      List<Params> candidates = new ArrayList<>();
      candidates.add(Params.of(b.parameters(), params.getOrDefault(b.id(), Map.of())));
      for (int i = 0; i < search; i++) {
        candidates.add(draw(b, rnd));
      }
      for (Params p : candidates) {
        entries.add(crossValidate(s, b, p));
      }
    }
    int pos = 0;
    for (boolean v : s.y()) {
      pos += v ? 1 : 0;
    }
    return new Leaderboard(s.y().length, pos, s.folds().size(), entries);
  }

  private Params draw(ModelBackend b, SplittableRandom rnd) {
    Map<String, Object> v = new LinkedHashMap<>(params.getOrDefault(b.id(), Map.of()));
    for (ParamSpec p : b.parameters()) {
      if (v.containsKey(p.name())) {
        continue; // fixed by the user
      }
      switch (p.type()) {
        case DOUBLE -> v.put(p.name(), p.logScale() && p.min() > 0
            ? Math.exp(Math.log(p.min()) + rnd.nextDouble() * (Math.log(p.max())
                - Math.log(p.min())))
            : p.min() + rnd.nextDouble() * (p.max() - p.min()));
        case INT -> v.put(p.name(), (int) p.min() + rnd.nextInt((int) (p.max() - p.min()) + 1));
        case CHOICE -> v.put(p.name(), p.choices().get(rnd.nextInt(p.choices().size())));
      }
    }
    return Params.of(b.parameters(), v);
  }

  private Leaderboard.Entry crossValidate(Setup s, ModelBackend b, Params p) {
    boolean[] y = s.y();
    double[] oof = new double[y.length];
    Arrays.fill(oof, Double.NaN);
    int k = s.folds().size();
    double[] foldAuc = new double[k];
    double seconds = 0;
    Preprocessor.Options opts = Preprocessor.Options.forBackend(
        b.capabilities().handlesMissing(), b.capabilities().wantsStandardizedInputs());
    for (int f = 0; f < k; f++) {
      int[] test = s.folds().get(f).test();
      int[] train = s.folds().get(f).train();
      boolean[] yTrain = select(y, train);
      long t0 = System.nanoTime();
      Preprocessor.Fitted prep = Preprocessor.fit(table, train, s.features(), yTrain, opts,
          seed + f);
      FittedModel m = b.fit(new ModelBackend.TrainingData(prep.train(), yTrain,
          weights(yTrain), seed + f, threads), p);
      seconds += (System.nanoTime() - t0) / 1e9;
      double[] pt = m.predict(prep.preprocessor().transform(table, test));
      for (int i = 0; i < test.length; i++) {
        oof[test[i]] = pt[i];
      }
      boolean[] yTest = select(y, test);
      foldAuc[f] = hasBoth(yTest) ? BinaryMetrics.rocAuc(pt, yTest) : Double.NaN;
    }
    double mean = Arrays.stream(foldAuc).filter(Double::isFinite).average().orElse(Double.NaN);
    double ss = 0;
    int finite = 0;
    for (double a : foldAuc) {
      if (Double.isFinite(a)) {
        ss += (a - mean) * (a - mean);
        finite++;
      }
    }
    double sd = finite > 1 ? Math.sqrt(ss / (finite - 1)) : Double.NaN;
    int[] rows = validated(s);
    double[] vp = select(oof, rows);
    boolean[] vy = select(y, rows);
    Leaderboard.Entry e = new Leaderboard.Entry(b.id(), p, mean, sd, foldAuc,
        BinaryMetrics.averagePrecision(vp, vy), BinaryMetrics.logLoss(clip(vp), vy),
        BinaryMetrics.brier(clip(vp), vy), BinaryMetrics.bestF1Threshold(vp, vy).f1(), seconds,
        oof);
    progress.accept(String.format(java.util.Locale.ROOT,
        "%s %s: AUC %.4f ± %.4f, %.1f s", b.id(), p, mean, sd, seconds));
    return e;
  }

  private static double[] clip(double[] p) {
    double[] out = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      out[i] = Math.min(1, Math.max(0, p[i]));
    }
    return out;
  }

  private double[] weights(boolean[] y) {
    double[] w = new double[y.length];
    if (weights == ClassWeights.NONE) {
      Arrays.fill(w, 1);
      return w;
    }
    int pos = 0;
    for (boolean v : y) {
      pos += v ? 1 : 0;
    }
    double wp = y.length / (2.0 * pos);
    double wn = y.length / (2.0 * (y.length - pos));
    for (int i = 0; i < y.length; i++) {
      w[i] = y[i] ? wp : wn;
    }
    return w;
  }

  private String validationName(Setup s) {
    if (timeColumn != null) {
      return "time split on " + timeColumn + ", last " + timePeriods + " periods";
    }
    if (explicitFolds != null) {
      return s.folds().size() + " given folds";
    }
    return folds + "-fold stratified";
  }

  /** Returns the rows some fold validates on, increasing. */
  private static int[] validated(Setup s) {
    java.util.BitSet seen = new java.util.BitSet();
    for (Fold f : s.folds()) {
      for (int r : f.test()) {
        seen.set(r);
      }
    }
    return seen.stream().toArray();
  }

  private static double[] select(double[] v, int[] rows) {
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = v[rows[i]];
    }
    return out;
  }

  /**
   * Returns folds over positions {@code 0..rows.length-1} for cross-fitting a calibrator on the
   * validated rows: each fold's test rows against the other folds' test rows; a single fold is
   * split into stratified parts so the calibrator is still judged on rows it was not fit on.
   */
  private List<Fold> calibrationFolds(Setup s, int[] rows, boolean[] vy) {
    if (s.folds().size() == 1) {
      return new StratifiedKFold(Math.min(5, Math.max(2, minClass(vy))), true, seed).split(vy);
    }
    int[] position = new int[table.rowCount()];
    for (int i = 0; i < rows.length; i++) {
      position[rows[i]] = i;
    }
    List<Fold> out = new ArrayList<>();
    for (Fold f : s.folds()) {
      int[] test = f.test();
      int[] t = new int[test.length];
      for (int i = 0; i < test.length; i++) {
        t[i] = position[test[i]];
      }
      java.util.BitSet inTest = new java.util.BitSet();
      for (int v : t) {
        inTest.set(v);
      }
      int[] train = java.util.stream.IntStream.range(0, rows.length).filter(i -> !inTest.get(i))
          .toArray();
      out.add(new Fold(f.index(), train, t, f.description()));
    }
    return out;
  }

  private static int minClass(boolean[] y) {
    int pos = 0;
    for (boolean v : y) {
      pos += v ? 1 : 0;
    }
    return Math.min(pos, y.length - pos);
  }

  private static boolean[] select(boolean[] y, int[] rows) {
    boolean[] out = new boolean[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = y[rows[i]];
    }
    return out;
  }

  /**
   * Compares the candidates, then refits the best on all rows, calibrated on its out-of-fold
   * predictions, with the decision threshold chosen there.
   *
   * @return the leaderboard and the model
   */
  public Result fit() {
    Setup s = setup();
    if (runs == null) {
      return fit(s, null);
    }
    try (ActiveRun run = runs.start("fit", label)) {
      Result r = fit(s, run);
      run.finish();
      return r;
    }
  }

  private Result fit(Setup s, ActiveRun run) {
    Leaderboard lb = compare(s);
    Leaderboard.Entry best = lb.best();
    ModelBackend b = s.backends().stream().filter(x -> x.id().equals(best.backend()))
        .findFirst().orElseThrow();
    boolean[] y = s.y();
    int[] rows = validated(s);
    boolean[] vy = select(y, rows);
    double[] oof = clip(select(best.outOfFold(), rows));
    Optional<Calibrator> cal = Optional.empty();
    Optional<CalibrationReport> report = Optional.empty();
    double[] calibrated = oof;
    if (calibration != null) {
      CalibrationResult cr = calibration.fitAndEvaluate(oof, vy, calibrationFolds(s, rows, vy));
      cal = Optional.of(cr.calibrator());
      report = Optional.of(cr.report());
      calibrated = cr.calibrator().apply(oof);
    }
    double threshold = Double.isNaN(targetRecall)
        ? Thresholds.maxF1(calibrated, vy).threshold()
        : Thresholds.forRecall(calibrated, vy, targetRecall).threshold();

    Preprocessor.Options opts = Preprocessor.Options.forBackend(
        b.capabilities().handlesMissing(), b.capabilities().wantsStandardizedInputs());
    progress.accept("refitting " + b.id() + " " + best.params() + " on all "
        + y.length + " rows");
    Preprocessor.Fitted prep = Preprocessor.fit(table, null, s.features(), y, opts, seed);
    FittedModel m = b.fit(new ModelBackend.TrainingData(prep.train(), y, weights(y), seed,
        threads), best.params());
    double[] baseline = columnMeans(prep.train());
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("auc", best.auc());
    metrics.put("auc_sd", best.aucSd());
    metrics.put("pr_auc", best.prAuc());
    metrics.put("logloss", BinaryMetrics.logLoss(clip(calibrated), vy));
    metrics.put("brier", BinaryMetrics.brier(clip(calibrated), vy));
    metrics.put("f1", BinaryMetrics.confusion(calibrated, vy, threshold).f1());
    report.ifPresent(r -> {
      metrics.put("ece_before", r.eceBefore());
      metrics.put("ece_after", r.eceAfter());
    });
    Provenance.Builder pb = Provenance.builder("Trainer.fit")
        .parameter("backend", b.id())
        .parameter("label", label)
        .parameter("positive", positive)
        .parameter("validation", validationName(s))
        .parameter("search", search)
        .parameter("calibration", calibration == null ? "NONE" : calibration.name())
        .parameter("rows", y.length)
        .parameter("features", String.join(",", s.features()))
        .input("training-table", TableFingerprint.of(table), (long) table.rowCount())
        .seed(seed)
        .clock(clock);
    best.params().asMap().forEach((k, v) -> pb.parameter("param." + k, String.valueOf(v)));
    ChurnModel model = new ChurnModel(label, positive, ChurnModel.signatureOf(table, s.features()),
        prep.preprocessor(), b, best.params(), m, cal, baseline, threshold, metrics, pb.build());
    if (run != null) {
      record(run, s, lb);
      metrics.forEach((k, v) -> {
        if (Double.isFinite(v)) {
          run.logMetric("model_" + k, v);
        }
      });
      best.params().asMap().forEach((k, v) -> run.logParam("model." + k, String.valueOf(v)));
      run.setProvenance(model.provenance());
      run.logArtifact("model.churn", model.toBytes());
    }
    return new Result(lb, model, report);
  }

  private static double[] columnMeans(FeatureMatrix x) {
    double[] mean = new double[x.columns()];
    int[] n = new int[x.columns()];
    double[] v = x.values();
    for (int r = 0; r < x.rows(); r++) {
      for (int c = 0; c < x.columns(); c++) {
        double d = v[r * x.columns() + c];
        if (!Double.isNaN(d)) {
          mean[c] += d;
          n[c]++;
        }
      }
    }
    for (int c = 0; c < mean.length; c++) {
      mean[c] = n[c] == 0 ? Double.NaN : mean[c] / n[c];
    }
    return mean;
  }
}
