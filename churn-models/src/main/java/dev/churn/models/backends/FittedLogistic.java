package dev.churn.models.backends;

import dev.churn.core.ChurnException;
import dev.churn.models.spi.FeatureMatrix;
import dev.churn.models.spi.FittedModel;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.classification.liblinear.LibLinearClassificationModel;

/**
 * A fitted {@code logistic} model: the Tribuo liblinear model (kept for serialization and
 * provenance) and its coefficients in column order, oriented so that a positive log-odds means the
 * positive class.
 */
final class FittedLogistic implements FittedModel {
  private final List<String> names;
  private final LibLinearClassificationModel model;
  private final double[] coefficients;
  private final double intercept;
  private final Map<String, Double> importance;

  FittedLogistic(List<String> names, LibLinearClassificationModel model) {
    this.names = List.copyOf(names);
    this.model = model;
    List<de.bwaldvogel.liblinear.Model> inner = model.getInnerModels();
    if (inner.size() != 1 || inner.get(0).getNrClass() != 2) {
      throw new ChurnException("expected one two-class liblinear model but found " + inner.size()
          + " model(s)");
    }
    de.bwaldvogel.liblinear.Model ll = inner.get(0);
    ImmutableFeatureMap featureMap = model.getFeatureIDMap();
    double[] w = ll.getFeatureWeights();
    int features = ll.getNrFeature();
    // liblinear's decision value is for its first label; Tribuo hands it label ids.
    int positiveId = model.getOutputIDInfo().getID(TribuoData.POSITIVE_LABEL);
    double sign = ll.getLabels()[0] == positiveId ? 1.0 : -1.0;
    this.coefficients = new double[this.names.size()];
    for (int c = 0; c < coefficients.length; c++) {
      int id = featureMap.getID(this.names.get(c));
      coefficients[c] = id < 0 ? 0.0 : sign * w[id];
    }
    this.intercept = ll.getBias() >= 0 && w.length > features ? sign * w[features] * ll.getBias() : 0.0;
    Map<String, Double> imp = new LinkedHashMap<>();
    for (int c = 0; c < coefficients.length; c++) {
      imp.put(this.names.get(c), Math.abs(coefficients[c]));
    }
    this.importance = Collections.unmodifiableMap(imp);
  }

  @Override
  public String backend() {
    return LogisticBackend.ID;
  }

  private double margin(double[] x, int offset) {
    double z = intercept;
    for (int c = 0; c < coefficients.length; c++) {
      z += coefficients[c] * x[offset + c];
    }
    return z;
  }

  @Override
  public double[] predict(FeatureMatrix x) {
    TribuoData.checkColumns(names, x);
    double[] v = x.values();
    double[] out = new double[x.rows()];
    int c = names.size();
    for (int r = 0; r < out.length; r++) {
      out[r] = XgboostTrees.sigmoid(margin(v, r * c));
    }
    return out;
  }

  @Override
  public double predictOne(double[] row) {
    TribuoData.checkRow(names.size(), row);
    return XgboostTrees.sigmoid(margin(row, 0));
  }

  @Override
  public Optional<double[][]> contributions(FeatureMatrix x) {
    TribuoData.checkColumns(names, x);
    int c = names.size();
    double[] v = x.values();
    double[][] out = new double[x.rows()][c + 1];
    for (int r = 0; r < out.length; r++) {
      for (int j = 0; j < c; j++) {
        out[r][j] = coefficients[j] * v[r * c + j];
      }
      out[r][c] = intercept;
    }
    return Optional.of(out);
  }

  @Override
  public Map<String, Double> nativeImportance() {
    return importance;
  }

  @Override
  public byte[] toBytes() {
    return ModelBytes.write(LogisticBackend.ID, names, model);
  }

  /** Returns the coefficients in column order followed by the intercept. */
  double[] coefficientsWithIntercept() {
    double[] out = java.util.Arrays.copyOf(coefficients, coefficients.length + 1);
    out[coefficients.length] = intercept;
    return out;
  }

  /** Returns the Tribuo model (for tests). */
  LibLinearClassificationModel tribuoModel() {
    return model;
  }

  @Override
  public String toString() {
    return "logistic model (" + names.size() + " columns)";
  }
}
