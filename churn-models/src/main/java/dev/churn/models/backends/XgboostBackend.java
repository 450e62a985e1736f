package dev.churn.models.backends;

import com.google.auto.service.AutoService;
import dev.churn.core.ChurnException;
import dev.churn.models.spi.FeatureMatrix;
import dev.churn.models.spi.FittedModel;
import dev.churn.models.spi.ModelBackend;
import dev.churn.models.spi.ParamSpec;
import dev.churn.models.spi.Params;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;

/**
 * The {@code xgboost} backend: gradient-boosted trees ({@code binary:logistic}, {@code hist} tree
 * method) trained through Tribuo's XGBoost integration.
 *
 * <p>Missing values (NaN) are handled natively: each split learns which way missing values go, and
 * a real {@code 0} stays a value. Contributions are exact TreeSHAP values from xgboost in log-odds
 * (bias last); native importance is the total gain of each column.
 *
 * <pre>{@code
 * ModelBackend xgb = new XgboostBackend();
 * Params p = Params.of(xgb.parameters(), Map.of("trees", 500, "eta", 0.03));
 * FittedModel m = xgb.fit(new TrainingData(x, y, weights, 42L, 4), p);
 * double risk = m.predictOne(x.row(0));
 * }</pre>
 *
 * <p>Parameters: {@code trees}, {@code max_depth}, {@code eta}, {@code subsample},
 * {@code colsample} (per tree), {@code min_child_weight}, {@code lambda} (L2), {@code alpha}
 * (L1), {@code grow_policy} and {@code max_leaves}. The defaults are those of the histogram
 * boosting libraries (LightGBM, scikit-learn's {@code HistGradientBoostingClassifier}): trees grown
 * leaf by leaf, best gain first, up to 31 leaves; learning rate 0.1; 100 rounds; no row or column
 * sampling; depth capped at 10 (those libraries leave it unbounded). {@code grow_policy=depthwise}
 * with {@code max_depth=4}, {@code eta=0.05} and 300 trees is the classic xgboost setting. Training
 * uses {@link TrainingData#threads()} threads and {@link TrainingData#seed()}; the
 * same seed, threads and data give the same model.
 *
 * <p>Scoring ({@code predict}, {@code predictOne}) runs on trees compiled to Java arrays, not in
 * xgboost: about two microseconds per row for 300 depth-4 trees, with no native call. Training,
 * contributions and importance call xgboost, whose OpenMP threads spin while they wait: on a
 * machine busier than the thread budget (other jobs, parallel test forks) this can make training
 * ten to fifty times slower. Start the JVM with the environment variable
 * {@code OMP_WAIT_POLICY=PASSIVE} there (it is read when xgboost's native library loads).
 *
 * <p>xgboost accepts finite values and NaN only: values that are infinite as floats (including
 * doubles beyond float range) are clamped to {@code ±Float.MAX_VALUE}, for training (with a
 * warning) and for contributions; the compiled trees send them the same way.
 */
@AutoService(ModelBackend.class)
public final class XgboostBackend implements ModelBackend {
  /** The backend id. */
  public static final String ID = "xgboost";
  private static final Logger log = LoggerFactory.getLogger(XgboostBackend.class);

  private static final List<ParamSpec> PARAMETERS = List.of(
      ParamSpec.integer("trees", 100, 50, 2000, "number of boosting rounds (trees)"),
      ParamSpec.integer("max_depth", 10, 2, 10, "maximum depth of each tree"),
      ParamSpec.real("eta", 0.1, 0.01, 0.3, true, "learning rate (shrinkage of each tree)"),
      ParamSpec.real("subsample", 1.0, 0.5, 1.0, false, "fraction of rows sampled for each tree"),
      ParamSpec.real("colsample", 1.0, 0.3, 1.0, false, "fraction of columns sampled for each tree"),
      ParamSpec.real("min_child_weight", 1.0, 0.5, 20.0, true,
          "minimum sum of row weights (hessian) in a child"),
      ParamSpec.real("lambda", 1.0, 0.1, 10.0, true, "L2 regularisation of leaf weights"),
      ParamSpec.real("alpha", 0.0, 0.0, 5.0, false, "L1 regularisation of leaf weights"),
      ParamSpec.choice("grow_policy", "lossguide", List.of("lossguide", "depthwise"),
          "lossguide: split the leaf with the best gain first, up to max_leaves (like LightGBM"
              + " and histogram gradient boosting); depthwise: level by level up to max_depth"),
      ParamSpec.integer("max_leaves", 31, 4, 256,
          "maximum leaves per tree with grow_policy=lossguide"));

  private static final Capabilities CAPABILITIES = new Capabilities(true, false, true, true);

