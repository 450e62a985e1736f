package dev.churn.models.backends;

import com.google.auto.service.AutoService;
import dev.churn.core.ChurnException;
import dev.churn.models.spi.FittedModel;
import dev.churn.models.spi.ModelBackend;
import dev.churn.models.spi.ParamSpec;
import dev.churn.models.spi.Params;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.liblinear.LibLinearClassificationModel;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.classification.liblinear.LinearClassificationType.LinearType;

/**
 * The {@code logistic} backend: L2-regularised logistic regression solved exactly by liblinear
 * (trust-region Newton, {@code L2R_LR}) through Tribuo. The intercept is learned as the weight of a
 * constant feature, so it is regularised too (liblinear's convention).
 *
 * <p>It expects standardized inputs without missing values (the trainer imputes and standardizes
 * them); a NaN at training time is an error naming the row and column, a NaN at scoring time gives
 * a NaN probability. Contributions are exact: coefficient times value per column, the intercept as
 * the bias, in log-odds. Native importance is the absolute coefficient.
 *
 * <p>Row weights: liblinear supports one weight per class, not per row. Each class gets the mean
 * weight of its rows, which is exact for class-balance weights (the same weight for every row of a
 * class) and an approximation otherwise (logged as a warning). Rows of weight 0 are left out.
 *
 * <p>Parameters: {@code c} (inverse regularisation strength, log scale), {@code max_iterations}
 * and {@code tolerance} (liblinear's stopping criterion).
 */
@AutoService(ModelBackend.class)
public final class LogisticBackend implements ModelBackend {
  /** The backend id. */
  public static final String ID = "logistic";
  private static final Logger log = LoggerFactory.getLogger(LogisticBackend.class);

  private static final List<ParamSpec> PARAMETERS = List.of(
      ParamSpec.real("c", 1.0, 1e-4, 1e4, true,
          "inverse L2 regularisation strength (liblinear C); smaller is stronger"),
      ParamSpec.integer("max_iterations", 1000, 10, 100_000, "maximum solver iterations"),
      ParamSpec.real("tolerance", 1e-3, 1e-6, 0.1, true,
          "stopping tolerance of the solver (relative gradient norm)"));

  private static final Capabilities CAPABILITIES = new Capabilities(false, true, true, true);

  /** Creates the backend (used by {@link java.util.ServiceLoader}). */
  public LogisticBackend() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "L2-regularised logistic regression (liblinear via Tribuo); exact linear contributions";
  }

  @Override
  public List<ParamSpec> parameters() {
    return PARAMETERS;
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public FittedModel fit(TrainingData data, Params params) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(params, "params");
    TribuoData.checkTrainingData(data);
    TribuoData.requireNoMissing(data.x(), ID);
    MutableDataset<Label> dataset = TribuoData.dataset(data);
    LibLinearClassificationTrainer trainer = new LibLinearClassificationTrainer(
        new LinearClassificationType(LinearType.L2R_LR), params.getDouble("c"),
        params.getInt("max_iterations"), params.getDouble("tolerance"), data.seed());
    trainer.setLabelWeights(classWeights(data));
    LibLinearClassificationModel model = (LibLinearClassificationModel) trainer.train(dataset);
    return new FittedLogistic(data.x().names(), model);
  }

  /** Returns each class's mean row weight among rows of positive weight. */
  private static Map<Label, Float> classWeights(TrainingData data) {
    double[] sum = new double[2];
    int[] count = new int[2];
    double[] first = {Double.NaN, Double.NaN};
    boolean varies = false;
    for (int i = 0; i < data.y().length; i++) {
      double w = data.weights()[i];
      if (w == 0) {
        continue;
      }
      int k = data.y()[i] ? 1 : 0;
      if (count[k] == 0) {
        first[k] = w;
      } else if (w != first[k]) {
        varies = true;
      }
      sum[k] += w;
      count[k]++;
    }
    if (count[0] == 0 || count[1] == 0) {
      throw new IllegalArgumentException("the training data needs rows of positive weight in both"
          + " classes but has " + count[1] + " positive and " + count[0] + " negative");
    }
    if (varies) {
      log.warn("logistic: row weights vary within a class; liblinear supports per-class weights"
          + " only, so each class uses its mean row weight");
    }
    return Map.of(TribuoData.NEGATIVE_LABEL, (float) (sum[0] / count[0]),
        TribuoData.POSITIVE_LABEL, (float) (sum[1] / count[1]));
  }

  @Override
  public FittedModel read(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    ModelBytes.Decoded d = ModelBytes.read(ID, bytes);
    Model<?> m = d.model();
    if (!(m instanceof LibLinearClassificationModel lm)) {
      throw new ChurnException("the 'logistic' model holds a " + m.getClass().getName()
          + " instead of a Tribuo LibLinearClassificationModel");
    }
    return new FittedLogistic(d.names(), lm);
  }
}
