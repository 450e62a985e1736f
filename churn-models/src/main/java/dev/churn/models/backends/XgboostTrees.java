package dev.churn.models.backends;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.churn.core.ChurnException;
import java.io.IOException;
import java.util.stream.IntStream;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * A {@code binary:logistic} xgboost tree ensemble compiled into flat arrays, for scoring without
 * native calls. Built from the booster's JSON model (xgboost's exact, round-trippable format), it
 * walks every tree the way xgboost's CPU predictor does: the input is rounded to {@code float},
 * compared with {@code value < split} (left when true), and a missing value (NaN) takes the node's
 * default direction. Leaf values are summed in double, so the margin can differ from xgboost's
 * float sum in the last float digit (about 1e-7).
 *
 * <p>Immutable and safe for concurrent use.
 */
final class XgboostTrees {
  /** Keeps numbers as exact decimals so each split value is rounded to float once, as xgboost does. */
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();
  /** Rows per task when a batch is scored in parallel. */
  private static final int BLOCK = 4096;

  private final int columns;
  private final double baseMargin;
  private final int[] roots;
  /** Split column per node, -1 for a leaf. */
  private final int[] column;
  /** Split value per node, or the leaf value for a leaf. */
  private final float[] value;
  private final int[] left;
  private final int[] right;
  private final int[] missing;

  private XgboostTrees(int columns, double baseMargin, int[] roots, int[] column, float[] value,
      int[] left, int[] right, int[] missing) {
    this.columns = columns;
    this.baseMargin = baseMargin;
    this.roots = roots;
    this.column = column;
    this.value = value;
    this.left = left;
    this.right = right;
    this.missing = missing;
  }

  /**
   * Compiles a booster.
   *
   * @param booster a gbtree booster trained with {@code binary:logistic}
   * @param columnOfFeature the matrix column of every booster feature index
   * @param columns the number of matrix columns
   */
  static XgboostTrees compile(Booster booster, int[] columnOfFeature, int columns) {
    JsonNode learner;
    try {
      learner = JSON.readTree(booster.toByteArray("json")).path("learner");
    } catch (XGBoostError | IOException e) {
      throw new ChurnException("could not read the xgboost model as JSON: " + e.getMessage(), e);
    }
    String objective = learner.path("objective").path("name").asText();
    if (!objective.equals("binary:logistic")) {
      throw new ChurnException("expected a binary:logistic booster but found '" + objective + "'");
    }
    JsonNode gb = learner.path("gradient_booster");
    if (!gb.path("name").asText().equals("gbtree")) {
      throw new ChurnException("expected a gbtree booster but found '" + gb.path("name").asText() + "'");
    }
    JsonNode trees = gb.path("model").path("trees");
    float baseScore = Float.parseFloat(learner.path("learner_model_param").path("base_score").asText());
    // binary:logistic stores base_score as a probability; its margin is the logit.
    double baseMargin = -Math.log(1.0 / baseScore - 1.0);

    int total = 0;
    for (JsonNode t : trees) {
      total += t.path("left_children").size();
    }
    int[] roots = new int[trees.size()];
    int[] column = new int[total];
    float[] value = new float[total];
    int[] left = new int[total];
    int[] right = new int[total];
    int[] missing = new int[total];
    int offset = 0;
    int ti = 0;
    for (JsonNode t : trees) {
      JsonNode l = t.path("left_children");
      JsonNode r = t.path("right_children");
      JsonNode idx = t.path("split_indices");
      JsonNode cond = t.path("split_conditions");
      JsonNode dl = t.path("default_left");
      JsonNode type = t.path("split_type");
      int n = l.size();
      roots[ti++] = offset;
      for (int i = 0; i < n; i++) {
        int g = offset + i;
        value[g] = Float.parseFloat(cond.get(i).asText());
        if (l.get(i).asInt() < 0) {
          column[g] = -1;
          continue;
        }
        if (type.size() > i && type.get(i).asInt() != 0) {
          throw new ChurnException("categorical splits are not supported (tree " + (ti - 1) + ")");
        }
        int feature = idx.get(i).asInt();
        if (feature < 0 || feature >= columnOfFeature.length || columnOfFeature[feature] < 0) {
          throw new ChurnException("the booster splits on feature " + feature
              + ", which is not one of the model's columns");
        }
        column[g] = columnOfFeature[feature];
        left[g] = offset + l.get(i).asInt();
        right[g] = offset + r.get(i).asInt();
        missing[g] = dl.get(i).asInt() != 0 ? left[g] : right[g];
      }
      offset += n;
    }
    return new XgboostTrees(columns, baseMargin, roots, column, value, left, right, missing);
  }

  /** Returns the number of trees. */
  int trees() {
    return roots.length;
  }

  /** Returns the log-odds of the positive class for the row starting at {@code offset}. */
  double margin(double[] x, int offset) {
    double sum = baseMargin;
    final int[] column = this.column;
    final float[] value = this.value;
    for (int root : roots) {
      int n = root;
      int c;
      while ((c = column[n]) >= 0) {
        double v = x[offset + c];
        n = v != v ? missing[n] : ((float) v < value[n] ? left[n] : right[n]);
      }
      sum += value[n];
    }
    return sum;
  }

  /** Returns P(positive) for one row. */
  double probability(double[] row) {
    return sigmoid(margin(row, 0));
  }

  /** Returns P(positive) for every row of a row-major matrix, in parallel for large batches. */
  double[] probabilities(double[] values, int rows) {
    double[] out = new double[rows];
    if (rows <= BLOCK) {
      score(values, out, 0, rows);
    } else {
      int blocks = (rows + BLOCK - 1) / BLOCK;
      IntStream.range(0, blocks).parallel()
          .forEach(b -> score(values, out, b * BLOCK, Math.min(rows, (b + 1) * BLOCK)));
    }
    return out;
  }

  private void score(double[] values, double[] out, int from, int to) {
    for (int r = from; r < to; r++) {
      out[r] = sigmoid(margin(values, r * columns));
    }
  }

  static double sigmoid(double margin) {
    return 1.0 / (1.0 + Math.exp(-margin));
  }
}