  /** Creates the backend (used by {@link java.util.ServiceLoader}). */
  public XgboostBackend() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "gradient-boosted trees (xgboost binary:logistic, hist) via Tribuo; handles missing values";
  }

  @Override
  public List<ParamSpec> parameters() {
    return PARAMETERS;
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  /**
   * Returns the parameters this backend hands to xgboost for the given values, thread count and
   * seed (objective, tree method, learning rate, ...), so a benchmark or a user can call xgboost
   * with exactly the same settings. The number of boosting rounds is not among them; it is
   * {@code params.getInt("trees")}.
   */
  public static Map<String, Object> nativeParameters(Params params, int threads, long seed) {
    return trainer(params, threads, seed).nativeParameters();
  }

  private static BinaryXGBoostTrainer trainer(Params p, int threads, long seed) {
    BinaryXGBoostTrainer t = new BinaryXGBoostTrainer(p.getInt("trees"), p.getDouble("eta"),
        p.getInt("max_depth"), p.getDouble("min_child_weight"), p.getDouble("subsample"),
        p.getDouble("colsample"), p.getDouble("lambda"), p.getDouble("alpha"), threads, seed);
    if (p.getString("grow_policy").equals("lossguide")) {
      t.lossguide(p.getInt("max_leaves"));
    }
    return t;
  }

  @Override
  public FittedModel fit(TrainingData data, Params params) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(params, "params");
    TribuoData.checkTrainingData(data);
    FeatureMatrix x = data.x();
    long t0 = System.nanoTime();
    ImmutableFeatureMap featureMap = TribuoData.featureMap(x);
    int[] ids = TribuoData.featureIds(featureMap, x.names());
    long[] clamped = new long[1];
    DMatrix matrix = denseMatrix(x, ids, featureMap.size(), clamped);
    if (clamped[0] > 0) {
      log.warn("xgboost: {} infinite training values were clamped to +/-{} (xgboost accepts finite"
          + " values and NaN only)", clamped[0], Float.MAX_VALUE);
    }
    try {
      float[] labels = new float[x.rows()];
      float[] weights = new float[x.rows()];
      for (int r = 0; r < labels.length; r++) {
        labels[r] = data.y()[r] ? 1f : 0f;
        weights[r] = (float) data.weights()[r];
      }
      matrix.setLabel(labels);
      matrix.setWeight(weights);
      long t1 = System.nanoTime();
      BinaryXGBoostTrainer trainer = trainer(params, data.threads(), data.seed());
      XGBoostModel<Label> model = trainer.trainDense(matrix, featureMap, x);
      long t2 = System.nanoTime();
      FittedXgboost fitted = new FittedXgboost(x.names(), model);
      if (log.isDebugEnabled()) {
        log.debug("xgboost: {} x {} converted in {} ms, {} trees trained in {} ms, compiled in {} ms",
            x.rows(), x.columns(), (t1 - t0) / 1_000_000, trainer.trees(), (t2 - t1) / 1_000_000,
            (System.nanoTime() - t2) / 1_000_000);
      }
      return fitted;
    } catch (XGBoostError e) {
      throw new ChurnException("xgboost rejected the training data: " + e.getMessage(), e);
    } finally {
      matrix.dispose();
    }
  }

  /**
   * Copies a matrix into a dense xgboost matrix with columns in Tribuo feature-id order; NaN is
   * xgboost's missing value, every other value (0 included) is a value. xgboost rejects infinite
   * values, so values that are infinite as floats (including doubles beyond float range) become
   * {@code ±Float.MAX_VALUE}, which every split sends the same way as the infinity.
   */
  static DMatrix denseMatrix(FeatureMatrix x, int[] ids, int features) {
    return denseMatrix(x, ids, features, new long[1]);
  }

  private static DMatrix denseMatrix(FeatureMatrix x, int[] ids, int features, long[] clamped) {
    int c = x.columns();
    double[] v = x.values();
    float[] dense = new float[x.rows() * features];
    if (features != c) {
      java.util.Arrays.fill(dense, Float.NaN);
    }
    long infinite = 0;
    for (int r = 0, in = 0, out = 0; r < x.rows(); r++, in += c, out += features) {
      for (int j = 0; j < c; j++) {
        if (ids[j] >= 0) {
          float f = (float) v[in + j];
          if (Float.isInfinite(f)) {
            f = f > 0 ? Float.MAX_VALUE : -Float.MAX_VALUE;
            infinite++;
          }
          dense[out + ids[j]] = f;
        }
      }
    }
    clamped[0] = infinite;
    try {
      return new DMatrix(dense, x.rows(), features, Float.NaN);
    } catch (XGBoostError e) {
      throw new ChurnException("xgboost could not build its matrix: " + e.getMessage(), e);
    }
  }

  @Override
  public FittedModel read(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    ModelBytes.Decoded d = ModelBytes.read(ID, bytes);
    Model<?> m = d.model();
    if (!(m instanceof XGBoostModel<?> xm)
        || !(xm.getOutputIDInfo().getDomain().iterator().next() instanceof Label)) {
      throw new ChurnException("the 'xgboost' model holds a " + m.getClass().getName()
          + " instead of a Tribuo XGBoostModel of labels");
    }
    @SuppressWarnings("unchecked")
    XGBoostModel<Label> model = (XGBoostModel<Label>) xm;
    return new FittedXgboost(d.names(), model);
  }
}
