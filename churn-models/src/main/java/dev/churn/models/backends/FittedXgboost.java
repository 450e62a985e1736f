package dev.churn.models.backends;

import dev.churn.core.ChurnException;
import dev.churn.models.spi.FeatureMatrix;
import dev.churn.models.spi.FittedModel;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;

/**
 * A fitted {@code xgboost} model: the Tribuo {@link XGBoostModel} (kept for serialization,
 * provenance and TreeSHAP) and the same trees compiled for scoring.
 */
final class FittedXgboost implements FittedModel {
  private final List<String> names;
  private final XGBoostModel<Label> model;
  /** A private copy of the booster, for contributions; xgboost calls on it are serialized. */
  private final Booster booster;
  private final int[] idOfColumn;
  private final int features;
  private final XgboostTrees trees;
  private final Map<String, Double> importance;

  FittedXgboost(List<String> names, XGBoostModel<Label> model) {
    this.names = List.copyOf(names);
    this.model = model;
    List<Booster> inner = model.getInnerModels();
    if (inner.size() != 1) {
      throw new ChurnException("expected one booster in the xgboost model but found " + inner.size());
    }
    this.booster = inner.get(0);
    ImmutableFeatureMap featureMap = model.getFeatureIDMap();
    this.idOfColumn = TribuoData.featureIds(featureMap, this.names);
    this.features = featureMap.size();
    this.trees = XgboostTrees.compile(booster, TribuoData.columnsById(featureMap, this.names),
        this.names.size());
    this.importance = totalGain();
  }

  private Map<String, Double> totalGain() {
    Map<String, Double> byFeature;
    try {
      synchronized (booster) {
        byFeature = booster.getScore("", "total_gain");
      }
    } catch (XGBoostError e) {
      throw new ChurnException("xgboost could not compute feature importance: " + e.getMessage(), e);
    }
    Map<String, Double> out = new LinkedHashMap<>();
    for (int c = 0; c < names.size(); c++) {
      out.put(names.get(c), idOfColumn[c] < 0 ? 0.0 : byFeature.getOrDefault("f" + idOfColumn[c], 0.0));
    }
    return Collections.unmodifiableMap(out);
  }

  @Override
  public String backend() {
    return XgboostBackend.ID;
  }

  @Override
  public double[] predict(FeatureMatrix x) {
    TribuoData.checkColumns(names, x);
    return trees.probabilities(x.values(), x.rows());
  }

  @Override
  public double predictOne(double[] row) {
    TribuoData.checkRow(names.size(), row);
    return trees.probability(row);
  }

  @Override
  public Optional<double[][]> contributions(FeatureMatrix x) {
    TribuoData.checkColumns(names, x);
    int c = names.size();
    float[][] raw;
    DMatrix m = XgboostBackend.denseMatrix(x, idOfColumn, features);
    try {
      synchronized (booster) {
        raw = booster.predictContrib(m, 0);
      }
    } catch (XGBoostError e) {
      throw new ChurnException("xgboost could not compute contributions: " + e.getMessage(), e);
    } finally {
      m.dispose();
    }
    double[][] out = new double[x.rows()][c + 1];
    for (int r = 0; r < out.length; r++) {
      float[] src = raw[r];
      double[] dst = out[r];
      for (int j = 0; j < c; j++) {
        dst[j] = idOfColumn[j] < 0 ? 0.0 : src[idOfColumn[j]];
      }
      dst[c] = src[features];
    }
    return Optional.of(out);
  }

  @Override
  public Map<String, Double> nativeImportance() {
    return importance;
  }

  @Override
  public byte[] toBytes() {
    synchronized (booster) {
      return ModelBytes.write(XgboostBackend.ID, names, model);
    }
  }

  /** Returns the number of trees (for tests and diagnostics). */
  int trees() {
    return trees.trees();
  }

  /** Returns the compiled trees (for tests). */
  XgboostTrees compiled() {
    return trees;
  }

  /** Returns the Tribuo model (for tests). */
  XGBoostModel<Label> tribuoModel() {
    return model;
  }

  /** Returns the booster (for tests); do not dispose it. */
  Booster booster() {
    return booster;
  }

  @Override
  public String toString() {
    return "xgboost model (" + trees.trees() + " trees, " + names.size() + " columns)";
  }
}
