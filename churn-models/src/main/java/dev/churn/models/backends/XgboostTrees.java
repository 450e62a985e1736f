package dev.churn.models.backends;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.churn.core.ChurnException;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
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
 * <p>Trees up to depth {@value #MAX_HEAP_DEPTH} (all trees the {@code xgboost} backend can train)
 * are laid out as complete binary trees in heap order: shallower leaves are repeated down to the
 * full depth, so every walk is the same number of steps {@code i = 2i + 1} (left) or {@code 2i + 2}
 * (right). Each step is integer arithmetic without a branch: the row's values are first turned
 * into order-preserving integer keys of their float value, once with NaN as the largest key and
 * once with NaN as the smallest, and each node reads the copy that sends NaN its default way; a
 * node goes left when {@code key(value) < key(split)}, which is exactly {@code (float) value <
 * split} (after folding -0 into +0, which compares equal to it anyway). Branch-free steps let the
 * CPU overlap independent walks: four rows (batch) or four trees (single row) at a time. Batches
 * are scored in blocks of rows, tree by tree, so each tree stays in the L1 cache. Each row still
 * adds its trees' leaves in tree order, so batch and single-row scores are identical. Deeper
 * trees (possible only in models built elsewhere) use a plain node-by-node walk.
 *
 * <p>Immutable and safe for concurrent use.
 */
final class XgboostTrees {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Rows per task when a batch is scored in parallel. */
  private static final int TASK_ROWS = 4096;
  /** Rows walking one tree before the next tree (tree-major inside a block). */
  private static final int BLOCK_ROWS = 64;
  /** Deepest tree laid out as a complete tree (2^depth leaves per tree). */
  static final int MAX_HEAP_DEPTH = 12;
  private static final int COLUMN_MASK = 0x7fffffff;

  private final int columns;
  private final double baseMargin;
  private final int trees;

  // Complete-tree layout (null arrays and depth -1 when a tree is deeper than MAX_HEAP_DEPTH).
  private final int depth;
  private final int internal;
  /** Per internal node: where its value is in a row's keys (column, or columns + column when NaN goes left). */
  private final int[] heapSlot;
  /** Per internal node: the key of its split value. */
  private final int[] heapKey;
  /** Per tree, {@code 2^depth} leaf values. */
  private final double[] heapLeaf;

  // Node-by-node layout, used when the complete layout is not.
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
    this.trees = roots.length;
    this.roots = roots;
    this.column = column;
    this.value = value;
    this.left = left;
    this.right = right;
    this.missing = missing;
    int d = 0;
    for (int root : roots) {
      d = Math.max(d, depth(root));
    }
    if (d <= MAX_HEAP_DEPTH) {
      this.depth = d;
      this.internal = (1 << d) - 1;
      this.heapSlot = new int[trees * internal];
      this.heapKey = new int[trees * internal];
      this.heapLeaf = new double[trees * (internal + 1)];
      for (int t = 0; t < trees; t++) {
        fill(t, 0, 0, roots[t]);
      }
    } else {
      this.depth = -1;
      this.internal = 0;
      this.heapSlot = null;
      this.heapKey = null;
      this.heapLeaf = null;
    }
  }

  private int depth(int node) {
    return column[node] < 0 ? 0 : 1 + Math.max(depth(left[node]), depth(right[node]));
  }

  /** Writes the subtree at {@code node} into tree {@code t}'s heap slot {@code i} at {@code level}. */
  private void fill(int t, int i, int level, int node) {
    if (level == depth) {
      heapLeaf[t * (internal + 1) + (i - internal)] = value[node];
      return;
    }
    int h = t * internal + i;
    if (column[node] < 0) {
      // A leaf above full depth: both children repeat it, so the split does not matter.
      heapSlot[h] = 0;
      heapKey[h] = 0;
      fill(t, 2 * i + 1, level + 1, node);
      fill(t, 2 * i + 2, level + 1, node);
    } else {
      heapSlot[h] = column[node] + (missing[node] == left[node] ? columns : 0);
      heapKey[h] = key(value[node]);
      fill(t, 2 * i + 1, level + 1, left[node]);
      fill(t, 2 * i + 2, level + 1, right[node]);
    }
  }

  /**
   * Compiles a booster.
   *
   * @param booster a gbtree booster trained with {@code binary:logistic}
   * @param columnOfFeature the matrix column of every booster feature index
   * @param columns the number of matrix columns
   */
  static XgboostTrees compile(Booster booster, int[] columnOfFeature, int columns) {
    Learner learner;
    try {
      learner = JSON.readValue(booster.toByteArray("json"), Root.class).learner();
    } catch (XGBoostError | IOException e) {
      throw new ChurnException("could not read the xgboost model as JSON: " + e.getMessage(), e);
    }
    String objective = learner.objective() == null ? null : learner.objective().name();
    if (!"binary:logistic".equals(objective)) {
      throw new ChurnException("expected a binary:logistic booster but found '" + objective + "'");
    }
    GradientBooster gb = learner.gradientBooster();
    if (gb == null || !"gbtree".equals(gb.name()) || gb.model() == null) {
      throw new ChurnException("expected a gbtree booster but found '"
          + (gb == null ? null : gb.name()) + "'");
    }
    List<Tree> trees = gb.model().trees();
    float baseScore = Float.parseFloat(learner.modelParam().baseScore());
    // binary:logistic stores base_score as a probability; its margin is the logit.
    double baseMargin = -Math.log(1.0 / baseScore - 1.0);

    int total = 0;
    for (Tree t : trees) {
      total += t.leftChildren().length;
    }
    int[] roots = new int[trees.size()];
    int[] column = new int[total];
    float[] value = new float[total];
    int[] left = new int[total];
    int[] right = new int[total];
    int[] missing = new int[total];
    int offset = 0;
    for (int ti = 0; ti < trees.size(); ti++) {
      Tree t = trees.get(ti);
      int n = t.leftChildren().length;
      roots[ti] = offset;
      for (int i = 0; i < n; i++) {
        int g = offset + i;
        // Parsed from the decimal text directly to float: rounded once, exactly as xgboost wrote it.
        value[g] = Float.parseFloat(t.splitConditions()[i]);
        if (t.leftChildren()[i] < 0) {
          column[g] = -1;
          continue;
        }
        if (t.splitType() != null && t.splitType().length > i && t.splitType()[i] != 0) {
          throw new ChurnException("categorical splits are not supported (tree " + ti + ")");
        }
        int feature = t.splitIndices()[i];
        if (feature < 0 || feature >= columnOfFeature.length || columnOfFeature[feature] < 0) {
          throw new ChurnException("the booster splits on feature " + feature
              + ", which is not one of the model's columns");
        }
        column[g] = columnOfFeature[feature];
        left[g] = offset + t.leftChildren()[i];
        right[g] = offset + t.rightChildren()[i];
        missing[g] = t.defaultLeft()[i] != 0 ? left[g] : right[g];
      }
      offset += n;
    }
    return new XgboostTrees(columns, baseMargin, roots, column, value, left, right, missing);
  }

  // The parts of xgboost's JSON model format (1.x) that scoring needs; everything else is skipped
  // while parsing, so a large model never becomes a large object tree.
  @JsonIgnoreProperties(ignoreUnknown = true)
  private record Root(Learner learner) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  private record Learner(@JsonProperty("gradient_booster") GradientBooster gradientBooster,
      @JsonProperty("learner_model_param") ModelParam modelParam, Objective objective) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  private record GradientBooster(String name, GbTreeModel model) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  private record GbTreeModel(List<Tree> trees) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  private record ModelParam(@JsonProperty("base_score") String baseScore) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  private record Objective(String name) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  private record Tree(@JsonProperty("left_children") int[] leftChildren,
      @JsonProperty("right_children") int[] rightChildren,
      @JsonProperty("split_indices") int[] splitIndices,
      @JsonProperty("split_conditions") String[] splitConditions,
      @JsonProperty("default_left") int[] defaultLeft,
      @JsonProperty("split_type") int[] splitType) {}

  /** Returns the number of trees. */
  int trees() {
    return trees;
  }

  /** Returns the split value of every split node (for tests). */
  float[] splitValues() {
    int n = 0;
    for (int c : column) {
      n += c >= 0 ? 1 : 0;
    }
    float[] out = new float[n];
    for (int i = 0, j = 0; i < column.length; i++) {
      if (column[i] >= 0) {
        out[j++] = value[i];
      }
    }
    return out;
  }

  /** Returns whether trees use the branch-free complete layout (for tests). */
  boolean completeLayout() {
    return depth >= 0;
  }

  /**
   * Returns the order-preserving integer key of a float: {@code key(a) < key(b)} exactly when
   * {@code a < b}, for all non-NaN floats ({@code -0} is folded into {@code +0} first).
   */
  static int key(float f) {
    int bits = Float.floatToRawIntBits(f + 0.0f);
    return bits ^ ((bits >> 31) & 0x7fffffff);
  }

  /** Writes a row's keys: {@code columns} with NaN largest, then {@code columns} with NaN smallest. */
  private void keys(double[] x, int offset, int[] out, int at) {
    for (int c = 0; c < columns; c++) {
      float v = (float) x[offset + c];
      if (v != v) {
        out[at + c] = Integer.MAX_VALUE;
        out[at + columns + c] = Integer.MIN_VALUE;
      } else {
        int k = key(v);
        out[at + c] = k;
        out[at + columns + c] = k;
      }
    }
  }

  /** Returns 1 when the key at {@code slot} is below the node's split key, else 0; no branch. */
  private static int below(int[] keys, int slot, int splitKey) {
    return (int) (((long) keys[slot] - splitKey) >>> 63);
  }

  /** Returns the log-odds of the positive class for one row. */
  double margin(double[] row) {
    if (depth < 0) {
      return nodeMargin(row, 0);
    }
    int[] k = new int[2 * columns];
    keys(row, 0, k, 0);
    final int[] slot = heapSlot;
    final int[] split = heapKey;
    final int leaves = internal + 1;
    double sum = baseMargin;
    int t = 0;
    // Four trees at a time: independent walks the CPU can overlap. Leaves are added in tree order.
    for (; t + 4 <= trees; t += 4) {
      int b0 = t * internal;
      int b1 = b0 + internal;
      int b2 = b1 + internal;
      int b3 = b2 + internal;
      int i0 = 0;
      int i1 = 0;
      int i2 = 0;
      int i3 = 0;
      for (int level = 0; level < depth; level++) {
        int n0 = b0 + i0;
        int n1 = b1 + i1;
        int n2 = b2 + i2;
        int n3 = b3 + i3;
        i0 = 2 * i0 + 2 - below(k, slot[n0], split[n0]);
        i1 = 2 * i1 + 2 - below(k, slot[n1], split[n1]);
        i2 = 2 * i2 + 2 - below(k, slot[n2], split[n2]);
        i3 = 2 * i3 + 2 - below(k, slot[n3], split[n3]);
      }
      sum += heapLeaf[t * leaves + i0 - internal];
      sum += heapLeaf[(t + 1) * leaves + i1 - internal];
      sum += heapLeaf[(t + 2) * leaves + i2 - internal];
      sum += heapLeaf[(t + 3) * leaves + i3 - internal];
    }
    for (; t < trees; t++) {
      sum += heapLeaf[t * leaves + walk(t, k, 0) - internal];
    }
    return sum;
  }

  /** Walks tree {@code t} for the keys at {@code at}; returns the heap index of the leaf. */
  private int walk(int t, int[] keys, int at) {
    final int[] slot = heapSlot;
    final int[] split = heapKey;
    final int base = t * internal;
    int i = 0;
    for (int level = 0; level < depth; level++) {
      int n = base + i;
      i = 2 * i + 2 - below(keys, at + slot[n], split[n]);
    }
    return i;
  }

  private double nodeMargin(double[] x, int offset) {
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
    return sigmoid(margin(row));
  }

  /** Returns P(positive) for every row of a row-major matrix, in parallel for large batches. */
  double[] probabilities(double[] values, int rows) {
    double[] out = new double[rows];
    if (rows <= TASK_ROWS) {
      score(values, out, 0, rows);
    } else {
      int tasks = (rows + TASK_ROWS - 1) / TASK_ROWS;
      IntStream.range(0, tasks).parallel()
          .forEach(b -> score(values, out, b * TASK_ROWS, Math.min(rows, (b + 1) * TASK_ROWS)));
    }
    return out;
  }

  private void score(double[] values, double[] out, int from, int to) {
    if (depth < 0) {
      for (int r = from; r < to; r++) {
        out[r] = sigmoid(nodeMargin(values, r * columns));
      }
      return;
    }
    final int stride = 2 * columns;
    final int leaves = internal + 1;
    final int[] slot = heapSlot;
    final int[] split = heapKey;
    int[] keys = new int[BLOCK_ROWS * stride];
    double[] sum = new double[BLOCK_ROWS];
    for (int start = from; start < to; start += BLOCK_ROWS) {
      int n = Math.min(BLOCK_ROWS, to - start);
      for (int k = 0; k < n; k++) {
        keys(values, (start + k) * columns, keys, k * stride);
      }
      Arrays.fill(sum, 0, n, baseMargin);
      for (int t = 0; t < trees; t++) {
        final int base = t * internal;
        final int leafBase = t * leaves - internal;
        int k = 0;
        // Four rows at a time through the same tree: independent walks the CPU can overlap.
        for (; k + 4 <= n; k += 4) {
          int a0 = k * stride;
          int a1 = a0 + stride;
          int a2 = a1 + stride;
          int a3 = a2 + stride;
          int i0 = 0;
          int i1 = 0;
          int i2 = 0;
          int i3 = 0;
          for (int level = 0; level < depth; level++) {
            int n0 = base + i0;
            int n1 = base + i1;
            int n2 = base + i2;
            int n3 = base + i3;
            i0 = 2 * i0 + 2 - below(keys, a0 + slot[n0], split[n0]);
            i1 = 2 * i1 + 2 - below(keys, a1 + slot[n1], split[n1]);
            i2 = 2 * i2 + 2 - below(keys, a2 + slot[n2], split[n2]);
            i3 = 2 * i3 + 2 - below(keys, a3 + slot[n3], split[n3]);
          }
          sum[k] += heapLeaf[leafBase + i0];
          sum[k + 1] += heapLeaf[leafBase + i1];
          sum[k + 2] += heapLeaf[leafBase + i2];
          sum[k + 3] += heapLeaf[leafBase + i3];
        }
        for (; k < n; k++) {
          sum[k] += heapLeaf[leafBase + walk(t, keys, k * stride)];
        }
      }
      for (int k = 0; k < n; k++) {
        out[start + k] = sigmoid(sum[k]);
      }
    }
  }

  static double sigmoid(double margin) {
    return 1.0 / (1.0 + Math.exp(-margin));
  }
}
