package dev.churn.models.backends;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import com.oracle.labs.mlrg.olcut.util.Pair;
import dev.churn.core.ChurnException;
import dev.churn.models.spi.FeatureMatrix;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.tribuo.Dataset;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.common.xgboost.XGBoostTrainer;
import org.tribuo.provenance.DatasetProvenance;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.provenance.impl.TrainerProvenanceImpl;

/**
 * A Tribuo XGBoost trainer for binary classification with the {@code binary:logistic} objective.
 *
 * <p>Tribuo 4.3's {@code XGBoostClassificationTrainer} always sets {@code num_class} to the number
 * of labels, so it can only train {@code multi:softprob} (two trees per round for two classes,
 * twice the work) and rejects {@code binary:logistic} inside xgboost. This trainer keeps Tribuo's
 * parameter handling, provenance and {@link XGBoostModel} but trains one tree per round.
 *
 * <p>It has two entry points: the generic Tribuo one ({@link #train(Dataset, Map, int)}, labels
 * {@code "0"}/{@code "1"}) that uses Tribuo's example conversion, and {@link #trainDense} which
 * takes a dense matrix already in Tribuo feature-id order. The dense path is the one churn uses:
 * Tribuo's conversion boxes every value and builds a CSR matrix, and xgboost's {@code hist} method
 * trains noticeably slower from CSR than from a dense matrix.
 */
final class BinaryXGBoostTrainer extends XGBoostTrainer<Label> {

  BinaryXGBoostTrainer(int trees, double eta, int maxDepth, double minChildWeight,
      double subsample, double colsample, double lambda, double alpha, int threads, long seed) {
    super(BoosterType.GBTREE, TreeMethod.HIST, trees, eta, 0.0, maxDepth, minChildWeight, subsample,
        colsample, lambda, alpha, threads, LoggingVerbosity.SILENT, seed);
    postConfig();
  }

  @Override
  public void postConfig() {
    super.postConfig();
    parameters.put("objective", "binary:logistic");
  }

  /**
   * Grows trees leaf by leaf, best gain first, up to {@code maxLeaves} leaves, with {@code
   * max_depth} as an upper bound.
   */
  void lossguide(int maxLeaves) {
    parameters.put("grow_policy", "lossguide");
    parameters.put("max_leaves", maxLeaves);
  }

  /** Returns the parameters handed to xgboost, sorted by name. */
  Map<String, Object> nativeParameters() {
    return Collections.unmodifiableMap(new TreeMap<>(parameters));
  }

  /** Returns the number of boosting rounds (trees). */
  int trees() {
    return numTrees;
  }

  @Override
  public XGBoostModel<Label> train(Dataset<Label> examples) {
    return train(examples, Map.of(), INCREMENT_INVOCATION_COUNT);
  }

  @Override
  public XGBoostModel<Label> train(Dataset<Label> examples, Map<String, Provenance> runProvenance) {
    return train(examples, runProvenance, INCREMENT_INVOCATION_COUNT);
  }

  @Override
  public synchronized XGBoostModel<Label> train(Dataset<Label> examples,
      Map<String, Provenance> runProvenance, int invocationCount) {
    for (Label l : examples.getOutputs()) {
      if (!l.getLabel().equals(TribuoData.POSITIVE) && !l.getLabel().equals(TribuoData.NEGATIVE)) {
        throw new IllegalArgumentException("binary training needs labels '0' and '1' but found '"
            + l.getLabel() + "'");
      }
    }
    ImmutableFeatureMap featureMap = examples.getFeatureIDMap();
    try {
      DMatrixTuple<Label> tuple = convertExamples(examples.getData(), featureMap,
          l -> l.getLabel().equals(TribuoData.POSITIVE) ? 1f : 0f);
      try {
        return train(tuple.data, featureMap, examples.getProvenance(), runProvenance, invocationCount);
      } finally {
        tuple.data.dispose();
      }
    } catch (XGBoostError e) {
      throw new ChurnException("xgboost could not convert the examples: " + e.getMessage(), e);
    }
  }

  /**
   * Trains on a dense matrix whose columns are in the feature map's id order, with labels (1 for
   * positive) and weights already set.
   */
  synchronized XGBoostModel<Label> trainDense(DMatrix data, ImmutableFeatureMap featureMap,
      FeatureMatrix source) {
    return train(data, featureMap, datasetProvenance(source), Map.of(), INCREMENT_INVOCATION_COUNT);
  }

  private XGBoostModel<Label> train(DMatrix data, ImmutableFeatureMap featureMap,
      DatasetProvenance datasetProvenance, Map<String, Provenance> runProvenance,
      int invocationCount) {
    if (invocationCount != INCREMENT_INVOCATION_COUNT) {
      setInvocationCount(invocationCount);
    }
    TrainerProvenance trainerProvenance = getProvenance();
    trainInvocationCounter++;
    Booster booster;
    try {
      booster = XGBoost.train(data, new HashMap<>(parameters), numTrees, Map.of(), null, null);
    } catch (XGBoostError e) {
      throw new ChurnException("xgboost failed to train: " + e.getMessage(), e);
    }
    ModelProvenance provenance = new ModelProvenance(XGBoostModel.class.getName(),
        OffsetDateTime.now(), datasetProvenance, trainerProvenance, runProvenance);
    ImmutableOutputInfo<Label> outputs = TribuoData.outputInfo();
    return createModel("churn-xgboost-binary", provenance, featureMap, outputs,
        Collections.singletonList(booster), new BinaryLogisticConverter());
  }

  /** Describes a matrix in Tribuo's dataset-provenance terms, with its real row and column counts. */
  private static DatasetProvenance datasetProvenance(FeatureMatrix x) {
    MutableDataset<Label> empty =
        new MutableDataset<>(TribuoData.sourceProvenance(x), TribuoData.LABELS);
    Map<String, Provenance> map = new HashMap<>();
    for (Pair<String, Provenance> p : empty.getProvenance()) {
      map.put(p.getA(), p.getB());
    }
    map.put("class-name", new StringProvenance("class-name", FeatureMatrix.class.getName()));
    map.put("num-examples", new IntProvenance("num-examples", x.rows()));
    map.put("num-features", new IntProvenance("num-features", x.columns()));
    map.put("num-outputs", new IntProvenance("num-outputs", 2));
    return new DatasetProvenance(map);
  }

  @Override
  public TrainerProvenance getProvenance() {
    return new TrainerProvenanceImpl(this);
  }

  @Override
  public String toString() {
    return "BinaryXGBoostTrainer(numTrees=" + numTrees + ",parameters=" + nativeParameters() + ")";
  }
}
