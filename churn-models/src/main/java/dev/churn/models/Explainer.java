package dev.churn.models;

import dev.churn.core.table.Table;
import dev.churn.models.spi.FeatureMatrix;
import dev.churn.models.spi.FittedModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes per-customer reason codes: each input feature's contribution to the log-odds,
 * summed over the model columns made from it (one-hot columns of a category count as one
 * feature).
 *
 * <p>Where the backend computes contributions itself (exact TreeSHAP for XGBoost, coefficient x
 * standardized value for logistic regression) those are used. Otherwise the model-agnostic
 * fallback: a feature's contribution is {@code logit(p) - logit(p')}, where {@code p'} is the
 * prediction with that feature's model columns set to their training means (one prediction per
 * feature per customer; exact for models additive in the log-odds, an approximation otherwise).
 */
final class Explainer {
  private Explainer() {}

  static double logit(double p) {
    double q = Math.min(Math.max(p, 1e-12), 1 - 1e-12);
    return Math.log(q / (1 - q));
  }

  /** Returns contributions per row and input feature (features in preprocessor order). */
  static double[][] contributions(FittedModel model, Preprocessor prep, double[] baseline,
      FeatureMatrix x) {
    Map<String, int[]> groups = prep.groups();
    List<int[]> idx = new ArrayList<>(groups.values());
    double[][] out = new double[x.rows()][idx.size()];
    Optional<double[][]> exact = model.contributions(x);
    if (exact.isPresent()) {
      double[][] c = exact.get();
      for (int r = 0; r < x.rows(); r++) {
        for (int g = 0; g < idx.size(); g++) {
          double s = 0;
          for (int j : idx.get(g)) {
            s += c[r][j];
          }
          out[r][g] = s;
        }
      }
      return out;
    }
    double[] base = model.predict(x);
    for (int g = 0; g < idx.size(); g++) {
      double[] v = x.values().clone();
      int cols = x.columns();
      for (int r = 0; r < x.rows(); r++) {
        for (int j : idx.get(g)) {
          v[r * cols + j] = baseline[j];
        }
      }
      double[] p = model.predict(FeatureMatrix.of(x.names(), x.rows(), v));
      for (int r = 0; r < x.rows(); r++) {
        out[r][g] = logit(base[r]) - logit(p[r]);
      }
    }
    return out;
  }

  /** Returns the top {@code k} features raising the risk of each row. */
  static List<List<Reason>> top(double[][] contributions, List<String> features, Table table,
      int[] rows, int k) {
    List<List<Reason>> out = new ArrayList<>(rows.length);
    for (int i = 0; i < rows.length; i++) {
      double[] c = contributions[i];
      List<Integer> order = new ArrayList<>();
      for (int g = 0; g < c.length; g++) {
        if (c[g] > 0) {
          order.add(g);
        }
      }
      order.sort(Comparator.comparingDouble((Integer g) -> -c[g]).thenComparing(g -> g));
      List<Reason> reasons = new ArrayList<>();
      for (int g : order.subList(0, Math.min(k, order.size()))) {
        String f = features.get(g);
        reasons.add(new Reason(f, table.column(f).format(rows[i]), c[g]));
      }
      out.add(List.copyOf(reasons));
    }
    return out;
  }
}
